// SPDX-License-Identifier: GPL-3.0-or-later
// The window by keyboard, offscreen: every Tab stop shows where the focus is, Shift+F10 opens the tree's
// context menu, the gap commands of that menu are in the Edit menu too, and F6 stops at the Gap pane.
#include "triagefixtures.h"
#include "windowfixtures.h"

#include "barchart.h"
#include "detailspane.h"
#include "elidedlabel.h"
#include "filterbar.h"
#include "gapchart.h"
#include "gapeditor.h"
#include "mainwindow.h"
#include "phasechart.h"
#include "reportfilterproxy.h"
#include "reportroles.h"
#include "reporttreemodel.h"
#include "triageactions.h"
#include "triagesession.h"

#include <catch2/catch.hpp>

#include <QAbstractButton>
#include <QAbstractSpinBox>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDockWidget>
#include <QLabel>
#include <QLineEdit>
#include <QMap>
#include <QMenu>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QTabBar>
#include <QTemporaryDir>
#include <QTest>
#include <QTextEdit>
#include <QToolButton>
#include <QTreeView>
#include <QUndoStack>

using namespace Gapwise;
using namespace TestSupport;

namespace {

// Whether the user can see that `focused` has the focus: the window outlines the pane it is in, or it draws
// the focus itself (a caret, a focus rectangle or a highlighted current item).
bool showsFocus(const MainWindow &w, const QWidget *focused)
{
    const QWidget *line = w.findChild<QWidget *>(QStringLiteral("paneFocusFrame"));
    if (line && line->isVisible() && line->parentWidget()
        && (line->parentWidget() == focused || line->parentWidget()->isAncestorOf(focused)))
        return true;
    if (qobject_cast<const QLineEdit *>(focused) || qobject_cast<const QComboBox *>(focused)
        || qobject_cast<const QAbstractButton *>(focused) || qobject_cast<const QTabBar *>(focused)
        || qobject_cast<const QAbstractSpinBox *>(focused))
        return true;
    if (const auto *text = qobject_cast<const QPlainTextEdit *>(focused))
        return !text->isReadOnly();
    if (const auto *text = qobject_cast<const QTextEdit *>(focused))
        return !text->isReadOnly();
    if (const auto *view = qobject_cast<const QAbstractItemView *>(focused))
        return view->currentIndex().isValid();
    return false;
}

// Whether the dock `focused` is in (if any) is in view: the current tab of the tabs it shares, or alone.
bool dockInView(const MainWindow &w, const QWidget *focused)
{
    const QDockWidget *dock = nullptr;
    for (const QWidget *p = focused; p && !dock; p = p->parentWidget())
        dock = qobject_cast<const QDockWidget *>(p);
    if (!dock || w.tabifiedDockWidgets(const_cast<QDockWidget *>(dock)).isEmpty())
        return true;
    for (const QTabBar *tabs : w.findChildren<QTabBar *>()) {
        for (int i = 0; i < tabs->count(); ++i) {
            if (tabs->tabText(i) == dock->windowTitle())
                return tabs->currentIndex() == i;
        }
    }
    return false;
}

QString describe(const QWidget *w)
{
    QStringList chain;
    for (const QWidget *p = w; p && !p->isWindow(); p = p->parentWidget())
        chain << QString::fromLatin1(p->metaObject()->className()) + QLatin1Char('#') + p->objectName();
    return chain.join(QStringLiteral(" < "));
}

QMenu *editMenu(MainWindow &w)
{
    for (QAction *menu : w.menuBar()->actions()) {
        if (menu->text() == QStringLiteral("&Edit"))
            return menu->menu();
    }
    return nullptr;
}

QAction *actionNamed(QMenu *menu, const QString &text)
{
    for (QAction *a : menu->actions()) {
        if (a->text() == text)
            return a;
    }
    return nullptr;
}

// The window on syntheticReport(30, 3) (test 1 in gap-2, test 3 in no gap), shown and active at 1366x768.
void showSmallRun(MainWindow &w)
{
    w.setReport(syntheticReport(30, 3));
    showActive(w, QSize(1366, 768));
}

} // namespace

