// SPDX-License-Identifier: GPL-3.0-or-later
#include "planwriters.h"

#include "comparisonwriters.h"
#include "grouplabels.h"
#include "markdownescape.h"
#include "testdisplayname.h"

namespace Gapwise {
namespace {

    QString count(int n)
    {
        return n < 0 ? QStringLiteral("–") : QString::number(n);
    }

    QString priorityLabel(Priority p)
    {
        return p == Priority::None ? QStringLiteral("No priority") : priorityName(p);
    }

    void writeTests(QString &out, const QVector<PlanTestGroup> &groups)
    {
        for (const PlanTestGroup &group : groups) {
            out += QStringLiteral("**%1** (%2)\n\n")
                       .arg(markdownEscaped(group.phaseName.isEmpty() ? noPhaseGroupTitle() : group.phaseName))
                       .arg(group.tests.size());
            for (const TestCase &t : group.tests) {
                out += QStringLiteral("- %1 — %2").arg(markdownCode(distinctTestName(t)), statusName(t.status));
                if (!t.message.isEmpty())
                    out += QStringLiteral(": ") + markdownEscaped(t.message);
                out += QLatin1Char('\n');
            }
            out += QLatin1Char('\n');
        }
    }

} // namespace

QByteArray planToMarkdown(const RemediationPlan &plan)
{
    QString out;
    out += QStringLiteral("# Remediation plan: %1\n\n").arg(markdownEscaped(plan.run.title));
    if (!plan.run.date.isEmpty())
        out += QStringLiteral("- Report date: %1\n").arg(markdownEscaped(plan.run.date));
    if (!plan.run.environment.isEmpty())
        out += QStringLiteral("- Environment: %1\n").arg(markdownEscaped(plan.run.environment));
    if (!plan.run.unreadFiles.isEmpty())
        out += QStringLiteral("- %1\n").arg(markdownEscaped(unreadFilesText(plan.run.unreadFiles)));
    out += QStringLiteral("- Exported: %1\n\n").arg(plan.exportedAtText());
    if (plan.comparison) // "Since last run" comes first: it is what a reader of a rerun looks for
        out += QString::fromUtf8(comparisonToMarkdown(*plan.comparison)) + QLatin1Char('\n');

    out += QStringLiteral("## Summary\n\n| Phase | Total | Passed | Failed | Errors | Skipped | Failure rate |\n"
                          "|---|---:|---:|---:|---:|---:|---:|\n");
    for (const PlanPhase &p : plan.phases) {
        const QString rate = phaseRateText(p, QLocale::c());
        out += QStringLiteral("| %1 | %2 | %3 | %4 | %5 | %6 | %7 |\n")
                   .arg(markdownEscaped(p.phase.outcome.isEmpty()
                                ? p.phase.name
                                : QStringLiteral("%1 (%2)").arg(p.phase.name, p.phase.outcome)),
                       count(p.total), count(p.passed), count(p.failed), count(p.errors), count(p.skipped),
                       rate.isEmpty() ? QStringLiteral("–") : rate);
    }
    if (!plan.phases.isEmpty())
        out += QLatin1Char('\n') + markdownEscaped(failureRateBasisText()) + QLatin1Char('\n');
    for (const QString &note : plan.countNotes)
        out += QLatin1Char('\n') + markdownEscaped(note) + QLatin1Char('\n');
    out += QStringLiteral("\n%1\n\n").arg(planSummaryLine(plan, QLocale::c()));
    if (!plan.run.diagnostics.isEmpty()) {
        // Where the report's own numbers disagree (the window's Import diagnostics pane).
        out += QStringLiteral("### Import notes\n\n");
        for (const Diagnostic &d : plan.run.diagnostics)
            out += QStringLiteral("- %1\n").arg(markdownEscaped(importNoteText(d)));
        out += QLatin1Char('\n');
    }
    if (plan.changes.any()) {
        out += QStringLiteral("### What the triage changed\n\n");
        for (const QString &line : changeLines(plan.changes))
            out += QStringLiteral("- %1\n").arg(markdownEscaped(line));
        out += QLatin1Char('\n');
    }

    out += QStringLiteral("## Gaps by priority\n\n");
    for (const PlanGap &g : plan.gaps) {
        out += QStringLiteral("### %1 — %2\n\n").arg(priorityLabel(g.gap.priority), markdownEscaped(g.gap.title));
        if (g.gap.suggested)
            out += QStringLiteral("- Suggested by Gapwise from the failures' signature, not accepted yet\n");
        out += QStringLiteral("- Failures: %1\n- Status: %2\n").arg(g.failures).arg(gapStatusName(g.gap.status));
        if (!g.gap.owner.isEmpty())
            out += QStringLiteral("- Owner: %1\n").arg(markdownEscaped(g.gap.owner));
        out += QLatin1Char('\n');
        if (!g.gap.notes.isEmpty())
            out += markdownEscapedLines(g.gap.notes) + QStringLiteral("\n\n");
        if (!g.gap.evidence.isEmpty()) {
            out += QStringLiteral("**Evidence**\n\n");
            for (const QString &e : g.gap.evidence)
                out += QStringLiteral("- %1\n").arg(markdownEscaped(e));
            out += QLatin1Char('\n');
        }
        if (!g.remediation.isEmpty() || !g.actions.isEmpty()) {
            out += QStringLiteral("**Remediation**\n\n");
            for (const RemediationItem &item : g.remediation)
                out += QStringLiteral("- %1 %2%3\n")
                           .arg(priorityLabel(item.priority), markdownEscaped(item.title),
                               item.details.isEmpty() ? QString()
                                                      : QStringLiteral(" — ") + markdownEscaped(item.details));
            for (const RecommendedAction &a : g.actions)
                out += QStringLiteral("- %1%2\n")
                           .arg(markdownEscaped(a.title),
                               a.horizon.isEmpty()
                                   ? QString()
                                   : QStringLiteral(" (") + markdownEscaped(a.horizon) + QLatin1Char(')'));
            out += QLatin1Char('\n');
        }
        writeTests(out, g.testsByPhase);
    }
    if (plan.unassignedFailures > 0) {
        out += QStringLiteral("## Unassigned failures\n\n");
        writeTests(out, plan.unassigned);
    }
    if (!plan.otherRemediation.isEmpty()) {
        out += QStringLiteral("## Other remediation items\n\n");
        for (const RemediationItem &item : plan.otherRemediation)
            out += QStringLiteral("- %1 %2%3\n")
                       .arg(priorityLabel(item.priority), markdownEscaped(item.title),
                           item.details.isEmpty() ? QString() : QStringLiteral(" — ") + markdownEscaped(item.details));
        out += QLatin1Char('\n');
    }
    return out.toUtf8();
}

} // namespace Gapwise
