// SPDX-License-Identifier: GPL-3.0-or-later
#include "remediationplan.h"

#include "chartdata.h"
#include "gapsuggester.h"
#include "titlematcher.h"
#include "triagecommands.h"
#include "triagesession.h"

#include <QHash>

namespace Gapwise {
namespace {

    int priorityRank(Priority p)
    {
        return p == Priority::None ? 4 : int(p);
    }

    QVector<PlanTestGroup> groupByPhase(const Report &report, const QVector<TestCase> &tests)
    {
        QVector<PlanTestGroup> groups;
        for (const Phase &phase : report.phases) {
            PlanTestGroup group;
            group.phaseName = phase.name;
            for (const TestCase &t : tests) {
                if (t.phaseId == phase.id)
                    group.tests.append(t);
            }
            if (!group.tests.isEmpty())
                groups.append(group);
        }
        PlanTestGroup loose; // tests of no phase
        for (const TestCase &t : tests) {
            if (report.phaseIndex(t.phaseId) < 0)
                loose.tests.append(t);
        }
        if (!loose.tests.isEmpty())
            groups.append(loose);
        return groups;
    }

} // namespace

RemediationPlan buildPlan(const TriageSession &session, const QDateTime &exportedAt)
{
    return buildPlan(session.imported(), session.report(), editsInForce(session), exportedAt);
}

RemediationPlan buildPlan(const Report &imported, const Report &triaged, const QDateTime &exportedAt)
{
    return buildPlan(imported, triaged, {}, exportedAt);
}

RemediationPlan buildPlan(
    const Report &imported, const Report &r, const QVector<QJsonObject> &edits, const QDateTime &exportedAt)
{
    const TriageSummary summary = summarizeEdits(imported, r, edits);
    // A gap id as the report's remediation items name it → the gap that holds its tests now.
    auto current = [&](const QString &id) { return summary.mergedInto.value(id, id); };
    RemediationPlan plan;
    plan.run = r; // implicitly shared: no copy of the tests
    plan.exportedAt = exportedAt;

    QHash<QString, QVector<TestCase>> failingByGap;
    for (const TestCase &t : r.tests) {
        if (isFailing(t.status))
            failingByGap[t.gapId].append(t);
    }
    // The same failure rate as the phase chart shows, so the PDF and the window agree.
    const QVector<PhaseBar> bars = phaseChartData(r);
    for (const Phase &p : r.phases) {
        PlanPhase pp;
        pp.phase = p;
        pp.namedFailing = int(std::count_if(r.tests.cbegin(), r.tests.cend(),
            [&](const TestCase &t) { return t.phaseId == p.id && t.status == TestStatus::Failed; }));
        for (const PhaseBar &bar : bars) {
            // A phase whose tests all lack a verdict has no rate ("–").
            if (bar.phaseId == p.id && bar.withVerdict() > 0) {
                pp.failureRate = bar.failureRate();
                pp.rateFailing = bar.failing();
                pp.rateRan = bar.ran();
            }
        }
        plan.unnamedFailures += p.unnamedFailures(pp.namedFailing);
        plan.phases.append(pp);
    }

    // Actions match gap titles; a merged gap's title still names its actions, which follow it.
    TitleMatcher matcher;
    QStringList titles;
    QVector<int> planGapOfTitle;
    for (int i = 0; i < r.gaps.size(); ++i) {
        titles.append(r.gaps[i].title);
        planGapOfTitle.append(i);
    }
    for (const Gap &merged : imported.gaps) { // in report order, so ties resolve the same way every time
        const int to = summary.mergedInto.contains(merged.id) ? r.gapIndex(summary.mergedInto.value(merged.id)) : -1;
        if (to >= 0) {
            titles.append(merged.title);
            planGapOfTitle.append(to);
        }
    }
    matcher.setTitles(titles);
    for (const Gap &g : r.gaps) {
        PlanGap pg;
        pg.gap = g;
        const QVector<TestCase> failing = failingByGap.value(g.id);
        // What the evidence says of the gap's failures holds for its failures in this plan (a carried-over
        // triage, or tests moved, may have changed them since Gapwise wrote it).
        pg.gap.evidence = evidenceOfMembers(g.evidence, failing);
        pg.failures = int(failing.size());
        pg.testsByPhase = groupByPhase(r, failing);
        for (const RemediationItem &item : r.remediation) {
            if (std::any_of(
                    item.gapIds.cbegin(), item.gapIds.cend(), [&](const QString &id) { return current(id) == g.id; }))
                pg.remediation.append(item);
        }
        plan.gaps.append(pg);
    }
    for (const RecommendedAction &a : r.actions) {
        const int gap = matcher.bestMatch(a.title + QLatin1Char(' ') + a.steps.join(QLatin1Char(' ')), 1.5);
        if (gap >= 0)
            plan.gaps[planGapOfTitle[gap]].actions.append(a);
    }
    for (const RemediationItem &item : r.remediation) {
        const bool linked = std::any_of(
            item.gapIds.cbegin(), item.gapIds.cend(), [&](const QString &id) { return r.gapIndex(current(id)) >= 0; });
        if (!linked)
            plan.otherRemediation.append(item);
    }
    std::stable_sort(plan.gaps.begin(), plan.gaps.end(), [](const PlanGap &a, const PlanGap &b) {
        if (priorityRank(a.gap.priority) != priorityRank(b.gap.priority))
            return priorityRank(a.gap.priority) < priorityRank(b.gap.priority);
        return a.failures > b.failures;
    });
    const QVector<TestCase> unassigned = failingByGap.value(QString());
    plan.unassignedFailures = int(unassigned.size());
    plan.unassigned = groupByPhase(r, unassigned);
    plan.changes = summary.changes;
    return plan;
}

} // namespace Gapwise
