// SPDX-License-Identifier: GPL-3.0-or-later
// Hand-written TRX, NUnit 3/2, xUnit.net v2 and CTRF fixtures, one per format's traps, with exact expectations.
#include "testsupport.h"

#include <catch2/catch.hpp>

#include <QFile>

using namespace Gapwise;
using namespace TestSupport;

namespace {

int countStatus(const Report &r, TestStatus s)
{
    return r.countTests(s);
}

bool hasWarning(const Report &r, const char *text)
{
    for (const Diagnostic &d : r.diagnostics) {
        if (d.severity == Severity::Warning && d.message.contains(QLatin1String(text)))
            return true;
    }
    return false;
}

bool hasAnyWarning(const Report &r)
{
    for (const Diagnostic &d : r.diagnostics) {
        if (d.severity == Severity::Warning)
            return true;
    }
    return false;
}

} // namespace

TEST_CASE("TRX: every outcome, data-driven rows, two assemblies, BOM", "[trx]")
{
    const Report r = importOrFail(dataPath(QStringLiteral("dotnet/trx-outcomes.trx")));
    CHECK(r.format == QLatin1String("trx"));
    CHECK(r.title == QLatin1String("ci@build-7 2026-11-30 10:00:00"));
    CHECK(r.environment == QLatin1String("build-7"));
    REQUIRE(r.tests.size() == 7); // the data rows stay inside their test, as the Counters count them
    CHECK(countStatus(r, TestStatus::Passed) == 2);
    CHECK(countStatus(r, TestStatus::Failed) == 2);
    CHECK(countStatus(r, TestStatus::Error) == 1); // Timeout
    CHECK(countStatus(r, TestStatus::Skipped) == 1); // NotExecuted
    CHECK(countStatus(r, TestStatus::Unknown) == 1); // Inconclusive
    CHECK_FALSE(hasAnyWarning(r)); // the Counters agree

    // Phases: the class path names Integration; the other tests' phase is their assembly, spelled as built.
    REQUIRE(r.phases.size() == 2);
    CHECK(r.phases[0].name == QLatin1String("Acme.Calc.Tests"));
    CHECK(r.phases[0].total == 6);
    CHECK(r.phases[1].name == QLatin1String("Integration"));
    CHECK(r.phases[1].total == 1);

    const TestCase &divide = requireTest(r, "Acme.Calc.CalcTests::Divide");
    CHECK(divide.status == TestStatus::Failed);
    CHECK(divide.message == QLatin1String("System.DivideByZeroException : Attempted to divide by zero."));
    CHECK(divide.details.contains(QLatin1String("CalcTests.cs:line 30")));
    CHECK(divide.details.contains(QLatin1String("--- stdout ---\ndividing 1 by 0")));
    CHECK(divide.durationSeconds == Approx(0.25));
    CHECK(divide.line == 7);

    const TestCase &slow = requireTest(r, "Acme.Calc.CalcTests::Slow");
    CHECK(slow.status == TestStatus::Error);
    CHECK(slow.message == QLatin1String("Timeout"));
    CHECK(slow.durationSeconds == Approx(5.0));

    const TestCase &later = requireTest(r, "Acme.Calc.CalcTests::Later");
    CHECK(later.status == TestStatus::Skipped);
    CHECK(later.message == QLatin1String("Skipped: not on Linux"));

    CHECK(requireTest(r, "Acme.Calc.CalcTests::Maybe").status == TestStatus::Unknown);

    const TestCase &rows = requireTest(r, "Acme.Calc.CalcTests::Rows");
    CHECK(rows.status == TestStatus::Failed);
    CHECK(rows.message.startsWith(QLatin1String("Assert.AreEqual failed.")));
    CHECK(rows.details.contains(QLatin1String("--- Rows (Data Row 1) ---")));
    CHECK(rows.history.contains(QLatin1String("Rows (Data Row 0): Passed")));
    CHECK(rows.history.contains(QLatin1String("Rows (Data Row 1): Failed")));
}

