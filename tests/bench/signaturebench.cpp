// SPDX-License-Identifier: GPL-3.0-or-later
// gapwise_signaturebench [N]: times suggestGaps() on N failing tests (default 100,000) whose messages come
// from 60 templates with ids, numbers, paths, hosts and users that vary, some with a traceback, a tenth
// with no exception type, and prints the CPU time (this 2-core machine is shared: the wall clock says more
// about the neighbours) and the gaps made. Not run by CI: speed is measured here, never asserted in tests.
#include "gapsuggester.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QTextStream>

#include <ctime>

using namespace Gapwise;

namespace {

double cpuMs()
{
    timespec t {};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
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
    QElapsedTimer wall;
    wall.start();
    const double cpu0 = cpuMs();
    const int gaps = suggestGaps(report);
    const double cpu = cpuMs() - cpu0;
    QTextStream(stdout) << QStringLiteral("%1 failures grouped into %2 suggested gaps: %3 ms CPU (%4 ms wall)\n")
                               .arg(count)
                               .arg(gaps)
                               .arg(cpu, 0, 'f', 0)
                               .arg(wall.elapsed());
    return 0;
}
