#include "remediationplan.h"

#include "chartdata.h"
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

TriageChanges diff(const Report &imported, const Report &triaged)
{
    TriageChanges c;
    for (int i = 0; i < triaged.tests.size() && i < imported.tests.size(); ++i) {
        if (triaged.tests[i].gapId != imported.tests[i].gapId)
            ++c.movedTests;
    }
    for (const Gap &g : triaged.gaps) {
        const int before = imported.gapIndex(g.id);
        if (before < 0)
            c.createdGaps.append(g.title);
        else if (imported.gaps[before].title != g.title)
            c.renamedGaps.append(imported.gaps[before].title + QStringLiteral(" → ") + g.title);
    }
    for (const Gap &g : imported.gaps) {
        if (triaged.gapIndex(g.id) >= 0)
            continue;
        // Where did its tests go? All to one gap: a merge; otherwise a deletion.
        QString into;
        bool single = true;
        for (int i = 0; i < imported.tests.size() && i < triaged.tests.size(); ++i) {
            if (imported.tests[i].gapId != g.id)
                continue;
            const QString now = triaged.tests[i].gapId;
            if (into.isEmpty())
                into = now;
            else if (into != now)
                single = false;
        }
        const int target = triaged.gapIndex(into);
        if (single && target >= 0)
            c.mergedGaps.append(g.title + QStringLiteral(" → ") + triaged.gaps[target].title);
        else
            c.deletedGaps.append(g.title);
    }
    return c;
}

} // namespace

bool TriageChanges::any() const
{
    return movedTests > 0 || !createdGaps.isEmpty() || !mergedGaps.isEmpty() || !deletedGaps.isEmpty()
        || !renamedGaps.isEmpty();
}

RemediationPlan buildPlan(const TriageSession &session, const QDateTime &exportedAt)
{
    return buildPlan(session.imported(), session.report(), exportedAt);
}

RemediationPlan buildPlan(const Report &imported, const Report &r, const QDateTime &exportedAt)
{
    RemediationPlan plan;
    plan.title = r.title;
    plan.date = r.date;
    plan.environment = r.environment;
    plan.sourceFile = r.sourceFile;
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
        pp.namedFailing = int(std::count_if(r.tests.cbegin(), r.tests.cend(), [&](const TestCase &t) {
            return t.phaseId == p.id && t.status == TestStatus::Failed;
        }));
        for (const PhaseBar &bar : bars) {
            if (bar.phaseId == p.id && bar.total() > 0)
                pp.failureRate = bar.failureRate();
        }
        plan.unnamedFailures += p.unnamedFailures(pp.namedFailing);
        plan.phases.append(pp);
    }

    TitleMatcher matcher;
    QStringList titles;
    for (const Gap &g : r.gaps)
        titles.append(g.title);
    matcher.setTitles(titles);
    for (const Gap &g : r.gaps) {
        PlanGap pg;
        pg.gap = g;
        const QVector<TestCase> failing = failingByGap.value(g.id);
        pg.failures = int(failing.size());
        pg.testsByPhase = groupByPhase(r, failing);
        for (const RemediationItem &item : r.remediation) {
            if (item.gapIds.contains(g.id))
                pg.remediation.append(item);
        }
        plan.gaps.append(pg);
    }
    for (const RecommendedAction &a : r.actions) {
        const int gap = matcher.bestMatch(a.title + QLatin1Char(' ') + a.steps.join(QLatin1Char(' ')), 1.5);
        if (gap >= 0)
            plan.gaps[gap].actions.append(a);
    }
    for (const RemediationItem &item : r.remediation) {
        const bool linked = std::any_of(item.gapIds.cbegin(), item.gapIds.cend(), [&](const QString &id) { return r.gapIndex(id) >= 0; });
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
    plan.changes = diff(imported, r);
    return plan;
}

} // namespace Gapwise
