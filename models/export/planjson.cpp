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
        phases.append(QJsonObject { { QStringLiteral("name"), p.phase.name },
            { QStringLiteral("total"), orNull(p.phase.total) }, { QStringLiteral("passed"), orNull(p.phase.passed) },
            { QStringLiteral("failed"), orNull(p.phase.failed) }, { QStringLiteral("errors"), orNull(p.phase.errors) },
            { QStringLiteral("skipped"), orNull(p.phase.skipped) },
            { QStringLiteral("failureRate"),
                p.failureRate < 0 ? QJsonValue(QJsonValue::Null) : QJsonValue(p.failureRate) } });
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
