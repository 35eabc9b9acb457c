// SPDX-License-Identifier: GPL-3.0-or-later
// The comparison mode's models: the Change column over the tree and its per-group deltas, the change filter,
// and the earlier run's triage carried into the session as one undo step (the window:
// tst_comparison_window.cpp).
#include "testsupport.h"

#include "comparisoncolumnproxy.h"
#include "reportfilterproxy.h"
#include "reporttreemodel.h"
#include "runcomparison.h"
#include "treecomparison.h"
#include "triagecarryover.h"
#include "triagedrun.h"
#include "triagesession.h"

#include <catch2/catch.hpp>

#include <QAbstractItemModelTester>
#include <QJsonArray>
#include <QSignalSpy>
#include <QUndoStack>

#include <algorithm>

using namespace Gapwise;
using namespace TestSupport;

namespace {

QString unit(const char *name)
{
    return QStringLiteral("tests/unit/test_cart.py::") + QLatin1String(name);
}
QString db(const char *name)
{
    return QStringLiteral("tests/integration/test_db.py::") + QLatin1String(name);
}

// Change column text of every test row below `parent`, by test name, across the whole tree.
void collectChanges(const QAbstractItemModel &m, const QModelIndex &parent, QMap<QString, QString> *out)
{
    for (int r = 0; r < m.rowCount(parent); ++r) {
        const QModelIndex name = m.index(r, ReportTreeModel::NameColumn, parent);
        if (name.data(NodeKindRole).toInt() == int(NodeKind::Test))
            out->insert(
                name.data().toString(), m.index(r, ComparisonColumnProxy::ChangeColumn, parent).data().toString());
        collectChanges(m, name, out);
    }
}

// "group name" → delta text for the top-level rows, and "top / child" for the second level.
QMap<QString, QString> deltas(const QAbstractItemModel &m)
{
    QMap<QString, QString> out;
    for (int r = 0; r < m.rowCount(); ++r) {
        const QModelIndex top = m.index(r, 0);
        out.insert(top.data().toString(), m.index(r, ComparisonColumnProxy::ChangeColumn).data().toString());
        for (int c = 0; c < m.rowCount(top); ++c)
            out.insert(top.data().toString() + QStringLiteral(" / ") + m.index(c, 0, top).data().toString(),
                m.index(c, ComparisonColumnProxy::ChangeColumn, top).data().toString());
    }
    return out;
}

QStringList visibleTests(const QAbstractItemModel &m, const QModelIndex &parent = {})
{
    QStringList names;
    for (int r = 0; r < m.rowCount(parent); ++r) {
        const QModelIndex i = m.index(r, 0, parent);
        if (i.data(NodeKindRole).toInt() == int(NodeKind::Test))
            names << i.data().toString();
        names << visibleTests(m, i);
    }
    names.sort();
    return names;
}

// What the window's comparison does, without the window: compute as the worker does, apply as the GUI does.
struct Compared
{
    TriageSession session;
    ReportTreeModel model;
    ReportFilterProxy proxy;
    ComparisonColumnProxy *columns = proxy.comparisonModel(); // tree → Change column → filter
    QAbstractItemModelTester modelTester { &model, QAbstractItemModelTester::FailureReportingMode::Fatal };
    QAbstractItemModelTester columnsTester { columns, QAbstractItemModelTester::FailureReportingMode::Fatal };
    QAbstractItemModelTester proxyTester { &proxy, QAbstractItemModelTester::FailureReportingMode::Fatal };
    CarriedEdits carried;
    QStringList late;

