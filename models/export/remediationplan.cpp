// SPDX-License-Identifier: GPL-3.0-or-later
#include "remediationplan.h"

#include "chartdata.h"
#include "counttext.h"
#include "gapsuggester.h"
#include "ratetext.h"
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

    // "Integration: the report states 17 tests, but its counts add up to 21 (5 passed, 12 failed, 4 errors); the
    // plan shows 21."
    QString phaseTotalNote(const Phase &p, const PhaseBar &bar)
    {
        const QLocale c = QLocale::c();
        QStringList parts;
        if (bar.passed > 0)
            parts << QStringLiteral("%1 passed").arg(c.toString(bar.passed));
        if (bar.failed > 0)
            parts << QStringLiteral("%1 failed").arg(c.toString(bar.failed));
        if (bar.errors > 0)
            parts << countText(bar.errors, QStringLiteral("%1 error"), QStringLiteral("%1 errors"), c);
        if (bar.skipped > 0)
            parts << QStringLiteral("%1 skipped").arg(c.toString(bar.skipped));
        if (bar.unknown > 0)
            parts << QStringLiteral("%1 with no verdict").arg(c.toString(bar.unknown));
        return QStringLiteral("%1: the report states %2, but its counts add up to %3 (%4); the plan shows %3.")
            .arg(p.name, countText(p.total, QStringLiteral("%1 test"), QStringLiteral("%1 tests"), c),
                c.toString(bar.total()), parts.join(QStringLiteral(", ")));
    }

} // namespace

QString planSummaryLine(const RemediationPlan &plan, const QLocale &locale)
{
    QStringList parts;
    if (!plan.gaps.isEmpty())
        parts << countText(plan.gaps.size(), QStringLiteral("%1 gap"), QStringLiteral("%1 gaps"), locale);
    if (plan.unassignedFailures > 0)
        parts << countText(plan.unassignedFailures, QStringLiteral("%1 failing test in no gap"),
            QStringLiteral("%1 failing tests in no gap"), locale);
    QStringList unnamed;
    if (plan.unnamedFailures > 0)
        unnamed << countText(plan.unnamedFailures, QStringLiteral("%1 failure"), QStringLiteral("%1 failures"), locale);
    if (plan.unnamedErrors > 0)
        unnamed << countText(plan.unnamedErrors, QStringLiteral("%1 error"), QStringLiteral("%1 errors"), locale);
    if (!unnamed.isEmpty())
        parts << unnamed.join(QStringLiteral(" and ")) + QStringLiteral(" counted but not named by the report");
    return parts.isEmpty() ? QStringLiteral("No gaps") : parts.join(QStringLiteral(" · "));
}

QString phaseRateText(const PlanPhase &phase, const QLocale &locale)
{
    if (phase.failureRate < 0)
        return QString();
    return QStringLiteral("%1 (%2 of %3)")
        .arg(percentText(phase.failureRate), locale.toString(phase.rateFailing), locale.toString(phase.rateRan));
}

QString failureRateBasisText()
{
    return QStringLiteral(
        "Failure rate: failed and errors of the tests that ran (passed, failed, errors); skipped ones not counted.");
}

QString importNoteText(const Diagnostic &diagnostic)
{
    QString severity = severityName(diagnostic.severity);
    if (!severity.isEmpty())
        severity[0] = severity[0].toUpper();
    return (diagnostic.line > 0 ? QStringLiteral("%1, line %2: ").arg(severity).arg(diagnostic.line)
                                : severity + QStringLiteral(": "))
        + diagnostic.message;
}

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
        auto named = [&](TestStatus status) {
            return int(std::count_if(r.tests.cbegin(), r.tests.cend(),
                [&](const TestCase &t) { return t.phaseId == p.id && t.status == status; }));
        };
        pp.namedFailing = named(TestStatus::Failed);
        const int namedErrors = named(TestStatus::Error);
        for (const PhaseBar &bar : bars) {
            if (bar.phaseId != p.id)
                continue;
            // "–" where the report states no count and names no test of it.
            auto shown = [](int stated, int value) { return stated < 0 && value == 0 ? -1 : value; };
            pp.passed = shown(p.passed, bar.passed);
            pp.failed = shown(p.failed, bar.failed);
            pp.errors = shown(p.errors, bar.errors);
            pp.skipped = shown(p.skipped, bar.skipped);
            pp.total = p.total < 0 ? -1 : qMax(p.total, bar.total());
            if (p.total >= 0 && bar.total() > p.total)
                plan.countNotes << phaseTotalNote(p, bar);
            plan.unnamedFailures += qMax(0, bar.failed - pp.namedFailing);
            plan.unnamedErrors += qMax(0, bar.errors - namedErrors);
            // A phase whose tests all lack a verdict has no rate ("–").
            if (bar.withVerdict() > 0) {
                pp.failureRate = bar.failureRate();
                pp.rateFailing = bar.failing();
                pp.rateRan = bar.ran();
            }
        }
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
