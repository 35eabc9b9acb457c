// SPDX-License-Identifier: GPL-3.0-or-later
// Repeated testcases in one suite: reruns of a failed test merge, tests that only share a name (Jest titles,
// TestNG data-provider rows) stay apart, and the counts a file states are not blamed for either.
#include "testsupport.h"

#include <catch2/catch.hpp>

using namespace Gapwise;
using namespace TestSupport;

namespace {

QVector<Diagnostic> withSeverity(const Report &report, Severity severity)
{
    QVector<Diagnostic> out;
    for (const Diagnostic &d : report.diagnostics) {
        if (d.severity == severity)
            out.append(d);
    }
    return out;
}

} // namespace

TEST_CASE("JUnit: testcases that share a name after a pass are distinct tests, as the file counts them", "[junit]")
{
    // As jest-junit writes two `it("works")` of one file: the stated counts count each element.
    const QByteArray xml = "<?xml version=\"1.0\"?>\n"
                           "<testsuites name=\"jest\" tests=\"5\" failures=\"1\" errors=\"0\">\n"
                           "  <testsuite name=\"cart.test.js\" tests=\"5\" failures=\"1\" errors=\"0\" skipped=\"0\">\n"
                           "    <testcase classname=\"cart works\" name=\"cart works\"/>\n"
                           "    <testcase classname=\"cart works\" name=\"cart works\"/>\n"
                           "    <testcase classname=\"cart works\" name=\"cart works\"/>\n"
                           "    <testcase classname=\"cart works\" name=\"cart works\"><failure message=\"no\"/>"
                           "</testcase>\n"
                           "    <testcase classname=\"cart empty\" name=\"cart empty\"/>\n"
                           "  </testsuite>\n</testsuites>\n";
    const Report r = importBytesOrFail(xml, QStringLiteral("jest.xml"));
    REQUIRE(r.tests.size() == 5);
    REQUIRE(r.phases.size() == 1);
    CHECK(r.phases[0].total == 5);
    CHECK(r.phases[0].passed == 4);
    CHECK(r.phases[0].failed == 1);
    const QString id = r.tests[0].id;
    CHECK(r.tests[1].id == id + QLatin1String("#2"));
    CHECK(r.tests[2].id == id + QLatin1String("#3"));
    CHECK(r.tests[3].id == id + QLatin1String("#4"));
    CHECK(r.tests[3].name == r.tests[0].name);
    CHECK(r.tests[3].status == TestStatus::Failed);
    CHECK(r.tests[3].history.isEmpty());
    CHECK(withSeverity(r, Severity::Warning).isEmpty()); // the file's 5 tests are 5 tests
    const QVector<Diagnostic> info = withSeverity(r, Severity::Info);
    REQUIRE(info.size() == 1);
    CHECK(info[0].line == 5); // the first repeat, a real line
    CHECK(info[0].message.startsWith(QLatin1String("3 testcase elements repeat the name of a test")));
}

TEST_CASE("JUnit: a failed test run again is a rerun, and a suite counting each run gets a note, no warning", "[junit]")
{
    // pytest-rerunfailures style: failed, errored, then passed; the suite counts every run.
    const QByteArray xml = "<?xml version=\"1.0\"?>\n"
                           "<testsuite name=\"Flaky\" tests=\"4\" failures=\"1\" errors=\"1\" skipped=\"0\">\n"
                           "  <testcase classname=\"t.TestFoo\" name=\"test_foo\"><failure message=\"first\"/>"
                           "</testcase>\n"
                           "  <testcase classname=\"t.TestFoo\" name=\"test_foo\"><error message=\"second\"/>"
                           "</testcase>\n"
                           "  <testcase classname=\"t.TestFoo\" name=\"test_foo\"/>\n"
                           "  <testcase classname=\"t.TestFoo\" name=\"test_bar\"/>\n"
                           "</testsuite>\n";
    const Report r = importBytesOrFail(xml, QStringLiteral("flaky.xml"));
    REQUIRE(r.tests.size() == 2);
    const TestCase &foo = r.tests[0];
    CHECK(foo.status == TestStatus::Passed);
    CHECK(foo.line == 5);
    CHECK(foo.history == QLatin1String("earlier run: failed: first; earlier run: error: second"));
    CHECK(withSeverity(r, Severity::Warning).isEmpty());
    const QVector<Diagnostic> info = withSeverity(r, Severity::Info);
    REQUIRE(info.size() == 2);
    CHECK(info[0].line == 2); // the suite's line
    CHECK(info[0].message
        == QLatin1String("suite \"Flaky\" states 4 tests, 1 failure, 1 error, 0 skipped, counting each rerun as a "
                         "test; Gapwise counts each test once, with its last outcome: 2 tests, 0 failures, 0 errors, "
                         "0 skipped"));
    CHECK(info[1].line == 4); // the first rerun element
    CHECK(info[1].message.startsWith(QLatin1String("2 testcase elements repeat a failed test")));

    // Counts that match neither the tests nor the runs are still a warning.
    const Report wrong
        = importBytesOrFail(QByteArray(xml).replace("tests=\"4\"", "tests=\"9\""), QStringLiteral("wrong.xml"));
    const QVector<Diagnostic> w = withSeverity(wrong, Severity::Warning);
    REQUIRE(w.size() == 1);
    CHECK(w[0].line == 2);
    CHECK(w[0].message.contains(QLatin1String("states 9 tests")));
}
