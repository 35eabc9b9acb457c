// SPDX-License-Identifier: GPL-3.0-or-later
// A run from several files: a Surefire folder (one JUnit file per class, nested, a broken file, a class written
// twice), explicit file lists, mixed formats, and the fold of many suite phases into one.
#include "multifile.h"
#include "testsupport.h"

#include <catch2/catch.hpp>

#include <QDir>
#include <QFile>
#include <QSet>
#include <QTemporaryDir>

using namespace Gapwise;
using TestSupport::dataPath;
using TestSupport::phaseNames;

namespace {

int warningsContaining(const Report &r, const char *text)
{
    int n = 0;
    for (const Diagnostic &d : r.diagnostics)
        n += d.severity == Severity::Warning && d.message.contains(QLatin1String(text)) ? 1 : 0;
    return n;
}

} // namespace

TEST_CASE("A Surefire folder is one run: nested files, duplicates and a broken file said", "[multifile]")
{
    const QString dir = dataPath(QStringLiteral("multi/surefire"));
    const QStringList files = reportFilesIn(dir);
    REQUIRE(files.size() == 5); // the hidden notes are left out, the nested folder is read
    CHECK(files.filter(QStringLiteral("nested/")).size() == 1);

    const ImportResult result = importFile(dir); // what `gapwise DIR` does
    INFO(result.error.toString().toStdString());
    REQUIRE(result.ok());
    const Report &r = *result.report;
    CHECK(r.title == QLatin1String("surefire (4 files)"));
    CHECK(r.format == QLatin1String("junit"));
    CHECK(r.sourceFile == QDir(dir).absolutePath());
    CHECK(r.date == QLatin1String("2026-12-01T10:00:00"));
    REQUIRE(r.tests.size() == 8);
    CHECK(r.countTests(TestStatus::Failed) == 1);
    CHECK(r.countTests(TestStatus::Error) == 1);
    CHECK(r.countTests(TestStatus::Skipped) == 1);
    // Phases from the class paths, as for one JUnit file; the same phase from several files is one.
    REQUIRE(r.phases.size() == 2);
    const int unit = r.phaseIndex(QStringLiteral("unit"));
    REQUIRE(unit >= 0);
    CHECK(r.phases[unit].total == 6);
    CHECK(r.phases[unit].failed == 1);
    CHECK(r.phases[unit].errors == 1);
    CHECK(r.phases[r.phaseIndex(QStringLiteral("integration"))].total == 2);
    // The class written twice: both kept, ids apart, reported with both files.
    QSet<QString> ids;
    for (const TestCase &t : r.tests)
        ids.insert(t.id);
    CHECK(ids.size() == r.tests.size());
    CHECK(warningsContaining(r, "test com.acme.unit.CartTest::addsItem is also in") == 1);
    // The broken file is a warning naming it and its line; the rest imports.
    CHECK(warningsContaining(r, "TEST-broken.xml: not imported:") == 1);
}

TEST_CASE("Several files named are one run, none importable is an error", "[multifile]")
{
    const QString dir = dataPath(QStringLiteral("multi/surefire"));
    const ImportResult two = importFiles({ QDir(dir).filePath(QStringLiteral("TEST-com.acme.unit.CartTest.xml")),
        QDir(dir).filePath(QStringLiteral("nested/TEST-com.acme.integration.DbIT.xml")) });
    REQUIRE(two.ok());
    CHECK(two.report->tests.size() == 5);
    CHECK(two.report->phases.size() == 2);
    CHECK(two.report->title == QLatin1String("surefire (2 files)")); // their common folder

    // Mixed formats: a JUnit file and a TRX file make one run.
    const ImportResult mixed = importFiles({ QDir(dir).filePath(QStringLiteral("TEST-com.acme.unit.CartTest.xml")),
        dataPath(QStringLiteral("dotnet/trx-outcomes.trx")) });
    REQUIRE(mixed.ok());
    CHECK(mixed.report->format == QLatin1String("mixed"));
    CHECK(mixed.report->tests.size() == 10);

    const ImportResult none = importFiles({ QDir(dir).filePath(QStringLiteral("TEST-broken.xml")) });
    REQUIRE_FALSE(none.ok());
    CHECK(none.error.file.endsWith(QLatin1String("TEST-broken.xml")));

    QTemporaryDir empty;
    const ImportResult nothing = importFile(empty.path());
    REQUIRE_FALSE(nothing.ok());
    CHECK(nothing.error.message.startsWith(QLatin1String("no test report found in this folder")));
}

