// SPDX-License-Identifier: GPL-3.0-or-later
// The history store at scale: fills a store with RUNS runs of TESTS tests (a generated nightly series with
// flaky tests and regressions), then times what the issue sets targets for: adding one run, a test's
// history, the flaky list over the last 50 runs, and the store's size.
//
//   gapwise_historybench [RUNS [TESTS [STORE]]]    defaults 1000, 10000, /tmp/gapwise-historybench.sqlite
//
// An existing STORE with runs is reused (only the missing runs are added), so the timings can be re-taken.
#include "historyseries.h"
#include "historystore.h"
#include "historysummary.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTextStream>

#include <algorithm>
#include <ctime>

using namespace Gapwise;

namespace {

double cpuSeconds()
{
    return double(std::clock()) / CLOCKS_PER_SEC;
}

RunRecord record(const HistorySeries::Spec &spec, int run)
{
    return makeRunRecord(HistorySeries::report(spec, run), QStringLiteral("run-%1.xml").arg(run),
        QStringLiteral("series-%1-%2").arg(spec.tests).arg(run), {});
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    HistorySeries::Spec spec;
    spec.runs = args.value(1, QStringLiteral("1000")).toInt();
    spec.tests = args.value(2, QStringLiteral("10000")).toInt();
    const QString path = args.value(3, QStringLiteral("/tmp/gapwise-historybench.sqlite"));
    QTextStream out(stdout);
    HistoryStore store;
    QString error;
    if (!store.open(path, true, &error)) {
        out << error << '\n';
        return 1;
    }
    const int have = int(store.runs(&error).size());
    out << "store " << path << ": " << have << " runs; filling to " << spec.runs - 1 << " runs of " << spec.tests
        << " tests\n";
    out.flush();
    QElapsedTimer fill;
    fill.start();
    for (int run = have; run < spec.runs - 1; ++run) {
        if (!store.addRun(record(spec, run), &error)) {
            out << error << '\n';
            return 1;
        }
        if (run % 50 == 0) {
            out << "  run " << run << ", " << fill.elapsed() / 1000.0 << " s so far\n";
            out.flush();
        }
    }

    // Adding one run: making the record (signatures) and the store's transaction, timed apart.
    const int last = std::max(spec.runs - 1, int(store.runs(&error).size()));
    QElapsedTimer t;
    double cpu = cpuSeconds();
    t.start();
    const RunRecord newest = record(spec, last);
    const qint64 recordMs = t.restart();
    const double recordCpu = cpuSeconds() - cpu;
    cpu = cpuSeconds();
    if (!store.addRun(newest, &error)) {
        out << error << '\n';
        return 1;
    }
    const qint64 addMs = t.elapsed();
    const double addCpu = cpuSeconds() - cpu;
    const QVector<StoredRun> runs = store.runs(&error);
    out << "runs stored: " << runs.size() << ", results: about " << qint64(runs.size()) * spec.tests << '\n';
    out << "add one run of " << spec.tests << " tests: record " << recordMs << " ms (" << recordCpu * 1000
        << " ms CPU), store " << addMs << " ms wall (" << addCpu * 1000 << " ms CPU)\n";

    // A test's history over every run: median of 9 tests spread over the suite.
    // Wall time on a loaded machine says more about the load than the store: CPU time is given beside it.
    QVector<qint64> micros;
    QVector<double> cpuMillis;
    for (int i = 0; i < 9; ++i) {
        const int test = (i * 1117 + 52) % spec.tests;
        t.restart();
        cpu = cpuSeconds();
        const auto h = store.testHistory(HistorySeries::testName(test), &error);
        micros.append(t.nsecsElapsed() / 1000);
        cpuMillis.append((cpuSeconds() - cpu) * 1000);
        if (!h || h->outcomes.size() != runs.size()) {
            out << "test history failed: " << error << '\n';
            return 1;
        }
    }
    std::sort(micros.begin(), micros.end());
    std::sort(cpuMillis.begin(), cpuMillis.end());
    out << "a test's history over " << runs.size() << " runs: median " << micros[4] / 1000.0 << " ms wall ("
        << cpuMillis[4] << " ms CPU), max " << micros.last() / 1000.0 << " ms wall (" << cpuMillis.last()
        << " ms CPU)\n";

    // The flaky list (and regressions) over the last 50 runs.
    cpu = cpuSeconds();
    t.restart();
    const auto summary = summariseHistory(store, 50, &error);
    if (!summary) {
        out << error << '\n';
        return 1;
    }
    out << "flaky list over the last 50 runs: " << t.elapsed() << " ms wall (" << (cpuSeconds() - cpu) * 1000
        << " ms CPU): " << summary->flaky.size() << " flaky, " << summary->regressions.size() << " regressions, "
        << summary->failing.size() << " failing\n";

    const qint64 bytes = QFileInfo(path).size() + QFileInfo(path + QStringLiteral("-wal")).size();
    out << "store size: " << bytes / (1024.0 * 1024.0) << " MiB (with its WAL), "
        << double(bytes) / (qint64(runs.size()) * spec.tests) << " bytes per result\n";
    return 0;
}
