// SPDX-License-Identifier: GPL-3.0-or-later
// Hand-written JUnit fixtures, one per construct, with exact expectations.
#include "testsupport.h"

#include <catch2/catch.hpp>

#include <QSet>

#include <algorithm>

using namespace Gapwise;
using namespace TestSupport;

namespace {

const Phase &requirePhase(const Report &report, const char *id)
{
    const int i = report.phaseIndex(QString::fromUtf8(id));
    INFO("phase " << id);
    REQUIRE(i >= 0);
    return report.phases[i];
}

QVector<Diagnostic> warnings(const Report &report)
{
    QVector<Diagnostic> out;
    for (const Diagnostic &d : report.diagnostics) {
        if (d.severity == Severity::Warning)
            out.append(d);
    }
    return out;
}

} // namespace

TEST_CASE("JUnit: nested suites, every outcome, output and properties", "[junit]")
{
    const Report r = importOrFail(dataPath(QStringLiteral("junit/nested-outcomes.xml")));
    CHECK(r.format == QLatin1String("junit"));
    CHECK(r.title == QLatin1String("Nightly"));
    CHECK(r.date == QLatin1String("2026-01-02T03:04:05"));
    CHECK(r.environment == QLatin1String("ci-7"));
    REQUIRE(phaseIds(r) == QStringList { QStringLiteral("backend"), QStringLiteral("frontend") });
    REQUIRE(r.tests.size() == 9);

    const Phase &backend = requirePhase(r, "backend");
    CHECK(backend.line == 3);
    CHECK(backend.total == 7);
    CHECK(backend.passed == 3);
    CHECK(backend.failed == 1);
    CHECK(backend.errors == 2);
    CHECK(backend.skipped == 1);
    CHECK(backend.durationSeconds == Approx(7.0));

    const TestCase &insert = requireTest(r, "com.acme.db.StoreTest::testInsert");
    CHECK(insert.id == QLatin1String("backend:com.acme.db.StoreTest::testInsert"));
    CHECK(insert.status == TestStatus::Passed);
    CHECK(insert.line == 9);
    CHECK(insert.durationSeconds == Approx(0.5));

    const TestCase &update = requireTest(r, "com.acme.db.StoreTest::testUpdate");
    CHECK(update.status == TestStatus::Failed);
    CHECK(update.line == 10);
    CHECK(update.message == QLatin1String("expected:<1> but was:<2>"));
    // The message's second line (not in the trace) follows its first, as Java prints a message of two lines.
    CHECK(update.details.startsWith(
        QLatin1String("java.lang.AssertionError: expected:<1> but was:<2>\nsecond line of the message\n\tat ")));
    CHECK(update.details.contains(QLatin1String("StoreTest.java:42")));
    CHECK(update.details.contains(QLatin1String("--- system-out ---\nrow 1 written")));
    CHECK(update.details.contains(QLatin1String("--- system-err ---\nwarning: <slow> disk")));

    const TestCase &del = requireTest(r, "com.acme.db.StoreTest::testDelete");
    CHECK(del.status == TestStatus::Error);
    CHECK(del.message == QLatin1String("Connection refused"));
    CHECK(del.details == QLatin1String("java.net.ConnectException: Connection refused"));

    const TestCase &legacy = requireTest(r, "com.acme.db.StoreTest::testLegacy");
    CHECK(legacy.status == TestStatus::Skipped);
    CHECK(legacy.message == QLatin1String("not on this platform"));
    CHECK(legacy.durationSeconds < 0);

    const TestCase &post = requireTest(r, "com.acme.api.RouteTest::testPost");
    CHECK(post.status == TestStatus::Passed);
    CHECK(post.details.isEmpty()); // a passing test's captured output is not kept

    const TestCase &suiteError = requireTest(r, "backend.api::(suite)");
    CHECK(suiteError.status == TestStatus::Error);
    CHECK(suiteError.message == QLatin1String("setUpClass failed"));
    CHECK(suiteError.line == 29);

    const TestCase &clicks = requireTest(r, "frontend::clicks");
    CHECK(clicks.phaseId == QLatin1String("frontend"));
    CHECK(clicks.status == TestStatus::Failed);
    CHECK(clicks.message == QLatin1String("TypeError: button is null"));
    CHECK(requireTest(r, "frontend::renders").status == TestStatus::Passed);

    // frontend states 1 skipped but has none; the root's skipped count disagrees for the same reason.
    const QVector<Diagnostic> w = warnings(r);
    REQUIRE(w.size() == 2);
    CHECK(w[0].line == 2);
    CHECK(w[0].message.contains(QLatin1String("2 skipped")));
    CHECK(w[0].message.contains(QLatin1String("1 skipped")));
    CHECK(w[1].line == 32);
    CHECK(w[1].message.contains(QLatin1String("frontend")));
}

