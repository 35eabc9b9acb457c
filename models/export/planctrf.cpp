// SPDX-License-Identifier: GPL-3.0-or-later
// CTRF (Common Test Report Format, ctrf-io) of a triaged run. CTRF forbids properties it does not define
// except under "extra": Gapwise's gaps and each test's gap, phase and id go there, as `extra.gapwise`.
#include "planwriters.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonArray>

namespace Gapwise {
namespace {

    QString ctrfStatus(TestStatus s)
    {
        switch (s) {
        case TestStatus::Passed:
            return QStringLiteral("passed");
        case TestStatus::Failed:
        case TestStatus::Error: // CTRF has no error status: failed, with rawStatus "error"
            return QStringLiteral("failed");
        case TestStatus::Skipped:
            return QStringLiteral("skipped");
        case TestStatus::Unknown:
            break;
        }
        return QStringLiteral("other");
    }

    qint64 startMillis(const RemediationPlan &plan)
    {
        QDateTime t = QDateTime::fromString(plan.run.date.trimmed(), Qt::ISODate);
        if (!t.isValid())
            t = plan.exportedAt;
        return t.isValid() ? t.toMSecsSinceEpoch() : 0;
    }

    QJsonObject gapJson(const PlanGap &pg)
    {
        const Gap &g = pg.gap;
        QJsonObject o { { QStringLiteral("id"), g.id }, { QStringLiteral("title"), g.title },
            { QStringLiteral("priority"), priorityName(g.priority) },
            { QStringLiteral("status"), gapStatusName(g.status) }, { QStringLiteral("owner"), g.owner },
            { QStringLiteral("notes"), g.notes }, { QStringLiteral("suggested"), g.suggested },
            { QStringLiteral("failures"), pg.failures },
            { QStringLiteral("evidence"), QJsonArray::fromStringList(g.evidence) } };
        QJsonArray remediation;
        for (const RemediationItem &item : pg.remediation)
            remediation.append(QJsonObject { { QStringLiteral("priority"), priorityName(item.priority) },
                { QStringLiteral("title"), item.title }, { QStringLiteral("details"), item.details } });
        o.insert(QStringLiteral("remediation"), remediation);
        return o;
    }

} // namespace

QJsonObject planToCtrf(const RemediationPlan &plan)
{
    QHash<QString, QString> phaseName;
    for (const Phase &p : plan.run.phases)
        phaseName.insert(p.id, p.name);
    int counts[4] = { 0, 0, 0, 0 }; // passed, failed, skipped, other
    qint64 totalMillis = 0;
    QJsonArray tests;
    for (const TestCase &t : plan.run.tests) {
        const QString status = ctrfStatus(t.status);
        ++counts[status == QLatin1String("passed")   ? 0
                : status == QLatin1String("failed")  ? 1
                : status == QLatin1String("skipped") ? 2
                                                     : 3];
        const qint64 millis = t.durationSeconds >= 0 ? qRound64(t.durationSeconds * 1000) : 0;
        totalMillis += millis;
        QJsonObject o { { QStringLiteral("name"), t.name.isEmpty() ? t.id : t.name },
            { QStringLiteral("status"), status }, { QStringLiteral("duration"), millis } };
        const QString phase = phaseName.value(t.phaseId);
        if (!phase.isEmpty())
            o.insert(QStringLiteral("suite"), QJsonArray { phase });
        if (!t.message.isEmpty())
            o.insert(QStringLiteral("message"), t.message);
        if (!t.details.isEmpty())
            o.insert(QStringLiteral("trace"), t.details);
        // CTRF's line is the test's line in its source file, not where the report wrote the test. (No filePath:
        // the name already starts with it, and a reader would prefix the name with it again.)
        if (t.sourceLine > 0)
            o.insert(QStringLiteral("line"), t.sourceLine);
        if (t.status == TestStatus::Error)
            o.insert(QStringLiteral("rawStatus"), QStringLiteral("error"));
        else if (t.expectedFailure)
            o.insert(QStringLiteral("rawStatus"), QStringLiteral("expected failure"));
        QJsonObject gapwise { { QStringLiteral("id"), t.id }, { QStringLiteral("phase"), t.phaseId } };
        if (!t.gapId.isEmpty()) {
            gapwise.insert(QStringLiteral("gap"), t.gapId);
            gapwise.insert(QStringLiteral("gapSuggested"), t.gapSuggested);
        }
        if (!t.history.isEmpty())
            gapwise.insert(QStringLiteral("history"), t.history);
        o.insert(QStringLiteral("extra"), QJsonObject { { QStringLiteral("gapwise"), gapwise } });
        tests.append(o);
    }
    const qint64 start = startMillis(plan);
    const QJsonObject summary { { QStringLiteral("tests"), int(plan.run.tests.size()) },
        { QStringLiteral("passed"), counts[0] }, { QStringLiteral("failed"), counts[1] },
        { QStringLiteral("skipped"), counts[2] }, { QStringLiteral("pending"), 0 },
        { QStringLiteral("other"), counts[3] }, { QStringLiteral("suites"), int(plan.run.phases.size()) },
        { QStringLiteral("start"), start }, { QStringLiteral("stop"), start + totalMillis },
        { QStringLiteral("duration"), totalMillis } };
    const QString version = QCoreApplication::applicationVersion();
    QJsonObject tool { { QStringLiteral("name"), QStringLiteral("gapwise") },
        { QStringLiteral("extra"), QJsonObject { { QStringLiteral("importedFrom"), plan.run.format } } } };
    if (!version.isEmpty())
        tool.insert(QStringLiteral("version"), version);
    QJsonObject results { { QStringLiteral("tool"), tool }, { QStringLiteral("summary"), summary },
        { QStringLiteral("tests"), tests } };
    QJsonObject environment;
    if (!plan.run.title.isEmpty())
        environment.insert(QStringLiteral("reportName"), plan.run.title);
    if (!environment.isEmpty())
        results.insert(QStringLiteral("environment"), environment);

    QJsonArray gaps;
    for (const PlanGap &g : plan.gaps)
        gaps.append(gapJson(g));
    const QJsonObject extra { { QStringLiteral("gapwise"),
        QJsonObject { { QStringLiteral("schemaVersion"), PlanJsonSchemaVersion }, { QStringLiteral("gaps"), gaps },
            { QStringLiteral("unnamedFailures"), plan.unnamedFailures },
            { QStringLiteral("sourceFile"), plan.run.sourceFile } } } };
    return QJsonObject { { QStringLiteral("reportFormat"), QStringLiteral("CTRF") },
        { QStringLiteral("specVersion"), QStringLiteral("1.0.0") },
        { QStringLiteral("timestamp"), plan.exportedAt.toUTC().toString(Qt::ISODate) },
        { QStringLiteral("generatedBy"), QStringLiteral("Gapwise") }, { QStringLiteral("results"), results },
        { QStringLiteral("extra"), extra } };
}

} // namespace Gapwise
