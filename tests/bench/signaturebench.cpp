// SPDX-License-Identifier: GPL-3.0-or-later
// gapwise_signaturebench [N [RUNS]]: times suggestGaps() on N failing tests (default 100,000) whose messages
// come from 60 templates with ids, numbers, paths, hosts and users that vary, some with a traceback, a tenth
// with no exception type. Each of RUNS runs (default 7) groups a fresh copy of the same report and prints its
// user and system CPU time (getrusage: this 2-core machine is shared, the wall clock says more about the
// neighbours); then the medians, the gaps made and a digest of the result (gap ids, titles, evidence and
// each test's gap), so that a change meant to be only faster can show it groups exactly as before. Not run
// by CI: speed is measured here, never asserted in tests.
#include "gapsuggester.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QTextStream>

#include <sys/resource.h>

#include <algorithm>

using namespace Gapwise;

namespace {

struct Cpu
{
    double user = 0, system = 0; // ms
};

Cpu cpuNow()
{
    rusage u {};
    getrusage(RUSAGE_SELF, &u);
    return { u.ru_utime.tv_sec * 1e3 + u.ru_utime.tv_usec / 1e3, u.ru_stime.tv_sec * 1e3 + u.ru_stime.tv_usec / 1e3 };
}

double median(QVector<double> values)
{
    std::sort(values.begin(), values.end());
    return values[values.size() / 2];
}

QString message(int templ, QRandomGenerator &random)
{
    static const QStringList users = { QStringLiteral("alice"), QStringLiteral("bob"), QStringLiteral("carol"),
        QStringLiteral("dave"), QStringLiteral("erin"), QStringLiteral("frank") };
    const QString user = users[random.bounded(int(users.size()))];
    const QString hex = QString::number(random.generate64() | 0x100000000ULL, 16);
    const int n = random.bounded(100000);
    const QString type = QStringList { QStringLiteral("TimeoutError: "), QStringLiteral("ValueError: "),
        QStringLiteral("AssertionError: "), QStringLiteral("java.io.IOException: "), QStringLiteral("KeyError: "),
        QString() }[templ % 6];
    switch (templ % 10) {
    case 0:
        return type
            + QStringLiteral("request %1 to http://10.0.%2.7:8080/api/v%3 timed out after %4s")
                  .arg(hex)
                  .arg(templ)
                  .arg(n % 3)
                  .arg(n % 60);
    case 1:
        return type + QStringLiteral("expected %1 items in basket %2 but got %3").arg(n % 9).arg(templ).arg(n % 7);
    case 2:
        return type + QStringLiteral("cannot open /var/lib/app%1/cache/%2.json").arg(templ).arg(hex);
    case 3:
        return type
            + QStringLiteral("login failed for user %1 on shard %2 (attempt %3)").arg(user).arg(templ).arg(n % 5);
    case 4:
        return type
            + QStringLiteral("block blk_-%1 missing on 10.1.%2.%3:50010 while step %4 ran")
                  .arg(n)
                  .arg(templ)
                  .arg(n % 250)
                  .arg(templ);
    case 5:
        return type
            + QStringLiteral("job %1-%2-4000-8000-%3 lost in queue q%4")
                  .arg(hex.left(8), hex.left(4), hex.left(12).rightJustified(12, QLatin1Char('0')))
                  .arg(templ);
    case 6:
        return type
            + QStringLiteral("lease for %1 expired at 2024-05-%2T10:00:%3Z in region %4")
                  .arg(user)
                  .arg(10 + n % 18)
                  .arg(10 + n % 49)
                  .arg(templ);
    case 7:
        return type
            + QStringLiteral("connection to db%1.internal:%2 refused after %3 ms").arg(templ).arg(5432 + n % 3).arg(n);
    case 8:
        return type + QStringLiteral("'%1' %2 not found in table t%3").arg(user).arg(n).arg(templ);
    default:
        return type + QStringLiteral("assert %1 == %2 in step %3").arg(n).arg(n + 1).arg(templ);
    }
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const int count = argc > 1 ? QByteArray(argv[1]).toInt() : 100000;
    QRandomGenerator random(42);
    Report report;
    report.tests.reserve(count);
    for (int i = 0; i < count; ++i) {
        TestCase t;
        t.id = t.name = QStringLiteral("tests/unit/test_m%1.py::test_case_%2").arg(i / 200).arg(i);
        t.status = TestStatus::Failed;
        const int templ = random.bounded(60);
        t.message = message(templ, random);
        if (templ % 4 == 0)
            t.details = QStringLiteral(
                "Traceback (most recent call last):\n  File \"/src/app/mod%1.py\", line %2, in run\n%3")
                            .arg(templ % 8)
                            .arg(random.bounded(400))
                            .arg(t.message);
        report.tests << t;
    }
    const int runs = qMax(1, argc > 2 ? QByteArray(argv[2]).toInt() : 7);
    QTextStream out(stdout);
    QVector<double> users, totals, walls;
    Report grouped;
    int gaps = 0;
    for (int run = 0; run < runs; ++run) {
        grouped = report; // a fresh copy, its strings detached: copying is not timed
        grouped.tests.detach();
        QElapsedTimer wall;
        wall.start();
        const Cpu before = cpuNow();
        gaps = suggestGaps(grouped);
        const Cpu after = cpuNow();
        users << after.user - before.user;
        totals << after.user - before.user + after.system - before.system;
        walls << wall.elapsed();
        out << QStringLiteral("run %1: %2 ms user + %3 ms system CPU (%4 ms wall)\n")
                   .arg(run + 1)
                   .arg(users.last(), 0, 'f', 0)
                   .arg(totals.last() - users.last(), 0, 'f', 0)
                   .arg(walls.last(), 0, 'f', 0);
        out.flush();
    }
    QCryptographicHash digest(QCryptographicHash::Sha1);
    for (const Gap &g : std::as_const(grouped.gaps))
        digest.addData((g.id + g.title + g.evidence.join(QLatin1Char('|'))).toUtf8());
    for (const TestCase &t : std::as_const(grouped.tests))
        digest.addData((t.id + QLatin1Char('>') + t.gapId).toUtf8());
    out << QStringLiteral("%1 failures grouped into %2 suggested gaps: median of %3 runs %4 ms user CPU, %5 ms "
                          "user + system (%6 ms wall); result digest %7\n")
               .arg(count)
               .arg(gaps)
               .arg(runs)
               .arg(median(users), 0, 'f', 0)
               .arg(median(totals), 0, 'f', 0)
               .arg(median(walls), 0, 'f', 0)
               .arg(QString::fromLatin1(digest.result().toHex().left(12)));
    return 0;
}
