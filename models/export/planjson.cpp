// SPDX-License-Identifier: GPL-3.0-or-later
#include "planwriters.h"

#include "comparisonwriters.h"
#include "testdisplayname.h"

#include <QJsonArray>

namespace Gapwise {
namespace {

    QJsonValue orNull(int n)
    {
        return n < 0 ? QJsonValue(QJsonValue::Null) : QJsonValue(n);
    }

    QJsonArray testsJson(const QVector<PlanTestGroup> &groups)
    {
        QJsonArray array;
        for (const PlanTestGroup &group : groups) {
            for (const TestCase &t : group.tests) {
                array.append(QJsonObject { { QStringLiteral("id"), t.id },
                    { QStringLiteral("name"), distinctTestName(t) }, { QStringLiteral("phase"), group.phaseName },
                    { QStringLiteral("status"), statusName(t.status) }, { QStringLiteral("message"), t.message },
                    { QStringLiteral("line"), t.line } });
            }
        }
        return array;
    }

    QJsonObject remediationJson(const RemediationItem &item)
    {
        return QJsonObject { { QStringLiteral("priority"), priorityName(item.priority) },
            { QStringLiteral("title"), item.title }, { QStringLiteral("details"), item.details } };
    }

} // namespace

QJsonObject planToJson(const RemediationPlan &plan)
{
    QJsonArray phases;
    for (const PlanPhase &p : plan.phases) {
        phases.append(
            QJsonObject { { QStringLiteral("name"), p.phase.name }, { QStringLiteral("total"), orNull(p.total) },
                { QStringLiteral("passed"), orNull(p.passed) }, { QStringLiteral("failed"), orNull(p.failed) },
                { QStringLiteral("errors"), orNull(p.errors) }, { QStringLiteral("skipped"), orNull(p.skipped) },
                // The total as the report states it, where the plan's differs (countNotes says why).
                { QStringLiteral("reportedTotal"), orNull(p.phase.total) },
                { QStringLiteral("failureRate"),
                    p.failureRate < 0 ? QJsonValue(QJsonValue::Null) : QJsonValue(p.failureRate) },
                { QStringLiteral("rateFailing"), p.failureRate < 0 ? QJsonValue(QJsonValue::Null) : p.rateFailing },
                { QStringLiteral("rateRan"), p.failureRate < 0 ? QJsonValue(QJsonValue::Null) : p.rateRan } });
    }
    QJsonArray gaps;
    for (const PlanGap &g : plan.gaps) {
        QJsonArray remediation;
        for (const RemediationItem &item : g.remediation)
            remediation.append(remediationJson(item));
        QJsonArray actions;
        for (const RecommendedAction &a : g.actions)
            actions.append(QJsonObject { { QStringLiteral("title"), a.title }, { QStringLiteral("horizon"), a.horizon },
                { QStringLiteral("steps"), QJsonArray::fromStringList(a.steps) } });
        gaps.append(QJsonObject { { QStringLiteral("id"), g.gap.id }, { QStringLiteral("title"), g.gap.title },
            { QStringLiteral("priority"), priorityName(g.gap.priority) },
            { QStringLiteral("status"), gapStatusName(g.gap.status) }, { QStringLiteral("owner"), g.gap.owner },
            { QStringLiteral("notes"), g.gap.notes }, { QStringLiteral("suggested"), g.gap.suggested },
            { QStringLiteral("evidence"), QJsonArray::fromStringList(g.gap.evidence) },
            { QStringLiteral("failures"), g.failures }, { QStringLiteral("remediation"), remediation },
            { QStringLiteral("actions"), actions }, { QStringLiteral("tests"), testsJson(g.testsByPhase) } });
    }
    QJsonArray other;
    for (const RemediationItem &item : plan.otherRemediation)
        other.append(remediationJson(item));
    QJsonArray importNotes; // the report's diagnostics: where its own numbers disagree
    for (const Diagnostic &d : plan.run.diagnostics)
        importNotes.append(
            QJsonObject { { QStringLiteral("severity"), severityName(d.severity) }, { QStringLiteral("line"), d.line },
                { QStringLiteral("message"), d.message }, { QStringLiteral("text"), importNoteText(d) } });
    const TriageChanges &c = plan.changes;
    QJsonObject json {
        { QStringLiteral("schemaVersion"), PlanJsonSchemaVersion },
        { QStringLiteral("title"), plan.run.title },
        { QStringLiteral("date"), plan.run.date },
        { QStringLiteral("environment"), plan.run.environment },
        { QStringLiteral("exportedAt"), plan.exportedAtText() },
        { QStringLiteral("phases"), phases },
        { QStringLiteral("gaps"), gaps },
        { QStringLiteral("unassigned"), testsJson(plan.unassigned) },
        { QStringLiteral("unnamedFailures"), plan.unnamedFailures },
        { QStringLiteral("unnamedErrors"), plan.unnamedErrors },
        { QStringLiteral("summary"), planSummaryLine(plan, QLocale::c()) },
        { QStringLiteral("countNotes"), QJsonArray::fromStringList(plan.countNotes) },
        { QStringLiteral("importNotes"), importNotes },
        { QStringLiteral("otherRemediation"), other },
        { QStringLiteral("changes"),
            QJsonObject { { QStringLiteral("movedTests"), c.movedTests },
                { QStringLiteral("createdGaps"), QJsonArray::fromStringList(c.createdGaps) },
                { QStringLiteral("keptGaps"), QJsonArray::fromStringList(c.keptGaps) },
                { QStringLiteral("mergedGaps"), QJsonArray::fromStringList(c.mergedGaps) },
                { QStringLiteral("renamedGaps"), QJsonArray::fromStringList(c.renamedGaps) },
                { QStringLiteral("editedGaps"), QJsonArray::fromStringList(c.editedGaps) },
                { QStringLiteral("deletedGaps"), QJsonArray::fromStringList(c.deletedGaps) } } },
    };
    if (plan.comparison)
        json.insert(QStringLiteral("comparison"), comparisonToJson(*plan.comparison));
    if (!plan.run.unreadFiles.isEmpty()) // a run of several files, some of which could not be read
        json.insert(QStringLiteral("notImported"), QJsonArray::fromStringList(plan.run.unreadFiles));
    return json;
}

} // namespace Gapwise
