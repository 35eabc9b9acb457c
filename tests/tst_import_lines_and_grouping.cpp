// SPDX-License-Identifier: GPL-3.0-or-later
// Importers and signatures as a QA round found them: CTRF lines and sources, a message restated by its trace,
// causes split or joined by their wording, titles of name-grouped gaps, counts of Markdown phases that state none.
#include "failuretext.h"
#include "gapsuggester.h"
#include "testsupport.h"

#include <catch2/catch.hpp>

using namespace Gapwise;
using namespace TestSupport;

namespace {

// Three CTRF tests, one object a line apart from the others, the failing ones stating a source line that is
// also a line of this file (7 and 3) but of another test.
QByteArray ctrfWithSourceLines()
{
    return QByteArrayLiteral(
        "{\"reportFormat\":\"CTRF\",\"results\":{\"tool\":{\"name\":\"jest\"},\n"
        "\"summary\":{\"tests\":3,\"passed\":1,\"failed\":2},\n"
        "\"tests\":[\n"
        "{\"name\":\"a works\",\"status\":\"passed\",\"filePath\":\"src/cart.test.ts\"},\n"
        "{\"name\":\"b fails\",\"status\":\"failed\",\"filePath\":\"src/cart.test.ts\",\"line\":7,\n"
        " \"message\":\"TypeError: no id\",\n"
        " \"trace\":\"TypeError: no id\\n    at add (src/cart.ts:12:9)\"},\n"
        "{\"name\":\"c fails\",\"status\":\"failed\",\"filePath\":\"src/cart.test.ts\",\"line\":3,\n"
        " \"message\":\"TypeError: no qty\",\"trace\":\"at remove (src/cart.ts:30:5)\"}\n"
        "]}}\n");
}

} // namespace

TEST_CASE("CTRF: the report line is the test's own object, CTRF's line is its source", "[ctrf]")
{
    const Report r = importBytesOrFail(ctrfWithSourceLines(), QStringLiteral("run.json"));
    REQUIRE(r.format == QLatin1String("ctrf"));
    const TestCase &a = requireTest(r, "src/cart.test.ts::a works");
    const TestCase &b = requireTest(r, "src/cart.test.ts::b fails");
    const TestCase &c = requireTest(r, "src/cart.test.ts::c fails");
    CHECK(a.line == 4);
    CHECK(b.line == 5);
    CHECK(c.line == 8);
    CHECK(a.sourceLine == 0);
    CHECK(a.sourceFile.isEmpty());
    CHECK(b.sourceFile == QLatin1String("src/cart.test.ts"));
    CHECK(b.sourceLine == 7);
    // Source: the stated file and line, not the first frame of the trace.
    const SourceLocation where = testSourceLocation(b);
    CHECK(where.file == QLatin1String("src/cart.test.ts"));
    CHECK(where.line == 7);
    CHECK(testSourceLocation(c).line == 3);
}

TEST_CASE("CTRF: the report line counts lines of strings with escapes and of nested arrays", "[ctrf]")
{
    // A key "tests" elsewhere (in extra, in a test) and brackets inside strings are not the test list.
    const QByteArray json
        = QByteArrayLiteral("{\"reportFormat\":\"CTRF\",\"extra\":{\"tests\":[1,\n2]},\"results\":{\"tests\":[\n"
                            "{\"name\":\"x [\\\"{\\\" ]\",\"status\":\"failed\",\"extra\":{\"tests\":[{}]}},\n"
                            "\n"
                            "  {\"name\":\"y\",\"status\":\"passed\"},\n"
                            "{\"status\":\"passed\",\"suite\":[\"s\"],\"extra\":{\"name\":\"no\"},\n"
                            " \"name\":\"z\"}]}}");
    const Report r = importBytesOrFail(json, QStringLiteral("run.json"));
    REQUIRE(r.tests.size() == 3);
    CHECK(r.tests[0].line == 3);
    CHECK(r.tests[1].line == 5);
    CHECK(r.tests[2].line == 7); // the line of its name, which the details pane quotes
}

TEST_CASE("CTRF: a trace that starts with the message does not follow it again", "[ctrf]")
{
    const Report r = importBytesOrFail(ctrfWithSourceLines(), QStringLiteral("run.json"));
    const TestCase &b = requireTest(r, "src/cart.test.ts::b fails");
    CHECK(b.details == QLatin1String("TypeError: no id\n    at add (src/cart.ts:12:9)"));
    // A trace that does not restate it keeps the message above it.
    const TestCase &c = requireTest(r, "src/cart.test.ts::c fails");
    CHECK(c.details == QLatin1String("TypeError: no qty\nat remove (src/cart.ts:30:5)"));
}

namespace {

TestCase failing(const QString &name, const QString &message, const QString &details = QString())
{
    TestCase t;
    t.id = name;
    t.name = name;
    t.status = TestStatus::Failed;
    t.message = message;
    t.details = details;
    return t;
}

} // namespace

