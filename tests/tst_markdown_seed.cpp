// SPDX-License-Identifier: GPL-3.0-or-later
// The founding example, ../shared/seeds/000_42158a470332176e.txt: every number the issue names, exactly.
#include "testsupport.h"

#include "reportjson.h"

#include <catch2/catch.hpp>

#include <QJsonArray>
#include <QJsonObject>

using namespace Gapwise;
using namespace TestSupport;

namespace {

int testsInGap(const Report &report, const QString &gapId, const QString &phaseId)
{
    return int(std::count_if(report.tests.cbegin(), report.tests.cend(),
        [&](const TestCase &t) { return t.gapId == gapId && t.phaseId == phaseId && t.status == TestStatus::Failed; }));
}

} // namespace

TEST_CASE("the seed report imports with its phases, gaps, tests and remediation", "[markdown][seed]")
{
    const QString seed = sharedPath(QStringLiteral("seeds/000_42158a470332176e.txt"));
    if (seed.isEmpty()) {
        WARN("../shared/seeds is absent: the seed test is skipped");
        return;
    }
    const Report report = importOrFail(seed);

    CHECK(report.title
        == QStringLiteral("Issue #1176 Integration Coordination Failures - Comprehensive Test Execution Report"));
    CHECK(report.date == QStringLiteral("September 15, 2025"));
    CHECK(report.environment == QStringLiteral("Windows 11, Python 3.12.4, pytest 8.4.1"));
    CHECK(report.summaryFacts.size() == 5);
    REQUIRE(report.phases.size() == 3);

    SECTION("phases with their counts, durations and commands")
    {
        // The counts the three phases state, in the report's order.
        const struct
        {
            const char *name; // how the heading begins
            int total, failed, passed;
            double seconds;
        } stated[] = {
            { "Unit Tests", 37, 20, 17, 1.95 },
            { "Integration Tests", 17, 12, 5, 3.21 },
            { "E2E GCP Staging Tests", 7, 7, 0, 33.69 },
        };
        for (int p = 0; p < 3; ++p) {
            const Phase &phase = report.phases[p];
            INFO("phase " << p + 1 << ": " << phase.name.toStdString());
            CHECK(phase.name.startsWith(QLatin1String(stated[p].name)));
            CHECK(phase.total == stated[p].total);
            CHECK(phase.failed == stated[p].failed);
            CHECK(phase.passed == stated[p].passed);
            CHECK(phase.durationSeconds == Approx(stated[p].seconds));
        }

        CHECK(report.phases[0].command
            == QStringLiteral(
                "python -m pytest tests/unit/*issue_1176* tests/unit/auth/*issue_1176* -v --tb=short --maxfail=100"));
        const Phase &integration = report.phases[1];
        CHECK(integration.collected == 17);
        CHECK(integration.selected == 10);
        CHECK(integration.deselected == 7);
        CHECK(integration.importErrors == 4);
        CHECK(integration.importErrorMessages.size() == 4);
        CHECK(integration.importErrorMessages.first().startsWith(
            QStringLiteral("cannot import name 'create_auth_handler'")));
        CHECK(integration.command.contains(QStringLiteral("-k \"not docker\"")));
        CHECK(report.phases[2].command.endsWith(
            QStringLiteral("test_golden_path_end_to_end_staging_validation.py -v --tb=short")));
    }

    SECTION("failures the report counts but does not name stay counts, not invented tests")
    {
        const auto inPhase = [&](const Phase &p) {
            return int(std::count_if(
                report.tests.cbegin(), report.tests.cend(), [&](const TestCase &t) { return t.phaseId == p.id; }));
        };
        CHECK(inPhase(report.phases[0]) == 20);
        CHECK(inPhase(report.phases[1]) == 5);
        CHECK(inPhase(report.phases[2]) == 0);
        CHECK(report.phases[1].unnamedFailures(5) == 7);
        CHECK(report.phases[2].unnamedFailures(0) == 7);
        CHECK(report.tests.size() == 25);
    }

    SECTION("five gaps by name, with the unit failures placed in them by name")
    {
        REQUIRE(report.gaps.size() == 5);
        const QStringList titles = { QStringLiteral("Factory Pattern Integration Conflicts"),
            QStringLiteral("MessageRouter Fragmentation Conflicts"), QStringLiteral("Quality Router Fragmentation"),
            QStringLiteral("WebSocket Manager Interface Mismatches"),
            QStringLiteral("Service Authentication Breakdown") };
        const int unitFailures[] = { 6, 2, 3, 2, 7 };
        for (int i = 0; i < 5; ++i) {
            INFO("gap " << i + 1);
            CHECK(report.gaps[i].id == QStringLiteral("gap-%1").arg(i + 1));
            CHECK(report.gaps[i].title == titles[i]);
            CHECK(report.gaps[i].declaredFailures == unitFailures[i]);
            CHECK(testsInGap(report, report.gaps[i].id, report.phases[0].id) == unitFailures[i]);
            CHECK_FALSE(report.gaps[i].suggested);
        }
        const TestCase *t = testNamed(report, QStringLiteral("test_router_instantiation_conflicts"));
        REQUIRE(t);
        CHECK(t->gapId == QStringLiteral("gap-3"));
        CHECK_FALSE(t->gapSuggested);
        CHECK(t->status == TestStatus::Failed);
        CHECK(t->line == 51);
    }

    SECTION("gap evidence from the analysis section and the integration categories")
    {
        const Gap &factory = report.gaps[0];
        CHECK(factory.evidence.contains(QStringLiteral("13 total failures across unit and integration tests")));
        CHECK(factory.evidence.contains(QStringLiteral("Cross-component factory initialization failures")));
        CHECK(factory.evidence.contains(QStringLiteral(
            "AttributeError: 'TestAgentFactoryWebSocketManagerIntegration' object has no attribute 'user_context'")));
        CHECK(report.gaps[4].evidence.contains(QStringLiteral("10 total failures + complete staging auth failure")));
        for (const Gap &g : report.gaps)
            CHECK(g.evidence.size() >= 5);
    }

    SECTION("integration failures under a category heading are suggested into the gap it names")
    {
        const TestCase *routing = testNamed(report, QStringLiteral("test_message_routing_race_conditions"));
        REQUIRE(routing);
        CHECK(routing->gapId == QStringLiteral("gap-2"));
        CHECK(routing->gapSuggested);
        CHECK(routing->message == QStringLiteral("Concurrent routing conflicts"));
        const TestCase *auth
            = testNamed(report, QStringLiteral("test_exact_production_error_reproduction_integration"));
        REQUIRE(auth);
        CHECK(auth->gapId == QStringLiteral("gap-5"));
        CHECK(auth->gapSuggested);
    }

    SECTION("remediation items P0 x3, P1 x2, P2 x2, linked to the gaps they address")
    {
        REQUIRE(report.remediation.size() == 7);
        const Priority expected[]
            = { Priority::P0, Priority::P0, Priority::P0, Priority::P1, Priority::P1, Priority::P2, Priority::P2 };
        for (int i = 0; i < 7; ++i)
            CHECK(report.remediation[i].priority == expected[i]);
        CHECK(report.remediation[0].title == QStringLiteral("Service Authentication System"));
        CHECK(report.remediation[0].details == QStringLiteral("Complete staging failure"));
        CHECK(report.remediation[0].gapIds == QStringList { QStringLiteral("gap-5") });
        CHECK(report.remediation[3].gapIds == QStringList { QStringLiteral("gap-1") });
        CHECK(report.remediation[2].gapIds.isEmpty()); // "Backend API Health" names no gap
        CHECK(report.actions.size() == 5);
        CHECK(report.actions[0].horizon == QStringLiteral("Immediate (This Week)"));
        CHECK(report.actions[0].steps.size() == 3);
    }

    SECTION("the category that says 3 failures and lists 4 is a diagnostic with its line")
    {
        const auto it = std::find_if(report.diagnostics.cbegin(), report.diagnostics.cend(), [](const Diagnostic &d) {
            return d.message.contains(QStringLiteral("Service Authentication Integration"));
        });
        REQUIRE(it != report.diagnostics.cend());
        CHECK(it->line == 98);
        CHECK(it->severity == Severity::Warning);
        CHECK(it->message.contains(QStringLiteral("3 failures")));
        CHECK(it->message.contains(QStringLiteral("4 tests")));
    }

    SECTION("the JSON the command line prints carries the same model")
    {
        const QJsonObject json = reportToJson(report);
        const QJsonArray phases = json.value(QStringLiteral("phases")).toArray();
        REQUIRE(phases.size() == 3);
        CHECK(phases[1].toObject().value(QStringLiteral("deselected")).toInt() == 7);
        CHECK(phases[0].toObject().value(QStringLiteral("durationSeconds")).toDouble() == Approx(1.95));
        CHECK(json.value(QStringLiteral("gaps")).toArray().size() == 5);
        CHECK(json.value(QStringLiteral("tests")).toArray().size() == 25);
        CHECK(json.value(QStringLiteral("remediation")).toArray().size() == 7);
        const QJsonObject first = json.value(QStringLiteral("tests")).toArray().first().toObject();
        CHECK(first.value(QStringLiteral("status")).toString() == QStringLiteral("failed"));
        CHECK(first.value(QStringLiteral("gap")).toString() == QStringLiteral("gap-1"));
        CHECK(first.value(QStringLiteral("line")).toInt() == 38);
    }
}
