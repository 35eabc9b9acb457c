// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <Qt>

namespace Gapwise {

// Roles that the tree, its filter proxy, the charts and the details pane all read. Kept in one header so
// a view never needs to know which model it is looking at.
enum ReportRoles
{
    NodeKindRole = Qt::UserRole + 1, // NodeKind as int
    ItemIdRole, // stable id: phase id, gap id ("" for Unassigned) or test id
    PhaseIdRole, // the phase this row belongs to ("" where none)
    GapIdRole, // the gap this row belongs to ("" for Unassigned or none)
    StatusRole, // TestStatus as int (worst status below a parent)
    PriorityRole, // Priority as int
    FailuresRole, // failing tests at or below this row
    TestCountRole, // tests at or below this row
    SortRole, // per-column sort key (numbers sort as numbers)
    ReportIndexRole, // index into Report::phases / gaps / tests, -1 for synthetic groups
    ChangeRole, // while comparing runs: a test's ChangeClass as int; null otherwise
    FailureDeltaRole, // while comparing runs: a group's failing tests now minus then
    HistoryStripRole, // with a run history: a test's last runs, "..F.F" (TestHistoryMarks::strips); null otherwise
    HistoryMarksRole, // with a run history: a test's TestHistoryMarks::Mark bits; null otherwise
};

enum class NodeKind
{
    Phase,
    Gap,
    Test
};

} // namespace Gapwise