TEST_CASE("window: every Tab stop from the tree shows where the focus is", "[window][keyboard]")
{
    // QA: after a test row, five Tab stops showed nothing (the charts' scroll areas among them), and the first
    // stop in the Gap tab did neither.
    QTemporaryDir dir;
    MainWindow w;
    showActive(w, QSize(1366, 768));
    REQUIRE(openAndWait(w, copySampleReport(dir)));
    w.activateWindow();
    REQUIRE(QTest::qWaitForWindowActive(&w));
    selectTests(w, { 0 });
    w.treeView()->setFocus();
    REQUIRE(QApplication::focusWidget() == w.treeView());

    QStringList stops;
    for (int n = 0; n < 60; ++n) {
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        QWidget *focused = QApplication::focusWidget();
        REQUIRE(focused);
        stops << describe(focused);
        INFO("Tab stop " << n + 1 << ": " << describe(focused).toStdString());
        CHECK(showsFocus(w, focused));
        CHECK(dockInView(w, focused)); // not in a dock hidden behind another's tab
        if (focused == w.treeView())
            break;
        if (const auto *notes = qobject_cast<QPlainTextEdit *>(focused))
            CHECK(notes->tabChangesFocus()); // else Tab types a tab there, and the keyboard is stuck
    }
    INFO(stops.join(QLatin1Char('\n')).toStdString());
    CHECK(stops.size() > 3);
    CHECK(QApplication::focusWidget() == w.treeView()); // round the window and back
}

TEST_CASE("window: Shift+F10 opens the tree's context menu at the current row", "[window][keyboard][triage]")
{
    MainWindow w;
    w.setReport(syntheticReport(30, 3));
    showActive(w, QSize(1366, 768));
    selectTests(w, { 1 });
    w.treeView()->setFocus();
    QSignalSpy requested(w.treeView(), &QWidget::customContextMenuRequested);
    QTest::keyClick(w.treeView(), Qt::Key_F10, Qt::ShiftModifier);
    REQUIRE(requested.size() == 1);
    // At the current row, not somewhere else in the tree.
    const QRect row = w.treeView()->visualRect(w.treeView()->currentIndex());
    const QPoint at = requested.first().first().toPoint();
    CHECK(at.y() >= row.top());
    CHECK(at.y() <= row.bottom());
    auto *menu = qobject_cast<QMenu *>(QApplication::activePopupWidget());
    REQUIRE(menu);
    CHECK(actionNamed(menu, QStringLiteral("Move to New Gap…")));
    menu->close();
}

TEST_CASE("window: Merge Into and Delete Gap are in the Edit menu, on a gap's row, and a merge selects the target",
    "[window][keyboard][triage]")
{
    MainWindow w;
    w.setReport(syntheticReport(60, 3));
    showActive(w, QSize(1366, 768));
    QMenu *edit = editMenu(w);
    REQUIRE(edit);
    QAction *merge = actionNamed(edit, QStringLiteral("Merge &Into"));
    QAction *remove = actionNamed(edit, QStringLiteral("&Delete Gap (tests to Unassigned)"));
    REQUIRE(merge);
    REQUIRE(remove);
    // The same actions as the context menu's.
    CHECK(merge == w.triageActions()->mergeMenu()->menuAction());
    CHECK(remove == w.triageActions()->deleteGapAction());

    selectTests(w, { 1 }); // a test row: nothing to merge or delete
    CHECK_FALSE(merge->isEnabled());
    CHECK_FALSE(remove->isEnabled());

    selectGap(w, QStringLiteral("gap-2"));
    CHECK(merge->isEnabled());
    CHECK(remove->isEnabled());
    QMenu *context = w.triageActions()->buildContextMenu(&w);
    CHECK(context->actions().contains(merge));
    CHECK(context->actions().contains(remove));
    delete context;

    // Merge gap-2 into Gap 3 through the Edit menu's submenu, as it is filled when it opens.
    Q_EMIT merge->menu()->aboutToShow();
    QAction *into = actionNamed(merge->menu(), QStringLiteral("Gap 3"));
    REQUIRE(into);
    CHECK_FALSE(actionNamed(merge->menu(), QStringLiteral("Gap 2"))); // not into itself
    into->trigger();
    CHECK(w.session()->gapIndex(QStringLiteral("gap-2")) < 0);
    // QA: the target only had the focus outline; it is current and selected, so the panes follow it.
    const QModelIndex current = w.treeView()->currentIndex();
    CHECK(current.data(GapIdRole).toString() == QStringLiteral("gap-3"));
    CHECK(w.filterProxy()->reportModel()->kindOf(w.filterProxy()->mapToTree(current)) == NodeKind::Gap);
    CHECK(w.treeView()->selectionModel()->isSelected(current));

    // Delete Gap from the Edit menu deletes the current gap; undo brings it back.
    remove->trigger();
    CHECK(w.session()->gapIndex(QStringLiteral("gap-3")) < 0);
    w.session()->undoStack()->undo();
    CHECK(w.session()->gapIndex(QStringLiteral("gap-3")) >= 0);
    w.session()->undoStack()->clear();
}