TEST_CASE("TRX: an empty run, a truncated file, counters that disagree", "[trx]")
{
    const Report empty = importOrFail(dataPath(QStringLiteral("dotnet/trx-empty.trx")));
    CHECK(empty.format == QLatin1String("trx"));
    CHECK(empty.tests.isEmpty());

    const ImportResult cut = importFile(dataPath(QStringLiteral("dotnet/trx-truncated.trx")));
    REQUIRE_FALSE(cut.ok());
    CHECK(cut.error.file.endsWith(QLatin1String("trx-truncated.trx")));
    CHECK(cut.error.line >= 5);

    const QByteArray lying
        = "<TestRun><Results><UnitTestResult testName=\"A.B\" outcome=\"Passed\"/></Results>"
          "<ResultSummary><Counters total=\"2\" passed=\"2\" failed=\"0\"/></ResultSummary></TestRun>";
    const Report r = importBytesOrFail(lying, QStringLiteral("lying.trx"));
    CHECK(r.tests.size() == 1);
    CHECK(hasWarning(r, "states 2 tests, 2 passed, 0 failed but its tests give 1 test, 1 passed, 0 failed"));

    const ImportResult entity = importBytes(
        "<?xml version=\"1.0\"?><!DOCTYPE TestRun [<!ENTITY x \"y\">]><TestRun/>", QStringLiteral("entity.trx"));
    REQUIRE_FALSE(entity.ok());
    CHECK(entity.error.message.contains(QLatin1String("entit")));
}

TEST_CASE("NUnit 3: nested suites, theory, labels, warning, inconclusive, output", "[nunit]")
{
    const Report r = importOrFail(dataPath(QStringLiteral("dotnet/nunit3-traps.xml")));
    CHECK(r.format == QLatin1String("nunit"));
    CHECK(r.environment == QLatin1String("ci-runner-3"));
    CHECK(r.date == QLatin1String("2026-11-30 10:00:00Z"));
    REQUIRE(r.tests.size() == 9);
    CHECK(countStatus(r, TestStatus::Passed) == 4); // 3 passed + 1 warning
    CHECK(countStatus(r, TestStatus::Failed) == 2);
    CHECK(countStatus(r, TestStatus::Error) == 1); // failed, label Error: NUnit counts it as failed
    CHECK(countStatus(r, TestStatus::Skipped) == 1);
    CHECK(countStatus(r, TestStatus::Unknown) == 1);
    CHECK_FALSE(hasAnyWarning(r));
    REQUIRE(r.phases.size() == 1);
    CHECK(r.phases[0].name == QLatin1String("Shop.Tests")); // the assembly, without .dll

    const TestCase &removes = requireTest(r, "Shop.CartTests::RemovesItem");
    CHECK(removes.status == TestStatus::Failed);
    CHECK(removes.message == QLatin1String("Expected: 0"));
    CHECK(removes.details.contains(QLatin1String("But was:  1")));
    CHECK(removes.details.contains(QLatin1String("CartTests.cs:line 21")));
    CHECK(removes.details.contains(QLatin1String("--- output ---\ncart has 1 item")));
    CHECK(removes.details.contains(QLatin1String("Category=Cart")));

    CHECK(requireTest(r, "Shop.CartTests::Crashes").status == TestStatus::Error);
    // A theory's cases belong to the fixture's class, with their arguments.
    CHECK(requireTest(r, "Shop.CartTests::Totals(1,1)").status == TestStatus::Passed);
    CHECK(requireTest(r, "Shop.CartTests::Totals(2,5)").status == TestStatus::Failed);
    // Without a classname attribute, the class comes from the full name.
    CHECK(requireTest(r, "Shop.PriceTests::Rounds").status == TestStatus::Passed);
    const TestCase &later = requireTest(r, "Shop.PriceTests::Later");
    CHECK(later.status == TestStatus::Skipped);
    CHECK(later.message == QLatin1String("Waiting for #42"));
    CHECK(requireTest(r, "Shop.PriceTests::Unsure").status == TestStatus::Unknown);
}

