// SPDX-License-Identifier: GPL-3.0-or-later
// Editing gaps the ways a user does, offscreen through the real widgets: the Gap pane's fields, F2 in the
// tree and Edit ▸ Move to New Gap… (the Ctrl+M picker: tst_gap_picker.cpp). Every change is one undoable command.
#include "triagefixtures.h"
#include "windowfixtures.h"

#include "detailspane.h"
#include "gapeditor.h"
#include "gappickerdialog.h"
#include "mainwindow.h"
#include "reportfilterproxy.h"
#include "reporttreemodel.h"
#include "sessioncontroller.h"
#include "sessionfile.h"
#include "triagesession.h"

#include <catch2/catch.hpp>

#include <QApplication>
#include <QComboBox>
#include <QDockWidget>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QSpontaneKeyEvent>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTreeView>
#include <QUndoStack>
#include <QWheelEvent>

#include <array>

using namespace Gapwise;
using namespace TestSupport;

namespace {

const Gap &gapOf(MainWindow &w, const QString &id)
{
    const int i = w.session()->gapIndex(id);
    REQUIRE(i >= 0);
    return w.session()->report().gaps[i];
}

// What the tree shows on the gap's row.
QString treeTitle(MainWindow &w, const QString &gapId)
{
    return w.treeModel()->groupIndexes(NodeKind::Gap, gapId).value(0).data(Qt::DisplayRole).toString();
}

// The window on syntheticReport(30, 3), shown and active, the gap `id` the tree's current row, the tree focused.
void showWithGapCurrent(MainWindow &w, const QString &id)
{
    w.setReport(syntheticReport(30, 3));
    showActive(w, QSize(1200, 800));
    selectGap(w, id);
    w.treeView()->setFocus();
}

QAction *editMenuAction(MainWindow &w, const QString &text)
{
    for (QAction *menu : w.menuBar()->actions()) {
        if (menu->text() != QStringLiteral("&Edit") || !menu->menu())
            continue;
        for (QAction *a : menu->menu()->actions()) {
            if (a->text() == text)
                return a;
        }
    }
    return nullptr;
}

// The failing tests of a gap in the imported report, as Report::tests indices.

} // namespace

