// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "comparisondigest.h"
#include "report.h"
#include "runcomparison.h"

#include <QHash>
#include <QString>

#include <vector>

namespace Gapwise {

// A comparison as the window's tree shows it: the change class of every test of the open run (indexed like
// its Report::tests, so a row's class is one array read) and the old run's failing tests counted under the
// open run's phases and gaps, so that a group's delta is "failing now − failing then" even after triage
// edits move tests around.
struct TreeComparison
{
    std::vector<signed char> changeByTest; // ChangeClass per test of the open run
    QHash<QString, int> oldFailingByPhase; // open run's phase id → failing tests in the old run
    QHash<QString, int> oldFailingByGap; // open run's gap id ("" = Unassigned) → failing tests then
    QHash<QString, int> oldFailingByPhaseGap; // phaseGapKey(phase, gap) → failing tests then

    ChangeClass changeOf(int testIndex) const
    {
        return testIndex >= 0 && size_t(testIndex) < changeByTest.size() ? ChangeClass(changeByTest[size_t(testIndex)])
                                                                         : ChangeClass::Unchanged;
    }
};

QString phaseGapKey(const QString &phaseId, const QString &gapId);

// `newTestCount`: tests of the open run. `gapMap`: old gap id → open run's gap id (the carry-over's, which
// knows created and restored gaps); unmapped ids count under themselves.
TreeComparison treeComparison(
    const Report &oldTriaged, int newTestCount, const RunComparison &comparison, const QHash<QString, QString> &gapMap);

// Per-gap old/new failing counts of the open run as it is now (after triage edits): its gaps in report
// order, then gaps that had failures then and are gone now, then Unassigned. Same order and meaning as
// ComparisonDigest::gaps, for the side-by-side chart.
QVector<GroupDelta> currentGapDeltas(
    const TreeComparison &comparison, const Report &now, const QHash<QString, QString> &goneGapTitles);

} // namespace Gapwise
