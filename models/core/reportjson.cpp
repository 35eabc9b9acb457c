// SPDX-License-Identifier: GPL-3.0-or-later
#include "reportjson.h"

#include <QJsonArray>

namespace Gapwise {
namespace {

    QJsonValue count(int n)
    {
        return n < 0 ? QJsonValue(QJsonValue::Null) : QJsonValue(n);
    }

    QJsonValue optionalText(const QString &s)
    {
        return s.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(s);
    }

    QJsonObject phaseToJson(const Phase &p, int namedFailing)
    {
        return QJsonObject {
            { QStringLiteral("id"), p.id },
            { QStringLiteral("name"), p.name },
            { QStringLiteral("outcome"), optionalText(p.outcome) },
            { QStringLiteral("command"), optionalText(p.command) },
            { QStringLiteral("total"), count(p.total) },
            { QStringLiteral("collected"), count(p.collected) },
            { QStringLiteral("selected"), count(p.selected) },
            { QStringLiteral("deselected"), count(p.deselected) },
            { QStringLiteral("passed"), count(p.passed) },
            { QStringLiteral("failed"), count(p.failed) },
            { QStringLiteral("errors"), count(p.errors) },
            { QStringLiteral("skipped"), count(p.skipped) },
            { QStringLiteral("importErrors"), count(p.importErrors) },
            { QStringLiteral("importErrorMessages"), QJsonArray::fromStringList(p.importErrorMessages) },
            { QStringLiteral("unnamedFailures"), p.unnamedFailures(namedFailing) },
            { QStringLiteral("durationSeconds"),
                p.durationSeconds < 0 ? QJsonValue(QJsonValue::Null) : QJsonValue(p.durationSeconds) },
            { QStringLiteral("line"), p.line },
            { QStringLiteral("file"), p.file },
        };
    }

    QJsonObject gapToJson(const Gap &g)
    {
        return QJsonObject {
            { QStringLiteral("id"), g.id },
            { QStringLiteral("title"), g.title },
            { QStringLiteral("priority"), optionalText(priorityName(g.priority)) },
            { QStringLiteral("status"), gapStatusName(g.status) },
            { QStringLiteral("owner"), optionalText(g.owner) },
            { QStringLiteral("notes"), optionalText(g.notes) },
            { QStringLiteral("evidence"), QJsonArray::fromStringList(g.evidence) },
            { QStringLiteral("declaredFailures"), count(g.declaredFailures) },
            { QStringLiteral("suggested"), g.suggested },
            { QStringLiteral("line"), g.line },
            { QStringLiteral("file"), g.file },
        };
    }

    QJsonObject testToJson(const TestCase &t)
    {
        return QJsonObject {
            { QStringLiteral("id"), t.id },
            { QStringLiteral("name"), t.name },
            { QStringLiteral("phase"), optionalText(t.phaseId) },
            { QStringLiteral("gap"), optionalText(t.gapId) },
            { QStringLiteral("gapSuggested"), t.gapSuggested },
            { QStringLiteral("status"), statusName(t.status) },
            { QStringLiteral("expectedFailure"), t.expectedFailure },
            { QStringLiteral("message"), optionalText(t.message) },
            { QStringLiteral("history"), optionalText(t.history) },
            { QStringLiteral("line"), t.line },
            { QStringLiteral("file"), t.file },
        };
    }

} // namespace

QJsonObject reportToJson(const Report &report)
{
    QJsonArray phases;
    for (const Phase &p : report.phases) {
        const int namedFailing = int(std::count_if(report.tests.cbegin(), report.tests.cend(),
            [&](const TestCase &t) { return t.phaseId == p.id && t.status == TestStatus::Failed; }));
        phases.append(phaseToJson(p, namedFailing));
    }
    QJsonArray gaps;
    for (const Gap &g : report.gaps)
        gaps.append(gapToJson(g));
    QJsonArray tests;
    for (const TestCase &t : report.tests)
        tests.append(testToJson(t));
    QJsonArray remediation;
    for (const RemediationItem &r : report.remediation) {
        remediation.append(QJsonObject {
            { QStringLiteral("priority"), optionalText(priorityName(r.priority)) },
            { QStringLiteral("title"), r.title },
            { QStringLiteral("details"), optionalText(r.details) },
            { QStringLiteral("gaps"), QJsonArray::fromStringList(r.gapIds) },
            { QStringLiteral("line"), r.line },
        });
    }
    QJsonArray actions;
    for (const RecommendedAction &a : report.actions) {
        actions.append(QJsonObject {
            { QStringLiteral("horizon"), optionalText(a.horizon) },
            { QStringLiteral("title"), a.title },
            { QStringLiteral("steps"), QJsonArray::fromStringList(a.steps) },
            { QStringLiteral("line"), a.line },
        });
    }
    QJsonArray diagnostics;
    for (const Diagnostic &d : report.diagnostics) {
        diagnostics.append(QJsonObject {
            { QStringLiteral("severity"), severityName(d.severity) },
            { QStringLiteral("line"), d.line },
            { QStringLiteral("message"), d.message },
        });
    }
    return QJsonObject {
        { QStringLiteral("title"), report.title },
        { QStringLiteral("date"), optionalText(report.date) },
        { QStringLiteral("environment"), optionalText(report.environment) },
        { QStringLiteral("summary"), QJsonArray::fromStringList(report.summaryFacts) },
        { QStringLiteral("sourceFile"), report.sourceFile },
        { QStringLiteral("files"), QJsonArray::fromStringList(report.files) },
        { QStringLiteral("format"), report.format },
        { QStringLiteral("phases"), phases },
        { QStringLiteral("gaps"), gaps },
        { QStringLiteral("tests"), tests },
        { QStringLiteral("remediation"), remediation },
        { QStringLiteral("actions"), actions },
        { QStringLiteral("diagnostics"), diagnostics },
    };
}

} // namespace Gapwise
