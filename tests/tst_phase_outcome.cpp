// SPDX-License-Identifier: GPL-3.0-or-later
// A phase's name without the status words that close its heading, those words kept as its outcome: headings
// as real reports write them (../shared/corpus/markdown-reports), read by the classifier and then this pass.
#include "headingclassifier.h"
#include "phaseoutcome.h"
#include "reportjson.h"
#include "testsupport.h"

#include <catch2/catch.hpp>

#include <QJsonArray>

using namespace Gapwise;

namespace {

// The heading through the classifier, then the outcome pass, as the importer reads it.
PhaseNameOutcome read(const QString &heading, int level = 3)
{
    const HeadingInfo info = classifyHeading(heading, level);
    INFO(heading.toStdString());
    REQUIRE(info.kind == HeadingInfo::Phase); // the pass never decides what is a phase
    return splitPhaseOutcome(heading, info.title, info.outcome);
}

} // namespace

TEST_CASE("a phase heading's status words are its outcome, not its name", "[markdown][phase-outcome]")
{
    struct Case
    {
        const char *heading, *name, *outcome;
    };
    const Case cases[] = {
        { "Payment Tests - CRITICAL FAILURE BLOCKING CHECKOUT", "Payment Tests", "CRITICAL FAILURE BLOCKING CHECKOUT" },
        { "Mission Critical WebSocket Agent Events Suite ✅ **95.2% SUCCESS**",
            "Mission Critical WebSocket Agent Events Suite", "95.2% SUCCESS" },
        { "Unit Tests (95.2% SUCCESS)", "Unit Tests", "95.2% SUCCESS" },
        { "Phase 2: Integration Tests ✅ PASSED", "Integration Tests", "PASSED" },
        { "1. Unit Test Validation (PASSED)", "Unit Test Validation", "PASSED" },
        { "3. Mission Critical WebSocket Tests (PARTIAL SUCCESS)", "Mission Critical WebSocket Tests",
            "PARTIAL SUCCESS" },
        { "1. Unit Tests - Legacy Import Detection ✅ EXCELLENT", "Unit Tests - Legacy Import Detection", "EXCELLENT" },
        { "2. Integration Tests - SSOT Factory Patterns ✅ FUNCTIONAL", "Integration Tests - SSOT Factory Patterns",
            "FUNCTIONAL" },
        { "Unit Tests: 5 FAILED, 2 PASSED (Expected: Initial Failures)", "Unit Tests",
            "5 FAILED, 2 PASSED (Expected: Initial Failures)" },
    };
    for (const Case &c : cases) {
        const PhaseNameOutcome got = read(QString::fromUtf8(c.heading));
        INFO(c.heading << " → " << got.name.toStdString() << " | " << got.outcome.toStdString());
        CHECK(got.name == QString::fromUtf8(c.name));
        CHECK(got.outcome == QString::fromUtf8(c.outcome));
    }
}

TEST_CASE("words that name or qualify a phase stay in its name", "[markdown][phase-outcome]")
{
    // What the author expects is no outcome; a qualifier in parentheses is part of the name.
    const PhaseNameOutcome expected = read(QStringLiteral("2. Unit Tests (Expected to FAIL Initially)"));
    CHECK(expected.name == QStringLiteral("Unit Tests (Expected to FAIL Initially)"));
    CHECK(expected.outcome.isEmpty());
    const PhaseNameOutcome qualified = read(QStringLiteral("Integration Tests (Real Services)"));
    CHECK(qualified.name == QStringLiteral("Integration Tests (Real Services)"));
    CHECK(qualified.outcome.isEmpty());
    const PhaseNameOutcome expectedPass = read(QStringLiteral("Unit Tests (Code Health) - Expected: PASS"));
    CHECK(expectedPass.name == QStringLiteral("Unit Tests (Code Health) - Expected: PASS"));
    CHECK(expectedPass.outcome.isEmpty());
    const PhaseNameOutcome designed = read(QStringLiteral("Integration Tests (DESIGNED TO FAIL)"));
    CHECK(designed.name == QStringLiteral("Integration Tests (DESIGNED TO FAIL)"));
    CHECK(designed.outcome.isEmpty());
    const PhaseNameOutcome where = read(QStringLiteral("3. E2E Tests (GCP Staging)"));
    CHECK(where.name == QStringLiteral("E2E Tests (GCP Staging)"));
    CHECK(where.outcome.isEmpty());
    const PhaseNameOutcome plain = read(QStringLiteral("Staging E2E Tests"));
    CHECK(plain.name == QStringLiteral("Staging E2E Tests"));
    CHECK(plain.outcome.isEmpty());
}

TEST_CASE("an imported phase carries its outcome into the model and the JSON", "[markdown][phase-outcome]")
{
    const Report r = TestSupport::importBytesOrFail(TestSupport::checkoutRunWithOutcomes());
    REQUIRE(r.phases.size() == 2);
    CHECK(r.phases[0].name == QStringLiteral("Payment Tests"));
    CHECK(r.phases[0].outcome == QStringLiteral("CRITICAL FAILURE BLOCKING CHECKOUT"));
    CHECK(r.phases[0].total == 4);
    CHECK(r.phases[0].failed == 3);
    CHECK(r.phases[1].name == QStringLiteral("Unit Tests"));
    CHECK(r.phases[1].outcome == QStringLiteral("95.2% SUCCESS"));
    CHECK(r.phases[1].passed == 40);
    const QJsonArray phases = reportToJson(r).value(QStringLiteral("phases")).toArray();
    CHECK(phases.at(0).toObject().value(QStringLiteral("outcome")).toString()
        == QStringLiteral("CRITICAL FAILURE BLOCKING CHECKOUT"));
    CHECK(phases.at(1).toObject().value(QStringLiteral("name")).toString() == QStringLiteral("Unit Tests"));
}