namespace {

// The text of the tab in front of the tabbed docks that have a tab named `tab`.
QString frontTab(MainWindow &w, const QString &tab)
{
    for (QTabBar *bar : w.findChildren<QTabBar *>()) {
        for (int i = 0; i < bar->count(); ++i) {
            if (bar->tabText(i) == tab)
                return bar->tabText(bar->currentIndex());
        }
    }
    return QString();
}

} // namespace

TEST_CASE("F6 stops at the Gap pane, and passes over a tab behind another without switching tabs",
    "[triage][window][gapeditor][keyboard]")
{
    // QA: the Gap editor was never an F6 stop, and F6 into the details switched the tabbed dock from Gap to Details.
    MainWindow w;
    w.setReport(syntheticReport(30, 3));
    showActive(w, QSize(1366, 768));
    selectGap(w, QStringLiteral("gap-2"));
    GapEditor *editor = w.gapEditor();
    REQUIRE(editor->titleField()->isEnabled());
    const auto focused = [] { return QApplication::focusWidget(); };

    auto *details = w.findChild<QDockWidget *>(QStringLiteral("detailsDock"));
    auto *gap = w.findChild<QDockWidget *>(QStringLiteral("gapDock"));
    REQUIRE(details);
    REQUIRE(gap);
    SECTION("tabbed, the Details tab in front")
    {
        w.tabifyDockWidget(details, gap);
        details->raise();
        QCoreApplication::processEvents();
        w.treeView()->setFocus();
        QTest::keyClick(focused(), Qt::Key_F6);
        CHECK(focused() == w.detailsPane());
        QTest::keyClick(focused(), Qt::Key_F6);
        CHECK_FALSE(editor->isAncestorOf(focused()));
        CHECK(frontTab(w, QStringLiteral("Gap")) == QStringLiteral("Details"));
    }
    SECTION("tabbed, the Gap tab in front")
    {
        w.tabifyDockWidget(details, gap);
        gap->raise();
        QCoreApplication::processEvents();
        REQUIRE(frontTab(w, QStringLiteral("Gap")) == QStringLiteral("Gap"));
        w.treeView()->setFocus();
        QTest::keyClick(focused(), Qt::Key_F6);
        CHECK(editor->isAncestorOf(focused()));
        CHECK(frontTab(w, QStringLiteral("Gap")) == QStringLiteral("Gap"));
        QTest::keyClick(focused(), Qt::Key_F6, Qt::ShiftModifier);
        CHECK(focused() == w.treeView());
        CHECK(frontTab(w, QStringLiteral("Gap")) == QStringLiteral("Gap"));
    }
}

