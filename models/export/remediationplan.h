// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "comparisondigest.h"
#include "planhistory.h"
#include "report.h"
#include "triagechanges.h"

#include <QDateTime>

#include <optional>

namespace Gapwise {

class TriageSession;

// The remediation plan an export shows: gaps by priority with what belongs to them, and before them a
// summary of the run and of what the triage changed. Built once from the session; every writer (PDF,
// Markdown, CSV, JSON) reads the same plan, so they never disagree.
struct PlanPhase
{
    Phase phase;
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
    int unnamedFailures = 0; // counted by the report, not named
    QVector<RemediationItem> otherRemediation; // items linked to no gap (a merged gap's follow it)
    TriageChanges changes;
    // What changed since an earlier run, when one is compared (CLI --compare, the window's comparison mode).
    // buildPlan leaves it empty: whoever compares sets it, and every writer renders it.
    std::optional<ComparisonDigest> comparison;
    // What the run history store says of the last runs (CLI --store): the PDF's "History" page.
    std::optional<PlanHistory> history;
};

RemediationPlan buildPlan(const TriageSession &session, const QDateTime &exportedAt = QDateTime::currentDateTime());
// `edits` are the edits that made `triaged` from `imported` (a session file's, as replayed): what the triage
// changed is read from them. Without edits the plan states no change.
RemediationPlan buildPlan(
    const Report &imported, const Report &triaged, const QVector<QJsonObject> &edits, const QDateTime &exportedAt);
RemediationPlan buildPlan(const Report &imported, const Report &triaged, const QDateTime &exportedAt);

} // namespace Gapwise
