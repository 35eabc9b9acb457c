// SPDX-License-Identifier: GPL-3.0-or-later
// Hand-written reports in tests/data/markdown, one per family of patterns real reports use, with exact
// expectations.
#include "testsupport.h"

#include "reportjson.h"

#include <catch2/catch.hpp>

#include <QFile>
#include <QJsonDocument>

#include <algorithm>

using namespace Gapwise;
using namespace TestSupport;

namespace {

Report fixture(const char *name)
{
    return importOrFail(dataPath(QStringLiteral("markdown/") + QLatin1String(name)));
}

const TestCase &test(const Report &report, const char *name)
{
    const TestCase *t = testNamed(report, QLatin1String(name));
    INFO("test " << name);
    REQUIRE(t);
    return *t;
}

} // namespace

TEST_CASE("test-type headings, bold count bullets, status tables and money", "[markdown][fixtures]")
{
    const Report r = fixture("type-headings-and-tables.md");
    CHECK(r.title == QStringLiteral("Payments Service Test Report"));
    CHECK(r.date == QStringLiteral("2026-03-02"));
    CHECK(r.environment == QStringLiteral("Debian 12, Python 3.11, pytest 8.1"));
    REQUIRE(r.phases.size() == 2); // "Revenue Impact" holds money, not counts

    const Phase &unit = r.phases[0];
    CHECK(unit.id == QStringLiteral("unit-tests"));
    CHECK(unit.total == 12);
    CHECK(unit.passed == 10);
    CHECK(unit.failed == 2);
    CHECK(unit.durationSeconds == Approx(0.84));

    const Phase &integration = r.phases[1];
    CHECK(integration.failed == 3);
    CHECK(integration.passed == 5);
    CHECK(integration.skipped == 1);
    CHECK(integration.total == 9);

    REQUIRE(r.tests.size() == 6); // the service health table names no tests
    CHECK(test(r, "test_refund_rounding").status == TestStatus::Failed);
    CHECK(test(r, "test_refund_rounding").message == QStringLiteral("off by one cent"));
    CHECK(test(r, "test_refund_rounding").line == 15);
    CHECK(test(r, "test_currency_table_loads").status == TestStatus::Passed);
    CHECK(test(r, "test_invoice_totals").status == TestStatus::Failed);
    CHECK(test(r, "test_invoice_totals").message == QStringLiteral("AssertionError: 99 != 100"));
    CHECK(test(r, "test_ledger_sync_after_restart").status == TestStatus::Failed); // from "### Failed Tests"
    CHECK(test(r, "test_ledger_sync_after_restart").message == QStringLiteral("ledger did not reconnect"));
    CHECK(test(r, "test_card_gateway_timeout").message == QStringLiteral("gateway answered 503"));
    const TestCase &webhook = test(r, "tests/integration/test_webhooks.py::TestWebhooks::test_retry_backoff");
    CHECK(webhook.phaseId == QStringLiteral("integration-tests"));
    CHECK(webhook.id
        == QStringLiteral("integration-tests::tests/integration/test_webhooks.py::TestWebhooks::test_retry_backoff"));
    CHECK(r.diagnostics.isEmpty());
}

