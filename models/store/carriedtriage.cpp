// SPDX-License-Identifier: GPL-3.0-or-later
#include "carriedtriage.h"

#include <QJsonArray>
#include <QMap>

namespace Gapwise {
namespace {

    bool placedByPerson(const Report &report, const TestCase &test)
    {
        if (test.gapId.isEmpty() || test.gapSuggested)
            return false;
        const int g = report.gapIndex(test.gapId);
        return g >= 0 && !report.gaps[g].suggested;
    }

    // The open run's gap for a stored gap: the same id with the same title, else the same title; empty when
    // this run has none.
    QString gapIdNow(const Report &report, const QString &storedKey, const QString &title)
    {
        const int same = report.gapIndex(storedKey);
        if (same >= 0 && (title.isEmpty() || report.gaps[same].title == title))
            return storedKey;
        for (const Gap &g : report.gaps) {
            if (!title.isEmpty() && g.title == title)
                return g.id;
        }
        return {};
    }

    QString freeGapId(const Report &report, const QString &wanted)
    {
        QString id = wanted.isEmpty() ? QStringLiteral("carried") : wanted;
        for (int n = 2; report.gapIndex(id) >= 0; ++n)
            id = QStringLiteral("%1-%2").arg(wanted).arg(n);
        return id;
    }

} // namespace

CarriedSuggestions carriedSuggestions(const Report &current, const TreeHistory &history)
{
    CarriedSuggestions out;
    if (history.judgedOfTest.size() != current.tests.size())
        return out; // computed for another report
    QMap<QString, QVector<int>> testsByStoredGap; // sorted: the same edits every time
    qint64 latestFrom = 0;
    for (int i = 0; i < current.tests.size(); ++i) {
        const JudgedTest *t = history.testAt(i);
        if (!t || t->timeline.carriedFrom.isEmpty() || t->timeline.carriedFrom.last() <= 0 || t->timeline.gaps.isEmpty()
            || t->timeline.gaps.last().isEmpty())
            continue;
        const TestCase &test = current.tests[i];
        if (!isFailing(test.status) || placedByPerson(current, test))
            continue;
        testsByStoredGap[t->timeline.gaps.last()].append(i);
        latestFrom = qMax(latestFrom, t->timeline.carriedFrom.last());
    }
    Report planned = current; // gap ids taken so far, the created ones too
    QVector<QJsonObject> moves;
    for (auto it = testsByStoredGap.cbegin(); it != testsByStoredGap.cend(); ++it) {
        const GapTrend *trend = history.gapTrend(it.key());
        const QString title = trend && !trend->title.isEmpty() ? trend->title : it.key();
        QString gapId = gapIdNow(planned, it.key(), title);
        if (gapId.isEmpty()) {
            Gap gap;
            gap.id = freeGapId(planned, it.key());
            gap.title = title;
            planned.gaps.append(gap);
            gapId = gap.id;
            out.edits.append(QJsonObject { { QStringLiteral("edit"), QStringLiteral("create") },
                { QStringLiteral("id"), gapId }, { QStringLiteral("title"), title } });
        }
        QStringList tests;
        for (int i : it.value()) {
            if (current.tests[i].gapId != gapId)
                tests.append(current.tests[i].id);
        }
        if (tests.isEmpty())
            continue;
        moves.append(QJsonObject { { QStringLiteral("edit"), QStringLiteral("move") },
            { QStringLiteral("tests"), QJsonArray::fromStringList(tests) }, { QStringLiteral("toGap"), gapId },
            { QStringLiteral("suggested"), true } });
        out.tests += int(tests.size());
    }
    out.edits += moves;
    for (const StoredRun &r : history.window) {
        if (r.id == latestFrom)
            out.fromRun = r.displayName();
    }
    if (out.fromRun.isEmpty() && latestFrom > 0)
        out.fromRun = QStringLiteral("run #%1").arg(latestFrom);
    return out;
}

} // namespace Gapwise
