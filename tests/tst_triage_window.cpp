// SPDX-License-Identifier: GPL-3.0-or-later
// Triage in the window, offscreen: moving tests changes tree counts and the gap chart, undo restores them,
// a saved session reopens with its triage, and a modified window asks before closing.
#include "triagefixtures.h"
#include "windowfixtures.h"

#include "detailspane.h"
#include "gapchart.h"
#include "mainwindow.h"
#include "phasechart.h"
#include "qcustomplotheader.h"
#include "remediationplan.h"
#include "reportfilterproxy.h"
#include "reporttreemodel.h"
#include "sessioncontroller.h"
#include "sessionfile.h"
#include "triageactions.h"
#include "triagechanges.h"
#include "triagechangespanel.h"
#include "triagesession.h"

#include <catch2/catch.hpp>

#include <QAbstractButton>
#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QFile>
#include <QLabel>
#include <QMessageBox>
#include <QMimeData>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QToolButton>
#include <QTreeView>
#include <QUndoStack>

using namespace Gapwise;
using namespace TestSupport;

namespace {

// The gap's bar length in the chart: its phase segments summed.
double barTotal(GapChart *chart, const QString &gapId)
{
    QCoreApplication::processEvents(); // the adapter folds edits into one recompute per event-loop turn
    const int key = chart->keyOf(gapId);
    if (key < 0)
        return 0;
    double sum = 0;
    for (int i = 0; i < chart->plot()->plottableCount(); ++i) {
        auto *bars = qobject_cast<QCPBars *>(chart->plot()->plottable(i));
        if (!bars)
            continue;
        for (auto it = bars->data()->constBegin(); it != bars->data()->constEnd(); ++it) {
            if (int(it->key) == key)
                sum += it->value;
        }
    }
    return sum;
}

} // namespace

TEST_CASE("Moving tests in the window changes tree counts and the gap chart, undo restores them", "[triage][window]")
{
    MainWindow w;
    QAbstractItemModelTester proxyTester(w.filterProxy(), QAbstractItemModelTester::FailureReportingMode::Fatal);
    showSyntheticRun(w);
    const QString from = QStringLiteral("gap-2");
    const QString to = QStringLiteral("gap-3");
    const int fromCount = treeCount(w, from);
    const int toCount = treeCount(w, to);
    const double fromBar = barTotal(w.gapChart(), from);
    const double toBar = barTotal(w.gapChart(), to);
    REQUIRE(fromCount > 2);
    REQUIRE(fromBar > 0);

    QVector<int> moving;
    const auto &tests = w.session()->report().tests;
    for (int i = 0; i < tests.size() && moving.size() < 2; ++i) {
        if (tests[i].gapId == from && isFailing(tests[i].status))
            moving << i;
    }
    REQUIRE(moving.size() == 2);

    SECTION("by drag and drop onto the gap row")
    {
        QMimeData *data = w.treeModel()->mimeData(
            { w.treeModel()->indexForTest(moving[0]), w.treeModel()->indexForTest(moving[1]) });
        REQUIRE(data);
        const QModelIndex target
            = w.filterProxy()->mapFromTree(w.treeModel()->groupIndexes(NodeKind::Gap, to).value(0));
        REQUIRE(w.filterProxy()->canDropMimeData(data, Qt::MoveAction, -1, -1, target));
        w.filterProxy()->dropMimeData(data, Qt::MoveAction, -1, -1, target);
        delete data;
    }
    SECTION("by the context menu's Move to Gap entry")
    {
        selectTests(w, moving);
        QMenu *menu = w.triageActions()->buildContextMenu(&w);
        QMenu *moveMenu = menu->actions().value(0)->menu();
        REQUIRE(moveMenu);
        QAction *entry = nullptr;
        for (QAction *a : moveMenu->actions())
            entry = a->text() == QStringLiteral("Gap 3") ? a : entry;
        // The gap the tests are in already is listed but cannot be chosen; every other one can.
        const QString fromTitle = w.session()->report().gaps.value(w.session()->gapIndex(from)).title;
        int disabled = 0;
        for (QAction *a : moveMenu->actions()) {
            if (a->isSeparator())
                continue;
            CHECK(a->isEnabled() == (a->text() != fromTitle));
            disabled += a->isEnabled() ? 0 : 1;
        }
        CHECK(disabled == 1);
        REQUIRE(entry);
        entry->trigger();
        delete menu;
    }

    CHECK(treeCount(w, from) == fromCount - 2);
    CHECK(treeCount(w, to) == toCount + 2);
    CHECK(barTotal(w.gapChart(), from) == fromBar - 2);
    CHECK(barTotal(w.gapChart(), to) == toBar + 2);
    CHECK(w.isWindowModified());

    w.session()->undoStack()->undo();
    CHECK(treeCount(w, from) == fromCount);
    CHECK(treeCount(w, to) == toCount);
    CHECK(barTotal(w.gapChart(), from) == fromBar);
    CHECK(barTotal(w.gapChart(), to) == toBar);
    CHECK_FALSE(w.isWindowModified());
    w.session()->undoStack()->clear(); // let the window close without asking
}