TEST_CASE("Phase N headings, commands and pytest output in code blocks", "[markdown][fixtures]")
{
    const Report r = fixture("phases-and-pytest-output.md");
    REQUIRE(r.phases.size() == 2); // "Phase 1: Test Preparation" holds no results: a plan step
    const Phase &unit = r.phases[0];
    CHECK(unit.name == QStringLiteral("Unit Test Validation (Non-Docker)"));
    CHECK(unit.command == QStringLiteral("python -m pytest tests/unit/test_session.py::TestSession::test_expiry -v"));
    CHECK(unit.passed == 2);
    CHECK(unit.failed == 1);
    CHECK(unit.skipped == 1);
    CHECK(unit.total == 4);
    CHECK(unit.durationSeconds == Approx(0.42));

    const TestCase &refresh = test(r, "tests/unit/test_session.py::TestSession::test_refresh");
    CHECK(refresh.status == TestStatus::Failed);
    CHECK(refresh.message == QStringLiteral("AssertionError: token not rotated")); // from the short summary
    CHECK(refresh.line == 18);
    CHECK(test(r, "tests/unit/test_session.py::test_cookie_flags[secure]").status == TestStatus::Skipped);
    CHECK(test(r, "tests/unit/test_session.py::TestSession::test_expiry").status == TestStatus::Passed);
    CHECK_FALSE(testNamed(r, QStringLiteral("test_plan_outline.py"))); // a file, not a test

    const Phase &e2e = r.phases[1];
    CHECK(e2e.passed == 51);
    CHECK(e2e.failed == 0);
    CHECK(e2e.durationSeconds == Approx(12.5));
    CHECK(e2e.importErrors == 1);
    CHECK(e2e.importErrorMessages
        == QStringList {
            QStringLiteral("tests/e2e/test_checkout.py: ModuleNotFoundError: No module named 'shop.checkout'") });
    CHECK(test(r, "tests/e2e/test_login.py::TestLogin::test_sso_redirect").status == TestStatus::Unknown);
    CHECK(test(r, "netra_backend\\tests\\e2e\\test_cart.py::TestCart::test_add_item").status == TestStatus::Passed);
    CHECK(test(r, "tests/.../test_cart.py::TestCart::test_remove_item").status == TestStatus::Failed);
    CHECK(r.tests.size() == 7);
    // "51 passed, 0 failed" beside a failing test: kept as stated, and said.
    REQUIRE(r.diagnostics.size() == 1);
    CHECK(r.diagnostics[0].message.contains(QStringLiteral("states 0 failed but names 1 failing test")));
    CHECK_FALSE(r.diagnostics[0].message.contains(QStringLiteral("failing tests")));
}

TEST_CASE("gap headings, priorities, failure categories, before/after and expectations", "[markdown][fixtures]")
{
    const Report r = fixture("gaps-and-priorities.md");
    REQUIRE(r.phases.size() == 1);
    CHECK(r.phases[0].failed == 4);
    CHECK(r.phases[0].passed == 1);

    REQUIRE(r.gaps.size() == 2);
    const Gap &tokens = r.gaps[0];
    CHECK(tokens.id == QStringLiteral("issue-1"));
    CHECK(tokens.title == QStringLiteral("Token Validation Failures"));
    CHECK(tokens.priority == Priority::P1);
    CHECK(tokens.owner == QStringLiteral("identity-team"));
    CHECK(tokens.evidence == QStringList { QStringLiteral("the validator reads the old signing key") });
    const Gap &sessions = r.gaps[1];
    CHECK(sessions.id == QStringLiteral("issue-2"));
    CHECK(sessions.priority == Priority::P0); // "**Priority:** P0 - BLOCKS DEPLOYMENT"

    const TestCase &skew = test(r, "test_token_expiry_clock_skew");
    CHECK(skew.status == TestStatus::Failed);
    CHECK(skew.expectedFailure);
    CHECK(skew.message
        == QStringLiteral("skew not tolerated — AttributeError: 'Validator' object has no attribute 'leeway'"));
    CHECK(skew.gapId == QStringLiteral("issue-1"));
    CHECK_FALSE(skew.gapSuggested);

    // "Category 3: Token Validation Regressions" maps onto Issue 1 as a suggestion.
    const TestCase &reuse = test(r, "test_refresh_token_reuse");
    CHECK(reuse.gapId == QStringLiteral("issue-1"));
    CHECK(reuse.gapSuggested);
    CHECK(reuse.status == TestStatus::Failed);

    // Before/after: the latest state is the status, the earlier one the history.
    const TestCase &login = test(r, "test_login_redirect");
    CHECK(login.status == TestStatus::Passed);
    CHECK(login.history == QStringLiteral("failed"));

    // "should PASS after the failover lands" is an expectation, not a result.
    const TestCase &reconnect = test(r, "test_session_store_reconnect");
    CHECK(reconnect.status == TestStatus::Failed);
    CHECK(reconnect.gapId == QStringLiteral("issue-2"));

    REQUIRE(r.remediation.size() == 3);
    CHECK(r.remediation[0].priority == Priority::P1);
    CHECK(r.remediation[0].title == QStringLiteral("Rotate signing keys atomically"));
    CHECK(r.remediation[0].gapIds == QStringList { QStringLiteral("issue-1") });
    CHECK(r.remediation[1].title == QStringLiteral("Tolerate clock skew"));
    CHECK(r.remediation[2].priority == Priority::P0);
    CHECK(r.remediation[2].details == QStringLiteral("add a replica")); // "Medium Term" is no priority

    const auto declared
        = std::find_if(r.diagnostics.cbegin(), r.diagnostics.cend(), [](const Diagnostic &d) { return d.line == 18; });
    REQUIRE(declared != r.diagnostics.cend());
    CHECK(declared->message.contains(QStringLiteral("says 2 failures but lists 3 tests")));
}