TEST_CASE("signatures: an emoji in one message does not split a cause", "[signatures]")
{
    Report r;
    const QString type = QStringLiteral("app.InvalidEmailAddressException: ");
    r.tests << failing(QStringLiteral("EmailTest::hosts"), type + QStringLiteral("Invalid email address 'user@host'"))
            << failing(
                   QStringLiteral("EmailTest::dots"), type + QStringLiteral("Invalid email address '.user@host.com'"))
            << failing(QStringLiteral("EmailTest::strict"),
                   type + QString::fromUtf8("Invalid email address \xF0\x9F\x98\x8B 'Abc\\@def@example.com'"));
    REQUIRE(suggestGaps(r) == 1);
    CHECK(
        r.gaps[0].title == QString::fromUtf8("app.InvalidEmailAddressException: Invalid email address '\xE2\x80\xA6'"));
    for (const TestCase &t : std::as_const(r.tests))
        CHECK(t.gapId == r.gaps[0].id);
}

TEST_CASE("signatures: NUnit's Expected of different assertions is no shared cause", "[signatures]")
{
    Report r;
    r.tests << failing(QStringLiteral("Tests::Failing_Test"), QStringLiteral("Expected: 3"),
        QStringLiteral("  Expected: 3\n  But was:  2\n   at Tests.Failing_Test() in Tests.cs:line 9"))
            << failing(QStringLiteral("Tests::Is_Even_Number(3)"), QStringLiteral("Expected: True"),
                   QStringLiteral("  Expected: True\n  But was:  False\n   at Tests.Is_Even_Number(Int32 i)"));
    CHECK(suggestGaps(r) == 0);
    CHECK(r.gaps.isEmpty());
    // The same assertion failing alike in two tests still is one.
    Report same;
    same.tests << failing(QStringLiteral("Tests::A"), QStringLiteral("Expected: True"))
               << failing(QStringLiteral("Tests::B"), QStringLiteral("Expected: True"));
    CHECK(suggestGaps(same) == 1);
    // Words beyond the labels still make a cause of the mined template.
    Report worded;
    worded.tests << failing(QStringLiteral("Tests::C"), QStringLiteral("Expected: apple in the basket"))
                 << failing(QStringLiteral("Tests::D"), QStringLiteral("Expected: pear in the basket"));
    CHECK(suggestGaps(worded) == 1);
}

TEST_CASE("signatures: tests grouped by name are titled with their names as written", "[signatures]")
{
    Report r;
    r.tests << failing(
        QStringLiteral("Ns.Tests::[Test Class Cleanup Failure (Ns.Tests.FixtureTests.Passing_Test)]"), QString())
            << failing(QStringLiteral("Ns.Tests::[Test Class Cleanup Failure (Ns.Tests.FixtureTests.Failing_Test)]"),
                   QString());
    REQUIRE(suggestGaps(r) == 1);
    CHECK(r.gaps[0].title
        == QString::fromUtf8(
            "Failures in tests named \"[Test Class Cleanup Failure (Ns.Tests.FixtureTests.\xE2\x80\xA6_Test)]\""));
    // The evidence keeps the template the grouping compares.
    CHECK(r.gaps[0].evidence.contains(QStringLiteral("Test name: class cleanup failure ns tests fixture tests <*>")));
}

TEST_CASE("inspect: a text file that is no report holds nothing, an untitled report shows its file name", "[markdown]")
{
    const Report tsv = importBytesOrFail(
        QByteArrayLiteral("a.xml\towner/repo\t29672c52\tfixtures/a.xml\nb.xml\towner/repo\t29672c52\tb.xml\n"),
        QStringLiteral("SOURCES.tsv"));
    CHECK(tsv.holdsNothing());
    CHECK(tsv.shownTitle() == QLatin1String("SOURCES.tsv"));
    const Report plan = importBytesOrFail(QByteArrayLiteral("# Test Plan\n\nNothing run yet.\n"));
    CHECK_FALSE(plan.holdsNothing());
    CHECK(plan.shownTitle() == QLatin1String("Test Plan"));
}

TEST_CASE("Markdown: a phase that states no count counts the tests it names", "[markdown]")
{
    const Report r = importBytesOrFail(QByteArrayLiteral("Results\n"
                                                         "=======\n"
                                                         "| Test | Status |\n"
                                                         "|---|---|\n"
                                                         "| test_a | FAIL |\n"
                                                         "| test_b | PASS |\n"
                                                         "\n"
                                                         "- [ ] test_d - FAILED: ImportError: No module named 'foo'\n"
                                                         "- [x] test_e passed\n"
                                                         "\n"
                                                         "test_g ERROR\n"));
    REQUIRE(r.phases.size() == 1);
    const Phase &p = r.phases.first();
    CHECK(p.failed == r.countTests(TestStatus::Failed));
    CHECK(p.passed == r.countTests(TestStatus::Passed));
    CHECK(p.errors == r.countTests(TestStatus::Error));
    CHECK(p.skipped == 0);
    CHECK(p.total == int(r.tests.size()));
    CHECK(p.failed == 2);
    CHECK(p.passed == 2);
}
