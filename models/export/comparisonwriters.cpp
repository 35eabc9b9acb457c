// SPDX-License-Identifier: GPL-3.0-or-later
#include "comparisonwriters.h"
#include "markdownescape.h"

#include <QJsonArray>

namespace Gapwise {
namespace {

    QString codeCell(const QString &text)
    {
        return markdownCode(text).replace(QLatin1Char('|'), QLatin1String("\\|"));
    }

    QString csvField(const QString &text)
    {
        if (!text.contains(QLatin1Char(',')) && !text.contains(QLatin1Char('"')) && !text.contains(QLatin1Char('\n')))
            return text;
        return QLatin1Char('"') + QString(text).replace(QLatin1String("\""), QLatin1String("\"\"")) + QLatin1Char('"');
    }

    QJsonArray deltasJson(const QVector<GroupDelta> &deltas)
    {
        QJsonArray array;
        for (const GroupDelta &g : deltas)
            array.append(QJsonObject { { QStringLiteral("id"), g.id }, { QStringLiteral("title"), g.title },
                { QStringLiteral("oldFailing"), g.oldFailing }, { QStringLiteral("newFailing"), g.newFailing },
                { QStringLiteral("delta"), g.delta() } });
        return array;
    }

    QString statusOrDash(TestStatus s, bool present)
    {
        return present ? statusName(s) : QStringLiteral("—");
    }

} // namespace

QByteArray comparisonToMarkdown(const ComparisonDigest &d)
{
    QString md = QStringLiteral("## Since last run\n\n");
    if (d.oldSession.isEmpty())
        md += QStringLiteral("Compared with %1.\n\n").arg(markdownCode(d.oldSource));
    else
        md += QStringLiteral("Compared with %1 (triage of %2).\n\n")
                  .arg(markdownCode(d.oldSession), markdownCode(d.oldSource));
    for (const QString &line : sinceLastRunLines(d))
        md += QStringLiteral("- ") + markdownEscaped(line) + QLatin1Char('\n');
    if (!d.tests.isEmpty()) {
        md += QStringLiteral("\n| Change | Test | Phase | Gap | Before | Now |\n|---|---|---|---|---|---|\n");
        for (const ChangedTest &t : d.tests) {
            const QString change = t.knownIssue.isEmpty()
                ? changeClassName(t.change)
                : QStringLiteral("%1 (%2)").arg(changeClassName(t.change), markdownEscaped(t.knownIssue));
            md += QStringLiteral("| %1 | %2 | %3 | %4 | %5 | %6 |\n")
                      .arg(change, codeCell(t.name), markdownEscaped(t.phase), markdownEscaped(t.gap),
                          statusOrDash(t.oldStatus, t.inOld), statusOrDash(t.newStatus, t.inNew));
        }
    }
    if (!d.notCarried.isEmpty()) {
        md += QStringLiteral("\n### Triage not carried over\n\n");
        for (const QString &line : d.notCarried)
            md += QStringLiteral("- ") + markdownEscaped(line) + QLatin1Char('\n');
    }
    return md.toUtf8();
}

QJsonObject comparisonToJson(const ComparisonDigest &d)
{
    QJsonObject counts;
    for (int c = 0; c < ChangeClassCount; ++c)
        counts.insert(changeClassKey(ChangeClass(c)), d.counts[c]);
    QJsonArray tests;
    for (const ChangedTest &t : d.tests) {
        QJsonObject o { { QStringLiteral("change"), changeClassKey(t.change) }, { QStringLiteral("id"), t.id },
            { QStringLiteral("name"), t.name }, { QStringLiteral("phase"), t.phase },
            { QStringLiteral("gap"), t.gap } };
        if (t.inOld)
            o.insert(QStringLiteral("oldStatus"), statusName(t.oldStatus));
        if (t.inNew)
            o.insert(QStringLiteral("newStatus"), statusName(t.newStatus));
        if (!t.knownIssue.isEmpty())
            o.insert(QStringLiteral("knownIssue"), t.knownIssue);
        tests.append(o);
    }
    QJsonObject comparison { { QStringLiteral("old"), d.oldSource }, { QStringLiteral("new"), d.newSource },
        { QStringLiteral("counts"), counts }, { QStringLiteral("phases"), deltasJson(d.phases) },
        { QStringLiteral("gaps"), deltasJson(d.gaps) }, { QStringLiteral("tests"), tests },
        { QStringLiteral("carriedEdits"), d.carriedEdits }, { QStringLiteral("carriedChanges"), d.carriedChanges },
        { QStringLiteral("notCarried"), QJsonArray::fromStringList(d.notCarried) },
        { QStringLiteral("restoredGaps"), QJsonArray::fromStringList(d.restoredGaps) },
        { QStringLiteral("suggested"), QJsonArray::fromStringList(d.suggested) } };
    if (!d.oldSession.isEmpty())
        comparison.insert(QStringLiteral("oldSession"), d.oldSession); // `old` stays the report, as scripts read it
    return comparison;
}

QByteArray comparisonToCsv(const ComparisonDigest &d)
{
    QString csv = QStringLiteral("change,test,phase,gap,old status,new status,known issue\r\n");
    for (const ChangedTest &t : d.tests) {
        const QStringList row { changeClassKey(t.change), t.name, t.phase, t.gap,
            t.inOld ? statusName(t.oldStatus) : QString(), t.inNew ? statusName(t.newStatus) : QString(),
            t.knownIssue };
        QStringList fields;
        for (const QString &f : row)
            fields.append(csvField(f));
        csv += fields.join(QLatin1Char(',')) + QLatin1String("\r\n");
    }
    return csv.toUtf8();
}

} // namespace Gapwise
