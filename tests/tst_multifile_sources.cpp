// SPDX-License-Identifier: GPL-3.0-or-later
// A run from several files keeps its files: each test, phase and gap names the file its line is in, the JSON
// lists them, and a session saved for a list of files reopens exactly that list (not the whole folder).
#include "multifile.h"
#include "reportjson.h"
#include "sessionfile.h"
#include "sourcelines.h"
#include "triagesession.h"

#include <catch2/catch.hpp>

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QTemporaryDir>

using namespace Gapwise;

namespace {

void write(const QString &path, const QByteArray &bytes)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    REQUIRE(f.open(QIODevice::WriteOnly));
    f.write(bytes);
}

QByteArray junit(const char *cls, const char *passing, const char *failing)
{
    return QByteArray("<?xml version=\"1.0\"?>\n<testsuite name=\"") + cls
        + "\" tests=\"2\" failures=\"1\">\n"
          "  <testcase classname=\""
        + cls + "\" name=\"" + passing + "\" time=\"0.1\"/>\n  <testcase classname=\"" + cls + "\" name=\"" + failing
        + "\" time=\"0.2\">\n    <failure message=\"expected 1 but was 2\">at " + cls
        + "\n</failure>\n  </testcase>\n</testsuite>\n";
}

// Three small JUnit files, one in a subfolder.
struct RunFolder
{
    QTemporaryDir dir;
    QString a, b, c;
    RunFolder()
    {
        REQUIRE(dir.isValid());
        a = dir.filePath(QStringLiteral("TEST-com.acme.unit.CartTest.xml"));
        b = dir.filePath(QStringLiteral("TEST-com.acme.unit.PriceTest.xml"));
        c = dir.filePath(QStringLiteral("more/TEST-com.acme.integration.ShopTest.xml"));
        write(a, junit("com.acme.unit.CartTest", "adds_item", "removes_item"));
        write(b, junit("com.acme.unit.PriceTest", "rounds_down", "applies_discount"));
        write(c, junit("com.acme.integration.ShopTest", "checks_out", "refunds"));
    }
};

const TestCase *testNamed(const Report &r, const QString &own)
{
    for (const TestCase &t : r.tests) {
        if (t.name.endsWith(own))
            return &t;
    }
    return nullptr;
}

} // namespace

TEST_CASE("Each test of a run from several files names its file, and its line is that file's", "[multifile][sources]")
{
    RunFolder run;
    const ImportResult result = importFiles({ run.dir.path() });
    INFO(result.error.toString().toStdString());
    REQUIRE(result.ok());
    const Report &r = *result.report;
    REQUIRE(r.files.size() == 3);
    CHECK(r.files.contains(QFileInfo(run.c).absoluteFilePath()));
    const SourceLines lines = SourceLines::fromFiles(r.files, 1 << 20);
    REQUIRE(lines.fileCount() == 3);
    for (const char *own : { "removes_item", "applies_discount", "refunds", "checks_out" }) {
        const TestCase *t = testNamed(r, QLatin1String(own));
        REQUIRE(t);
        INFO(own);
        REQUIRE(t->file >= 0);
        REQUIRE(t->file < r.files.size());
        CHECK(lines.line(t->line, t->file).contains(QLatin1String(own)));
    }
    CHECK(r.fileAt(testNamed(r, QStringLiteral("refunds"))->file) == QFileInfo(run.c).absoluteFilePath());
    CHECK(r.fileAt(testNamed(r, QStringLiteral("applies_discount"))->file) == QFileInfo(run.b).absoluteFilePath());
    for (const Phase &p : r.phases) {
        INFO(p.name.toStdString());
        CHECK(p.file >= 0);
        CHECK(p.file < r.files.size());
    }
    CHECK(r.fileAt(-1).isEmpty());
    CHECK(r.fileAt(3).isEmpty());
    CHECK(lines.line(1, 7).isEmpty()); // no such file: nothing, no crash

    // inspect --json: the files, and each test's index into them.
    const QJsonObject json = reportToJson(r);
    REQUIRE(json.value(QStringLiteral("files")).toArray().size() == 3);
    const QJsonArray tests = json.value(QStringLiteral("tests")).toArray();
    REQUIRE(tests.size() == r.tests.size());
    for (int i = 0; i < tests.size(); ++i)
        CHECK(tests[i].toObject().value(QStringLiteral("file")).toInt(-1) == r.tests[i].file);
}