    Compared(const QString &oldFile, const QString &newFile)
    {
        model.setSession(&session);
        proxy.setReportModel(&model);
        session.load(importOrFail(dataPath(newFile)));
        QString error;
        const auto old = loadTriagedRun(dataPath(oldFile), &error);
        INFO(error.toStdString());
        REQUIRE(old);
        const RunComparison comparison = compareRuns(old->imported, session.imported());
        carried = carryOverEdits(session.report(), *old, comparison);
        columns->setComparison(std::make_shared<const TreeComparison>(
            treeComparison(old->triaged, int(session.report().tests.size()), comparison, carried.result.gapMap)));
        late = applyCarriedEdits(session, carried.edits, QStringLiteral("Carry over triage from run 1"));
    }
};

} // namespace

TEST_CASE("Comparison mode: each test's change and each group's delta, in both groupings", "[compare][comparemode]")
{
    Compared c(QStringLiteral("compare/md-run1.gapwise"), QStringLiteral("compare/run2.md"));
    CHECK(c.late.isEmpty());
    // The whole carry-over is one undo step.
    REQUIRE(c.session.undoStack()->count() == 1);
    CHECK(c.session.undoStack()->text(0) == QStringLiteral("Carry over triage from run 1"));
    CHECK(
        c.proxy.headerData(ComparisonColumnProxy::ChangeColumn, Qt::Horizontal).toString() == QStringLiteral("Change"));
    // The tree itself has no Change column: the proxy adds it after the tree's own.
    CHECK(c.model.columnCount() == ReportTreeModel::ColumnCount);
    CHECK(c.proxy.columnCount() == ReportTreeModel::ColumnCount + 1);

    const QMap<QString, QString> expected {
        { unit("test_add_item"), QStringLiteral("new failure") },
        { unit("test_total"), QStringLiteral("still failing") },
        { unit("test_discount"), QStringLiteral("newly skipped") },
        { unit("test_currency"), QStringLiteral("newly passing") },
        { unit("test_rounding"), QStringLiteral("fixed") },
        { unit("test_wishlist"), QStringLiteral("added") },
        { unit("test_gift_card"), QStringLiteral("new failure") },
        { db("test_read"), QStringLiteral("still failing") },
        { db("test_write"), QStringLiteral("still failing") },
        { db("test_delete"), QStringLiteral("new failure") },
    };
    for (Grouping grouping : { Grouping::ByPhase, Grouping::ByGap, Grouping::ByPhase }) {
        c.model.setGrouping(grouping);
        QMap<QString, QString> changes;
        collectChanges(c.proxy, {}, &changes);
        CHECK(changes == expected);
    }

    // Failing then → now: Unit 3 → 3, Integration 2 → 3; by gap with the carried triage: Cart Totals 2 → 1,
    // Database outage (made by hand in run 1) 2 → 3 with the suggested new failure, Unassigned 0 → 2.
    // Run 2 names a group of its own, and Gapwise suggested a gap for the refused connections it leaves; the
    // carried triage outranks that suggestion and takes all three, so the suggestion stays without tests
    // (0 → 0), as a gap emptied by hand does.
    const QString refused = QStringLiteral("ConnectionError: connection refused by …");
    const QString unitPhase = c.session.report().phases[0].name;
    const QString dbPhase = c.session.report().phases[1].name;
    c.model.setGrouping(Grouping::ByPhase);
    const QMap<QString, QString> byPhase = deltas(c.proxy);
    CHECK(byPhase
        == QMap<QString, QString> { { unitPhase, QStringLiteral("±0") },
            { unitPhase + QStringLiteral(" / Cart Totals Wrong"), QStringLiteral("−1") },
            { unitPhase + QStringLiteral(" / Unassigned"), QStringLiteral("+2") }, { dbPhase, QStringLiteral("+1") },
            { dbPhase + QStringLiteral(" / Database outage"), QStringLiteral("+1") },
            { ReportTreeModel::emptyGapsTitle(), QStringLiteral("±0") },
            { ReportTreeModel::emptyGapsTitle() + QStringLiteral(" / ") + refused, QStringLiteral("±0") } });
    c.model.setGrouping(Grouping::ByGap);
    const QMap<QString, QString> byGap = deltas(c.proxy);
    CHECK(byGap
        == QMap<QString, QString> { { QStringLiteral("Cart Totals Wrong"), QStringLiteral("−1") },
            { QStringLiteral("Cart Totals Wrong / ") + unitPhase, QStringLiteral("−1") },
            { QStringLiteral("Database outage"), QStringLiteral("+1") },
            { QStringLiteral("Database outage / ") + dbPhase, QStringLiteral("+1") },
            { QStringLiteral("Unassigned"), QStringLiteral("+2") },
            { QStringLiteral("Unassigned / ") + unitPhase, QStringLiteral("+2") }, { refused, QStringLiteral("±0") } });

    // A triage edit while comparing: the numbers "now" follow it, the earlier run's stay.
    c.session.moveTests({ testNamed(c.session.report(), unit("test_add_item"))->id },
        gapTitled(c.session.report(), QStringLiteral("Cart Totals Wrong"))->id);
    CHECK(deltas(c.proxy).value(QStringLiteral("Cart Totals Wrong")) == QStringLiteral("±0"));
    CHECK(deltas(c.proxy).value(QStringLiteral("Unassigned")) == QStringLiteral("+1"));
    c.model.setGrouping(Grouping::ByPhase);
    CHECK(deltas(c.proxy).value(unitPhase + QStringLiteral(" / Cart Totals Wrong")) == QStringLiteral("±0"));
    c.session.undoStack()->undo();
    CHECK(deltas(c.proxy).value(unitPhase + QStringLiteral(" / Cart Totals Wrong")) == QStringLiteral("−1"));

    // Ending the comparison empties the column; the tree keeps its rows.
    const int rows = c.proxy.rowCount();
    c.columns->setComparison(nullptr);
    CHECK(c.proxy.rowCount() == rows);
    CHECK(c.proxy.index(0, ComparisonColumnProxy::ChangeColumn).data().toString().isEmpty());
    QMap<QString, QString> none;
    collectChanges(c.proxy, {}, &none);
    for (const QString &text : std::as_const(none))
        CHECK(text.isEmpty());
}

