// SPDX-License-Identifier: GPL-3.0-or-later
// The tree model and its filter proxy follow a triage session edit by edit, with row moves, inserts,
// removes and dataChanged (never a reset), in both groupings, through undo and redo.
#include "triagefixtures.h"

#include "chartdataadapter.h"
#include "reportfilterproxy.h"
#include "reporttreemodel.h"
#include "triagesession.h"

#include <catch2/catch.hpp>

#include <QAbstractItemModelTester>
#include <QCoreApplication>
#include <QRandomGenerator>
#include <QSignalSpy>

using namespace Gapwise;
using namespace TestSupport;

namespace {

// The tree as text lines in row order (group path, count, test ids): a model that followed edits lists every
// group and test where a fresh build of the same report does, since groups keep their tests in report order.
QStringList dump(const QAbstractItemModel &m, const QModelIndex &parent = {}, const QString &path = {})
{
    QStringList lines;
    for (int r = 0; r < m.rowCount(parent); ++r) {
        const QModelIndex i = m.index(r, 0, parent);
        const QString name = path + QLatin1Char('/') + i.data().toString();
        if (i.data(NodeKindRole).toInt() == int(NodeKind::Test)) {
            lines << name;
            continue;
        }
        lines << name
                + QStringLiteral(" [%1 tests, %2]")
                      .arg(i.data(TestCountRole).toInt())
                      .arg(m.index(r, ReportTreeModel::PriorityColumn, parent).data().toString());
        lines << dump(m, i, name);
    }
    return lines;
}

QStringList freshDump(const Report &report, Grouping grouping)
{
    ReportTreeModel fresh;
    fresh.setGrouping(grouping);
    fresh.setReport(report);
    return dump(fresh);
}

// What a filter shows on a model built fresh from `report`, sorted by `sortColumn` unless it is -1: a proxy that
// followed edits must show the same.
QStringList freshFilteredDump(const Report &report, Grouping grouping, const QString &pattern, int sortColumn = -1)
{
    ReportTreeModel fresh;
    fresh.setGrouping(grouping);
    fresh.setReport(report);
    ReportFilterProxy proxy;
    proxy.setReportModel(&fresh);
    proxy.setFilter(pattern, true);
    if (sortColumn >= 0)
        proxy.sort(sortColumn);
    return dump(proxy);
}

} // namespace