TEST_CASE("More than 12 suite phases from many files fold into one named after the folder", "[multifile]")
{
    QTemporaryDir temp;
    const QString dir = temp.path() + QStringLiteral("/target-reports");
    REQUIRE(QDir().mkpath(dir));
    for (int i = 0; i < 20; ++i) {
        QFile f(QDir(dir).filePath(QStringLiteral("TEST-Suite%1.xml").arg(i)));
        REQUIRE(f.open(QIODevice::WriteOnly));
        f.write(QStringLiteral("<testsuite name=\"Suite%1\"><testcase classname=\"Suite%1\" name=\"a\"/>"
                               "<testcase classname=\"Suite%1\" name=\"b\"><failure message=\"boom %1\"/></testcase>"
                               "</testsuite>")
                    .arg(i)
                    .toUtf8());
    }
    const ImportResult result = importFile(dir);
    REQUIRE(result.ok());
    const Report &r = *result.report;
    REQUIRE(phaseNames(r) == QStringList { QStringLiteral("target-reports") });
    CHECK(r.phases[0].total == 40);
    CHECK(r.phases[0].failed == 20);
    QSet<QString> ids;
    for (const TestCase &t : r.tests) {
        CHECK(t.phaseId == r.phases[0].id);
        ids.insert(t.id);
    }
    CHECK(ids.size() == 40);
    // The 20 "boom N" failures are one message template: one suggested gap over all the files.
    REQUIRE(r.gaps.size() == 1);
    CHECK(r.gaps[0].suggested);
}

TEST_CASE("A folder named by a relative path with .. or a trailing slash is read and titled", "[multifile]")
{
    // QA: "cd broken && gapwise inspect ../mixdir" found no files (the ".." read as a hidden part), and
    // "gapwise inspect mixdir/" was titled " (2 files)".
    QTemporaryDir temp;
    REQUIRE(temp.isValid());
    for (const char *sub : { "runs/deep", "runs/.cache", ".dotted/runs", "broken" })
        REQUIRE(QDir(temp.path()).mkpath(QLatin1String(sub)));
    const QByteArray junit = "<testsuite name=\"S\"><testcase classname=\"a.T\" name=\"t\"/></testsuite>";
    TestSupport::writeFileOrFail(temp, QStringLiteral("runs/one.xml"), junit);
    TestSupport::writeFileOrFail(temp, QStringLiteral("runs/deep/two.xml"), QByteArray(junit).replace("a.T", "b.T"));
    TestSupport::writeFileOrFail(temp, QStringLiteral("runs/.cache/hidden.xml"), junit);
    TestSupport::writeFileOrFail(temp, QStringLiteral("runs/.hidden.xml"), junit);
    TestSupport::writeFileOrFail(temp, QStringLiteral(".dotted/runs/three.xml"), junit);
    const QString cwd = QDir::currentPath();
    REQUIRE(QDir::setCurrent(temp.filePath(QStringLiteral("broken"))));
    struct Restore
    {
        QString dir;
        ~Restore() { QDir::setCurrent(dir); }
    } restore { cwd };

    for (const QString &path :
        { QStringLiteral("../runs"), QStringLiteral("../runs/"), QStringLiteral("./../runs/.") }) {
        INFO(path.toStdString());
        const QStringList files = reportFilesIn(path);
        REQUIRE(files.size() == 2); // hidden ones below the folder left out
        CHECK(files[0] == QDir::cleanPath(temp.filePath(QStringLiteral("runs/deep/two.xml"))));
        const ImportResult result = importFiles({ path });
        INFO(result.error.toString().toStdString());
        REQUIRE(result.ok());
        CHECK(result.report->tests.size() == 2);
        CHECK(result.report->title == QLatin1String("runs (2 files)"));
        CHECK(result.report->sourceFile == QDir::cleanPath(temp.filePath(QStringLiteral("runs"))));
    }
    // A folder that is itself inside a hidden one: only what lies below the folder counts as hidden.
    CHECK(reportFilesIn(QStringLiteral("../.dotted/runs")).size() == 1);
    REQUIRE(QDir::setCurrent(temp.filePath(QStringLiteral("runs"))));
    const ImportResult here = importFiles({ QStringLiteral(".") });
    REQUIRE(here.ok());
    CHECK(here.report->title == QLatin1String("runs (2 files)"));
    CHECK(folderTitle(QStringLiteral("/")) == QLatin1String("/"));
}

