// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "treehistory.h"

#include <QJsonObject>
#include <QVector>

namespace Gapwise {

// Triage that sticks, in the window: the open run's failures that the store carried into a gap a person
// triaged in an earlier run ("carried from <run>"), as edits for the session: the gap made again where this
// run lacks it, each failure suggested into it. applyCarriedEdits pushes them as one undo step.
struct CarriedSuggestions
{
    QVector<QJsonObject> edits; // "create" edits first, then one suggested "move" per gap
    int tests = 0; // failures suggested
    QString fromRun; // the run carried from ("#12 nightly.xml"), the latest when several
};

// Only failures that no person placed (unassigned, or in a gap Gapwise suggested) and that are not in that gap
// already: applying the edits and computing again gives none.
CarriedSuggestions carriedSuggestions(const Report &current, const TreeHistory &history);

} // namespace Gapwise
