// SPDX-License-Identifier: GPL-3.0-or-later
// gapwise_comparebench [N]: times comparing two synthetic JUnit runs of N testcases (default 100000): the
// same test names, failures drawn with different seeds, the new run 1% longer (added tests). The old side
// is triaged as an engineer would: a gap created, its failures moved in, a priority and notes set, so the
// carry-over replays real edits and matches new failures against the gap's signatures.
// Imports are timed apart: the question is whether comparing stays interactive once both runs are loaded.
// The "window" lines time the main window's comparison mode: the worker's share, then what the GUI thread
// does with the result (tree and filter proxy following the session).
// Not run by CI: speed is measured here, never asserted in tests.
#include "comparisoncolumnproxy.h"
#include "comparisondigest.h"
#include "comparisonwriters.h"
#include "importer.h"
#include "junitsynth.h"
#include "reportfilterproxy.h"
#include "reporttreemodel.h"
#include "runcomparison.h"
#include "treecomparison.h"
#include "triagecarryover.h"
#include "triagecommands.h"
#include "triagedrun.h"
#include "triagesession.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTextStream>

#include <ctime>

using namespace Gapwise;

namespace {

// CPU time of this process: on a shared 2-core machine the wall clock says more about the neighbours.
double cpuMs()
{
    timespec t {};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

Report synthetic(const QString &path, int tests, quint32 seed)
{
    QFile file(path);
    file.open(QIODevice::WriteOnly);
    GapwiseBench::writeSyntheticJUnit(file, tests, seed);
    file.close();
    ImportResult result = importFile(path);
    if (!result.ok()) {
        QTextStream(stderr) << result.error.toString() << '\n';
        std::exit(3);
    }
    return *result.report;
}

TriagedRun triage(const Report &imported)
{
    TriageSession session;
    session.load(imported);
    QStringList failing;
    for (const TestCase &t : imported.tests) {
        if (failsInRun(t) && failing.size() < 2000)
            failing.append(t.id);
    }
    const QString gap = session.moveTestsToNewGap(failing, QStringLiteral("Triaged by hand"));
    session.setGapPriority(gap, Priority::P1);
    session.setGapNotes(gap, QStringLiteral("seen in the nightly"));
    TriagedRun run;
    run.imported = imported;
    run.triaged = session.report();
    for (const TriageCommand *edit : session.appliedEdits())
        run.edits.append(edit->toJson());
    return run;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const int n = argc > 1 ? QByteArray(argv[1]).toInt() : 100000;
    QTemporaryDir dir;
    QTextStream out(stdout);
    QElapsedTimer timer;
    timer.start();
    const Report oldRun = synthetic(dir.filePath(QStringLiteral("old.xml")), n, 1);
    const Report newRun = synthetic(dir.filePath(QStringLiteral("new.xml")), n + n / 100, 2);
    out << "generate + import both: " << timer.elapsed() << " ms (" << oldRun.tests.size() << " and "
        << newRun.tests.size() << " tests)\n";
    const TriagedRun old = triage(oldRun);

    timer.restart();
    double cpu = cpuMs();
    const RunComparison comparison = compareRuns(oldRun, newRun);
    const qint64 compareMs = timer.elapsed();
    const double compareCpu = cpuMs() - cpu;
    timer.restart();
    cpu = cpuMs();
    TriageSession session;
    const CarryOverResult carry = carryOverTriage(session, newRun, old, comparison);
    const qint64 carryMs = timer.elapsed();
    const double carryCpu = cpuMs() - cpu;
    timer.restart();
    cpu = cpuMs();
    const ComparisonDigest digest = digestComparison(old.triaged, session.report(), comparison, &carry);
    const QByteArray json = QJsonDocument(comparisonToJson(digest)).toJson();
    const qint64 digestMs = timer.elapsed();
    const double digestCpu = cpuMs() - cpu;

    out << "step              wall ms   CPU ms\n"
        << "compareRuns      " << qSetFieldWidth(8) << compareMs << qSetFieldWidth(9) << qint64(compareCpu)
        << qSetFieldWidth(0) << '\n'
        << "carryOverTriage  " << qSetFieldWidth(8) << carryMs << qSetFieldWidth(9) << qint64(carryCpu)
        << qSetFieldWidth(0) << "  (" << old.edits.size() << " edits, " << carry.applied << " applied, "
        << carry.suggested.size() << " new failures suggested into triaged gaps)\n"
        << "digest + JSON    " << qSetFieldWidth(8) << digestMs << qSetFieldWidth(9) << qint64(digestCpu)
        << qSetFieldWidth(0) << "  (" << json.size() / 1024 << " KiB)\n"
        << "total            " << qSetFieldWidth(8) << compareMs + carryMs + digestMs << qSetFieldWidth(9)
        << qint64(compareCpu + carryCpu + digestCpu) << qSetFieldWidth(0) << '\n';
    // The window's comparison mode: the worker's share, then what the GUI thread does with its result
    // (tree and proxy following the session, as in the window).
    timer.restart();
    cpu = cpuMs();
    const CarriedEdits carried = carryOverEdits(newRun, old, comparison);
    const auto tree = std::make_shared<const TreeComparison>(
        treeComparison(old.triaged, int(newRun.tests.size()), comparison, carried.result.gapMap));
    const ComparisonDigest windowDigest = digestComparison(old.triaged, carried.triaged, comparison, &carried.result);
    const qint64 workerMs = timer.elapsed();
    const double workerCpu = cpuMs() - cpu;
    TriageSession windowSession;
    ReportTreeModel model;
    ReportFilterProxy proxy;
    model.setSession(&windowSession);
    proxy.setReportModel(&model);
    windowSession.load(newRun);
    timer.restart();
    cpu = cpuMs();
    proxy.comparisonModel()->setComparison(tree);
    const QStringList late = applyCarriedEdits(windowSession, carried.edits, QStringLiteral("Carry over triage"));
    QStringList shown; // the Change column of the top-level rows, as a first paint asks for it
    for (int r = 0; r < proxy.rowCount(); ++r)
        shown.append(proxy.index(r, ComparisonColumnProxy::ChangeColumn).data().toString());
    const QVector<GroupDelta> gapsNow = currentGapDeltas(*tree, windowSession.report(), {});
    const qint64 guiMs = timer.elapsed();
    const double guiCpu = cpuMs() - cpu;
    timer.restart();
    cpu = cpuMs();
    proxy.setChangeFilter(1u << unsigned(ChangeClass::NewFailure));
    const qint64 filterMs = timer.elapsed();
    const double filterCpu = cpuMs() - cpu;
    out << "window: worker (carryOverEdits + treeComparison + digest of " << windowDigest.tests.size()
        << " changed tests) " << workerMs << " ms wall, " << qint64(workerCpu) << " ms CPU\n"
        << "window: GUI thread (setComparison, replay " << carried.edits.size() << " edits as one step, "
        << shown.size() << " group deltas, " << gapsNow.size() << " gap bars) " << guiMs << " ms wall, "
        << qint64(guiCpu) << " ms CPU" << (late.isEmpty() ? "" : " (some edits did not apply)") << '\n'
        << "window: change filter to new failures (" << proxy.matchCount() << " match) " << filterMs << " ms wall, "
        << qint64(filterCpu) << " ms CPU\n";
    QStringList counts;
    for (int c = 0; c < ChangeClassCount; ++c)
        counts.append(QStringLiteral("%1 %2").arg(comparison.counts[c]).arg(changeClassName(ChangeClass(c))));
    out << counts.join(QLatin1String(", ")) << '\n';
    return 0;
}