TEST_CASE(
    "The Gap pane edits title, priority, status, owner and notes as undoable commands", "[triage][window][gapeditor]")
{
    MainWindow w;
    w.setReport(syntheticReport(30, 3));
    showActive(w, QSize(1200, 800));
    QUndoStack *undo = w.session()->undoStack();
    const QString id = QStringLiteral("gap-2");
    selectGap(w, id);
    GapEditor *e = w.gapEditor();
    REQUIRE(e->isVisible());
    REQUIRE(e->gapId() == id);
    CHECK(e->titleField()->text() == QStringLiteral("Gap 2"));
    CHECK(e->priorityBox()->currentText() == QStringLiteral("P1"));

    // Title: typed and confirmed with Enter.
    e->titleField()->setFocus();
    e->titleField()->selectAll();
    QTest::keyClicks(e->titleField(), QStringLiteral("Cache invalidation"));
    QTest::keyClick(e->titleField(), Qt::Key_Return);
    CHECK(gapOf(w, id).title == QStringLiteral("Cache invalidation"));
    CHECK(treeTitle(w, id).contains(QStringLiteral("Cache invalidation")));
    CHECK(undo->count() == 1);
    CHECK(w.isWindowModified());

    // Priority and status: the arrow keys on the closed combo boxes pick the next entry.
    e->priorityBox()->setFocus(); // the title loses focus: its unchanged text is no second command
    CHECK(undo->count() == 1);
    QTest::keyClick(e->priorityBox(), Qt::Key_Down);
    CHECK(gapOf(w, id).priority == Priority::P2);
    CHECK(undo->count() == 2);
    e->statusBox()->setFocus();
    QTest::keyClick(e->statusBox(), Qt::Key_Down);
    CHECK(gapOf(w, id).status == GapStatus::InProgress);
    CHECK(undo->count() == 3);

    // Owner: typed, Enter.
    e->ownerField()->setFocus();
    QTest::keyClicks(e->ownerField(), QStringLiteral("dana"));
    QTest::keyClick(e->ownerField(), Qt::Key_Return);
    CHECK(gapOf(w, id).owner == QStringLiteral("dana"));
    CHECK(undo->count() == 4);

    // Notes: a pause in typing saves them, all the typing as one command.
    e->notesField()->setFocus();
    QTest::keyClicks(e->notesField(), QStringLiteral("seen in CI twice"));
    CHECK(gapOf(w, id).notes.isEmpty()); // not yet: the user is still typing
    REQUIRE(QTest::qWaitFor([&] { return gapOf(w, id).notes == QStringLiteral("seen in CI twice"); }, 5000));
    CHECK(undo->count() == 5);
    // Leaving the field saves at once, without the pause; more typing in the same notes extends that step.
    QTest::keyClicks(e->notesField(), QStringLiteral(", and locally"));
    e->ownerField()->setFocus();
    CHECK(gapOf(w, id).notes == QStringLiteral("seen in CI twice, and locally"));
    CHECK(undo->count() == 5);

    // Undo walks back through every field, and the form follows.
    undo->undo();
    CHECK(gapOf(w, id).notes.isEmpty());
    CHECK(e->notesField()->toPlainText().isEmpty());
    undo->undo();
    CHECK(gapOf(w, id).owner.isEmpty());
    CHECK(e->ownerField()->text().isEmpty());
    undo->undo();
    CHECK(gapOf(w, id).status == GapStatus::Open);
    CHECK(e->statusBox()->currentData().toInt() == int(GapStatus::Open));
    undo->undo();
    CHECK(gapOf(w, id).priority == Priority::P1);
    CHECK(e->priorityBox()->currentText() == QStringLiteral("P1"));
    undo->undo();
    CHECK(gapOf(w, id).title == QStringLiteral("Gap 2"));
    CHECK(e->titleField()->text() == QStringLiteral("Gap 2"));
    CHECK(treeTitle(w, id).contains(QStringLiteral("Gap 2")));
    CHECK_FALSE(w.isWindowModified());
    // Redo brings them all back.
    while (undo->canRedo())
        undo->redo();
    CHECK(gapOf(w, id).title == QStringLiteral("Cache invalidation"));
    CHECK(gapOf(w, id).notes == QStringLiteral("seen in CI twice, and locally"));
    CHECK(e->titleField()->text() == QStringLiteral("Cache invalidation"));
    undo->clear();
}

TEST_CASE("The Gap pane's title field shows the start of a long title", "[triage][window][gapeditor]")
{
    // QA: the field opened scrolled to the end of a long title, hiding its start.
    Report report = syntheticReport(30, 3);
    const QString longTitle = QStringLiteral("Auth token missing after SSO redirect when the session cookie is rotated "
                                             "by the gateway and the refresh endpoint returns 401 under load");
    report.gaps[1].title = longTitle;
    MainWindow w;
    w.setReport(report);
    showActive(w, QSize(1200, 800));
    selectGap(w, QStringLiteral("gap-1"));
    selectGap(w, QStringLiteral("gap-2"));
    QLineEdit *title = w.gapEditor()->titleField();
    REQUIRE(title->text() == longTitle);
    CHECK(title->cursorPosition() == 0);
    CHECK(title->inputMethodQuery(Qt::ImCursorRectangle).toRect().left() < title->width() / 4);

    // An edit while the user is in the field (an undo, a colleague's edit) does not move their cursor to 0.
    title->setFocus();
    REQUIRE(title->hasFocus());
    title->end(false);
    w.session()->renameGap(QStringLiteral("gap-2"), longTitle + QStringLiteral(" (again)"));
    CHECK(title->text() == longTitle + QStringLiteral(" (again)"));
    CHECK(title->cursorPosition() == int(title->text().size()));
    w.session()->undoStack()->undo();
    CHECK(title->text() == longTitle);
    CHECK(title->cursorPosition() > 0);

    // Another gap shown while the field has no focus starts at its start again.
    w.treeView()->setFocus();
    selectGap(w, QStringLiteral("gap-1"));
    selectGap(w, QStringLiteral("gap-2"));
    CHECK(title->cursorPosition() == 0);
}