TEST_CASE("The tree and proxies follow 1,000 random edits, undo and redo, without a reset", "[triage][treemodel]")
{
    for (const Grouping grouping : { Grouping::ByPhase, Grouping::ByGap }) {
        DYNAMIC_SECTION((grouping == Grouping::ByPhase ? "by phase" : "by gap"))
        {
            TriageSession session;
            ReportTreeModel model;
            QAbstractItemModelTester modelTester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
            model.setGrouping(grouping);
            ReportFilterProxy proxy;
            QAbstractItemModelTester proxyTester(&proxy, QAbstractItemModelTester::FailureReportingMode::Fatal);
            proxy.setReportModel(&model);
            ReportFilterProxy filtered; // a filtered, sorted view: tests of one module, or of gaps titled "new …"
            QAbstractItemModelTester filteredTester(&filtered, QAbstractItemModelTester::FailureReportingMode::Fatal);
            filtered.setReportModel(&model);
            const QString pattern = QStringLiteral("test_m3\\.|^new|^renamed 1"); // renames flip both ways
            filtered.setFilter(pattern, true);
            filtered.sort(ReportTreeModel::NameColumn);
            ChartDataAdapter charts(&model);

            session.load(syntheticReport(60, 6)); // small: each tester walks the whole tree on every signal
            model.setSession(&session);
            const QJsonObject imported = stateOf(session);
            const QStringList importedTree = dump(model);
            REQUIRE(importedTree == freshDump(session.report(), grouping));
            REQUIRE(filtered.matchCount() > 0);

            QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
            QSignalSpy moves(&model, &QAbstractItemModel::rowsMoved);
            QSignalSpy inserts(&model, &QAbstractItemModel::rowsInserted);
            QRandomGenerator rng(4242);
            for (int i = 0; i < 1000; ++i) {
                randomEdit(session, rng);
                if (i % 100 == 99) {
                    REQUIRE(dump(model) == freshDump(session.report(), grouping));
                    REQUIRE(dump(filtered)
                        == freshFilteredDump(session.report(), grouping, pattern, ReportTreeModel::NameColumn));
                }
            }
            const QJsonObject final = stateOf(session);
            const QStringList finalTree = dump(model);
            CHECK(finalTree == freshDump(session.report(), grouping));
            CHECK(moves.count() > 100);
            CHECK(inserts.count() > 0);

            QUndoStack *stack = session.undoStack();
            while (stack->canUndo())
                stack->undo();
            CHECK(stateOf(session) == imported);
            CHECK(dump(model) == importedTree);
            CHECK(
                dump(filtered) == freshFilteredDump(session.report(), grouping, pattern, ReportTreeModel::NameColumn));
            while (stack->canRedo())
                stack->redo();
            CHECK(stateOf(session) == final);
            CHECK(dump(model) == finalTree);
            CHECK(
                dump(filtered) == freshFilteredDump(session.report(), grouping, pattern, ReportTreeModel::NameColumn));
            CHECK(resets.isEmpty());

            // The chart numbers follow on the next event-loop turn.
            QCoreApplication::processEvents();
            ReportTreeModel fresh;
            fresh.setReport(session.report());
            ChartDataAdapter freshCharts(&fresh);
            REQUIRE(charts.gapData().gaps.size() == freshCharts.gapData().gaps.size());
            for (int g = 0; g < charts.gapData().gaps.size(); ++g) {
                CHECK(charts.gapData().gaps[g].gapId == freshCharts.gapData().gaps[g].gapId);
                CHECK(charts.gapData().gaps[g].failuresByPhase == freshCharts.gapData().gaps[g].failuresByPhase);
            }
        }
    }
}

TEST_CASE("A move of many scattered tests is one layout change, and undo restores the tree", "[triage][treemodel]")
{
    TriageSession session;
    ReportTreeModel model;
    QAbstractItemModelTester modelTester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    ReportFilterProxy proxy;
    QAbstractItemModelTester proxyTester(&proxy, QAbstractItemModelTester::FailureReportingMode::Fatal);
    proxy.setReportModel(&model);
    session.load(syntheticReport(3000, 5));
    model.setSession(&session);
    const QStringList before = dump(model);

    QStringList ids;
    for (int i = 0; i < session.report().tests.size(); i += 7)
        ids << session.report().tests[i].id;
    QSignalSpy layouts(&model, &QAbstractItemModel::layoutChanged);
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    session.moveTests(ids, QStringLiteral("gap-2"));
    CHECK(layouts.count() == 1);
    CHECK(dump(model) == freshDump(session.report(), Grouping::ByPhase));
    const QModelIndex gap2 = model.groupIndexes(NodeKind::Gap, QStringLiteral("gap-2")).value(0);
    REQUIRE(gap2.isValid());

    QSignalSpy moves(&model, &QAbstractItemModel::rowsMoved);
    session.undoStack()->undo();
    CHECK(layouts.count() + moves.count() >= 2);
    CHECK(dump(model) == before);
    CHECK(resets.isEmpty());
}