TEST_CASE("JUnit: Surefire flakyFailure, flakyError and rerunFailure", "[junit]")
{
    const Report r = importOrFail(dataPath(QStringLiteral("junit/surefire-reruns.xml")));
    REQUIRE(r.tests.size() == 3);
    CHECK(warnings(r).isEmpty());
    const TestCase &flaky = requireTest(r, "com.acme.FlakyTest::testEventuallyPasses");
    CHECK(flaky.status == TestStatus::Passed);
    CHECK(flaky.history == QLatin1String("flaky failure: timeout after 30s; flaky error: socket closed"));
    CHECK(flaky.details.contains(QLatin1String("FlakyTest.java:10")));

    const TestCase &always = requireTest(r, "com.acme.FlakyTest::testAlwaysFails");
    CHECK(always.status == TestStatus::Failed);
    CHECK(always.message == QLatin1String("boom"));
    CHECK(always.history == QLatin1String("rerun failure: boom again; rerun failure: boom a third time"));

    const Phase &p = requirePhase(r, "com-acme-flakytest");
    CHECK(p.total == 3);
    CHECK(p.passed == 2);
    CHECK(p.failed == 1);
}

TEST_CASE("JUnit: pytest classnames and files become node ids, tests/<phase>/ paths become phases", "[junit]")
{
    const Report r = importOrFail(dataPath(QStringLiteral("junit/pytest-paths.xml")));
    REQUIRE(r.phases.size() == 4);
    CHECK(r.phases[0].id == QLatin1String("unit"));
    CHECK(r.phases[0].name == QLatin1String("Unit"));
    CHECK(r.phases[1].id == QLatin1String("integration"));
    CHECK(r.phases[2].id == QLatin1String("e2e"));
    CHECK(r.phases[2].name == QLatin1String("E2E"));
    CHECK(r.phases[3].id == QLatin1String("pytest"));

    CHECK(requireTest(r, "tests/unit/test_math.py::test_add").phaseId == QLatin1String("unit"));
    const TestCase &zero = requireTest(r, "tests/unit/test_math.py::TestDivide::test_by_zero");
    CHECK(zero.id == QLatin1String("unit:tests/unit/test_math.py::TestDivide::test_by_zero"));
    CHECK(zero.message == QLatin1String("ZeroDivisionError: division by zero"));
    CHECK(zero.status == TestStatus::Failed);

    const TestCase &pg = requireTest(r, "tests/integration/test_db.py::test_connect[postgres]");
    CHECK(pg.status == TestStatus::Error);
    CHECK(pg.phaseId == QLatin1String("integration"));
    const TestCase &lite = requireTest(r, "tests/integration/test_db.py::test_connect[sqlite]");
    CHECK(lite.status == TestStatus::Skipped);
    CHECK(lite.expectedFailure);

    CHECK(requireTest(r, "tests/e2e/test_login.py::TestLogin::test_redirect").phaseId == QLatin1String("e2e"));
    CHECK(requireTest(r, "helpers::test_helper_works").phaseId == QLatin1String("pytest"));
    CHECK(requireTest(r, "tests/test_smoke.py::test_starts").phaseId == QLatin1String("pytest"));

    const Phase &unit = requirePhase(r, "unit");
    CHECK(unit.total == 2);
    CHECK(unit.passed == 1);
    CHECK(unit.failed == 1);
    const Phase &integration = requirePhase(r, "integration");
    CHECK(integration.errors == 1);
    CHECK(integration.skipped == 1);
    CHECK(warnings(r).isEmpty());
}

TEST_CASE("JUnit: a root <testsuite>, missing attributes and status=\"disabled\"", "[junit]")
{
    const Report r = importOrFail(dataPath(QStringLiteral("junit/root-testsuite.xml")));
    CHECK(r.title == QLatin1String("CalcTest"));
    REQUIRE(phaseIds(r) == QStringList { QStringLiteral("calctest") });
    CHECK(r.phases[0].line == 2);
    CHECK(r.phases[0].durationSeconds < 0); // no time anywhere: not stated
    REQUIRE(r.tests.size() == 4);
    CHECK(requireTest(r, "calc.CalcTest::adds").status == TestStatus::Passed);
    CHECK(requireTest(r, "calc.CalcTest::(unnamed)").status == TestStatus::Passed);
    const TestCase &divides = requireTest(r, "calc.c::divides");
    CHECK(divides.status == TestStatus::Failed);
    CHECK(divides.message == QLatin1String("Expected 2 Was 0"));
    CHECK(divides.line == 5);
    CHECK(requireTest(r, "CalcTest::disabled_case").status == TestStatus::Skipped);
    CHECK(warnings(r).isEmpty());
}