TEST_CASE("a plan without results imports empty with a diagnostic", "[markdown][fixtures]")
{
    const Report r = fixture("plan-without-results.md");
    CHECK(r.title == QStringLiteral("Observability Test Plan"));
    CHECK(r.phases.isEmpty());
    CHECK(r.tests.isEmpty());
    REQUIRE(r.diagnostics.size() == 1);
    CHECK(r.diagnostics[0].severity == Severity::Info);
    CHECK(r.diagnostics[0].message.contains(QStringLiteral("no test results found")));
}

TEST_CASE("CRLF with a BOM imports exactly as LF", "[markdown][fixtures]")
{
    QFile file(dataPath(QStringLiteral("markdown/crlf-bom.md")));
    REQUIRE(file.open(QIODevice::ReadOnly));
    QByteArray raw = file.readAll();
    REQUIRE(raw.startsWith("\xEF\xBB\xBF"));
    REQUIRE(raw.contains("\r\n"));
    const Report crlf = importBytesOrFail(raw);
    raw.remove(0, 3);
    raw.replace("\r\n", "\n");
    const Report lf = importBytesOrFail(raw);
    CHECK(QJsonDocument(reportToJson(crlf)).toJson() == QJsonDocument(reportToJson(lf)).toJson());
    REQUIRE(crlf.phases.size() == 1);
    CHECK(crlf.phases[0].total == 3);
    CHECK(test(crlf, "test_crlf_line_endings").line == 10);
    CHECK(test(crlf, "test_crlf_line_endings").message == QStringLiteral("broken"));
}

TEST_CASE("the bundled sample report opens with its phases, gaps and plan", "[markdown][sample]")
{
    const Report r = importOrFail(QStringLiteral(GAPWISE_SAMPLE_REPORT));
    CHECK(r.title == QStringLiteral("Release 4.2 Checkout Platform - Test Execution Report"));
    REQUIRE(r.phases.size() == 3);
    CHECK(r.phases[0].total == 54);
    CHECK(r.phases[1].selected == 20);
    CHECK(r.phases[1].importErrors == 2);
    CHECK(r.phases[2].durationSeconds == Approx(192));
    CHECK(r.phases[2].unnamedFailures(3) == 1);
    // The report's four gaps as written; Gapwise's suggestions only take the failures they leave (two pairs
    // sharing a cause), after them.
    REQUIRE(r.gaps.size() == 6);
    for (int i = 0; i < 4; ++i)
        CHECK_FALSE(r.gaps[i].suggested);
    CHECK(r.gaps[4].suggested);
    CHECK(r.gaps[5].suggested);
    CHECK(r.gaps[3].title == QStringLiteral("Payment Gateway Timeouts"));
    CHECK(r.gaps[3].priority == Priority::P0); // from the remediation item that addresses it
    CHECK(r.tests.size() == 21);
    const TestCase &capture = test(r, "tests/integration/test_payments.py::test_card_capture_idempotent");
    CHECK(capture.message == QStringLiteral("TimeoutError: gateway did not answer within 5.0s"));
    // Left by the report's groups, it shares its cause with another payment test: a suggestion holds both.
    CHECK(capture.gapSuggested);
    CHECK(capture.gapId == test(r, "tests/integration/test_payments.py::test_3ds_challenge_roundtrip").gapId);
    CHECK(test(r, "tests/integration/test_payments.py::test_refund_webhook_signature").gapId.isEmpty());
    REQUIRE(r.remediation.size() == 4);
    CHECK(r.remediation[0].gapIds == QStringList { QStringLiteral("gap-4") });
    CHECK(r.diagnostics.isEmpty());
}

