// SPDX-License-Identifier: GPL-3.0-or-later
// The plan's counts agree with the window and with each other (QA5 findings 7, 8 and 11): a row's total is never
// below its rate's base, a count the report states but does not name is said as such, errors with failures, the
// skipped tests the window shows, the report's own contradictions as import notes, one summary line everywhere.
#include "testsupport.h"

#include "planwriters.h"
#include "triagesession.h"

#include <catch2/catch.hpp>

#include <QJsonArray>

using namespace Gapwise;
using namespace TestSupport;

namespace {

// Like the seed: its second phase states 6 tests, 2 passed, 4 failed and 2 import errors (8 results), and names
// one failing test of them.
const char CountsReport[] = "# Nightly Run\n\n## Test Execution Results by Phase\n\n### Phase 1: Unit Tests\n\n"
                            "**Results Summary:**\n- **Total Tests:** 4\n- **Failed:** 2\n- **Passed:** 2\n\n"
                            "#### Gap 1: Login Broken (2 failures)\n- `test_login_a`\n- `test_login_b`\n\n"
                            "### Phase 2: Integration Tests\n\n**Results Summary:**\n- **Total Tests Collected:** 6\n"
                            "- **Import Errors:** 2\n- **Failed:** 4\n- **Passed:** 2\n\n"
                            "#### Login Integration (1 failure)\n- `test_login_integration`\n";

// Like r0620: it states 0 skipped and a total of 6 for 2 passed and 1 failed, and names 3 skipped tests.
const char SkippedReport[]
    = "# Staging Run\n\n## Summary\n- **Total Tests:** 6\n- **Passed:** 2\n- **Failed:** 1\n"
      "- **Skipped:** 0\n\n## Test Results\n\n| Test | Result | Time |\n|------|--------|------|\n"
      "| test_one | [PASS] passed | 0.1s |\n| test_two | [PASS] passed | 0.1s |\n"
      "| test_three | [FAIL] failed | 0.1s |\n| test_four | [SKIP] skipped | 0.0s |\n"
      "| test_five | [SKIP] skipped | 0.0s |\n| test_six | [SKIP] skipped | 0.0s |\n";

RemediationPlan planOf(const char *bytes)
{
    const Report r = importBytesOrFail(QByteArray(bytes));
    return buildPlan(r, r, QDateTime(QDate(2026, 12, 5), QTime(12, 0), Qt::UTC));
}

QJsonObject jsonPhase(const RemediationPlan &plan, int index)
{
    return planToJson(plan).value(QStringLiteral("phases")).toArray().at(index).toObject();
}

} // namespace

TEST_CASE("A phase's total in the plan is never below its rate's base, and the plan says why it differs from the "
          "report's",
    "[plan][export][counts]")
{
    const RemediationPlan plan = planOf(CountsReport);
    REQUIRE(plan.phases.size() == 2);
    const PlanPhase &integration = plan.phases[1];
    CHECK(integration.phase.total == 6); // as the report states it
    CHECK(integration.errors == 2);
    CHECK(integration.rateFailing == 6);
    CHECK(integration.rateRan == 8);
    CHECK(integration.total == 8); // 2 passed + 4 failed + 2 errors
    CHECK(integration.total >= integration.rateRan);
    const QString note = QStringLiteral("Integration Tests: the report states 6 tests, but its counts add up to 8 "
                                        "(2 passed, 4 failed, 2 errors); the plan shows 8.");
    CHECK(plan.countNotes == QStringList { note });
    CHECK(plan.phases[0].total == 4); // adds up: no note
    CHECK(plan.phases[0].errors == -1); // neither stated nor named: "–"

    const QString markdown = QString::fromUtf8(planToMarkdown(plan));
    INFO(markdown.toStdString());
    CHECK(markdown.contains(QStringLiteral("| Integration Tests | 8 | 2 | 4 | 2 | – | 75.0% (6 of 8) |")));
    CHECK(markdown.contains(note));
    const QJsonObject json = jsonPhase(plan, 1);
    CHECK(json.value(QStringLiteral("total")).toInt() == 8);
    CHECK(json.value(QStringLiteral("reportedTotal")).toInt() == 6);
    CHECK(json.value(QStringLiteral("rateRan")).toInt() == 8);
    CHECK(planToJson(plan).value(QStringLiteral("countNotes")).toArray() == QJsonArray { note });
}

TEST_CASE("Errors the report counts but does not name are said beside the failures, in every format",
    "[plan][export][counts]")
{
    const RemediationPlan plan = planOf(CountsReport);
    // 2 + 4 failed, 3 of them named; 2 errors, none named: 5 failing tests of the 8 are not named.
    CHECK(plan.unnamedFailures == 3);
    CHECK(plan.unnamedErrors == 2);
    const QString line = QStringLiteral("1 gap · 3 failures and 2 errors counted but not named by the report");
    CHECK(planSummaryLine(plan, QLocale::c()) == line);
    CHECK(QString::fromUtf8(planToMarkdown(plan)).contains(QLatin1Char('\n') + line + QLatin1Char('\n')));
    const QJsonObject json = planToJson(plan);
    CHECK(json.value(QStringLiteral("unnamedFailures")).toInt() == 3);
    CHECK(json.value(QStringLiteral("unnamedErrors")).toInt() == 2);
    CHECK(json.value(QStringLiteral("summary")).toString() == line);
}