TEST_CASE("JUnit: reruns of one test merge, stated counts that disagree give warnings", "[junit]")
{
    const Report r = importOrFail(dataPath(QStringLiteral("junit/count-mismatch.xml")));
    REQUIRE(r.tests.size() == 2);
    const TestCase &a = requireTest(r, "r.RetryTest::test_a");
    CHECK(a.status == TestStatus::Passed);
    CHECK(a.history == QLatin1String("earlier run: failed: first run failed; earlier run: error: second run errored"));
    CHECK(a.line == 10); // the last run's element
    CHECK(requireTest(r, "r.RetryTest::test_b").status == TestStatus::Failed);

    const QVector<Diagnostic> w = warnings(r);
    REQUIRE(w.size() == 2);
    CHECK(w[0].line == 2);
    CHECK(w[0].message
        == QLatin1String("the report states 10 tests, 0 failures but its testcases give 2 tests, "
                         "1 failure; Gapwise counts the testcases"));
    CHECK(w[1].line == 3);
    CHECK(w[1].message.contains(QLatin1String("suite \"Retried\" states 3 tests, 0 failures, 0 errors")));
    const bool rerunInfo = std::any_of(r.diagnostics.cbegin(), r.diagnostics.cend(), [](const Diagnostic &d) {
        return d.severity == Severity::Info && d.message.startsWith(QLatin1String("2 testcase elements repeat"));
    });
    CHECK(rerunInfo);
}

TEST_CASE("JUnit: the XML encoding declaration is honoured", "[junit]")
{
    const Report r = importOrFail(dataPath(QStringLiteral("junit/latin1.xml")));
    REQUIRE(r.tests.size() == 1);
    CHECK(r.tests[0].message == QString::fromUtf8("caf\xc3\xa9 is not tea"));
}

TEST_CASE("JUnit: a DOCTYPE that only names a DTD is harmless and not loaded", "[junit]")
{
    const Report r = importOrFail(dataPath(QStringLiteral("junit/doctype-without-entities.xml")));
    REQUIRE(testNames(r) == QStringList { QStringLiteral("p.Q::ok") });
}

TEST_CASE("JUnit: UTF-16 with a byte order mark and CRLF line ends read like UTF-8", "[junit]")
{
    const QString xml
        = QStringLiteral("<?xml version=\"1.0\" encoding=\"UTF-16\"?>\r\n<testsuite name=\"U\">\r\n"
                         "  <testcase classname=\"u.T\" name=\"t\">\r\n"
                         "    <failure message=\"gr\u00fc\u00dfe\"/>\r\n  </testcase>\r\n</testsuite>\r\n");
    QByteArray utf16("\xFF\xFE", 2);
    utf16.append(reinterpret_cast<const char *>(xml.utf16()), xml.size() * 2);
    const ImportResult result = importBytes(utf16, QStringLiteral("utf16.xml"));
    INFO(result.error.toString().toStdString());
    REQUIRE(result.ok());
    REQUIRE(result.report->tests.size() == 1);
    CHECK(result.report->tests[0].message
        == QString::fromUtf8("gr\xc3\xbc\xc3\x9f"
                             "e"));
    CHECK(result.report->tests[0].line == 3);

    const Report crlf = importBytesOrFail(xml.toUtf8().replace("UTF-16", "UTF-8"), QStringLiteral("crlf.xml"));
    CHECK(crlf.tests[0].line == 3);
}

