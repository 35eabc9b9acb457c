// SPDX-License-Identifier: GPL-3.0-or-later
// A Maven Surefire run is a folder of TEST-<class>.xml files, one per test class. This writes such a folder
// (FILES files of TESTS testcases each, every 40th test failing with one of a few causes) and imports it as one
// run the way `gapwise DIR` does, printing the CPU time, wall time and peak memory of the import.
//   build/tests/gapwise_surefirebench [FILES [TESTS [DIR]]]    defaults: 3000 files, 10 tests, a temporary folder
#include "importer.h"
#include "multifile.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QTextStream>

#include <sys/resource.h>

using namespace Gapwise;

namespace {

double cpuSeconds(const rusage &u)
{
    return double(u.ru_utime.tv_sec + u.ru_stime.tv_sec) + double(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

void writeSuite(const QString &dir, int file, int tests)
{
    static const char *const packages[] = { "unit", "integration" };
    const QString cls = QStringLiteral("com.acme.%1.module%2.Class%3Test")
                            .arg(QLatin1String(packages[file % 7 == 0 ? 1 : 0]))
                            .arg(file % 50)
                            .arg(file);
    QByteArray xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    int failures = 0;
    QByteArray cases;
    for (int t = 0; t < tests; ++t) {
        const bool fails = (file * tests + t) % 40 == 0;
        cases += QStringLiteral("  <testcase name=\"test%1\" classname=\"%2\" time=\"0.0%3\"")
                     .arg(t)
                     .arg(cls)
                     .arg(t % 10)
                     .toUtf8();
        if (fails) {
            ++failures;
            const int cause = (file + t) % 5;
            cases += QStringLiteral(">\n    <failure message=\"expected:&lt;%1&gt; but was:&lt;%2&gt;\" "
                                    "type=\"org.opentest4j.AssertionFailedError\">org.opentest4j.AssertionFailedError: "
                                    "cause %3\n\tat %4.test%5(Class%6Test.java:%7)\n</failure>\n  </testcase>\n")
                         .arg(t)
                         .arg(t + 1)
                         .arg(cause)
                         .arg(cls)
                         .arg(t)
                         .arg(file)
                         .arg(20 + t)
                         .toUtf8();
        } else {
            cases += "/>\n";
        }
    }
    xml += QStringLiteral("<testsuite name=\"%1\" tests=\"%2\" failures=\"%3\" errors=\"0\" skipped=\"0\" "
                          "time=\"0.5\" timestamp=\"2026-12-02T10:00:00\" hostname=\"ci\">\n")
               .arg(cls)
               .arg(tests)
               .arg(failures)
               .toUtf8();
    xml += cases + "</testsuite>\n";
    QFile f(QDir(dir).filePath(QStringLiteral("TEST-%1.xml").arg(cls)));
    if (f.open(QIODevice::WriteOnly))
        f.write(xml);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const int files = args.size() > 1 ? args[1].toInt() : 3000;
    const int tests = args.size() > 2 ? args[2].toInt() : 10;
    QTemporaryDir temp;
    const QString dir = args.size() > 3 ? args[3] : temp.path() + QStringLiteral("/surefire-reports");
    QDir().mkpath(dir);
    QTextStream out(stdout);
    if (QDir(dir).entryList(QDir::Files).isEmpty()) {
        for (int i = 0; i < files; ++i)
            writeSuite(dir, i, tests);
    }
    rusage before {}, after {};
    getrusage(RUSAGE_SELF, &before);
    QElapsedTimer wall;
    wall.start();
    const ImportResult result = importFile(dir);
    const qint64 ms = wall.elapsed();
    getrusage(RUSAGE_SELF, &after);
    if (!result.ok()) {
        out << "import failed: " << result.error.toString() << '\n';
        return 1;
    }
    const Report &r = *result.report;
    out << "folder: " << dir << " (" << reportFilesIn(dir).size() << " files)\n"
        << "tests: " << r.tests.size() << ", failing: " << r.countTests(TestStatus::Failed)
        << ", phases: " << r.phases.size() << ", gaps: " << r.gaps.size() << '\n'
        << "import: " << QString::number(cpuSeconds(after) - cpuSeconds(before), 'f', 2) << " s CPU, " << ms
        << " ms wall, peak RSS " << after.ru_maxrss / 1024 << " MiB\n";
    return 0;
}