TEST_CASE("A filtered view follows a rename that makes a gap match and a match moved into a hidden gap",
    "[triage][treemodel][filter]")
{
    for (const Grouping grouping : { Grouping::ByPhase, Grouping::ByGap }) {
        DYNAMIC_SECTION((grouping == Grouping::ByPhase ? "by phase" : "by gap"))
        {
            TriageSession session;
            session.load(syntheticReport(60, 6));
            ReportTreeModel model;
            model.setGrouping(grouping);
            model.setSession(&session);
            ReportFilterProxy filtered;
            QAbstractItemModelTester tester(&filtered, QAbstractItemModelTester::FailureReportingMode::Fatal);
            filtered.setReportModel(&model);
            filtered.setFilter(QStringLiteral("zebra"), false);
            REQUIRE(filtered.matchCount() == 0);
            REQUIRE(filtered.rowCount() == 0);

            // Every test of gap-2 passes once its title matches, though no row of theirs changed.
            int gap2Tests = 0;
            for (const TestCase &t : session.report().tests)
                gap2Tests += t.gapId == QLatin1String("gap-2") ? 1 : 0;
            REQUIRE(gap2Tests > 0);
            session.renameGap(QStringLiteral("gap-2"), QStringLiteral("Zebra crossing"));
            CHECK(filtered.matchCount() == gap2Tests);
            CHECK(dump(filtered) == freshFilteredDump(session.report(), grouping, QStringLiteral("zebra")));
            CHECK(dump(filtered).filter(QStringLiteral("test_case_")).size() == gap2Tests);
            session.undoStack()->undo();
            CHECK(filtered.matchCount() == 0);
            CHECK(filtered.rowCount() == 0);

            // A test that matches by name, moved out of a hidden gap into a new one: the new gap shows it.
            const TestCase &test = session.report().tests[1]; // failing, in a gap, and "test_case_1" is unique
            REQUIRE(!test.gapId.isEmpty());
            filtered.setFilter(QStringLiteral("test_case_1$"), true);
            REQUIRE(filtered.matchCount() == 1);
            session.moveTestsToNewGap({ test.id }, QStringLiteral("Fresh look"));
            const QStringList shown = dump(filtered);
            CHECK(shown == freshFilteredDump(session.report(), grouping, QStringLiteral("test_case_1$")));
            CHECK(shown.filter(QStringLiteral("Fresh look")).size() >= 2); // the gap row and the test below it
            session.undoStack()->undo();
            CHECK(dump(filtered) == freshFilteredDump(session.report(), grouping, QStringLiteral("test_case_1$")));
            CHECK(dump(filtered).filter(QStringLiteral("Fresh look")).isEmpty());
        }
    }
}

TEST_CASE("A moved test takes its report-order row in its new gap, and undo puts it back on its old row",
    "[triage][treemodel]")
{
    for (const Grouping grouping : { Grouping::ByPhase, Grouping::ByGap }) {
        DYNAMIC_SECTION((grouping == Grouping::ByPhase ? "by phase" : "by gap"))
        {
            TriageSession session;
            session.load(syntheticReport(60, 5)); // gap-2 and gap-3 have tests in two phases
            ReportTreeModel model;
            QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
            model.setGrouping(grouping);
            model.setSession(&session);
            // A test in the middle of its group, moved to a gap that has tests before and after it in the report.
            int moved = -1;
            for (int i = 0; i < session.report().tests.size() && moved < 0; ++i) {
                const QModelIndex at = model.indexForTest(i);
                const int rows = model.rowCount(at.parent());
                if (at.row() > 0 && at.row() < rows - 1 && session.report().tests[i].gapId == QLatin1String("gap-2"))
                    moved = i;
            }
            REQUIRE(moved >= 0);
            const QModelIndex before = model.indexForTest(moved);
            const int oldRow = before.row();
            const QString oldParent = before.parent().data().toString();
            const QStringList importedTree = dump(model);

            session.moveTests({ session.report().tests[moved].id }, QStringLiteral("gap-3"));
            const QModelIndex after = model.indexForTest(moved);
            const Gap *target = model.gapAt(grouping == Grouping::ByGap ? after.parent().parent() : after.parent());
            REQUIRE(target);
            CHECK(target->id == QLatin1String("gap-3"));
            const QModelIndex group = after.parent();
            const int rows = model.rowCount(group);
            REQUIRE(rows >= 3);
            CHECK(after.row() > 0); // not first, not last: among gap-3's tests by report index
            CHECK(after.row() < rows - 1);
            for (int r = 1; r < rows; ++r)
                CHECK(model.testIndexAt(model.index(r - 1, 0, group)) < model.testIndexAt(model.index(r, 0, group)));
            CHECK(dump(model) == freshDump(session.report(), grouping));

            session.undoStack()->undo();
            const QModelIndex back = model.indexForTest(moved);
            CHECK(back.row() == oldRow);
            CHECK(back.parent().data().toString() == oldParent);
            CHECK(dump(model) == importedTree);
        }
    }
}