TEST_CASE("rates cross-check counts, fractions give them, prose test names in a Test column", "[markdown][fixtures]")
{
    const Report r = fixture("rates-and-fractions.md");
    REQUIRE(r.phases.size() == 3);
    CHECK(r.phases[0].name == QStringLiteral("Smoke Tests"));
    CHECK(r.phases[0].passed == 46);
    CHECK(r.phases[0].total == 50);
    CHECK(r.phases[1].passed == 40);
    CHECK(r.phases[1].total == 42);
    CHECK(r.phases[2].passed == 3);
    CHECK(r.phases[2].total == 4);

    REQUIRE(r.tests.size() == 3); // the "Total" row is no test
    CHECK(test(r, "Wrong import fails loudly").status == TestStatus::Passed);
    CHECK(test(r, "Wrong import fails loudly").message == QStringLiteral("ImportError raised"));
    CHECK(test(r, "Startup validates auth").status == TestStatus::Failed);

    // "Failure Rate: 30%" beside 46 of 50 passing is a contradiction, said with its line.
    REQUIRE(r.diagnostics.size() == 1);
    CHECK(r.diagnostics[0].line == 7);
    CHECK(r.diagnostics[0].message.contains(QStringLiteral("failure rate 30.0%")));
}

TEST_CASE("a test listed twice is one test, a heading naming a test is no phase", "[markdown][fixtures]")
{
    const Report r = fixture("repeated-listings.md");
    REQUIRE(r.tests.size() == 2); // pytest output, a table by priority and a details heading name the same two
    const TestCase &checkout = test(r, "tests/e2e/staging/test_flow.py::TestFlow::test_checkout");
    CHECK(checkout.status == TestStatus::Failed);
    CHECK(checkout.message == QStringLiteral("TimeoutError: payment gateway did not answer"));
    CHECK(checkout.phaseId == QStringLiteral("test-results"));
    // "Results by Priority" sums up the one run: no phase; its counts fill what "Test Results" leaves unsaid.
    REQUIRE(r.phases.size() == 1);
    CHECK(r.phases[0].passed == 1);
    CHECK(r.phases[0].failed == 1);
    CHECK(r.phases[0].total == 2);
}