TEST_CASE("Notes typed just before saving are in the saved session", "[triage][window][gapeditor][session]")
{
    QTemporaryDir dir;
    MainWindow w;
    REQUIRE(openAndWait(w, copySampleReport(dir)));
    showActive(w, QSize(1200, 800));
    REQUIRE(!w.session()->report().gaps.isEmpty());
    const QString id = w.session()->report().gaps[0].id;
    selectGap(w, id);
    GapEditor *e = w.gapEditor();
    e->notesField()->setFocus();
    QTest::keyClicks(e->notesField(), QStringLiteral("typed, then Ctrl+S at once"));
    const QString path = dir.filePath(QStringLiteral("s.gapwise"));
    QString error;
    REQUIRE(w.sessionController()->saveTo(path, &error));
    CHECK(gapOf(w, id).notes == QStringLiteral("typed, then Ctrl+S at once"));
    CHECK_FALSE(w.isWindowModified()); // the notes were committed before the save, not after it
    const auto saved = readSessionFile(path, &error);
    INFO(error.toStdString());
    REQUIRE(saved);
    REQUIRE(saved->edits.size() == 1);
    CHECK(saved->edits[0].value(QStringLiteral("field")).toString() == QStringLiteral("notes"));
    CHECK(saved->edits[0].value(QStringLiteral("value")).toString() == QStringLiteral("typed, then Ctrl+S at once"));
}

TEST_CASE("Notes typed and erased again leave no undo step and no unsaved change", "[triage][window][gapeditor]")
{
    MainWindow w;
    w.setReport(syntheticReport(30, 3));
    showActive(w, QSize(1200, 800));
    selectGap(w, QStringLiteral("gap-2"));
    GapEditor *e = w.gapEditor();
    e->notesField()->setFocus();
    QTest::keyClicks(e->notesField(), QStringLiteral("tbd"));
    e->titleField()->setFocus();
    REQUIRE(w.session()->undoStack()->count() == 1);
    CHECK(w.isWindowModified());
    e->notesField()->setFocus();
    e->notesField()->moveCursor(QTextCursor::End);
    for (int i = 0; i < 3; ++i)
        QTest::keyClick(e->notesField(), Qt::Key_Backspace);
    e->titleField()->setFocus();
    CHECK(gapOf(w, QStringLiteral("gap-2")).notes.isEmpty());
    CHECK(w.session()->undoStack()->count() == 0);
    CHECK_FALSE(w.isWindowModified());
}

TEST_CASE("F2 in the tree renames a gap in place, undo restores the name", "[triage][window][gapeditor]")
{
    MainWindow w;
    const QString id = QStringLiteral("gap-3");
    showWithGapCurrent(w, id);
    QTest::keyClick(w.treeView(), Qt::Key_F2);
    auto *editor = qobject_cast<QLineEdit *>(QApplication::focusWidget());
    REQUIRE(editor);
    CHECK(editor->text() == QStringLiteral("Gap 3"));
    editor->selectAll();
    QTest::keyClicks(editor, QStringLiteral("Flaky network"));
    QTest::keyClick(editor, Qt::Key_Return);
    QCoreApplication::processEvents(); // the delegate commits on the next event-loop turn
    CHECK(gapOf(w, id).title == QStringLiteral("Flaky network"));
    CHECK(treeTitle(w, id).contains(QStringLiteral("Flaky network")));
    CHECK(w.gapEditor()->titleField()->text() == QStringLiteral("Flaky network"));
    CHECK(w.session()->undoStack()->count() == 1);

    // Editing without a change (F2, Enter) adds nothing to undo.
    QTest::keyClick(w.treeView(), Qt::Key_F2);
    editor = qobject_cast<QLineEdit *>(QApplication::focusWidget());
    REQUIRE(editor);
    QTest::keyClick(editor, Qt::Key_Return);
    QCoreApplication::processEvents();
    CHECK(w.session()->undoStack()->count() == 1);

    w.session()->undoStack()->undo();
    CHECK(gapOf(w, id).title == QStringLiteral("Gap 3"));
    CHECK(treeTitle(w, id).contains(QStringLiteral("Gap 3")));
    CHECK(w.gapEditor()->titleField()->text() == QStringLiteral("Gap 3"));
    CHECK_FALSE(w.isWindowModified());
}

