// SPDX-License-Identifier: GPL-3.0-or-later
// Reports that give each failing test a section of its own ("### [FAILED] <node id>", "**Error:**", a fenced
// traceback), identifiers that Markdown would read as emphasis, and numbered steps that plan or sum up.
#include "failuresignature.h"
#include "gapsuggester.h"
#include "messagetemplate.h"
#include "testsupport.h"

#include <catch2/catch.hpp>

using namespace Gapwise;
using namespace TestSupport;

namespace {

// One failure section as a generated staging report writes it; `tail` closes its traceback.
QByteArray failureSection(const char *test, int line, const char *tail)
{
    return QByteArray("### [FAILED] tests/e2e/test_ws.py::TestWs::") + test
        + "\n\n**Error:**\n```\n..\\staging_base.py:293: in wrapper\n    return await func(*args, **kwargs)\n"
          "test_ws.py:"
        + QByteArray::number(line) + ": in " + test
        + "\n    async with websockets.connect(\n"
          "C:\\Python312\\site-packages\\websockets\\asyncio\\client.py:543: in __await_impl__\n"
          "    await self.connection.handshake(\n"
        + tail + "\n```\n\n";
}

QByteArray detailSectionsReport()
{
    return QByteArray("# Staging E2E Report\n\n## Executive Summary\n\n- **Total Tests:** 5\n- **Passed:** 2\n"
                      "- **Failed:** 3\n\n## Test Results\n\n```\n"
                      "tests/e2e/test_ws.py::TestWs::test_event_flow FAILED [0.00s]\n"
                      "tests/e2e/test_ws.py::TestWs::test_message_flow FAILED [0.00s]\n"
                      "tests/e2e/test_ws.py::TestWs::test_pipeline FAILED [0.00s]\n"
                      "tests/e2e/test_ws.py::TestWs::test_health PASSED [0.00s]\n"
                      "tests/e2e/test_ws.py::TestWs::test_config PASSED [0.00s]\n"
                      "2 passed, 3 failed in 4.10s\n```\n\n## Failed Test Details\n\n")
        + failureSection("test_event_flow", 222, "E   websockets.exceptions.InvalidStatus: server rejected")
        + failureSection("test_message_flow", 120, "E   websockets.exceptions.InvalidStatus: server rejected")
        + failureSection("test_pipeline", 204, "E   KeyError: 'run_id'");
}

} // namespace

TEST_CASE(
    "a heading naming one test, an Error label and a fenced traceback give the test its message", "[markdown][details]")
{
    const Report r = importBytesOrFail(detailSectionsReport());
    const TestCase &flow = requireTest(r, "tests/e2e/test_ws.py::TestWs::test_event_flow");
    CHECK(flow.status == TestStatus::Failed);
    CHECK(flow.message == QStringLiteral("websockets.exceptions.InvalidStatus: server rejected"));
    CHECK(flow.details.contains(QStringLiteral("client.py:543: in __await_impl__")));
    CHECK(flow.details.startsWith(QStringLiteral("..\\staging_base.py:293: in wrapper")));
    const TestCase &pipeline = requireTest(r, "tests/e2e/test_ws.py::TestWs::test_pipeline");
    CHECK(pipeline.message == QStringLiteral("KeyError: 'run_id'"));
    // The two tests with one error share a suggested gap named after the error, not after their names.
    const TestCase &message = requireTest(r, "tests/e2e/test_ws.py::TestWs::test_message_flow");
    REQUIRE_FALSE(flow.gapId.isEmpty());
    CHECK(message.gapId == flow.gapId);
    const Gap &gap = r.gaps[r.gapIndex(flow.gapId)];
    CHECK(gap.suggested);
    CHECK(gap.title.contains(QStringLiteral("InvalidStatus")));
    CHECK_FALSE(gap.title.contains(QStringLiteral("tests named")));
    CHECK(pipeline.gapId.isEmpty()); // a cause of its own
    // The traces name no tests: the run still has its five.
    CHECK(r.tests.size() == 5);
}