TEST_CASE("NUnit 2: test-results with results wrappers and full names", "[nunit]")
{
    const Report r = importOrFail(dataPath(QStringLiteral("dotnet/nunit2-results.xml")));
    CHECK(r.format == QLatin1String("nunit"));
    CHECK(r.environment == QLatin1String("legacy-box"));
    REQUIRE(r.tests.size() == 5);
    CHECK(countStatus(r, TestStatus::Passed) == 2);
    CHECK(countStatus(r, TestStatus::Failed) == 1);
    CHECK(countStatus(r, TestStatus::Error) == 1);
    CHECK(countStatus(r, TestStatus::Skipped) == 1);
    CHECK_FALSE(hasAnyWarning(r));
    REQUIRE(phaseNames(r) == QStringList { QStringLiteral("Legacy.Tests") });
    const TestCase &times = requireTest(r, "Legacy.ParserTests::ParsesTimes");
    CHECK(times.message == QLatin1String("Expected \"10:00\" but was \"10:0\""));
    CHECK(requireTest(r, "Legacy.ParserTests::ReadsFile").status == TestStatus::Error);
    CHECK(requireTest(r, "Legacy.ParserTests::Unicode").message == QLatin1String("Not yet"));
}

TEST_CASE("xUnit.net v2: assemblies, theory rows, traits, skip reason, assembly error", "[xunit]")
{
    const Report r = importOrFail(dataPath(QStringLiteral("dotnet/xunit2-traps.xml")));
    CHECK(r.format == QLatin1String("xunit"));
    REQUIRE(r.tests.size() == 5);
    CHECK(countStatus(r, TestStatus::Passed) == 2);
    CHECK(countStatus(r, TestStatus::Failed) == 2);
    CHECK(countStatus(r, TestStatus::Skipped) == 1);
    // Phases: the unit assembly by name, the integration one by its class path.
    REQUIRE(phaseNames(r) == QStringList { QStringLiteral("Orders.UnitTests"), QStringLiteral("Integration") });

    const TestCase &totals3 = requireTest(r, "Orders.OrderTests::Totals(count: 3)");
    CHECK(totals3.status == TestStatus::Failed);
    CHECK(totals3.message == QLatin1String("Assert.Equal() Failure"));
    CHECK(totals3.details.startsWith(QLatin1String("Xunit.Sdk.EqualException: Assert.Equal() Failure")));
    CHECK(totals3.details.contains(QLatin1String("traits: Category=Money")));
    CHECK(totals3.details.contains(QLatin1String("--- output ---\ncomputing 3 lines")));
    CHECK(requireTest(r, "Orders.OrderTests::Totals(count: 4)").status == TestStatus::Failed);
    CHECK(requireTest(r, "Orders.OrderTests::Ships").message == QLatin1String("Needs the shipping sandbox"));
    // The two failing rows share one failure signature: a suggested gap.
    REQUIRE(r.gaps.size() == 1);
    CHECK(r.gaps[0].suggested);

    // The assembly-level cleanup error is no test (xUnit counts it apart) but is said, with its line.
    bool cleanup = false;
    for (const Diagnostic &d : r.diagnostics)
        cleanup = cleanup
            || (d.message.contains(QLatin1String("test-class-cleanup error in Orders.OrderTests"))
                && d.message.contains(QLatin1String("Fixture disposed twice")) && d.line == 6);
    CHECK(cleanup);
    CHECK_FALSE(hasWarning(r, "states"));
}