TEST_CASE("A saved session reopens with its triage, in a new window", "[triage][window][session]")
{
    QTemporaryDir dir;
    const QString reportPath = dir.filePath(QStringLiteral("report.md"));
    QFile sample(QStringLiteral(GAPWISE_SAMPLE_REPORT));
    REQUIRE(sample.copy(reportPath));
    const QString sessionPath = dir.filePath(QStringLiteral("triage.gapwise"));
    QJsonObject triaged;
    {
        MainWindow w;
        QSignalSpy loaded(&w, &MainWindow::reportLoaded);
        REQUIRE(w.openReport(reportPath));
        REQUIRE(loaded.wait(20000));
        TriageSession *s = w.session();
        REQUIRE(s->report().tests.size() > 3);
        REQUIRE(!s->report().gaps.isEmpty());
        s->moveTestsToNewGap({ s->report().tests[0].id, s->report().tests[2].id }, QStringLiteral("Flaky fixtures"));
        s->setGapPriority(s->report().gaps[0].id, Priority::P0);
        CHECK(w.isWindowModified());
        CHECK(w.windowTitle().contains(QStringLiteral("[*]")));
        QString error;
        REQUIRE(w.sessionController()->saveTo(sessionPath, &error));
        CHECK_FALSE(w.isWindowModified());
        triaged = stateOf(*s);
    }
    MainWindow reopened;
    QSignalSpy loaded(&reopened, &MainWindow::reportLoaded);
    REQUIRE(reopened.openReport(sessionPath));
    REQUIRE(loaded.wait(20000));
    CHECK(stateOf(*reopened.session()) == triaged);
    CHECK(reopened.session()->undoStack()->canUndo()); // the replayed edits can be undone
    CHECK_FALSE(reopened.isWindowModified());
    CHECK(reopened.windowTitle().contains(QStringLiteral("triage.gapwise")));
    CHECK(reopened.treeModel()->groupIndexes(NodeKind::Gap, reopened.session()->report().gaps.last().id).size() >= 1);
}

TEST_CASE("A modified window asks before closing: Cancel keeps it, Discard closes, Save writes", "[triage][window]")
{
    MainWindow w;
    w.setReport(syntheticReport(30, 2));
    int asked = 0;
    SessionController::Answer answer = SessionController::Answer::Cancel;
    w.sessionController()->setAsker([&] {
        ++asked;
        return answer;
    });
    QCloseEvent unmodifiedClose;
    QCoreApplication::sendEvent(&w, &unmodifiedClose);
    CHECK(unmodifiedClose.isAccepted());
    CHECK(asked == 0);

    w.session()->renameGap(QStringLiteral("gap-1"), QStringLiteral("Renamed"));
    QCloseEvent cancelled;
    QCoreApplication::sendEvent(&w, &cancelled);
    CHECK_FALSE(cancelled.isAccepted());
    CHECK(asked == 1);

    answer = SessionController::Answer::Discard;
    QCloseEvent discarded;
    QCoreApplication::sendEvent(&w, &discarded);
    CHECK(discarded.isAccepted());
    CHECK(asked == 2);

    // Opening another file asks the same question once it imported; Cancel keeps the triage.
    answer = SessionController::Answer::Cancel;
    QSignalSpy declined(&w, &MainWindow::openDeclined);
    REQUIRE(w.openReport(QStringLiteral(GAPWISE_SAMPLE_REPORT)));
    REQUIRE(declined.wait(20000));
    CHECK(asked == 3);
    CHECK(w.session()->report().gaps[0].title == QStringLiteral("Renamed"));
    w.session()->undoStack()->clear();
}