TEST_CASE("a message that is a stack frame keeps its dunder name as written", "[markdown][details]")
{
    const Report r = importBytesOrFail(
        "# Staging Test Report\n\n## Failed Tests\n\n"
        "- `tests/e2e/test_ws.py::test_connect` FAILED - client.py:543: in __await_impl__\n"
        "- `tests/e2e/test_ws.py::test_reconnect` FAILED - package __init__.py is empty, "
        "_snake_case_ and snake_case_name kept\n"
        "- `tests/e2e/test_ws.py::test_prose` FAILED - it is __Important__ and _really_ slow\n"
        "- `tests/e2e/test_ws.py::test_call` FAILED - wrapper(*args, **kwargs) got *extra* in f(*a*b) and 2*3*4\n");
    CHECK(requireTest(r, "tests/e2e/test_ws.py::test_connect").message
        == QStringLiteral("client.py:543: in __await_impl__"));
    CHECK(requireTest(r, "tests/e2e/test_ws.py::test_reconnect").message
        == QStringLiteral("package __init__.py is empty, _snake_case_ and snake_case_name kept"));
    CHECK(requireTest(r, "tests/e2e/test_ws.py::test_call").message
        == QStringLiteral("wrapper(*args, **kwargs) got extra in f(*a*b) and 2*3*4"));
    // Emphasis in prose stays emphasis.
    CHECK(requireTest(r, "tests/e2e/test_ws.py::test_prose").message
        == QStringLiteral("it is Important and really slow"));
}

TEST_CASE("bold made with double underscores around a dunder name is the name, around a label it is bold",
    "[markdown][details]")
{
    const Report r = importBytesOrFail("# Unit Test Results\n\n## Unit Tests\n\n__Failed:__ 1\n\n"
                                       "- ❌ `tests/unit/test_init.py::test_package` - tests/__init__.py missing\n");
    const Phase *unit = phaseNamed(r, QStringLiteral("Unit Tests"));
    REQUIRE(unit);
    CHECK(unit->failed == 1);
    CHECK(
        requireTest(r, "tests/unit/test_init.py::test_package").message == QStringLiteral("tests/__init__.py missing"));
}

TEST_CASE("a numbered step that plans or sums up is no phase", "[markdown][details]")
{
    const Report r = importBytesOrFail(
        "# Golden Path Worklog\n\n## Phase 1: Critical Tests\n\n"
        "- `tests/e2e/test_gp.py::test_login` ❌ FAILED\n- `tests/e2e/test_gp.py::test_chat` ✅ PASSED\n\n"
        "**Total Tests:** 2\n\n"
        "## Phase 2: Immediate Action Plan\n\n### Option 1: Redeploy\n\n```bash\n"
        "python tests/unified_test_runner.py --category e2e\ncurl http://localhost:8080/health\n```\n\n"
        "## Phase 3: Final Assessment & Recommendations\n\n### Comprehensive Test Results Summary\n\n"
        "**Total Tests Attempted:** 2\n\n- **Failed:** 1\n");
    CHECK(phaseNames(r) == QStringList { QStringLiteral("Critical Tests") });
    const Phase *critical = phaseNamed(r, QStringLiteral("Critical Tests"));
    REQUIRE(critical);
    CHECK(critical->total == 2);
}

TEST_CASE("a suggested gap's title leaves out the location its messages start with", "[signatures][details]")
{
    FailureSignature s;
    s.messageTemplate = QStringLiteral("<PATH>:<NUM>: error: condition was false");
    CHECK(s.title() == QStringLiteral("error: condition was false"));
    s.messageTemplate = QStringLiteral("<PATH>:<NUM>: in __await_impl__");
    CHECK(s.title() == QStringLiteral("in __await_impl__"));
    s.messageTemplate = QStringLiteral("<PATH>:<NUM>:<NUM>: warning: unused variable 'x'");
    CHECK(s.title() == QStringLiteral("warning: unused variable 'x'"));
    // A location with nothing after it stays: it is all the message says.
    s.messageTemplate = QStringLiteral("<PATH>:<NUM>: <NUM>");
    CHECK(s.title() == readableTemplate(s.messageTemplate));

    // The ids stay those of the whole template.
    Report r;
    for (const char *name : { "a::t1", "a::t2" }) {
        TestCase t;
        t.id = QLatin1String("p:") + QLatin1String(name);
        t.name = QLatin1String(name);
        t.status = TestStatus::Failed;
        t.message = QStringLiteral("/src/test.cpp:%1: error: condition was false").arg(name[4] == '1' ? 12 : 40);
        r.tests.append(t);
    }
    REQUIRE(suggestGaps(r) == 1);
    CHECK(r.gaps.first().title == QStringLiteral("error: condition was false"));
    CHECK(r.gaps.first().evidence.contains(QStringLiteral("Message: <PATH>:<NUM>: error: condition was false")));
}