TEST_CASE("node ids that share a function name are distinct tests, a bare name several share is attached to none",
    "[markdown][fixtures]")
{
    const Report r = fixture("shared-function-names.md");
    CHECK(testNames(r)
        == QStringList({ QStringLiteral("tests/e2e/test_orders.py::TestOrders::test_basic_functionality"),
            QStringLiteral("tests/e2e/test_orders.py::TestOrders::test_refund"),
            QStringLiteral("tests/e2e/test_users.py::TestUsers::test_basic_functionality"),
            QStringLiteral("tests/e2e/test_users.py::TestUsers::test_signup"),
            QStringLiteral("tests/e2e/test_users.py::TestUsers::test_currency[eur]"),
            QStringLiteral("tests/e2e/test_users.py::TestUsers::test_currency[usd]"),
            QStringLiteral("tests/e2e/test_search.py::TestSearch::test_basic_functionality"),
            QStringLiteral("test_export_archive") }));
    // The table's "test_basic_functionality ... [FAIL]" row could be any of the three: it changes none of them.
    CHECK(test(r, "tests/e2e/test_orders.py::TestOrders::test_basic_functionality").status == TestStatus::Passed);
    CHECK(test(r, "tests/e2e/test_users.py::TestUsers::test_basic_functionality").status == TestStatus::Passed);
    const TestCase &search = test(r, "tests/e2e/test_search.py::TestSearch::test_basic_functionality");
    CHECK(search.status == TestStatus::Failed);
    CHECK(search.line == 12);
    CHECK(search.history.isEmpty());
    CHECK(search.message == QStringLiteral("TimeoutError: search index did not answer"));
    CHECK(test(r, "tests/e2e/test_users.py::TestUsers::test_currency[eur]").status == TestStatus::Passed);
    CHECK(test(r, "tests/e2e/test_users.py::TestUsers::test_currency[usd]").status == TestStatus::Failed);
    // A bare name only one test has is still that test.
    CHECK(test(r, "tests/e2e/test_orders.py::TestOrders::test_refund").line == 7);
    CHECK(test(r, "test_export_archive").status == TestStatus::Skipped);
    const auto ambiguous = std::find_if(r.diagnostics.cbegin(), r.diagnostics.cend(), [](const Diagnostic &d) {
        return d.message.contains(QStringLiteral("“test_basic_functionality” names several"));
    });
    REQUIRE(ambiguous != r.diagnostics.cend());
    CHECK(ambiguous->line == 21);
    CHECK(std::count_if(r.diagnostics.cbegin(), r.diagnostics.cend(), [](const Diagnostic &d) {
        return d.message.contains(QLatin1String("names several"));
    }) == 1); // said once, not once per row
}

TEST_CASE("a time of day under a phase is no duration, a duration beside it is", "[markdown][fixtures]")
{
    // The shape of a worklog: "**Time:**" says when a step ran, "**Duration:**" how long a test took.
    const Report r = importBytesOrFail(QByteArrayLiteral("# Deploy Worklog\n\n"
                                                         "## Test Results\n\n"
                                                         "### Environment Setup\n"
                                                         "**Status:** CONNECTIVITY ISSUES DETECTED\n"
                                                         "**Time:** 2025-09-12 19:37:33 UTC\n\n"
                                                         "## Unit Tests\n\n"
                                                         "**Execution Time:** 07:30:00 - 07:45:00 UTC\n\n"
                                                         "- **Total Tests:** 3\n"
                                                         "- **Duration:** 31.40s\n"));
    CHECK(phaseNames(r) == QStringList({ QStringLiteral("Unit Tests") })); // no phase made of a time of day
    CHECK(r.phases[0].durationSeconds == Approx(31.40));
}