TEST_CASE("Ctrl+E brings the Gap pane to the front and focuses its form, from a test's row too",
    "[triage][window][gapeditor][keyboard]")
{
    // QA: with the Gap pane on a tab behind Details, F6 passes it over and the context menu had no way to the
    // owner and notes: a keyboard user could not set them.
    MainWindow w;
    w.setReport(syntheticReport(30, 3)); // test 1 is in gap-2, test 3 in no gap
    showActive(w, QSize(1366, 768));
    auto *details = w.findChild<QDockWidget *>(QStringLiteral("detailsDock"));
    auto *gap = w.findChild<QDockWidget *>(QStringLiteral("gapDock"));
    REQUIRE(details);
    REQUIRE(gap);
    w.tabifyDockWidget(details, gap);
    details->raise();
    QCoreApplication::processEvents();
    REQUIRE(frontTab(w, QStringLiteral("Gap")) == QStringLiteral("Details"));
    GapEditor *editor = w.gapEditor();
    QAction *action = actionNamed(editMenu(w), QStringLiteral("&Edit in Gap Pane"));
    REQUIRE(action);

    SECTION("on a gap's row")
    {
        selectGap(w, QStringLiteral("gap-2"));
        REQUIRE(action->isEnabled());
        w.treeView()->setFocus();
        QTest::keyClick(w.treeView(), Qt::Key_E, Qt::ControlModifier);
        CHECK(frontTab(w, QStringLiteral("Gap")) == QStringLiteral("Gap"));
        REQUIRE(editor->isAncestorOf(QApplication::focusWidget()));
        CHECK(QApplication::focusWidget()->isEnabled());
        // The gap's context menu offers it too.
        QMenu *menu = w.triageActions()->buildContextMenu(&w);
        CHECK(menu->actions().contains(action));
        delete menu;
    }
    SECTION("closed, on a test's row: shown again")
    {
        gap->close();
        QCoreApplication::processEvents();
        selectTests(w, { 1 });
        REQUIRE(action->isEnabled());
        action->trigger();
        QCoreApplication::processEvents();
        CHECK(gap->isVisible());
        CHECK(editor->isAncestorOf(QApplication::focusWidget()));
    }
    SECTION("on an unassigned test: nothing to edit")
    {
        selectTests(w, { 3 });
        CHECK_FALSE(action->isEnabled());
    }
}

TEST_CASE("The filter bar's Tab order reads row by row, and its change and history choices are labelled",
    "[window][keyboard][filter]")
{
    // QA: Tab went filter, Regex, the grouping, then back left to Show passed; and with a comparison and a
    // history, two unlabelled choices both read "All tests".
    MainWindow w;
    w.setReport(syntheticReport(30, 3));
    showActive(w, QSize(1366, 768));
    FilterBar *bar = w.filterBar();
    QList<QWidget *> expected { bar->findChild<QCheckBox *>(),
        bar->findChild<QWidget *>(QStringLiteral("showPassedSkipped")) };
    for (TestStatus status : { TestStatus::Failed, TestStatus::Error, TestStatus::Passed, TestStatus::Skipped }) {
        if (bar->statusChip(status)->isEnabled())
            expected << bar->statusChip(status);
    }
    expected << bar->groupingBox();
    REQUIRE(expected.first()->property("text").toString() == QStringLiteral("Regex"));
    bar->searchField()->setFocus();
    for (QWidget *next : std::as_const(expected)) {
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        CHECK(QApplication::focusWidget() == next);
    }

    const auto labelOf = [bar](const QWidget *choice) {
        for (const QLabel *label : bar->findChildren<QLabel *>()) {
            if (label->buddy() == choice)
                return label->text();
        }
        return QString();
    };
    CHECK(labelOf(bar->changeBox()) == QStringLiteral("Chan&ge:"));
    CHECK(labelOf(bar->historyBox()) == QStringLiteral("Histor&y:"));
    // Hidden with their choice until a comparison or a history gives them something to choose by.
    CHECK_FALSE(bar->changeBox()->isVisible());
    bar->setComparisonActive(true);
    CHECK(bar->changeBox()->isVisible());
    for (const QLabel *label : bar->findChildren<QLabel *>()) {
        if (label->buddy() == bar->changeBox())
            CHECK(label->isVisible());
    }
}