TEST_CASE("A folder of one report file says one file, one suite, one test", "[multifile][counts]")
{
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    QFile file(dir.filePath(QStringLiteral("TEST-only.xml")));
    REQUIRE(file.open(QIODevice::WriteOnly));
    file.write("<testsuite name=\"only\" tests=\"1\" failures=\"0\"><testcase classname=\"only\" name=\"t\"/>"
               "</testsuite>\n");
    file.close();
    const ImportResult result = importFile(dir.path());
    INFO(result.error.toString().toStdString());
    REQUIRE(result.ok());
    const Report &r = *result.report;
    CHECK(r.title.endsWith(QLatin1String(" (1 file)")));
    INFO(r.summaryFacts.join(QLatin1Char('\n')).toStdString());
    CHECK(r.summaryFacts.filter(QStringLiteral("1 report file under ")).size() == 1);
    const ImportResult alone = importFile(file.fileName()); // the file itself
    REQUIRE(alone.ok());
    CHECK(alone.report->summaryFacts.contains(QStringLiteral("1 test suite, 1 test")));
}

TEST_CASE("A folder's files that cannot be imported are named in the run, with why", "[multifile]")
{
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    TestSupport::writeFileOrFail(dir, QStringLiteral("a.xml"),
        R"(<testsuite name="A" tests="1"><testcase classname="c.A" name="ok"/></testsuite>)");
    TestSupport::writeFileOrFail(dir, QStringLiteral("b-broken.xml"), "<testsuite name=\"B\">\n<testcase");
    TestSupport::writeFileOrFail(dir, QStringLiteral("c-random.json"), R"({"not": "a report"})");
    const ImportResult result = importFile(dir.path());
    INFO(result.error.toString().toStdString());
    REQUIRE(result.ok());
    const Report &r = *result.report;
    REQUIRE(r.unreadFiles.size() == 2);
    CHECK(r.unreadFiles[0].startsWith(QLatin1String("b-broken.xml (line ")));
    CHECK(r.unreadFiles[1].startsWith(QLatin1String("c-random.json (not a test report Gapwise can read")));
    const QString line = unreadFilesText(r.unreadFiles);
    CHECK(line.startsWith(QLatin1String("2 files not imported: b-broken.xml (line ")));
    CHECK(line.contains(QLatin1String("); c-random.json (not a test report")));
    CHECK(r.summaryFacts.contains(line));
    CHECK(unreadFilesText({ QStringLiteral("x.xml (why)") }) == QLatin1String("1 file not imported: x.xml (why)"));
    CHECK(unreadFilesText({}).isEmpty());
}

TEST_CASE("A folder without a test report is the same error as an empty folder", "[multifile]")
{
    QTemporaryDir empty;
    REQUIRE(empty.isValid());
    QTemporaryDir readme;
    REQUIRE(readme.isValid());
    TestSupport::writeFileOrFail(readme, QStringLiteral("readme.txt"), "hello\n");
    const QString expected = QStringLiteral(": no test report found in this folder (Gapwise reads test results from "
                                            ".xml, .trx, .json, .md, .markdown, .log and .txt files)");
    for (const QString &folder : { empty.path(), readme.path() }) {
        const ImportResult r = importFile(folder);
        REQUIRE_FALSE(r.ok());
        CHECK(r.error.toString() == folder + expected);
    }
}

TEST_CASE("A folder's date is the latest of its files with tests, its environment one they agree on", "[multifile]")
{
    const auto suite = [](const char *timestamp, const char *host, bool withTest) {
        return QStringLiteral("<testsuite name=\"S\" timestamp=\"%1\" hostname=\"%2\">%3</testsuite>")
            .arg(QLatin1String(timestamp), QLatin1String(host),
                withTest ? QStringLiteral("<testcase classname=\"c.S\" name=\"t\"/>") : QString())
            .toUtf8();
    };
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    // The first file by name is empty: its date and host said nothing of the run, and were the run's.
    TestSupport::writeFileOrFail(dir, QStringLiteral("a-empty.xml"), suite("2030-01-01T00:00:00", "ghost", false));
    TestSupport::writeFileOrFail(dir, QStringLiteral("b.xml"), suite("2008-05-01T10:00:00", "ci-1", true));
    TestSupport::writeFileOrFail(dir, QStringLiteral("c.xml"), suite("2026-03-07T09:30:00", "ci-1", true));
    TestSupport::writeFileOrFail(dir, QStringLiteral("d.xml"), suite("not a date", "ci-1", true));
    ImportResult r = importFile(dir.path());
    REQUIRE(r.ok());
    CHECK(r.report->date == QLatin1String("2026-03-07T09:30:00"));
    CHECK(r.report->environment == QLatin1String("ci-1"));
    TestSupport::writeFileOrFail(dir, QStringLiteral("e.xml"), suite("2026-03-07T09:00:00", "ci-2", true));
    r = importFile(dir.path());
    REQUIRE(r.ok());
    CHECK(r.report->date == QLatin1String("2026-03-07T09:30:00"));
    CHECK(r.report->environment == QLatin1String("several (ci-1, ci-2)"));
}