TEST_CASE("The change filter narrows to exactly the new failures, with the other filters, in both groupings",
    "[compare][comparemode]")
{
    Compared c(QStringLiteral("compare/md-run1.gapwise"), QStringLiteral("compare/run2.md"));
    const QStringList newFailures { db("test_delete"), unit("test_add_item"), unit("test_gift_card") };
    c.proxy.setChangeFilter(1u << unsigned(ChangeClass::NewFailure));
    CHECK(c.proxy.isFiltering());
    CHECK(c.proxy.matchCount() == 3);
    CHECK(visibleTests(c.proxy) == newFailures);
    c.model.setGrouping(Grouping::ByGap);
    CHECK(visibleTests(c.proxy) == newFailures);
    // With the text filter: the new failures of the database tests only.
    c.proxy.setFilter(QStringLiteral("test_db"), false);
    CHECK(visibleTests(c.proxy) == QStringList { db("test_delete") });
    c.proxy.setFilter(QString(), false);
    // With the status toggles: fixed tests that pass.
    c.proxy.setChangeFilter(1u << unsigned(ChangeClass::Fixed));
    CHECK(visibleTests(c.proxy) == QStringList { unit("test_rounding") });
    c.proxy.setStatusVisible(TestStatus::Passed, false);
    CHECK(visibleTests(c.proxy).isEmpty());
    c.proxy.setStatusVisible(TestStatus::Passed, true);
    // Across an undo of the carried triage (rows move between gaps) the filter still holds.
    c.proxy.setChangeFilter(1u << unsigned(ChangeClass::NewFailure));
    c.session.undoStack()->undo();
    CHECK(visibleTests(c.proxy) == newFailures);
    c.session.undoStack()->redo();
    CHECK(visibleTests(c.proxy) == newFailures);
    // Without a comparison the change filter means nothing: every test shows.
    c.columns->setComparison(nullptr);
    CHECK_FALSE(c.proxy.isFiltering());
    CHECK(visibleTests(c.proxy).size() == 10);
}