TEST_CASE("a phase heading's outcome gives its counts, repeated result headings report on their phase, "
          "commands to run next make no phase",
    "[markdown][fixtures]")
{
    const Report r = fixture("phase-outcomes.md");
    REQUIRE(r.phases.size() == 5);
    // "Unit Tests: 5 FAILED, 2 PASSED (…)": the name is what comes before the colon, the rest the counts.
    CHECK(r.phases[0].name == QStringLiteral("Unit Tests"));
    CHECK(r.phases[0].id == QStringLiteral("unit-tests"));
    CHECK(r.phases[0].failed == 5);
    CHECK(r.phases[0].passed == 2);
    CHECK(r.phases[0].total == 7);
    CHECK(test(r, "test_invoice_rounding_uses_banker_rules").phaseId == QStringLiteral("unit-tests"));
    CHECK(test(r, "test_invoice_rounding_uses_banker_rules").expectedFailure);
    CHECK(r.phases[0].outcome == QStringLiteral("5 FAILED, 2 PASSED (Expected: Initial Failures)"));
    // "Not Executed" is how it went, not part of its name: the phase's outcome.
    CHECK(r.phases[1].name == QStringLiteral("Integration Tests"));
    CHECK(r.phases[1].outcome == QStringLiteral("Not Executed (No Docker Available)"));
    CHECK(r.phases[2].outcome.isEmpty());
    CHECK(r.phases[1].total == 3);
    // Each "### Test Execution Summary" belongs to its "## Phase N": two phases, no merged counts.
    CHECK(r.phases[2].name == QStringLiteral("Ledger Checks Results"));
    CHECK(r.phases[2].passed == 7);
    CHECK(r.phases[2].skipped == 1);
    CHECK(r.phases[2].durationSeconds == Approx(1.56));
    CHECK(r.phases[3].name == QStringLiteral("Refund Fallback Results"));
    CHECK(r.phases[3].passed == 3); // a summary typed into the block, in capitals, with an emoji
    CHECK(r.phases[3].skipped == 4);
    // "### Results" under "## Test Execution Results" reports on it; a runner's "Total:/Passed:/Failed:" count.
    CHECK(r.phases[4].name == QStringLiteral("Test Execution Results"));
    CHECK(r.phases[4].total == 4);
    CHECK(r.phases[4].passed == 1);
    CHECK(r.phases[4].failed == 3);
    for (const Diagnostic &d : r.diagnostics)
        CHECK_FALSE(d.message.contains(QStringLiteral("restates")));
    // "### Unit Tests (Next Run)" under "## Commands for Further Testing" holds a command to run, no result:
    // it is not among the five phases, and the command is no phase's.
    for (const Phase &p : r.phases)
        CHECK(p.command.isEmpty());
}

TEST_CASE("a numbered or 'Test' heading whose Status states one outcome is a test, a counted Status is a group",
    "[markdown][fixtures]")
{
    const Report r = fixture("prose-test-headings.md");
    // "# Issue #4711 - …" is the report's title, not a gap that would collect every bullet as evidence.
    CHECK(r.title == QStringLiteral("Issue #4711 - Cache Service Test Results"));
    CHECK(r.gaps.isEmpty());
    // "### Results Summary: …" says nothing but "results": its counts are the unit phase's.
    REQUIRE(r.phases.size() == 2);
    CHECK(r.phases[0].name == QStringLiteral("Unit Test Results"));
    CHECK(r.phases[0].failed == 3);
    CHECK(r.phases[0].passed == 2);
    CHECK(r.phases[0].total == 5);
    // "ALL 5 TESTS PASSED" under "### Test 1: Cluster Failover Suite" counts a group of the phase around it.
    CHECK(r.phases[1].name == QStringLiteral("Integration Test Results"));
    CHECK(r.phases[1].passed == 5);

    REQUIRE(r.tests.size() == 5);
    const TestCase &eviction = test(r, "Eviction Order Test");
    CHECK(eviction.status == TestStatus::Failed);
    CHECK(eviction.expectedFailure);
    CHECK(eviction.message == QStringLiteral("LRU evicts the newest entry"));
    CHECK(eviction.phaseId == QStringLiteral("unit-test-results"));
    CHECK(eviction.line == 7);
    // Its words name a test type ("Integration"), yet a numbered test is a test, not a phase.
    CHECK(test(r, "Warmup Integration Test").status == TestStatus::Passed);
    const TestCase &drift = test(r, "Expiry Clock Drift"); // number and note "(FLAKY)" are not the name
    CHECK(drift.status == TestStatus::Failed);
    CHECK_FALSE(drift.expectedFailure);
    CHECK(drift.message == QStringLiteral("AssertionError: expiry fired 2s late"));
    // A test named by its id in the section is the one the Result speaks of: no second test "Key Hashing".
    CHECK(test(r, "test_key_hash_is_stable").status == TestStatus::Failed);
    CHECK(testNamed(r, QStringLiteral("Key Hashing")) == nullptr);
    CHECK(test(r, "Size Accounting Test").status == TestStatus::Passed);
    // "ALL 5 TESTS PASSED" counts a group; "COMPLETE" and "RESOLVED" are a task's state: no tests.
    CHECK(testNamed(r, QStringLiteral("Cluster Failover Suite")) == nullptr);
    CHECK(testNamed(r, QStringLiteral("Replica Sync Validation")) == nullptr);
    CHECK(testNamed(r, QStringLiteral("Deployment Checklist")) == nullptr);
}