TEST_CASE("a phase that states fewer skipped tests than it lists says so", "[markdown][details]")
{
    const Report r = importBytesOrFail("# Staging Report\n\n## Executive Summary\n\n- **Total Tests:** 5\n"
                                       "- **Passed:** 2\n- **Failed:** 1\n- **Skipped:** 0\n\n## Test Results\n\n"
                                       "| Test | Result |\n|------|--------|\n| test_a | [PASS] passed |\n"
                                       "| test_b | [PASS] passed |\n| test_c | [FAIL] failed |\n"
                                       "| test_d | [SKIP] skipped |\n| test_e | [SKIP] skipped |\n");
    REQUIRE(r.phases.size() == 1);
    CHECK(r.phases.first().skipped == 0); // as stated
    CHECK(requireTest(r, "test_d").status == TestStatus::Skipped);
    QStringList messages;
    for (const Diagnostic &d : r.diagnostics)
        messages << d.message;
    INFO(messages.join(QLatin1Char('\n')).toStdString());
    CHECK(messages.contains(
        QStringLiteral("phase “Test Results” states 0 skipped but names 2 skipped tests; the named tests are kept")));
}

TEST_CASE("count warnings of a Markdown report read right at one", "[markdown][details][counts]")
{
    // One skipped test named, none stated; one error stated, two named; one test of one result selected.
    const Report r = importBytesOrFail("# Staging Report\n\n## Executive Summary\n\n- **Total Tests:** 4\n"
                                       "- **Passed:** 2\n- **Failed:** 1\n- **Skipped:** 0\n- **Errors:** 1\n\n"
                                       "## Test Results\n\n"
                                       "| Test | Result |\n|------|--------|\n| test_a | [PASS] passed |\n"
                                       "| test_b | [FAIL] failed |\n| test_c | [SKIP] skipped |\n"
                                       "| test_d | [ERROR] error |\n| test_e | [ERROR] error |\n"
                                       "\n## Smoke\n\n- **Selected:** 1\n- **Passed:** 1\n- **Failed:** 1\n\n"
                                       "## Known Failures (1 failures)\n\n- `test_x` fails\n- `test_y` fails\n");
    QStringList messages;
    for (const Diagnostic &d : r.diagnostics)
        messages << d.message;
    INFO(messages.join(QLatin1Char('\n')).toStdString());
    CHECK(messages.contains(
        QStringLiteral("phase “Test Results” states 0 skipped but names 1 skipped test; the named tests are kept")));
    CHECK(messages.contains(
        QStringLiteral("phase “Test Results” states 1 error but names 2 tests with errors; the named tests are kept")));
    CHECK(messages.contains(
        QStringLiteral("phase “Test Results”: 1 failed + 1 passed = 2 results, but 1 test was selected")));
    CHECK(messages.contains(
        QStringLiteral("“Known Failures” says 1 failure but lists 2 tests; the listed tests are kept")));
    for (const QString &m : messages) {
        CHECK_FALSE(m.contains(QLatin1String(" 1 skipped tests")));
        CHECK_FALSE(m.contains(QLatin1String(" 1 errors")));
        CHECK_FALSE(m.contains(QLatin1String(" 1 tests")));
        CHECK_FALSE(m.contains(QLatin1String(" 1 failures")));
    }
}
