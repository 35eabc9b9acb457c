// SPDX-License-Identifier: GPL-3.0-or-later
// What the tree shows after an undo or a redo: a gap brought back opens (or stays closed) like the gaps around
// it, and the change is selected and scrolled into view; a deletion selects the new current row.
#include "triagefixtures.h"
#include "windowfixtures.h"

#include "mainwindow.h"
#include "reportfilterproxy.h"
#include "reporttreemodel.h"
#include "triageactions.h"
#include "triagesession.h"

#include <catch2/catch.hpp>

#include <QCoreApplication>
#include <QItemSelectionModel>
#include <QTreeView>
#include <QUndoStack>

using namespace Gapwise;
using namespace TestSupport;

namespace {

// Rows of groups with rows below them that the tree shows closed, by title.
QStringList collapsedGroups(MainWindow &w, const QModelIndex &parent = {})
{
    QStringList closed;
    QAbstractItemModel *model = w.treeView()->model();
    for (int r = 0; r < model->rowCount(parent); ++r) {
        const QModelIndex row = model->index(r, 0, parent);
        if (!model->hasChildren(row))
            continue;
        if (!w.treeView()->isExpanded(row))
            closed << row.data().toString();
        closed << collapsedGroups(w, row);
    }
    return closed;
}

} // namespace

TEST_CASE("A gap an undo or redo brings back opens like the gaps around it", "[triage][window][expansion]")
{
    // QA: after Undo then Redo of Move to New Gap the re-created gap came back closed among open ones.
    MainWindow w;
    showSyntheticRun(w);
    const auto grouping = GENERATE(Grouping::ByPhase, Grouping::ByGap);
    w.treeModel()->setGrouping(grouping);
    w.treeView()->expandAll();
    REQUIRE(collapsedGroups(w).isEmpty());
    QStringList moving;
    for (const TestCase &t : w.session()->report().tests) {
        if (t.gapId == QStringLiteral("gap-2") && moving.size() < 2)
            moving << t.id;
    }
    REQUIRE(moving.size() == 2);
    QUndoStack *undo = w.session()->undoStack();

    SECTION("redo of Move to New Gap")
    {
        w.session()->moveTestsToNewGap(moving, QStringLiteral("Fresh gap"));
        // The user goes elsewhere: nothing selected is in the gap to open it.
        w.treeView()->selectionModel()->clearSelection();
        undo->undo();
        undo->redo();
    }
    SECTION("undo of Delete Gap")
    {
        w.treeView()->selectionModel()->clear();
        w.session()->deleteGap(QStringLiteral("gap-2"));
        undo->undo();
    }
    SECTION("undo of a merge")
    {
        w.treeView()->selectionModel()->clear();
        w.session()->mergeGaps(QStringLiteral("gap-2"), QStringLiteral("gap-3"));
        undo->undo();
    }
    QCoreApplication::processEvents();
    CHECK(collapsedGroups(w).isEmpty());
    undo->clear();
}

TEST_CASE("A gap an edit brings back stays closed when the gaps around it are closed", "[triage][window][expansion]")
{
    MainWindow w;
    showSyntheticRun(w);
    w.treeModel()->setGrouping(Grouping::ByGap);
    w.treeView()->collapseAll();
    w.treeView()->selectionModel()->clear();
    w.session()->deleteGap(QStringLiteral("gap-2"));
    w.session()->undoStack()->undo();
    QCoreApplication::processEvents();
    const QModelIndex row
        = w.filterProxy()->mapFromTree(w.treeModel()->groupIndexes(NodeKind::Gap, QStringLiteral("gap-2")).value(0));
    REQUIRE(row.isValid());
    CHECK_FALSE(w.treeView()->isExpanded(row));
    w.session()->undoStack()->clear();
}

