// SPDX-License-Identifier: GPL-3.0-or-later
#include "treecomparison.h"

#include "comparisondigest.h"
#include "grouplabels.h"

namespace Gapwise {

QString phaseGapKey(const QString &phaseId, const QString &gapId)
{
    return phaseId + QLatin1Char('\n') + gapId;
}

TreeComparison treeComparison(
    const Report &oldTriaged, int newTestCount, const RunComparison &comparison, const QHash<QString, QString> &gapMap)
{
    TreeComparison tc;
    tc.changeByTest.assign(size_t(qMax(0, newTestCount)), static_cast<signed char>(ChangeClass::Unchanged));
    for (const TestChange &c : comparison.changes) {
        if (c.newIndex >= 0 && c.newIndex < newTestCount)
            tc.changeByTest[size_t(c.newIndex)] = static_cast<signed char>(c.change);
    }
    for (const TestCase &t : oldTriaged.tests) {
        if (!failsInRun(t))
            continue;
        const QString phase = comparison.phaseMap.value(t.phaseId, t.phaseId);
        const QString gap = gapMap.value(t.gapId, t.gapId);
        ++tc.oldFailingByPhase[phase];
        ++tc.oldFailingByGap[gap];
        ++tc.oldFailingByPhaseGap[phaseGapKey(phase, gap)];
    }
    return tc;
}

QVector<GroupDelta> currentGapDeltas(
    const TreeComparison &comparison, const Report &now, const QHash<QString, QString> &goneGapTitles)
{
    QHash<QString, int> failing;
    for (const TestCase &t : now.tests) {
        if (failsInRun(t))
            ++failing[t.gapId];
    }
    QVector<GroupDelta> deltas;
    for (const Gap &g : now.gaps)
        deltas.append({ g.id, g.title, comparison.oldFailingByGap.value(g.id), failing.value(g.id) });
    QStringList gone; // sorted, so the chart does not reorder between edits
    for (auto it = comparison.oldFailingByGap.cbegin(); it != comparison.oldFailingByGap.cend(); ++it) {
        if (!it.key().isEmpty() && it.value() > 0 && now.gapIndex(it.key()) < 0)
            gone.append(it.key());
    }
    gone.sort();
    for (const QString &id : std::as_const(gone))
        deltas.append({ id, goneGapTitles.value(id, id), comparison.oldFailingByGap.value(id), 0 });
    deltas.append(
        { QString(), unassignedGroupTitle(), comparison.oldFailingByGap.value(QString()), failing.value(QString()) });
    return deltas;
}

} // namespace Gapwise