TEST_CASE("a click on the selected gap row does not open its title for editing", "[triage][window][gapeditor]")
{
    // QA: clicking an already selected gap again (as triage does all the time) opened the rename editor.
    MainWindow w;
    const QString id = QStringLiteral("gap-3");
    showWithGapCurrent(w, id);
    QTreeView *tree = w.treeView();
    const QRect row = tree->visualRect(tree->currentIndex());
    REQUIRE(row.isValid());
    QTest::mouseClick(tree->viewport(), Qt::LeftButton, {}, row.center());
    QTest::qWait(QApplication::doubleClickInterval() + 200); // the delay after which a second click edits
    QTest::mouseClick(tree->viewport(), Qt::LeftButton, {}, row.center());
    QTest::qWait(QApplication::doubleClickInterval() + 200);
    for (const QLineEdit *editor : tree->viewport()->findChildren<QLineEdit *>())
        CHECK_FALSE(editor->isVisible()); // no rename editor open on the row
    CHECK_FALSE(qobject_cast<QLineEdit *>(QApplication::focusWidget()));
    CHECK(gapOf(w, id).title == QStringLiteral("Gap 3"));
}

TEST_CASE("Edit > Move to New Gap… asks for a title and moves the selection into the new gap", "[triage][window]")
{
    MainWindow w;
    w.setReport(syntheticReport(60, 3));
    showActive(w, QSize(1200, 800));
    const QVector<int> moving = requireTestsOfGap(w, QStringLiteral("gap-2"), 3);
    const int gapsBefore = int(w.session()->report().gaps.size());
    const int gap2Before = treeCount(w, QStringLiteral("gap-2"));
    selectTests(w, moving);
    QAction *action = editMenuAction(w, QStringLiteral("Move to &New Gap…"));
    REQUIRE(action);

    SECTION("Cancel changes nothing")
    {
        QTimer::singleShot(0, &w, [] {
            auto *dialog = qobject_cast<QInputDialog *>(QApplication::activeModalWidget());
            REQUIRE(dialog);
            dialog->reject();
        });
        action->trigger();
        CHECK(w.session()->report().gaps.size() == gapsBefore);
        CHECK(w.session()->undoStack()->count() == 0);
    }
    SECTION("a title moves the tests; undo removes the gap again")
    {
        QString asked;
        QTimer::singleShot(0, &w, [&asked] {
            auto *dialog = qobject_cast<QInputDialog *>(QApplication::activeModalWidget());
            REQUIRE(dialog);
            asked = dialog->labelText();
            // Wide enough for a title of 80 characters, not QInputDialog's 200 px.
            CHECK(dialog->width() >= dialog->fontMetrics().averageCharWidth() * 80);
            dialog->setTextValue(QStringLiteral("Flaky fixtures"));
            dialog->accept();
        });
        action->trigger();
        CHECK(asked.contains(QStringLiteral("3 test")));
        REQUIRE(w.session()->report().gaps.size() == gapsBefore + 1);
        const Gap &created = w.session()->report().gaps.last();
        CHECK(created.title == QStringLiteral("Flaky fixtures"));
        CHECK(treeCount(w, created.id) == 3);
        CHECK(treeCount(w, QStringLiteral("gap-2")) == gap2Before - 3);
        for (int t : moving)
            CHECK(treeGapOfTest(w, t) == created.id);
        CHECK(w.session()->undoStack()->count() == 1);

        const QString createdId = created.id;
        w.session()->undoStack()->undo();
        CHECK(w.session()->report().gaps.size() == gapsBefore);
        CHECK(w.treeModel()->groupIndexes(NodeKind::Gap, createdId).isEmpty());
        CHECK(treeCount(w, QStringLiteral("gap-2")) == gap2Before);
        for (int t : moving)
            CHECK(treeGapOfTest(w, t) == QStringLiteral("gap-2"));
    }
    w.session()->undoStack()->clear();
}