TEST_CASE("From the filter box Ctrl+Z and Ctrl+Shift+Z undo and redo the triage, unless the box has its own "
          "typing to undo, and Ctrl+E opens the Gap pane",
    "[window][keyboard][triage]")
{
    // QA: the focus starts in the filter box, where Ctrl+Z and Ctrl+E (both shown in the Edit menu) did nothing.
    MainWindow w;
    showSmallRun(w);
    TriageSession *session = w.session();
    const QString id = QStringLiteral("gap-2");
    auto title = [&] { return session->report().gaps[session->gapIndex(id)].title; };
    session->renameGap(id, QStringLiteral("Renamed"));
    QLineEdit *filter = w.filterBar()->searchField();
    filter->setFocus();
    REQUIRE(filter->hasFocus());
    REQUIRE_FALSE(filter->isUndoAvailable());

    QTest::keyClick(filter, Qt::Key_Z, Qt::ControlModifier);
    CHECK(title() == QStringLiteral("Gap 2"));
    QTest::keyClick(filter, Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
    CHECK(title() == QStringLiteral("Renamed"));
    QTest::keyClick(filter, Qt::Key_Z, Qt::ControlModifier);
    QTest::keyClick(filter, Qt::Key_Y, Qt::ControlModifier);
    CHECK(title() == QStringLiteral("Renamed"));
    CHECK(filter->hasFocus());

    // Typed in the box: its Ctrl+Z takes the typing back first, the triage stays; then the triage's turn.
    QTest::keyClicks(filter, QStringLiteral("ab"));
    REQUIRE(filter->isUndoAvailable());
    QTest::keyClick(filter, Qt::Key_Z, Qt::ControlModifier);
    CHECK(filter->text().isEmpty());
    CHECK(title() == QStringLiteral("Renamed"));
    QTest::keyClick(filter, Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier); // the box's redo
    CHECK(filter->text() == QStringLiteral("ab"));
    CHECK(title() == QStringLiteral("Renamed"));

    // End still goes to the end of the typed text; Ctrl+E is the window's Edit in Gap Pane.
    QTest::keyClick(filter, Qt::Key_Home);
    QTest::keyClick(filter, Qt::Key_End);
    CHECK(filter->cursorPosition() == 2);
    filter->clear();
    selectGap(w, id);
    filter->setFocus();
    QTest::keyClick(filter, Qt::Key_E, Qt::ControlModifier);
    CHECK(w.gapEditor()->isAncestorOf(QApplication::focusWidget()));
    session->undoStack()->clear();
}

TEST_CASE("The Edit menu has Rename Gap (F2) and a Set Priority submenu acting on the current gap, undoable",
    "[window][keyboard][triage]")
{
    // QA: rename, priority and owner were in no menu, so a keyboard user could not discover them.
    MainWindow w;
    showSmallRun(w);
    TriageSession *session = w.session();
    REQUIRE(editMenu(w));
    QAction *rename = actionNamed(editMenu(w), QStringLiteral("Rename &Gap"));
    REQUIRE(rename);
    CHECK(rename->shortcut() == QKeySequence(Qt::Key_F2));
    QAction *priority = actionNamed(editMenu(w), QStringLiteral("Set &Priority"));
    REQUIRE((priority && priority->menu()));
    CHECK(priority->menu() == w.triageActions()->priorityMenu());
    QStringList choices;
    for (QAction *a : priority->menu()->actions())
        choices << a->text();
    CHECK(choices.join(u' ') == QStringLiteral("P&0 P&1 P&2 P&3 &None"));

    selectTests(w, { 3 }); // a test in no gap: nothing to rename or prioritise
    CHECK_FALSE(rename->isEnabled());
    CHECK_FALSE(priority->isEnabled());

    selectGap(w, QStringLiteral("gap-2"));
    CHECK(rename->isEnabled());
    CHECK(priority->isEnabled());
    // The gap's priority is checked when the submenu opens; a choice is one undo step, as in the Gap pane.
    Q_EMIT priority->menu()->aboutToShow();
    CHECK(actionNamed(priority->menu(), QStringLiteral("P&1"))->isChecked());
    actionNamed(priority->menu(), QStringLiteral("P&3"))->trigger();
    const auto gapPriority
        = [&] { return session->report().gaps[session->gapIndex(QStringLiteral("gap-2"))].priority; };
    CHECK(gapPriority() == Priority::P3);
    CHECK(session->undoStack()->count() == 1);
    CHECK(session->undoStack()->undoText() == QStringLiteral("Set priority of “Gap 2” to P3"));
    session->undoStack()->undo();
    CHECK(gapPriority() == Priority::P1);

    // F2, from the filter box too, opens the title in the gap's row; typing and Enter rename it.
    w.filterBar()->searchField()->setFocus();
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_F2);
    QWidget *editor = QApplication::focusWidget();
    REQUIRE(qobject_cast<QLineEdit *>(editor));
    REQUIRE(w.treeView()->isAncestorOf(editor));
    qobject_cast<QLineEdit *>(editor)->selectAll();
    QTest::keyClicks(editor, QStringLiteral("Cache"));
    CHECK(qobject_cast<QLineEdit *>(editor)->text() == QStringLiteral("Cache"));
    QTest::keyClick(editor, Qt::Key_Return);
    QCoreApplication::processEvents(); // the delegate commits on the next event-loop turn
    CHECK(session->report().gaps[session->gapIndex(QStringLiteral("gap-2"))].title == QStringLiteral("Cache"));
    session->undoStack()->clear();
}