TEST_CASE("A one-file report lists its one file", "[multifile][sources]")
{
    RunFolder run;
    const ImportResult result = importFiles({ run.a });
    REQUIRE(result.ok());
    CHECK(result.report->files == QStringList { QFileInfo(run.a).absoluteFilePath() });
    for (const TestCase &t : result.report->tests)
        CHECK(t.file == 0);
}

TEST_CASE("Source lines past the byte budget quote nothing but keep their file's index", "[multifile][sources]")
{
    RunFolder run;
    const QStringList files { run.a, run.b };
    const qint64 first = QFileInfo(run.a).size();
    const SourceLines lines = SourceLines::fromFiles(files, first);
    REQUIRE(lines.fileCount() == 2);
    CHECK(lines.lineCount(0) > 3);
    CHECK(lines.lineCount(1) == 0);
}

TEST_CASE("A session of several named files reopens those files, not their whole folder", "[multifile][session]")
{
    RunFolder run;
    const QStringList chosen { run.a, run.c }; // b is in the same folder but not in the run
    const ImportResult result = importFiles(chosen);
    REQUIRE(result.ok());
    REQUIRE(result.report->tests.size() == 4);

    TriageSession triage;
    triage.load(*result.report);
    const int failing = [&] {
        for (int i = 0; i < triage.report().tests.size(); ++i) {
            if (triage.report().tests[i].status == TestStatus::Failed)
                return i;
        }
        return -1;
    }();
    REQUIRE(failing >= 0);
    triage.moveTestsToNewGap({ triage.report().tests[failing].id }, QStringLiteral("Cart totals"));

    const QString sessionPath = run.dir.filePath(QStringLiteral("triage.gapwise"));
    QString error;
    const auto sha = runSha256(chosen, &error);
    REQUIRE(sha);
    const SessionFile saved = SessionFile::fromSession(triage, run.dir.path(), *sha, chosen);
    REQUIRE(writeFileAtomically(sessionPath, saved.toJson(sessionPath), &error));

    const auto read = readSessionFile(sessionPath, &error);
    INFO(error.toStdString());
    REQUIRE(read);
    CHECK(read->reportFiles == chosen);
    CHECK(read->resolvedReportPaths() == chosen);

    Report reopened;
    REQUIRE(loadTriagedReport(sessionPath, &reopened, &error));
    CHECK(reopened.tests.size() == 4); // b's two tests are not part of it
    CHECK(reopened.files.size() == 2);
    const int gap = reopened.gapIndex(reopened.tests.value(failing).gapId);
    REQUIRE(gap >= 0);
    CHECK(reopened.gaps[gap].title == QLatin1String("Cart totals"));
    bool changed = false;
    for (const Diagnostic &d : reopened.diagnostics)
        changed |= d.message.contains(QLatin1String("changed since"));
    CHECK_FALSE(changed);

    // A moved folder: the files are found relative to the session.
    QTemporaryDir moved;
    REQUIRE(moved.isValid());
    const QString target = moved.filePath(QStringLiteral("run"));
    REQUIRE(QDir().rename(run.dir.path(), target));
    const auto again = readSessionFile(target + QStringLiteral("/triage.gapwise"), &error);
    REQUIRE(again);
    const QStringList paths = again->resolvedReportPaths();
    REQUIRE(paths.size() == 2);
    CHECK(paths[0].startsWith(target));
    CHECK(QFileInfo::exists(paths[1]));
    QDir().rename(target, run.dir.path()); // for QTemporaryDir's clean-up
}
