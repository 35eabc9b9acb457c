// SPDX-License-Identifier: GPL-3.0-or-later
// Issue 14: a gap created while the tree is grouped by phase was counted in the status bar and shown
// nowhere. By phase, gaps without tests sit under a last group "Gaps without tests", kept true edit by edit.
#include "testsupport.h"
#include "windowfixtures.h"

#include "mainwindow.h"
#include "reportfilterproxy.h"
#include "reporttreemodel.h"
#include "triageactions.h"
#include "triagesession.h"

#include <catch2/catch.hpp>

#include <QAbstractItemModelTester>
#include <QLabel>
#include <QSet>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTreeView>

using namespace Gapwise;
using namespace TestSupport;

namespace {

// Gap ids the model shows as rows anywhere (each gap once, however many phases it spans).
QSet<QString> gapRows(const QAbstractItemModel &m, const QModelIndex &parent = {})
{
    QSet<QString> ids;
    for (int r = 0; r < m.rowCount(parent); ++r) {
        const QModelIndex i = m.index(r, 0, parent);
        if (i.data(NodeKindRole).toInt() == int(NodeKind::Gap) && !i.data(GapIdRole).toString().isEmpty())
            ids.insert(i.data(GapIdRole).toString());
        if (i.data(NodeKindRole).toInt() != int(NodeKind::Test))
            ids.unite(gapRows(m, i));
    }
    return ids;
}

QStringList emptyGroupTitles(const ReportTreeModel &m)
{
    QStringList titles;
    for (int r = 0; r < m.rowCount(); ++r) {
        const QModelIndex top = m.index(r, 0);
        if (top.data().toString() != ReportTreeModel::emptyGapsTitle())
            continue;
        for (int c = 0; c < m.rowCount(top); ++c)
            titles << m.index(c, 0, top).data().toString();
    }
    return titles;
}

QSet<QString> allGapIds(const Report &r)
{
    QSet<QString> ids;
    for (const Gap &g : r.gaps)
        ids.insert(g.id);
    return ids;
}

} // namespace

TEST_CASE("By phase, a created gap shows under \"Gaps without tests\" until it has tests, through undo and redo",
    "[triage][treemodel][emptygaps]")
{
    TriageSession session;
    session.load(importOrFail(QStringLiteral(GAPWISE_SAMPLE_REPORT)));
    ReportTreeModel model;
    model.setGrouping(Grouping::ByPhase);
    model.setSession(&session);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    // The sample's "Payment Gateway Timeouts" names no tests: it is listed from the start.
    const QStringList initial = emptyGroupTitles(model);
    REQUIRE(initial == QStringList { QStringLiteral("Payment Gateway Timeouts") });
    const int rootsBefore = model.rowCount();
    const QStringList withNew = initial + QStringList { QStringLiteral("Staging network timeouts") };

    const QString id = session.createGap(QStringLiteral("Staging network timeouts"));
    CHECK(model.rowCount() == rootsBefore);
    CHECK(emptyGroupTitles(model) == withNew);
    CHECK(gapRows(model) == allGapIds(session.report())); // every gap is a row: none counted and unseen
    const QModelIndexList rows = model.groupIndexes(NodeKind::Gap, id);
    REQUIRE(rows.size() == 1);
    CHECK(rows.first().parent().data().toString() == ReportTreeModel::emptyGapsTitle());

    // Moving tests into it takes it out of the group (and the group goes when it is empty).
    const QStringList tests { session.report().tests[0].id, session.report().tests[1].id };
    session.moveTests(tests, id);
    CHECK(emptyGroupTitles(model) == initial);
    CHECK(model.rowCount() == rootsBefore);
    CHECK(gapRows(model) == allGapIds(session.report()));

    // Emptying an existing gap by hand lists it; undo brings its tests and its rows back.
    const QString first = session.report().gaps[0].id;
    QStringList ofFirst;
    for (const TestCase &t : session.report().tests) {
        if (t.gapId == first)
            ofFirst << t.id;
    }
    REQUIRE(!ofFirst.isEmpty());
    session.moveTests(ofFirst, QString());
    CHECK(emptyGroupTitles(model) == QStringList { session.report().gaps[0].title } + initial);
    session.undoStack()->undo();
    CHECK(emptyGroupTitles(model) == initial);
    session.undoStack()->undo(); // the move into the new gap
    CHECK(emptyGroupTitles(model) == withNew);
    session.undoStack()->undo(); // the creation
    CHECK(emptyGroupTitles(model) == initial);
    CHECK(model.rowCount() == rootsBefore);
    session.undoStack()->redo();
    CHECK(emptyGroupTitles(model) == withNew);

    // Deleting gaps, with or without tests, and merging keep the group true.
    session.deleteGap(id);
    CHECK(emptyGroupTitles(model) == initial);
    session.mergeGaps(session.report().gaps[2].id, session.report().gaps[1].id);
    CHECK(gapRows(model) == allGapIds(session.report()));
    session.undoStack()->undo();
    session.undoStack()->undo();
    CHECK(emptyGroupTitles(model) == withNew);

    // A fresh build says the same as the model that followed the edits.
    ReportTreeModel fresh;
    fresh.setGrouping(Grouping::ByPhase);
    fresh.setReport(session.report());
    CHECK(emptyGroupTitles(fresh) == emptyGroupTitles(model));
}

TEST_CASE("Edit › Create Gap in the window: the gap is visible and selected in either grouping",
    "[triage][window][emptygaps]")
{
    QTemporaryDir dir;
    const QString reportPath = copySampleReport(dir);
    for (const Grouping grouping : { Grouping::ByPhase, Grouping::ByGap }) {
        MainWindow w;
        w.show();
        REQUIRE(openAndWait(w, reportPath));
        w.treeModel()->setGrouping(grouping);
        const QString id = w.triageActions()->createGap(QStringLiteral("Staging network timeouts"));
        REQUIRE(!id.isEmpty());
        const QModelIndex current = w.treeView()->currentIndex();
        REQUIRE(current.isValid());
        CHECK(current.data(GapIdRole).toString() == id);
        CHECK(current.data().toString() == QStringLiteral("Staging network timeouts"));
        CHECK(w.treeView()->selectionModel()->isRowSelected(current.row(), current.parent()));
        CHECK(!w.treeView()->isRowHidden(current.row(), current.parent()));
        if (current.parent().isValid())
            CHECK(w.treeView()->isExpanded(current.parent()));
        // What the status bar counts is what the tree shows.
        CHECK(gapRows(*w.filterProxy()) == allGapIds(w.session()->report()));
        const QLabel *status = w.statusBar()->findChild<QLabel *>(QStringLiteral("statusLabel"));
        REQUIRE(status);
        CHECK(status->text().contains(QStringLiteral("%1 gaps").arg(w.session()->report().gaps.size())));
        w.session()->undoStack()->clear();
    }
}
