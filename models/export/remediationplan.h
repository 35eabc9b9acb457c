// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "comparisondigest.h"
#include "planhistory.h"
#include "report.h"
#include "triagechanges.h"

#include <QDateTime>
#include <QLocale>

#include <optional>

namespace Gapwise {

class TriageSession;

// The remediation plan an export shows: gaps by priority with what belongs to them, and before them a
// summary of the run and of what the triage changed. Built once from the session; every writer (PDF,
// Markdown, CSV, JSON) reads the same plan, so they never disagree.
struct PlanPhase
{
    Phase phase;
    // The counts the plan shows, the phase chart's (-1, "–", where the report states none and names none): the
    // report's own, or its named tests where it names more ("Skipped: 0" above 3 skipped tests). `total` is the
    // report's, or what the counts add up to where that is more (the seed's 17 tests beside 5 passed, 12 failed
    // and 4 errors), so that a row's total is never below its rate's base; RemediationPlan::countNotes says why it
    // differs.
    int total = -1;
    int passed = -1;
    int failed = -1;
    int errors = -1;
    int skipped = -1;
    int namedFailing = 0;
    double failureRate
        = -1; // failed+errors over the results that ran (skipped ones not counted), 0..1; -1 when unknown
    int rateFailing = 0; // what the rate is of: failed+errors ...
    int rateRan = 0; // ... of passed+failed+errors, the results the report states (the phase chart's)
};

struct PlanTestGroup
{
    QString phaseName;
    QVector<TestCase> tests;
};

struct PlanGap
{
    Gap gap;
    int failures = 0;
    QVector<RemediationItem> remediation;
    QVector<RecommendedAction> actions;
    QVector<PlanTestGroup> testsByPhase;
};

struct RemediationPlan
{
    // The triaged run as it stands: its title, date, environment, source and format head the plan, and its
    // phases and every test, passed ones too, are what CTRF lists. Writers read the gaps below, not the run's.
    Report run;
    QDateTime exportedAt;
    // ISO 8601 with the zone ("2026-12-04T18:27:10+01:00", "…Z" in UTC), as the Markdown and JSON plans write it:
    // a time without its zone means another hour to a reader in another.
    QString exportedAtText() const
    {
        return exportedAt.toOffsetFromUtc(exportedAt.offsetFromUtc()).toString(Qt::ISODate);
    }
    QVector<PlanPhase> phases;
    QVector<PlanGap> gaps; // P0 first, then by failures
    QVector<PlanTestGroup> unassigned; // failing tests in no gap, by phase
    int unassignedFailures = 0;
    int unnamedFailures = 0; // failed tests the report counts but does not name
    int unnamedErrors = 0; // the same for errors (the seed's 4 import errors)
    // Where the plan's counts differ from what the report states, in words ("Integration: the report states 17
    // tests, but its counts add up to 21 …"). The report's own contradictions are its diagnostics (run.diagnostics),
    // which every plan lists as its import notes.
    QStringList countNotes;
    QVector<RemediationItem> otherRemediation; // items linked to no gap (a merged gap's follow it)
    TriageChanges changes;
    // What changed since an earlier run, when one is compared (CLI --compare, the window's comparison mode).
    // buildPlan leaves it empty: whoever compares sets it, and every writer renders it.
    std::optional<ComparisonDigest> comparison;
    // What the run history store says of the last runs (CLI --store): the PDF's "History" page.
    std::optional<PlanHistory> history;
};

// "5 gaps · 4 failing tests in no gap · 14 failures and 4 errors counted but not named by the report": the summary
// line of every plan format, a part whose count is 0 left out ("No gaps" when all are). Digits grouped as `locale`
// groups them.
QString planSummaryLine(const RemediationPlan &plan, const QLocale &locale);

// "76.2% (16 of 21)": a phase's failure rate and what it is of; empty when the phase has none.
QString phaseRateText(const PlanPhase &phase, const QLocale &locale);
// What every plan says the rate is of, under its phase table.
QString failureRateBasisText();
// "Warning, line 16: phase “Test Results” states 0 skipped but names 3 skipped tests; …": one of the report's
// diagnostics as the plan's "Import notes" list it (the window's Import diagnostics pane shows the same).
QString importNoteText(const Diagnostic &diagnostic);

RemediationPlan buildPlan(const TriageSession &session, const QDateTime &exportedAt = QDateTime::currentDateTime());
// `edits` are the edits that made `triaged` from `imported` (a session file's, as replayed): what the triage
// changed is read from them. Without edits the plan states no change.
RemediationPlan buildPlan(
    const Report &imported, const Report &triaged, const QVector<QJsonObject> &edits, const QDateTime &exportedAt);
RemediationPlan buildPlan(const Report &imported, const Report &triaged, const QDateTime &exportedAt);

} // namespace Gapwise