TEST_CASE("The carried-over triage is one undo step and undo removes it", "[compare][comparemode]")
{
    Compared c(QStringLiteral("compare/md-run1.gapwise"), QStringLiteral("compare/run2.md"));
    // What did not carry over is listed (the window shows it in the banner and the details).
    CHECK(c.carried.result.notCarried
        == QStringList {
            QStringLiteral("edit 5 (Set owner of “Legacy Tax Tables” to “tax-team”): gap “Legacy Tax Tables” is gone"),
            QStringLiteral("edit 6 (Move test to “Cart Totals Wrong”): test "
                           "tests/unit/test_cart.py::test_old_coupon is gone") });
    const Gap *outage = gapTitled(c.session.report(), QStringLiteral("Database outage"));
    REQUIRE(outage);
    const QString outageId = outage->id;
    CHECK(outage->notes == QStringLiteral("DBA paged"));
    CHECK(testNamed(c.session.report(), db("test_delete"))->gapId == outageId);
    CHECK(gapTitled(c.session.report(), QStringLiteral("Cart Totals Wrong"))->priority == Priority::P1);
    c.session.undoStack()->undo();
    CHECK(c.session.undoStack()->index() == 0);
    CHECK_FALSE(gapTitled(c.session.report(), QStringLiteral("Database outage")));
    CHECK(gapTitled(c.session.report(), QStringLiteral("Cart Totals Wrong"))->priority == Priority::None);
    CHECK(testNamed(c.session.report(), db("test_read"))->gapId != outageId);
}

TEST_CASE("A gap the earlier session created keeps its own id apart from one the open run already has",
    "[compare][comparemode]")
{
    TriageSession session;
    session.load(importOrFail(dataPath(QStringLiteral("compare/run2.md"))));
    const QString mine = session.createGap(QStringLiteral("My own gap")); // user-1, as in the saved session
    REQUIRE(mine == QStringLiteral("user-1"));
    QString error;
    const auto old = loadTriagedRun(dataPath(QStringLiteral("compare/md-run1.gapwise")), &error);
    REQUIRE(old);
    const RunComparison comparison = compareRuns(old->imported, session.imported());
    const CarriedEdits carried = carryOverEdits(session.report(), *old, comparison);
    CHECK(applyCarriedEdits(session, carried.edits, QStringLiteral("Carry over")).isEmpty());
    CHECK(gapTitled(session.report(), QStringLiteral("My own gap"))->id == mine);
    const Gap *outage = gapTitled(session.report(), QStringLiteral("Database outage"));
    REQUIRE(outage);
    CHECK(outage->id != mine);
    CHECK(testNamed(session.report(), db("test_read"))->gapId == outage->id);
}

