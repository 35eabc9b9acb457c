// SPDX-License-Identifier: GPL-3.0-or-later
// The format is told by content, never by the file name; Markdown stays the fallback for prose.
#include "testsupport.h"

#include <catch2/catch.hpp>

#include <QDir>
#include <QFile>

using namespace Gapwise;
using TestSupport::importBytesOrFail;

namespace {

QByteArray readAll(const QString &path)
{
    QFile f(path);
    REQUIRE(f.open(QIODevice::ReadOnly));
    return f.readAll();
}

} // namespace

TEST_CASE("Format detection: XML, pytest logs, Markdown and the rest", "[detect]")
{
    CHECK(detectFormat("<?xml version=\"1.0\"?>\n<testsuites/>") == InputFormat::JUnitXml);
    CHECK(detectFormat("  <testsuite name=\"x\"/>") == InputFormat::JUnitXml);
    CHECK(detectFormat("<!-- generated -->\n<testsuites/>") == InputFormat::JUnitXml);
    CHECK(detectFormat("<!DOCTYPE x [<!ENTITY a \"b\">]><x/>") == InputFormat::JUnitXml);
    CHECK(detectFormat("<project><target/></project>") == InputFormat::JUnitXml); // the importer names the root
    CHECK(detectFormat("<!-- note -->\n# Test report\n") == InputFormat::Markdown);
    CHECK(detectFormat("<div align=\"center\">\n\n# Report\n</div>") == InputFormat::Markdown);
    CHECK(detectFormat("==== test session starts ====\nplatform linux\n") == InputFormat::PytestLog);
    CHECK(detectFormat("tests/a.py::test_x PASSED\n") == InputFormat::PytestLog);
    CHECK(detectFormat("FAILED tests/a.py::test_x - boom\n") == InputFormat::PytestLog);
    CHECK(detectFormat("=== 3 passed in 0.1s ===\n") == InputFormat::PytestLog);
    CHECK(detectFormat("# Report\n\n```\n==== test session starts ====\ntests/a.py::test_x PASSED\n```\n")
        == InputFormat::Markdown);
    CHECK(detectFormat("Some notes about the release.\nNothing else.\n") == InputFormat::Markdown);
    CHECK(detectFormat("{\"numFailedTests\": 1}") == InputFormat::Unknown);
    CHECK(detectFormat("   \n ") == InputFormat::Unknown);

    const ImportResult json = importBytes("{\"numFailedTests\": 1}", QStringLiteral("results.json"));
    REQUIRE_FALSE(json.ok());
    CHECK(json.error.toString()
        == QLatin1String("results.json: not a test report Gapwise can read (Markdown, JUnit XML, TRX, NUnit or "
                         "xUnit.net XML, CTRF JSON or a pytest log)"));
}

TEST_CASE("Format detection: fixtures are told by content, whatever their extension", "[detect]")
{
    for (const char *name :
        { "pytest/verbose-run.log", "pytest/quiet-summary.log", "pytest/two-sessions.log", "pytest/ansi.log" }) {
        INFO(name);
        const QByteArray bytes = readAll(TestSupport::dataPath(QString::fromUtf8(name)));
        CHECK(detectFormat(bytes) == InputFormat::PytestLog);
        // Renamed to .xml or .md it is still a pytest log.
        const Report renamed = importBytesOrFail(bytes, QStringLiteral("report.xml"));
        CHECK(renamed.format == QLatin1String("pytest-log"));
    }
    const ImportResult xmlAsMd = importBytes(
        readAll(TestSupport::dataPath(QStringLiteral("junit/root-testsuite.xml"))), QStringLiteral("notes.md"));
    REQUIRE(xmlAsMd.ok());
    CHECK(xmlAsMd.report->format == QLatin1String("junit"));
}

TEST_CASE("Format detection: every shared Markdown report stays Markdown, every JUnit file is XML", "[detect][corpus]")
{
    const QString md = TestSupport::sharedPath(QStringLiteral("corpus/markdown-reports"));
    const QString junit = TestSupport::sharedPath(QStringLiteral("corpus/junit-xml"));
    if (md.isEmpty() || !QDir(md).exists() || !QDir(junit).exists()) {
        WARN("../shared corpus absent: detection corpus test skipped");
        return;
    }
    int seen = 0;
    for (const QFileInfo &info : QDir(md).entryInfoList({ QStringLiteral("*.md") }, QDir::Files)) {
        INFO(info.fileName().toStdString());
        CHECK(detectFormat(readAll(info.absoluteFilePath())) == InputFormat::Markdown);
        ++seen;
    }
    for (const QFileInfo &info : QDir(junit).entryInfoList({ QStringLiteral("*.xml") }, QDir::Files)) {
        INFO(info.fileName().toStdString());
        CHECK(detectFormat(readAll(info.absoluteFilePath())) == InputFormat::JUnitXml);
        ++seen;
    }
    CHECK(seen > 0);
}
