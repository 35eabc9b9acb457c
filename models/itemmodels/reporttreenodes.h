// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "report.h"
#include "reportroles.h"

#include <array>
#include <memory>
#include <vector>

namespace Gapwise {

// Test counts by status below a node; kept on every group so parents show counts without walking children.
struct StatusTally
{
    std::array<int, 5> byStatus {}; // indexed by TestStatus
    void add(TestStatus s, int n = 1) { byStatus[static_cast<size_t>(s)] += n; }
    int count(TestStatus s) const { return byStatus[static_cast<size_t>(s)]; }
    int failures() const { return count(TestStatus::Failed) + count(TestStatus::Error); }
    int total() const;
    TestStatus worst() const; // Unknown when empty
};

// A phase or gap row. Tests are not nodes: a leaf is (group, row) with the report index in `tests`, so
// 100,000 tests cost one int each and index()/parent() stay O(1) (the parent group rides in internalPointer).
// Groups are heap nodes with stable addresses so a later move of tests between groups (triage) can insert
// or remove a group row without invalidating the others. A move is then: beginMoveRows from the old group's
// `tests` range to the new one's (creating the target group with beginInsertRows first if it is missing),
// erase/insert the ints, fix `testLocations` rows of the shifted siblings and both groups' tallies, and
// dataChanged on the two parents' count columns.
struct GroupNode
{
    NodeKind kind = NodeKind::Phase;
    int ref = -1; // index into Report::phases or Report::gaps; -1 = "No phase" / "Unassigned"
    int row = 0; // row within the parent (or among the roots)
    GroupNode *parent = nullptr; // nullptr for top-level groups
    std::vector<std::unique_ptr<GroupNode>> children; // second-level groups (top-level nodes only)
    std::vector<int> tests; // indices into Report::tests (second-level nodes only)
    StatusTally tally;

    bool isTopLevel() const { return parent == nullptr; }
};

enum class Grouping
{
    ByPhase,
    ByGap
};

// By phase, a gap is a row only under the phases of its tests; gaps without tests (a gap just created) sit
// under this last top-level group instead, so they can be seen, selected and dropped on.
constexpr int EmptyGapsRef = -2;

// Where a test sits in the built tree, so a test (or a selection) maps to an index without searching.
struct TestLocation
{
    GroupNode *group = nullptr;
    int row = -1;
};

struct ReportTree
{
    std::vector<std::unique_ptr<GroupNode>> roots;
    std::vector<TestLocation> testLocations; // parallel to Report::tests
};

// Builds the two-level grouping in O(tests). Phases and gaps keep report order; the synthetic "No phase" /
// "Unassigned" group comes last. Top-level phases and gaps appear even without named tests; by phase, the
// "Gaps without tests" group (EmptyGapsRef) follows when a gap has no tests.
ReportTree buildReportTree(const Report &report, Grouping grouping);

} // namespace Gapwise