TEST_CASE("JUnit: many outermost suites (one per class) fold into one phase, stages by path stay apart", "[junit]")
{
    // 14 Surefire-style classes, one suite each, and one suite whose testcases sit under tests/e2e.
    QByteArray xml = "<?xml version=\"1.0\"?>\n<testsuites>\n";
    for (int s = 0; s < 14; ++s) {
        const QByteArray cls = "org.acme.billing.Class" + QByteArray::number(s) + "Test";
        xml += "<testsuite name=\"" + cls
            + "\" tests=\"2\" failures=\"1\">\n"
              "  <testcase classname=\""
            + cls
            + "\" name=\"works\"/>\n"
              "  <testcase classname=\""
            + cls + "\" name=\"fails\"><failure message=\"boom " + QByteArray::number(s)
            + "\"/></testcase>\n</testsuite>\n";
    }
    // The same class and test in a second suite: a different test, not a rerun.
    xml += "<testsuite name=\"again\"><testcase classname=\"org.acme.billing.Class0Test\" "
           "name=\"works\"/></testsuite>\n"
           "<testsuite name=\"browser\"><testcase file=\"tests/e2e/test_login.py\" classname=\"tests.e2e.test_login\" "
           "name=\"test_login\"/></testsuite>\n</testsuites>\n";
    const Report r = importBytesOrFail(xml, QStringLiteral("billing-results.xml"));
    REQUIRE(r.phases.size() == 2);
    const Phase &all = r.phases[0];
    CHECK(all.id == QLatin1String("billing-results"));
    CHECK(all.name == QLatin1String("billing-results"));
    CHECK(all.total == 29);
    CHECK(all.passed == 15);
    CHECK(all.failed == 14);
    CHECK(r.phases[1].id == QLatin1String("e2e"));
    CHECK(r.phases[1].total == 1);
    CHECK(r.title == QLatin1String("billing-results.xml")); // not the first class's name
    QSet<QString> ids;
    for (const TestCase &t : r.tests) {
        ids.insert(t.id);
        if (t.phaseId == all.id)
            CHECK(t.id.startsWith(all.id + QLatin1Char(':')));
    }
    CHECK(ids.size() == r.tests.size()); // the class tested in two suites keeps two ids
    bool said = false;
    for (const Diagnostic &d : r.diagnostics)
        said = said
            || (d.severity == Severity::Info
                && d.message.contains(QLatin1String("15 test suites are shown as one phase")));
    CHECK(said);
}

TEST_CASE("JUnit: one test in several suites gets numbered ids, a rerun within a suite merges", "[junit]")
{
    // Suites A, B and C of one phase (their outer suite S) hold the same test (true duplicates), A runs it
    // twice (a rerun), and the tests around them keep their own places: ids, statuses and order as written.
    const QByteArray xml = "<testsuites name=\"dup\">\n<testsuite name=\"S\">\n"
                           "<testsuite name=\"A\">\n"
                           "  <testcase classname=\"p.T\" name=\"first\"/>\n"
                           "  <testcase classname=\"p.T\" name=\"same\"><failure message=\"try 1\"/></testcase>\n"
                           "  <testcase classname=\"p.T\" name=\"same\"/>\n"
                           "</testsuite>\n"
                           "<testsuite name=\"B\"><testcase classname=\"p.T\" name=\"same\"><error message=\"b\"/>"
                           "</testcase></testsuite>\n"
                           "<testsuite name=\"C\"><testcase classname=\"p.T\" name=\"same\"/>"
                           "<testcase classname=\"p.T\" name=\"last\"/></testsuite>\n"
                           "</testsuite>\n</testsuites>\n";
    const ImportResult result = importBytes(xml, QStringLiteral("dup.xml"));
    REQUIRE(result.report);
    const Report &r = *result.report;
    QStringList ids;
    for (const TestCase &t : r.tests)
        ids << t.id;
    REQUIRE(ids.size() == 5);
    CHECK(ids[1].endsWith(QLatin1String("p.T::same")));
    CHECK(ids[2] == ids[1] + QLatin1String("#2"));
    CHECK(ids[3] == ids[1] + QLatin1String("#3"));
    CHECK(ids[0].endsWith(QLatin1String("p.T::first")));
    CHECK(ids[4].endsWith(QLatin1String("p.T::last")));
    CHECK(r.tests[1].status == TestStatus::Passed); // A's rerun: the last outcome wins
    CHECK(r.tests[1].history == QLatin1String("earlier run: failed: try 1"));
    CHECK(r.tests[2].status == TestStatus::Error);
    CHECK(r.tests[3].status == TestStatus::Passed);
    CHECK(QSet<QString>(ids.cbegin(), ids.cend()).size() == 5);
}