TEST_CASE("A suggested gap says so in the Gap pane and the Edit menu, Accept makes it the engineer's",
    "[triage][window][gapeditor][suggestions]")
{
    Report report = syntheticReport(30, 3);
    report.gaps[1].suggested = true; // as suggestGaps() leaves a gap
    for (TestCase &t : report.tests)
        t.gapSuggested = t.gapId == report.gaps[1].id;
    MainWindow w;
    w.setReport(report);
    showActive(w, QSize(1200, 800));
    const QString id = report.gaps[1].id;
    QAction *accept = editMenuAction(w, QStringLiteral("&Accept Suggested Gap"));
    REQUIRE(accept);

    QString own; // a gap of the report's own that has tests, so it has a row
    for (const Gap &g : report.gaps) {
        if (g.id != id && !testsOfGap(w, g.id, 1).isEmpty())
            own = g.id;
    }
    REQUIRE_FALSE(own.isEmpty());
    selectGap(w, own);
    GapEditor *e = w.gapEditor();
    CHECK_FALSE(e->acceptButton()->isVisible());
    CHECK_FALSE(accept->isEnabled());

    selectGap(w, id);
    REQUIRE(e->gapId() == id);
    CHECK(e->acceptButton()->isVisible());
    CHECK(accept->isEnabled());
    QTest::mouseClick(e->acceptButton(), Qt::LeftButton);
    CHECK_FALSE(gapOf(w, id).suggested);
    for (int i : testsOfGap(w, id, 100))
        CHECK_FALSE(w.session()->report().tests[i].gapSuggested);
    CHECK(w.session()->undoStack()->count() == 1);
    CHECK_FALSE(e->acceptButton()->isVisible());
    CHECK_FALSE(accept->isEnabled());

    w.session()->undoStack()->undo(); // a suggestion again: the menu item accepts it too
    CHECK(e->acceptButton()->isVisible());
    REQUIRE(accept->isEnabled());
    accept->trigger();
    CHECK_FALSE(gapOf(w, id).suggested);
}

TEST_CASE("The Gap pane with no gap shows no priority and no status", "[triage][window][gapeditor]")
{
    // QA: with no gap selected, the disabled Priority box showed "P0".
    MainWindow w;
    w.setReport(syntheticReport(30, 3));
    w.session()->setGapPriority(QStringLiteral("gap-2"), Priority::P0);
    GapEditor *editor = w.gapEditor();
    editor->setGap(QStringLiteral("gap-2"));
    REQUIRE(editor->priorityBox()->currentText() == QStringLiteral("P0"));
    editor->setGap(QString());
    CHECK_FALSE(editor->priorityBox()->isEnabled());
    CHECK(editor->priorityBox()->currentText().isEmpty());
    CHECK(editor->statusBox()->currentText().isEmpty());
    editor->setGap(QStringLiteral("gap-2")); // and back
    CHECK(editor->priorityBox()->currentText() == QStringLiteral("P0"));
    w.session()->undoStack()->clear();
}