TEST_CASE(
    "The File menu's items each have their own Alt key, and Save Session As has Ctrl+Shift+S", "[window][keyboard]")
{
    // QA: Alt+F, E did not open Export; Save Session As had no shortcut.
    MainWindow w;
    QMenu *file = nullptr;
    for (QAction *menu : w.menuBar()->actions()) {
        if (menu->text() == QStringLiteral("&File"))
            file = menu->menu();
    }
    REQUIRE(file);
    QMap<QChar, QStringList> byKey;
    for (QAction *a : file->actions()) {
        if (a->isSeparator())
            continue;
        const QKeySequence mnemonic = QKeySequence::mnemonic(a->text());
        CAPTURE(a->text());
        CHECK_FALSE(mnemonic.isEmpty());
        if (!mnemonic.isEmpty())
            byKey[QChar(mnemonic[0].key())] << a->text();
    }
    for (auto it = byKey.cbegin(); it != byKey.cend(); ++it) {
        CAPTURE(it.value().join(QStringLiteral(", ")));
        CHECK(it.value().size() == 1);
    }
    CHECK(byKey.value(QLatin1Char('E')) == QStringList { QStringLiteral("&Export") });
    QAction *saveAs = actionNamed(file, QStringLiteral("Save Session &As…"));
    REQUIRE(saveAs);
    CHECK(saveAs->shortcuts().contains(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S)));
    // Nothing else in the window has it.
    for (QAction *a : w.findChildren<QAction *>()) {
        if (a != saveAs)
            CHECK_FALSE(a->shortcuts().contains(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S)));
    }
}

TEST_CASE("Escape in a chart takes the keyboard back to the tree", "[window][keyboard]")
{
    // QA: Tab after Notes went to the "Tests per phase" chart, where Escape and Down did nothing.
    MainWindow w;
    showSmallRun(w);
    for (BarChart *chart : { static_cast<BarChart *>(w.phaseChart()), static_cast<BarChart *>(w.gapChart()) }) {
        CAPTURE(chart->objectName().toStdString());
        chart->setFocus();
        REQUIRE(chart->isAncestorOf(QApplication::focusWidget()));
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Escape);
        CHECK(QApplication::focusWidget() == w.treeView());
    }
}

TEST_CASE("The Gap pane's heading names the gap by its title, cut to the pane's width", "[window][gapeditor]")
{
    // QA: the heading showed internal ids ("Gap user-1", "Gap gap-3").
    MainWindow w;
    showSmallRun(w);
    selectGap(w, QStringLiteral("gap-2"));
    auto *heading = w.gapEditor()->findChild<ElidedLabel *>(QStringLiteral("gapEditorHeading"));
    REQUIRE(heading);
    CHECK(heading->text() == QStringLiteral("Gap: Gap 2"));
    const QString longTitle = QStringLiteral("ModuleNotFoundError: No module named 'legacy_billing' ").repeated(6);
    w.session()->renameGap(QStringLiteral("gap-2"), longTitle.trimmed());
    QCoreApplication::processEvents();
    CHECK(heading->text() == QStringLiteral("Gap: ") + longTitle.trimmed());
    CHECK_FALSE(heading->text().contains(QStringLiteral("gap-2")));
    CHECK(heading->isElided()); // one line, cut at the pane's width
    CHECK(heading->shownText().endsWith(QChar(0x2026)));
    CHECK(heading->width() <= w.gapEditor()->width());
    w.session()->undoStack()->clear();
}