TEST_CASE("The plan shows the skipped tests the window shows, and the report's contradictions as import notes",
    "[plan][export][counts]")
{
    const RemediationPlan plan = planOf(SkippedReport);
    REQUIRE(plan.phases.size() == 1);
    const PlanPhase &p = plan.phases[0];
    CHECK(p.phase.skipped == 0); // what the report states ...
    CHECK(p.skipped == 3); // ... and the 3 it names, which the window's Skipped chip counts
    CHECK(p.total == 6);
    CHECK(p.total == p.passed + p.failed + p.skipped);
    CHECK(p.rateRan == 3);
    CHECK(plan.countNotes.isEmpty()); // 2 + 1 + 3 is the stated 6

    const Report &run = plan.run;
    REQUIRE(run.diagnostics.size() == 2);
    const QString markdown = QString::fromUtf8(planToMarkdown(plan));
    INFO(markdown.toStdString());
    CHECK(markdown.contains(QStringLiteral("| Test Results | 6 | 2 | 1 | – | 3 | 33.3% (1 of 3) |")));
    const int notes = markdown.indexOf(QStringLiteral("\n### Import notes\n\n"));
    REQUIRE(notes > 0);
    CHECK(markdown.indexOf(QStringLiteral("## Gaps by priority")) > notes);
    CHECK(markdown.contains(QStringLiteral("- Warning, line 9: phase “Test Results” states 0 skipped but names 3 "
                                           "skipped tests; the named tests are kept\n")));
    CHECK(importNoteText(run.diagnostics[1])
        == QStringLiteral("Warning, line 9: phase “Test Results”: 1 failed + 2 passed = 3, but the total is 6"));
    const QJsonArray json = planToJson(plan).value(QStringLiteral("importNotes")).toArray();
    REQUIRE(json.size() == 2);
    CHECK(json[0].toObject().value(QStringLiteral("severity")).toString() == QStringLiteral("warning"));
    CHECK(json[0].toObject().value(QStringLiteral("line")).toInt() == 9);
    CHECK(json[0].toObject().value(QStringLiteral("message")).toString() == run.diagnostics[0].message);
    CHECK(jsonPhase(plan, 0).value(QStringLiteral("skipped")).toInt() == 3);
}

TEST_CASE("The summary line leaves out a part whose count is 0", "[plan][export][counts]")
{
    RemediationPlan plan;
    CHECK(planSummaryLine(plan, QLocale::c()) == QStringLiteral("No gaps"));
    plan.gaps.resize(1);
    CHECK(planSummaryLine(plan, QLocale::c()) == QStringLiteral("1 gap"));
    plan.unassignedFailures = 1;
    plan.unnamedErrors = 1;
    CHECK(planSummaryLine(plan, QLocale::c())
        == QStringLiteral("1 gap · 1 failing test in no gap · 1 error counted but not named by the report"));
    plan.gaps.resize(1200);
    plan.unassignedFailures = 0;
    plan.unnamedErrors = 0;
    plan.unnamedFailures = 1300;
    CHECK(planSummaryLine(plan, QLocale(QLocale::English, QLocale::UnitedStates))
        == QStringLiteral("1,200 gaps · 1,300 failures counted but not named by the report"));
}

TEST_CASE("CSV: each test's gap owner, gap status and notes in columns after the existing ones", "[plan][export][csv]")
{
    TriageSession session;
    session.load(importBytesOrFail(QByteArray(CountsReport)));
    REQUIRE(session.report().gaps.size() == 1);
    const QString gap = session.report().gaps[0].id;
    session.setGapOwner(gap, QStringLiteral("ann.lee"));
    session.setGapStatus(gap, GapStatus::InProgress);
    session.setGapNotes(gap, QStringLiteral("first line, \"quoted\"\nsecond line"));
    const QString csv = QString::fromUtf8(planToCsv(buildPlan(session)));
    const QStringList lines = csv.split(QStringLiteral("\r\n"));
    CHECK(lines[0] == QStringLiteral("test,phase,gap,priority,status,message,owner,gap status,notes"));
    // The notes quoted, their quotes doubled and their line break kept inside the quotes.
    CHECK(lines[1]
        == QStringLiteral("test_login_a,Unit Tests,Login Broken,,failed,,ann.lee,%1,\"first line, \"\"quoted\"\"\n"
                          "second line\"")
               .arg(gapStatusName(GapStatus::InProgress)));
}