TEST_CASE("Comparison mode on the JUnit runs: a plain report on the old side, the importer's gaps matched",
    "[compare][comparemode]")
{
    Compared c(QStringLiteral("compare/run1.xml"), QStringLiteral("compare/run2.xml"));
    const QMap<QString, QString> expected {
        { QStringLiteral("shop.CartTest::test_add"), QString() },
        { QStringLiteral("shop.CartTest::test_total"), QStringLiteral("new failure") },
        { QStringLiteral("shop.DbTest::test_read"), QStringLiteral("still failing") },
        { QStringLiteral("shop.DbTest::test_write"), QStringLiteral("still failing") },
        { QStringLiteral("shop.DbTest::test_delete"), QStringLiteral("new failure") },
        { QStringLiteral("shop.PayTest::test_refund"), QStringLiteral("fixed") },
        { QStringLiteral("shop.PayTest::test_card"), QStringLiteral("newly passing") },
        { QStringLiteral("shop.PayTest::test_wallet"), QStringLiteral("newly skipped") },
        { QStringLiteral("shop.PayTest::test_apple"), QStringLiteral("added") },
        { QStringLiteral("shop.PayTest::test_google"), QStringLiteral("new failure") },
    };
    for (Grouping grouping : { Grouping::ByGap, Grouping::ByPhase }) {
        c.model.setGrouping(grouping);
        QMap<QString, QString> changes;
        collectChanges(c.proxy, {}, &changes);
        CHECK(changes == expected);
    }
    // The refused connections are one suggested gap in both runs: 2 failing then, 3 now. Unassigned: the
    // refund and crypto failures then, the total and google ones now. The one phase: 4 → 5.
    const Gap *refused = gapTitled(c.session.report(), QStringLiteral("ConnectionError"));
    REQUIRE(refused);
    CHECK(testNamed(c.session.report(), QStringLiteral("shop.DbTest::test_delete"))->gapId == refused->id);
    c.model.setGrouping(Grouping::ByGap);
    const QMap<QString, QString> byGap = deltas(c.proxy);
    CHECK(byGap.value(refused->title) == QStringLiteral("+1"));
    CHECK(byGap.value(QStringLiteral("Unassigned")) == QStringLiteral("±0"));
    c.model.setGrouping(Grouping::ByPhase);
    REQUIRE(c.proxy.rowCount() == 1);
    CHECK(c.proxy.index(0, ComparisonColumnProxy::ChangeColumn).data().toString() == QStringLiteral("+1"));
    CHECK(c.proxy.index(0, ComparisonColumnProxy::ChangeColumn).data(Qt::ToolTipRole).toString()
        == QStringLiteral("4 failing in the earlier run, 5 now"));
    c.proxy.setChangeFilter(1u << unsigned(ChangeClass::NewFailure));
    CHECK(visibleTests(c.proxy)
        == QStringList { QStringLiteral("shop.CartTest::test_total"), QStringLiteral("shop.DbTest::test_delete"),
            QStringLiteral("shop.PayTest::test_google") });
}

TEST_CASE("Carried edits that no longer apply are listed and leave no empty undo step", "[compare][comparemode]")
{
    TriageSession session;
    session.load(importOrFail(dataPath(QStringLiteral("compare/run2.md"))));
    const QVector<QJsonObject> edits {
        { { QStringLiteral("edit"), QStringLiteral("move") },
            { QStringLiteral("tests"), QJsonArray { QStringLiteral("unit::gone") } },
            { QStringLiteral("toGap"), QStringLiteral("gap-1") } },
        { { QStringLiteral("edit"), QStringLiteral("set") }, { QStringLiteral("gap"), QStringLiteral("gap-9") },
            { QStringLiteral("field"), QStringLiteral("notes") }, { QStringLiteral("value"), QStringLiteral("x") } },
    };
    const QStringList late = applyCarriedEdits(session, edits, QStringLiteral("Carry over"));
    REQUIRE(late.size() == 2);
    CHECK(late[0].startsWith(QStringLiteral("carried edit 1 (")));
    CHECK(late[0].endsWith(QStringLiteral("test unit::gone is gone")));
    CHECK(late[1].endsWith(QStringLiteral("gap gap-9 is gone")));
    CHECK(session.undoStack()->count() == 0);
    CHECK(session.undoStack()->isClean());
}