TEST_CASE("The wheel over the Gap pane scrolls it: a Priority or Status box without the focus keeps its value",
    "[triage][window][gapeditor]")
{
    // QA: three wheel-ups while scrolling the cramped pane set a suggested gap's priority None -> P3 (and so accepted
    // it): the combo box took the wheel, and the focus with it, without being clicked.
    MainWindow w;
    showWithGapCurrent(w, QStringLiteral("gap-2"));
    auto *dock = w.findChild<QDockWidget *>(QStringLiteral("gapDock"));
    auto *scroll = w.findChild<QScrollArea *>(QStringLiteral("gapEditorScroll"));
    REQUIRE(dock);
    REQUIRE(scroll);
    w.resizeDocks({ dock }, { 90 }, Qt::Vertical); // cramped: the form scrolls
    QCoreApplication::processEvents();
    GapEditor *e = w.gapEditor();
    QUndoStack *undo = w.session()->undoStack();
    QScrollBar *bar = scroll->verticalScrollBar();
    REQUIRE(bar->maximum() > 0);
    const auto wheel = [&](QWidget *over, int steps) {
        const QPointF local = QRectF(over->rect()).center();
        QWheelEvent event(local, QPointF(over->mapToGlobal(local)), QPoint(), QPoint(0, 120 * steps), Qt::NoButton,
            Qt::NoModifier, Qt::NoScrollPhase, false);
        // As from the mouse: spontaneous, so that unaccepted it goes on to the parents. sendEvent() would make it
        // not spontaneous again, and such a wheel event stops at its receiver.
        QSpontaneKeyEvent::setSpontaneous(&event);
        qApp->notify(over, &event);
        QCoreApplication::processEvents();
    };

    for (QComboBox *box : { e->priorityBox(), e->statusBox() }) {
        CAPTURE(box == e->priorityBox() ? "priority" : "status");
        CHECK(box->focusPolicy() == Qt::StrongFocus);
        scroll->ensureWidgetVisible(box);
        QCoreApplication::processEvents();
        const int index = box->currentIndex();
        const int scrolled = bar->value();
        REQUIRE(scrolled > 0); // room to scroll up
        wheel(box, 1);
        CHECK(box->currentIndex() == index);
        CHECK(undo->count() == 0);
        CHECK_FALSE(box->hasFocus());
        CHECK(bar->value() < scrolled); // the pane scrolled instead
    }
    CHECK(gapOf(w, QStringLiteral("gap-2")).priority == Priority::P1);
    CHECK(gapOf(w, QStringLiteral("gap-2")).status == GapStatus::Open);

    // In the box (clicked, or reached with Tab), the wheel picks another priority: one undoable edit.
    scroll->ensureWidgetVisible(e->priorityBox());
    e->priorityBox()->setFocus();
    wheel(e->priorityBox(), -1);
    CHECK(gapOf(w, QStringLiteral("gap-2")).priority == Priority::P2);
    CHECK(undo->count() == 1);
    undo->clear();
}

TEST_CASE(
    "The Gap pane lists None first among the priorities, so Down from None reaches P0", "[triage][window][gapeditor]")
{
    // QA: None was last; on a new gap Down did nothing and the tester believed a priority was set.
    MainWindow w;
    showWithGapCurrent(w, QStringLiteral("gap-2"));
    w.session()->setGapPriority(QStringLiteral("gap-2"), Priority::None);
    w.session()->undoStack()->clear();
    GapEditor *e = w.gapEditor();
    QComboBox *box = e->priorityBox();
    QStringList shown;
    for (int i = 0; i < box->count(); ++i) {
        shown << box->itemText(i);
        // Each entry stands for the priority it names: the order changed, no stored value.
        CHECK(box->itemData(i).toInt()
            == int(i == 0 ? Priority::None
                          : std::array { Priority::P0, Priority::P1, Priority::P2, Priority::P3 }[i - 1]));
    }
    CHECK(shown.join(u' ') == QStringLiteral("None P0 P1 P2 P3"));
    CHECK(box->currentText() == QStringLiteral("None"));
    box->setFocus();
    QTest::keyClick(box, Qt::Key_Down);
    CHECK(gapOf(w, QStringLiteral("gap-2")).priority == Priority::P0);
    QTest::keyClick(box, Qt::Key_Down);
    QTest::keyClick(box, Qt::Key_Down);
    QTest::keyClick(box, Qt::Key_Down);
    CHECK(gapOf(w, QStringLiteral("gap-2")).priority == Priority::P3);
    QTest::keyClick(box, Qt::Key_Up, Qt::NoModifier);
    CHECK(gapOf(w, QStringLiteral("gap-2")).priority == Priority::P2);
    CHECK(w.session()->undoStack()->count() == 5);
    w.session()->undoStack()->clear();
}