TEST_CASE("CTRF: suites, statuses, flaky and retries, messages, stdout", "[ctrf]")
{
    const Report r = importOrFail(dataPath(QStringLiteral("ctrf/ctrf-traps.json")));
    CHECK(r.format == QLatin1String("ctrf"));
    CHECK(r.date == QLatin1String("2025-11-30T10:00:00Z"));
    REQUIRE(r.tests.size() == 6);
    CHECK(countStatus(r, TestStatus::Passed) == 2);
    CHECK(countStatus(r, TestStatus::Failed) == 1);
    CHECK(countStatus(r, TestStatus::Skipped) == 2); // skipped and pending
    CHECK(countStatus(r, TestStatus::Unknown) == 1); // other
    CHECK_FALSE(hasAnyWarning(r));
    // The path word of the files names the phase E2E; the others' outermost suite, else the tool.
    CHECK(r.phaseIndex(QStringLiteral("e2e")) >= 0);

    const TestCase &pays = requireTest(r, "tests/e2e/checkout.spec.ts::pays by card");
    CHECK(pays.status == TestStatus::Failed);
    CHECK(pays.message == QLatin1String("Error: expect(received).toBe(expected)"));
    CHECK(pays.details.contains(QLatin1String("Received: 502")));
    CHECK(pays.details.contains(QLatin1String("--- stdout ---\nPOST /pay\n502")));
    CHECK(pays.history.contains(QLatin1String("attempt 1: failed - Received: 502")));
    CHECK(pays.durationSeconds == Approx(3.4));

    const TestCase &flaky = requireTest(r, "tests/e2e/checkout.spec.ts::retries the basket");
    CHECK(flaky.status == TestStatus::Passed);
    CHECK(flaky.history.startsWith(QLatin1String("flaky: passed after 2 retries")));
    CHECK(requireTest(r, "legacy-suite-string::new dashboard").status == TestStatus::Skipped);
    CHECK(requireTest(r, "odd runner state").message == QLatin1String("interrupted"));
}

TEST_CASE("CTRF: empty, malformed, and JSON that is not CTRF", "[ctrf]")
{
    const Report empty = importOrFail(dataPath(QStringLiteral("ctrf/ctrf-empty.json")));
    CHECK(empty.tests.isEmpty());

    const ImportResult bad = importFile(dataPath(QStringLiteral("ctrf/ctrf-malformed.json")));
    REQUIRE_FALSE(bad.ok());
    CHECK(bad.error.line == 5); // the stray comma before "}"
    CHECK(bad.error.message.startsWith(QLatin1String("not valid JSON")));

    const ImportResult other = importBytes("{\"results\": {\"tool\": {\"name\": \"x\"}}}", QStringLiteral("x.json"));
    REQUIRE_FALSE(other.ok());
    CHECK(other.error.message.contains(QLatin1String("results.tests")));
    CHECK_FALSE(importBytes("{\"numFailedTests\": 1}", QStringLiteral("jest.json")).ok());

    // A start no date can hold (fuzz_ctrf found the overflow) gives no date, not a wrong one.
    const ImportResult far = importBytes("{\"results\": {\"tool\": {\"name\": \"x\"}, \"summary\": {\"start\": 1e300},"
                                         " \"tests\": [{\"name\": \"a\", \"status\": \"failed\"}]}}",
        QStringLiteral("far.json"));
    REQUIRE(far.ok());
    CHECK(far.report->date.isEmpty());
    CHECK(far.report->tests.size() == 1);
}

TEST_CASE("Formats are told apart by content, not by file name", "[format]")
{
    CHECK(detectFormat("<?xml version=\"1.0\"?>\n<TestRun xmlns=\"x\">") == InputFormat::Trx);
    CHECK(detectFormat("<?xml version=\"1.0\"?><!-- c --><test-run id=\"0\">") == InputFormat::NUnitXml);
    CHECK(detectFormat("<test-results name=\"a.dll\">") == InputFormat::NUnitXml);
    CHECK(detectFormat("<?xml version=\"1.0\"?>\n<assemblies>") == InputFormat::XUnitXml);
    CHECK(detectFormat("<assembly name=\"a.dll\">") == InputFormat::XUnitXml);
    CHECK(detectFormat("<?xml version=\"1.0\"?>\n<testsuites>") == InputFormat::JUnitXml);
    CHECK(detectFormat("{\n \"reportFormat\": \"CTRF\", \"results\": {}}") == InputFormat::Ctrf);
    CHECK(detectFormat("{ \"results\": { \"tool\": { \"name\": \"jest\" } } }") == InputFormat::Ctrf);
    CHECK(detectFormat("{ \"numFailedTests\": 1 }") == InputFormat::Unknown);
    // A TRX file named .xml and an NUnit file named .trx import by what they are.
    QFile trx(dataPath(QStringLiteral("dotnet/trx-empty.trx")));
    REQUIRE(trx.open(QIODevice::ReadOnly));
    const Report asXml = importBytesOrFail(trx.readAll(), QStringLiteral("results.xml"));
    CHECK(asXml.format == QLatin1String("trx"));
}