TEST_CASE("The Change column proxy stays a valid model across moves, undo, regrouping and the comparison's end",
    "[compare][comparemode]")
{
    Compared c(QStringLiteral("compare/md-run1.gapwise"), QStringLiteral("compare/run2.md"));
    // A proxy of its own, straight over the tree, with a tester that checks every signal it sends.
    ComparisonColumnProxy columns;
    QAbstractItemModelTester tester(&columns, QAbstractItemModelTester::FailureReportingMode::Fatal);
    columns.setTreeModel(&c.model);
    QSignalSpy resets(&columns, &QAbstractItemModel::modelReset);
    columns.setComparison(
        c.columns->comparison() ? std::make_shared<const TreeComparison>(*c.columns->comparison()) : nullptr);
    REQUIRE(columns.comparison());
    CHECK(columns.columnCount() == ComparisonColumnProxy::ColumnCount);

    // A Change cell maps back to its row in the tree, so a view's current cell finds its test from any column.
    const auto &tests = c.session.report().tests;
    const int addItem = int(std::find_if(tests.cbegin(), tests.cend(), [](const TestCase &t) {
        return t.name == unit("test_add_item");
    }) - tests.cbegin());
    REQUIRE(addItem < tests.size());
    const QModelIndex testRow = columns.mapFromSource(c.model.indexForTest(addItem));
    const QModelIndex changeCell = testRow.siblingAtColumn(ComparisonColumnProxy::ChangeColumn);
    REQUIRE(changeCell.isValid());
    CHECK(changeCell.data().toString() == QStringLiteral("new failure"));
    CHECK(changeCell.parent() == testRow.parent());
    CHECK(columns.rowCount(changeCell) == 0);
    CHECK(c.model.testIndexAt(columns.mapToSource(changeCell)) == addItem);
    CHECK(testRow.data(ChangeRole).toInt() == int(ChangeClass::NewFailure)); // on every column
    CHECK_FALSE(columns.flags(changeCell) & Qt::ItemIsEditable);

    // A move is a move here too (no reset), and the groups' deltas follow it in a dataChanged of the column.
    QSignalSpy changed(&columns, &QAbstractItemModel::dataChanged);
    const QString cartTotals = gapTitled(c.session.report(), QStringLiteral("Cart Totals Wrong"))->id;
    c.session.moveTests({ c.session.report().tests[addItem].id }, cartTotals);
    CHECK(resets.isEmpty());
    CHECK(std::any_of(changed.cbegin(), changed.cend(), [](const QList<QVariant> &args) {
        return args.at(1).toModelIndex().column() == ComparisonColumnProxy::ChangeColumn;
    }));
    const QString cartTotalsRow = c.session.report().phases[0].name + QStringLiteral(" / Cart Totals Wrong");
    CHECK(deltas(columns).value(cartTotalsRow) == QStringLiteral("±0"));
    c.session.undoStack()->undo();
    CHECK(deltas(columns).value(cartTotalsRow) == QStringLiteral("−1"));
    c.session.undoStack()->redo();
    c.session.undoStack()->undo();
    CHECK(resets.isEmpty());

    // Regrouping resets the tree and so the proxy; the deltas are counted for the new groups.
    c.model.setGrouping(Grouping::ByGap);
    CHECK(resets.size() == 1);
    CHECK(deltas(columns).value(QStringLiteral("Cart Totals Wrong")) == QStringLiteral("−1"));
    CHECK(deltas(columns).value(QStringLiteral("Unassigned")) == QStringLiteral("+2"));
    const QString gap = c.session.createGap(QStringLiteral("Fresh gap"));
    c.session.moveTests({ c.session.report().tests[addItem].id }, gap);
    CHECK(deltas(columns).value(QStringLiteral("Fresh gap")) == QStringLiteral("+1"));
    c.session.undoStack()->undo();
    c.session.undoStack()->undo();
    c.model.setGrouping(Grouping::ByPhase);

    // Ending the comparison empties the column and keeps the rows.
    changed.clear();
    columns.setComparison(nullptr);
    CHECK_FALSE(changed.isEmpty());
    CHECK(columns.index(0, ComparisonColumnProxy::ChangeColumn).data().isNull());
    CHECK(columns.index(0, 0).data(FailureDeltaRole).isNull());
    CHECK(
        columns.headerData(ComparisonColumnProxy::ChangeColumn, Qt::Horizontal).toString() == QStringLiteral("Change"));
}
