// SPDX-License-Identifier: GPL-3.0-or-later
// Cause groups a report names in its own words, the counts it states in the forms real reports use, and
// the sections that sum up rather than run (tests/data/markdown/cause-groups.md).
#include "testsupport.h"

#include <catch2/catch.hpp>

using namespace Gapwise;
using namespace TestSupport;

namespace {

const Report &causeGroups()
{
    static const Report r = importOrFail(dataPath(QStringLiteral("markdown/cause-groups.md")));
    return r;
}

const Gap &gap(const Report &r, const char *title)
{
    const Gap *g = gapTitled(r, QLatin1String(title));
    INFO("gap " << title);
    REQUIRE(g);
    return *g;
}

const TestCase &test(const Report &r, const char *name)
{
    const TestCase *t = testNamed(r, QLatin1String(name));
    INFO("test " << name);
    REQUIRE(t);
    return *t;
}

} // namespace

TEST_CASE(
    "a phase's name leaves out how it went, its counts come in the forms reports state them", "[markdown][causegroups]")
{
    const Report &r = causeGroups();
    REQUIRE(r.phases.size() == 3); // "Results by Priority" sums up: no phase
    CHECK(r.phases[0].name == QStringLiteral("Payment Tests"));
    CHECK(r.phases[0].failed == 4);
    CHECK(r.phases[0].passed == 3);
    CHECK(r.phases[0].total == 7);
    CHECK(r.phases[1].name == QStringLiteral("Inventory Tests"));
    CHECK(r.phases[1].passed == 22);
    CHECK(r.phases[1].total == 25);
    // A heading that is a test file heads that file's results.
    CHECK(r.phases[2].name == QStringLiteral("test_cart_merging.py"));
    CHECK(r.phases[2].passed == 2);
    CHECK(r.phases[2].failed == 1);
}

TEST_CASE(
    "a status table names its tests by the column headed as names, not by the number column", "[markdown][causegroups]")
{
    const Report &r = causeGroups();
    CHECK(testNamed(r, QStringLiteral("1")) == nullptr);
    CHECK(testNamed(r, QStringLiteral("23")) == nullptr);
    CHECK(test(r, "test_currency_is_rounded").status == TestStatus::Failed);
    CHECK(test(r, "test_currency_is_rounded").phaseId == r.phases[0].id);
    CHECK(test(r, "test_receipt_mail_is_sent").status == TestStatus::Passed);
    CHECK(test(r, "test_card_is_charged_once").message == QStringLiteral("charged twice"));
}

TEST_CASE("numbered headings and bold numbered items of a cause section are the report's gaps, with the "
          "tests they name",
    "[markdown][causegroups]")
{
    const Report &r = causeGroups();
    const Gap &config = gap(r, "Config loader ignores overrides");
    CHECK(config.title == QStringLiteral("Config loader ignores overrides")); // "(RESOLVED)" is its status
    CHECK(config.status == GapStatus::Resolved);
    CHECK_FALSE(config.suggested);
    CHECK(config.evidence.contains(QStringLiteral("ConfigFrozenError: cannot set retries")));
    // Named in the group, listed in the phase that ran it: one test, in its phase, in the group.
    const TestCase &charged = test(r, "test_card_is_charged_once");
    CHECK(charged.gapId == config.id);
    CHECK(charged.phaseId == r.phases[0].id);

    const Gap &ledger = gap(r, "Ledger client times out under load");
    CHECK(ledger.status == GapStatus::Open);
    CHECK(test(r, "test_refund_reaches_ledger").gapId == ledger.id);

    const Gap &rounding = gap(r, "Rounding uses floats");
    CHECK(test(r, "test_currency_is_rounded").gapId == rounding.id);
    CHECK(rounding.evidence.contains(QStringLiteral("Fix: use integer cents")));
    const Gap &mail = gap(r, "Mail queue is not drained");
    CHECK(mail.evidence == QStringList { QStringLiteral("no test covers it yet") });

    // "Issue #7: ✅ RESOLVED - Stale fixture data": the status word is no part of the title.
    const Gap &stale = gap(r, "Stale fixture data");
    CHECK(stale.title == QStringLiteral("Stale fixture data"));
    CHECK(stale.status == GapStatus::Resolved);
    CHECK(r.gaps.size() == 5);
}

TEST_CASE(
    "capitals after a status emoji in a cause group's heading are its status, not its title", "[markdown][causegroups]")
{
    // The forms of 0460_WEBSOCKET_1011_IMPLEMENTATION_SUCCESS_REPORT_20250909_NIGHT.md in the shared corpus.
    const Report r = importBytesOrFail(QByteArrayLiteral("# WebSocket Fix Report\n\n"
                                                         "## Root Cause Resolution Summary\n\n"
                                                         "### Secondary Issue: Orchestrator Dependency Architecture "
                                                         "\xE2\x9C\x85 ALREADY RESOLVED\n\n"
                                                         "- The orchestrator was wired at import time.\n\n"
                                                         "### Tertiary Issue: E2E Authentication Patterns "
                                                         "\xE2\x9C\x85 AVAILABLE\n\n"
                                                         "- The helper gives every E2E test a real token.\n"));
    const Gap &resolved = gap(r, "Orchestrator Dependency Architecture");
    CHECK(resolved.title == QStringLiteral("Orchestrator Dependency Architecture"));
    CHECK(resolved.status == GapStatus::Resolved);
    CHECK(gap(r, "E2E Authentication Patterns").title == QStringLiteral("E2E Authentication Patterns"));
}