namespace {

// What the tree has selected: test rows as "test:<id>", gap rows as "gap:<id>", sorted.
QStringList selectedItems(MainWindow &w)
{
    QStringList items;
    const QModelIndexList rows = w.treeView()->selectionModel()->selectedRows();
    for (const QModelIndex &row : rows) {
        const QModelIndex source = w.filterProxy()->mapToTree(row);
        const int test = w.treeModel()->testIndexAt(source);
        if (test >= 0)
            items << QStringLiteral("test:") + w.session()->report().tests[test].id;
        else if (w.treeModel()->kindOf(source) == NodeKind::Gap)
            items << QStringLiteral("gap:") + source.data(GapIdRole).toString();
        else
            items << QStringLiteral("other:") + source.data().toString();
    }
    items.sort();
    return items;
}

// The current row is selected and every group above it is open.
bool currentShown(MainWindow &w)
{
    const QModelIndex current = w.treeView()->currentIndex();
    if (!current.isValid() || !w.treeView()->selectionModel()->isSelected(current))
        return false;
    for (QModelIndex p = current.parent(); p.isValid(); p = p.parent()) {
        if (!w.treeView()->isExpanded(p))
            return false;
    }
    return true;
}

// The user looks elsewhere: a test of gap-3 selected, every group closed.
void lookElsewhere(MainWindow &w, int test)
{
    w.treeView()->collapseAll();
    selectTests(w, { test });
    QCoreApplication::processEvents();
}

} // namespace

TEST_CASE("An undo or a redo selects what it changed and shows it, a deletion selects the new current row",
    "[triage][window][undo]")
{
    // QA: undoing a move of 2 tests left the selection on an unrelated test in a closed gap; undoing Delete Gap
    // or Merge Into left the current row elsewhere; after Delete Gap the neighbour was current, not selected.
    MainWindow w;
    showSyntheticRun(w);
    const auto grouping = GENERATE(Grouping::ByPhase, Grouping::ByGap);
    w.treeModel()->setGrouping(grouping);
    const auto &tests = w.session()->report().tests;
    QVector<int> moving;
    int elsewhere = -1;
    for (int i = 0; i < tests.size(); ++i) {
        if (tests[i].gapId == QLatin1String("gap-2") && moving.size() < 2)
            moving << i;
        else if (tests[i].gapId == QLatin1String("gap-3") && elsewhere < 0)
            elsewhere = i;
    }
    REQUIRE(moving.size() == 2);
    REQUIRE(elsewhere >= 0);
    QStringList moved { QStringLiteral("test:") + tests[moving[0]].id, QStringLiteral("test:") + tests[moving[1]].id };
    moved.sort();
    QUndoStack *undo = w.session()->undoStack();

    SECTION("a move")
    {
        selectTests(w, moving);
        w.session()->moveTests({ tests[moving[0]].id, tests[moving[1]].id }, QStringLiteral("gap-3"));
        QCoreApplication::processEvents();
        lookElsewhere(w, elsewhere);
        undo->undo();
        QCoreApplication::processEvents();
        CHECK(selectedItems(w) == moved);
        CHECK(currentShown(w));
        CHECK(treeGapOfTest(w, moving[0]) == QStringLiteral("gap-2"));
        lookElsewhere(w, elsewhere);
        undo->redo();
        QCoreApplication::processEvents();
        CHECK(selectedItems(w) == moved);
        CHECK(currentShown(w));
    }
    SECTION("Delete Gap")
    {
        selectGap(w, QStringLiteral("gap-2"));
        w.triageActions()->deleteGapAction()->trigger();
        QCoreApplication::processEvents();
        CHECK_FALSE(selectedItems(w).isEmpty()); // the row that became current is selected too
        CHECK(w.treeView()->selectionModel()->isSelected(w.treeView()->currentIndex()));
        lookElsewhere(w, elsewhere);
        undo->undo();
        QCoreApplication::processEvents();
        CHECK(selectedItems(w) == QStringList { QStringLiteral("gap:gap-2") });
        CHECK(currentShown(w));
    }
    SECTION("Merge Into")
    {
        selectGap(w, QStringLiteral("gap-2"));
        w.triageActions()->mergeGapInto(QStringLiteral("gap-2"), QStringLiteral("gap-3"));
        QCoreApplication::processEvents();
        lookElsewhere(w, elsewhere);
        undo->undo();
        QCoreApplication::processEvents();
        CHECK(selectedItems(w) == QStringList { QStringLiteral("gap:gap-2") });
        CHECK(currentShown(w));
        lookElsewhere(w, moving[0]);
        undo->redo();
        QCoreApplication::processEvents();
        CHECK(selectedItems(w) == QStringList { QStringLiteral("gap:gap-3") });
        CHECK(currentShown(w));
    }
    SECTION("a gap's priority")
    {
        w.session()->setGapPriority(QStringLiteral("gap-2"), Priority::P0);
        lookElsewhere(w, elsewhere);
        undo->undo();
        QCoreApplication::processEvents();
        CHECK(selectedItems(w) == QStringList { QStringLiteral("gap:gap-2") });
        CHECK(currentShown(w));
    }
    undo->clear();
}