TEST_CASE("a list typed into a code block names tests by status, what should happen names none", "[markdown][fixtures]")
{
    const Report r = fixture("code-block-lists.md");
    REQUIRE(r.phases.size() == 1);
    CHECK(r.phases[0].failed == 2); // "FAILED: 2 tests failed, 1 passed, 1 skipped"
    CHECK(r.phases[0].passed == 1);
    CHECK(r.phases[0].skipped == 1);

    REQUIRE(r.tests.size() == 4);
    const TestCase &expired = test(r, "test_rejects_expired_token");
    CHECK(expired.status == TestStatus::Failed);
    CHECK(expired.message == QStringLiteral("generic error message")); // without its parentheses
    CHECK(expired.history.isEmpty()); // "PASS" under "Expected Results" is no result
    CHECK(expired.line == 6);
    CHECK(test(r, "test_rejects_missing_user").message == QStringLiteral("403 FORBIDDEN"));
    CHECK(test(r, "test_accepts_valid_token").status == TestStatus::Passed);
    CHECK(test(r, "test_accepts_valid_token").message.isEmpty()); // "(PASSED)" says the status only
    const TestCase &refresh = test(r, "test_refresh_with_live_idp");
    CHECK(refresh.status == TestStatus::Skipped);
    CHECK(refresh.message == QStringLiteral("identity provider unavailable"));
}

TEST_CASE("a report without gaps of its own gets suggested gaps, a status restated is no cause", "[markdown][fixtures]")
{
    const Report r = fixture("failures-without-gaps.md");
    REQUIRE(r.gaps.size() == 1);
    const Gap &gap = r.gaps[0];
    CHECK(gap.suggested);
    CHECK(gap.title == QString::fromUtf8("WebSocket HTTP …")); // 503 and 502: one cause
    CHECK(gap.id.startsWith(QStringLiteral("sig-")));
    CHECK(test(r, "test_pay_by_card").gapId == gap.id);
    CHECK(test(r, "test_pay_by_card").gapSuggested);
    CHECK(test(r, "test_pay_by_wallet").gapId == gap.id);
    // "FAILING AS DESIGNED" says nothing of the cause: the two fall back to their names, which differ.
    CHECK(test(r, "test_refund_card").gapId.isEmpty());
    CHECK(test(r, "test_refund_wallet").gapId.isEmpty());
    CHECK(test(r, "test_login").gapId.isEmpty());
    // The same file gives the same gap id.
    CHECK(fixture("failures-without-gaps.md").gaps.value(0).id == gap.id);
}

TEST_CASE("a table's Finding column gives each test its message", "[markdown][fixtures]")
{
    // QA (ISSUE_1099): "**Proof**: …" under "Finding" was no message, so the plan listed the tests as "— failed".
    const Report r = importBytesOrFail(
        "# Legacy removal\n\n### Phase 1: Legacy tests\n\n"
        "| Test Case | Status | Finding |\n|---|---|---|\n"
        "| `test_legacy_base_handler` | ❌ FAILED | **Proof**: BaseMessageHandler is abstract |\n"
        "| `test_legacy_registry` | ❌ FAILED | **Proof**: MessageHandlerService exists in legacy |\n");
    CHECK(
        requireTest(r, "test_legacy_base_handler").message == QStringLiteral("Proof: BaseMessageHandler is abstract"));
    CHECK(requireTest(r, "test_legacy_registry").message
        == QStringLiteral("Proof: MessageHandlerService exists in legacy"));
}
