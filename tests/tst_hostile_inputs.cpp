// SPDX-License-Identifier: GPL-3.0-or-later
// Bad input never crashes and never hangs: a clear error naming the file, or a correct import.
#include "testsupport.h"

#include <catch2/catch.hpp>

#include <QRandomGenerator>
#include <QTemporaryDir>

using namespace Gapwise;

namespace {

ImportResult importRaw(const QByteArray &raw)
{
    return importBytes(raw, QStringLiteral("hostile.md"));
}

// A report whose one list is nested `depth` levels deep, a test named at each level.
QByteArray nestedList(int depth)
{
    QByteArray raw("# Deep\n\n");
    for (qsizetype i = 0; i < depth; ++i)
        raw += QByteArray(i * 2, ' ') + "- level `test_deep_" + QByteArray::number(i) + "`\n";
    return raw;
}

} // namespace

TEST_CASE("empty, binary and unreadable files give a clear error naming the file", "[hostile]")
{
    SECTION("empty and blank")
    {
        for (const QByteArray &raw : { QByteArray(), QByteArray("\n\n   \n"), QByteArray("\xEF\xBB\xBF") }) {
            const ImportResult r = importRaw(raw);
            REQUIRE_FALSE(r.ok());
            CHECK(r.error.toString() == QStringLiteral("hostile.md: the file is empty"));
        }
    }
    SECTION("random binary")
    {
        QByteArray raw(qsizetype(64) * 1024, '\0');
        QRandomGenerator rng(42);
        for (char &c : raw)
            c = char(rng.bounded(256));
        const ImportResult r = importRaw(raw);
        REQUIRE_FALSE(r.ok());
        CHECK(r.error.toString().startsWith(QStringLiteral("hostile.md: ")));
        CHECK(r.error.message.contains(QStringLiteral("binary")));
    }
    SECTION("a missing file and a directory")
    {
        QTemporaryDir dir;
        const ImportResult missing = importFile(dir.filePath(QStringLiteral("nope.md")));
        REQUIRE_FALSE(missing.ok());
        CHECK(missing.error.file.endsWith(QStringLiteral("nope.md")));
        CHECK_FALSE(missing.error.message.isEmpty());
        // A folder is a run of its report files (issue 22): an empty one says it holds none.
        const ImportResult directory = importFile(dir.path());
        REQUIRE_FALSE(directory.ok());
        CHECK(directory.error.message.contains(QStringLiteral("no test report found in this folder")));
    }
}

TEST_CASE("odd but readable text imports", "[hostile]")
{
    SECTION("invalid UTF-8 imports with a warning")
    {
        const ImportResult r = importRaw(QByteArray("# R\xE9"
                                                    "sultats\n\n## Unit Tests\n- **Failed:** 1\n- `test_caf\xE9` \xE9"
                                                    "chou\xE9 \xE2\x9D\x8C\n"));
        REQUIRE(r.ok());
        CHECK(r.report->title == QStringLiteral("Résultats"));
        CHECK(r.report->diagnostics.first().message.contains(QStringLiteral("not valid UTF-8")));
    }
    SECTION("a list nested 1,000 deep imports")
    {
        const ImportResult r = importRaw(nestedList(1000));
        REQUIRE(r.ok());
        CHECK(r.report->tests.size() > 0);
    }
    SECTION("a list nested 3,000 deep is 9 MB of indentation: a clear error before parsing")
    {
        const ImportResult r = importRaw(nestedList(3000));
        REQUIRE_FALSE(r.ok());
        CHECK(r.error.message.startsWith(QStringLiteral("a Markdown report larger than 8 MiB")));
    }
    SECTION("a 2 MB test name")
    {
        const QByteArray raw
            = "# Long\n\n## Unit Tests\n- `test_" + QByteArray(qsizetype(2) * 1024 * 1024, 'x') + "` FAILED\n";
        const ImportResult r = importRaw(raw);
        REQUIRE(r.ok());
        REQUIRE(r.report->tests.size() == 1);
        CHECK(r.report->tests[0].status == TestStatus::Failed);
    }
    SECTION("NUL bytes past the sniffed head do not crash md4c")
    {
        QByteArray raw = "# Nul\n\n" + QByteArray(9000, 'a') + "\n- `test_after_nul`\n";
        raw.insert(9005, QByteArray(3, '\0'));
        const ImportResult r = importRaw(raw);
        REQUIRE(r.ok());
        CHECK(r.report->tests.size() == 1);
    }
    SECTION("unterminated fences, tables and emphasis")
    {
        const ImportResult r
            = importRaw("# T\n\n## Unit Tests\n```\nFAILED tests/a.py::test_x - boom\n| a | b\n|---\n**Failed:** 3\n");
        REQUIRE(r.ok());
        CHECK(r.report->tests.size() == 1);
    }
}