TEST_CASE("No two actions share a shortcut, Ctrl+Z undoes, Ctrl+Shift+Z and Ctrl+Y redo", "[triage][window]")
{
    MainWindow w;
    w.setReport(syntheticReport(30, 3));
    w.show();
    w.activateWindow();
    REQUIRE(QTest::qWaitForWindowActive(&w));
    QHash<QKeySequence, QString> seen; // a key bound twice is ambiguous and fires neither action
    for (QAction *a : w.findChildren<QAction *>()) {
        for (const QKeySequence &key : a->shortcuts()) {
            INFO(key.toString().toStdString()
                << ": " << a->text().toStdString() << " and " << seen.value(key).toStdString());
            CHECK_FALSE(seen.contains(key));
            seen.insert(key, a->text());
        }
    }
    const QString id = QStringLiteral("gap-2");
    auto title = [&] { return w.session()->report().gaps[w.session()->gapIndex(id)].title; };
    w.session()->renameGap(id, QStringLiteral("Renamed"));
    w.treeView()->setFocus();
    QTest::keyClick(w.treeView(), Qt::Key_Z, Qt::ControlModifier);
    CHECK(title() == QStringLiteral("Gap 2"));
    QTest::keyClick(w.treeView(), Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
    CHECK(title() == QStringLiteral("Renamed"));
    QTest::keyClick(w.treeView(), Qt::Key_Z, Qt::ControlModifier);
    QTest::keyClick(w.treeView(), Qt::Key_Y, Qt::ControlModifier);
    CHECK(title() == QStringLiteral("Renamed"));
    w.session()->undoStack()->clear();
}

TEST_CASE("Moved tests stay selected, shown in their new gap, and the gap chart highlights where they went",
    "[triage][window]")
{
    MainWindow w;
    showSyntheticRun(w);
    QVector<int> moving;
    const auto &tests = w.session()->report().tests;
    for (int i = 0; i < tests.size() && moving.size() < 2; ++i) {
        if (tests[i].gapId == QLatin1String("gap-2") && isFailing(tests[i].status))
            moving << i;
    }
    REQUIRE(moving.size() == 2);
    selectTests(w, moving);
    QCoreApplication::processEvents();
    CHECK(w.gapChart()->highlightedIds().contains(QStringLiteral("gap-2")));
    w.treeView()->collapseAll(); // the target gap is collapsed, as it is after a drop onto a closed group

    w.session()->moveTests({ tests[moving[0]].id, tests[moving[1]].id }, QStringLiteral("gap-3"));
    QCoreApplication::processEvents(); // the reveal and the highlight follow once the tree has moved the rows

    const QModelIndexList selected = w.treeView()->selectionModel()->selectedRows();
    REQUIRE(selected.size() == 2);
    for (const QModelIndex &row : selected) {
        CHECK(row.data(GapIdRole).toString() == QLatin1String("gap-3"));
        for (QModelIndex p = row.parent(); p.isValid(); p = p.parent())
            CHECK(w.treeView()->isExpanded(p));
    }
    CHECK(w.gapChart()->highlightedIds() == QSet<QString> { QStringLiteral("gap-3") });

    w.session()->undoStack()->undo(); // undo shows them back where they came from
    QCoreApplication::processEvents();
    CHECK(w.gapChart()->highlightedIds() == QSet<QString> { QStringLiteral("gap-2") });
    for (const QModelIndex &row : w.treeView()->selectionModel()->selectedRows())
        CHECK(w.treeView()->isExpanded(row.parent()));
    w.session()->undoStack()->clear();
}

TEST_CASE("After a merge, its undo and its redo, the gap chart highlights the gap the tree selects", "[triage][window]")
{
    // QA: after Edit > Merge Into the tree selected the target gap, but the chart framed "Unassigned": the
    // highlight kept the target's key from before the merge took a bar away.
    MainWindow w;
    showSyntheticRun(w);
    selectGap(w, QStringLiteral("gap-2"));
    QCoreApplication::processEvents();
    REQUIRE(w.gapChart()->highlightedIds() == QSet<QString> { QStringLiteral("gap-2") });
    const auto treeGaps = [&w] {
        QSet<QString> gaps;
        for (const QModelIndex &row : w.treeView()->selectionModel()->selectedRows())
            gaps.insert(row.data(GapIdRole).toString());
        return gaps;
    };
    w.triageActions()->mergeGapInto(QStringLiteral("gap-2"), QStringLiteral("gap-3"));
    QCoreApplication::processEvents();
    CHECK(treeGaps() == QSet<QString> { QStringLiteral("gap-3") });
    CHECK(w.gapChart()->highlightedIds() == QSet<QString> { QStringLiteral("gap-3") });

    w.session()->undoStack()->undo();
    QCoreApplication::processEvents();
    CHECK(treeGaps() == QSet<QString> { QStringLiteral("gap-2") });
    CHECK(w.gapChart()->highlightedIds() == QSet<QString> { QStringLiteral("gap-2") });

    w.session()->undoStack()->redo();
    QCoreApplication::processEvents();
    CHECK(treeGaps() == QSet<QString> { QStringLiteral("gap-3") });
    CHECK(w.gapChart()->highlightedIds() == QSet<QString> { QStringLiteral("gap-3") });
    w.session()->undoStack()->clear();
}

TEST_CASE(
    "The window states what the triage changed, in the plan's words, and follows undo", "[triage][window][changes]")
{
    MainWindow w;
    showSyntheticRun(w);
    TriageSession *session = w.session();
    TriageChangesPanel *panel = w.changesPanel();
    REQUIRE(panel);
    const auto settle = [] { QTest::qWait(250); }; // the panel sums a burst of edits once, 100 ms after
    settle();
    CHECK(panel->lines().isEmpty());
    CHECK(panel->countsText().isEmpty());
    CHECK(w.changesBadge()->isHidden());

    QStringList moving;
    for (const TestCase &t : session->report().tests) {
        if (t.gapId == QStringLiteral("gap-2") && moving.size() < 3)
            moving << t.id;
    }
    REQUIRE(moving.size() == 3);
    session->moveTests(moving, QStringLiteral("gap-3"));
    session->renameGap(QStringLiteral("gap-3"), QStringLiteral("Flaky network"));
    session->mergeGaps(QStringLiteral("gap-1"), QStringLiteral("gap-2"));
    settle();
    const QStringList planLines = changeLines(buildPlan(*session).changes);
    CHECK(panel->lines() == planLines);
    CHECK(planLines.value(0) == QStringLiteral("3 tests moved to another gap"));
    CHECK(panel->countsText() == QStringLiteral("3 tests moved · 1 gap merged · 1 gap renamed"));
    CHECK(w.changesBadge()->isVisible());
    CHECK(w.changesBadge()->text() == panel->countsText());

    // The list of edits names each edit's new value; so do Edit > Undo and Redo.
    const auto *edits = panel->findChild<QAbstractItemView *>(QStringLiteral("triageEditList"));
    REQUIRE(edits);
    REQUIRE(edits->model()->rowCount() == 4); // "<imported report>", then the three edits
    CHECK(edits->model()->index(2, 0).data().toString() == QStringLiteral("Rename gap “Gap 3” to “Flaky network”"));
    CHECK(edits->model()->index(3, 0).data().toString() == QStringLiteral("Merge “Gap 1” into “Gap 2”"));

    // Undo takes the merge back; undoing everything leaves nothing to state.
    session->undoStack()->undo();
    settle();
    CHECK(panel->countsText() == QStringLiteral("3 tests moved · 1 gap renamed"));
    QStringList undoRedo;
    for (const QAction *a : w.findChildren<QAction *>()) {
        if (a->text().startsWith(QLatin1String("&Undo")) || a->text().startsWith(QLatin1String("&Redo")))
            undoRedo << a->text();
    }
    undoRedo.sort();
    CHECK(undoRedo
        == QStringList { QStringLiteral("&Redo Merge “Gap 1” into “Gap 2”"),
            QStringLiteral("&Undo Rename gap “Gap 3” to “Flaky network”") });
    session->undoStack()->setIndex(0);
    settle();
    CHECK(panel->lines().isEmpty());
    CHECK(w.changesBadge()->isHidden());
}

TEST_CASE("The question about unsaved triage names its buttons with Alt keys: Alt+D discards", "[triage][window]")
{
    // QA: Discard had no mnemonic, Alt+D did nothing (Qt's own button texts have none outside GNOME and KDE).
    MainWindow w;
    w.setReport(syntheticReport(30, 2));
    w.session()->renameGap(QStringLiteral("gap-1"), QStringLiteral("Renamed"));
    QStringList texts;
    QKeySequence discardKey;
    bool asked = false;
    QTimer::singleShot(0, &w, [&] {
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        if (!box)
            return;
        asked = true;
        for (QAbstractButton *button : box->buttons())
            texts << button->text();
        QAbstractButton *discard = box->button(QMessageBox::Discard);
        discardKey = discard ? discard->shortcut() : QKeySequence();
        if (discard)
            discard->click();
        else
            box->reject();
    });
    const bool discarded = w.sessionController()->maybeDiscard();
    REQUIRE(asked);
    texts.sort();
    CHECK(texts == QStringList { QStringLiteral("&Cancel"), QStringLiteral("&Discard"), QStringLiteral("&Save") });
    CHECK(discardKey == QKeySequence(Qt::ALT | Qt::Key_D)); // the mnemonic, as Alt+D reaches it
    CHECK(discarded);
    w.session()->undoStack()->clear();
}