TEST_CASE("JUnit: a message attribute of several lines keeps them where the body does not repeat them", "[junit]")
{
    const QByteArray xml = "<testsuite name=\"s\" tests=\"2\" failures=\"2\">\n"
                           "<testcase classname=\"a.B\" name=\"apart\">"
                           "<failure message=\"AssertionError: x&#10;second line\">trace1</failure></testcase>\n"
                           "<testcase classname=\"a.B\" name=\"repeated\">"
                           "<failure message=\"expected: 1&#10;but was: 2\">expected: 1\nbut was: 2\n  at a.B(B.java:3)"
                           "</failure></testcase>\n</testsuite>\n";
    const Report r = importBytesOrFail(xml, QStringLiteral("lines.xml"));
    REQUIRE(r.tests.size() == 2);
    CHECK(r.tests[0].message == QStringLiteral("AssertionError: x"));
    CHECK(r.tests[0].details == QStringLiteral("AssertionError: x\nsecond line\n\ntrace1"));
    // The body says the message already: it is not said twice.
    CHECK(r.tests[1].details == QStringLiteral("expected: 1\nbut was: 2\n  at a.B(B.java:3)"));
}

TEST_CASE("JUnit: a testcase with several failures keeps the first as its message and all in order", "[junit]")
{
    const QByteArray xml = R"(<?xml version="1.0"?>
<testsuite name="S" tests="2" failures="4">
  <testcase name="many" classname="c.S">
    <failure message="First assertion failed" type="AssertionError">AssertionError: First assertion failed
  at c.S.many(S.java:15)</failure>
    <failure message="Second assertion failed" type="AssertionError">AssertionError: Second assertion failed
  at c.S.many(S.java:20)</failure>
    <failure message="Third assertion failed" type="IllegalStateException">IllegalStateException: Third
  at c.S.many(S.java:25)</failure>
  </testcase>
  <testcase name="setup" classname="c.S">
    <error message="teardown broke" type="IOError">IOError: teardown broke</error>
    <failure message="call failed" type="AssertionError">AssertionError: call failed</failure>
  </testcase>
</testsuite>
)";
    const Report r = importBytesOrFail(xml, QStringLiteral("multi.xml"));
    REQUIRE(r.tests.size() == 2);
    const TestCase &many = r.tests[0];
    CHECK(many.status == TestStatus::Failed);
    CHECK(many.message == QLatin1String("First assertion failed"));
    CHECK(many.details.startsWith(QLatin1String("AssertionError: First assertion failed\n")));
    const qsizetype first = many.details.indexOf(QLatin1String("First assertion failed"));
    const qsizetype second = many.details.indexOf(QLatin1String("--- failure 2 of 3 in this testcase (line 6) ---\n"
                                                                "AssertionError: Second assertion failed"));
    const qsizetype third = many.details.indexOf(
        QLatin1String("--- failure 3 of 3 in this testcase (line 8) ---\nIllegalStateException: Third"));
    CHECK(second > first);
    CHECK(third > second);
    // A <failure> outranks an <error> (pytest's teardown error): it is the message, the error follows it.
    const TestCase &setup = r.tests[1];
    CHECK(setup.status == TestStatus::Failed);
    CHECK(setup.message == QLatin1String("call failed"));
    CHECK(setup.details.startsWith(QLatin1String("AssertionError: call failed")));
    CHECK(setup.details.contains(
        QLatin1String("--- error 1 of 2 in this testcase (line 12) ---\nIOError: teardown broke")));
    // Where the diagnostics show, the run says so, naming the first such testcase.
    const auto note = std::find_if(r.diagnostics.cbegin(), r.diagnostics.cend(),
        [](const Diagnostic &d) { return d.message.startsWith(QLatin1String("2 testcases hold more than one")); });
    REQUIRE(note != r.diagnostics.cend());
    CHECK(note->line == 3);
    CHECK(note->message.contains(QLatin1String("(the first here: 3 failures in one testcase (many))")));
}

TEST_CASE("JUnit: a negative time is left out with a warning naming its line", "[junit]")
{
    const QByteArray xml = R"(<testsuite name="S" time="1.5">
<testcase classname="c.S" name="a" time="-345345"/>
<testcase classname="c.S" name="b" time="2"/>
</testsuite>
)";
    const Report r = importBytesOrFail(xml, QStringLiteral("negative.xml"));
    REQUIRE(r.tests.size() == 2);
    CHECK(r.tests[0].durationSeconds < 0); // unknown, not -345345 s
    CHECK(r.tests[1].durationSeconds == 2.0);
    const auto warning = std::find_if(r.diagnostics.cbegin(), r.diagnostics.cend(), [](const Diagnostic &d) {
        return d.severity == Severity::Warning && d.message.contains(QLatin1String("negative"));
    });
    REQUIRE(warning != r.diagnostics.cend());
    CHECK(warning->line == 2);
    CHECK(warning->message == QLatin1String("time=\"-345345\" is negative: that duration is left out"));
}