TEST_CASE("TRX: two results with one name stay two tests, as the Counters count them", "[trx]")
{
    const QByteArray trx = "<TestRun><Results>"
                           "<UnitTestResult testId=\"a\" testName=\"Ns.C.Same\" outcome=\"Failed\"/>"
                           "<UnitTestResult testId=\"a\" testName=\"Ns.C.Same\" outcome=\"Passed\"/>"
                           "</Results><TestDefinitions><UnitTest id=\"a\" storage=\"x.dll\">"
                           "<TestMethod className=\"Ns.C\" name=\"Same\"/></UnitTest></TestDefinitions>"
                           "<ResultSummary><Counters total=\"2\" passed=\"1\" failed=\"1\"/></ResultSummary></TestRun>";
    const Report r = importBytesOrFail(trx, QStringLiteral("dupes.trx"));
    REQUIRE(testNames(r) == QStringList { QStringLiteral("Ns.C::Same"), QStringLiteral("Ns.C::Same [2]") });
    CHECK_FALSE(hasAnyWarning(r));
}

TEST_CASE("TRX, NUnit and xUnit.net: several failures of one test are kept as JUnit keeps them", "[trx][nunit][xunit]")
{
    const QByteArray trx = R"(<?xml version="1.0"?>
<TestRun xmlns="http://microsoft.com/schemas/VisualStudio/TeamTest/2010">
<Results><UnitTestResult testId="1" testName="T" outcome="Failed"><Output>
<ErrorInfo><Message>first</Message><StackTrace>at one</StackTrace></ErrorInfo>
<ErrorInfo><Message>second</Message><StackTrace>at two</StackTrace></ErrorInfo>
</Output></UnitTestResult></Results>
<TestDefinitions><UnitTest id="1" name="T"><TestMethod className="Ns.C" name="T"/></UnitTest></TestDefinitions>
</TestRun>
)";
    const QByteArray nunit = R"(<?xml version="1.0"?>
<test-run id="2" testcasecount="1" result="Failed" total="1" passed="0" failed="1" inconclusive="0" skipped="0">
<test-suite type="Assembly" name="A.dll" fullname="A.dll">
<test-case id="1" name="T" fullname="Ns.C.T" classname="Ns.C" result="Failed">
<failure><message>first</message><stack-trace>at one</stack-trace></failure>
<failure><message>second</message><stack-trace>at two</stack-trace></failure>
</test-case>
</test-suite>
</test-run>
)";
    const QByteArray xunit = R"(<?xml version="1.0"?>
<assemblies><assembly name="A.dll" total="1" failed="1"><collection name="c">
<test name="Ns.C.T" type="Ns.C" method="T" result="Fail">
<failure><message>first</message><stack-trace>at one</stack-trace></failure>
<failure><message>second</message><stack-trace>at two</stack-trace></failure>
</test></collection></assembly></assemblies>
)";
    for (const auto &[bytes, name] : { std::pair { trx, "multi.trx" }, std::pair { nunit, "multi-nunit.xml" },
             std::pair { xunit, "multi-xunit.xml" } }) {
        INFO(name);
        const Report r = importBytesOrFail(bytes, QString::fromLatin1(name));
        REQUIRE(r.tests.size() == 1);
        const TestCase &t = r.tests.first();
        CHECK(isFailing(t.status));
        CHECK(t.message == QLatin1String("first"));
        CHECK(t.details.startsWith(QLatin1String("first\nat one")));
        CHECK(t.details.contains(QLatin1String("\n\n--- failure 2 of 2 in this testcase (line ")));
        CHECK(t.details.endsWith(QLatin1String(") ---\nsecond\nat two")));
        CHECK(std::any_of(r.diagnostics.cbegin(), r.diagnostics.cend(), [](const Diagnostic &d) {
            return d.message.startsWith(QLatin1String("2 failures in one testcase (T): its message is the first"));
        }));
    }
}
