// SPDX-License-Identifier: GPL-3.0-or-later
// The Ctrl+M gap picker, offscreen through the real widgets: how it ranks what is typed, what it offers and greys,
// and that Enter moves the selection as one undoable command.
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
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QScrollBar>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTreeView>
#include <QUndoStack>

using namespace Gapwise;
using namespace TestSupport;

namespace {

// Shows the window, selects the first two tests of the gap and opens the gap picker with Ctrl+M.
GapPickerDialog *pickGapForTwoOf(MainWindow &w, const QString &gapId, QVector<int> *moving)
{
    showActive(w, QSize(1200, 800));
    *moving = requireTestsOfGap(w, gapId, 2);
    selectTests(w, *moving);
    w.treeView()->setFocus();
    QTest::keyClick(w.treeView(), Qt::Key_M, Qt::ControlModifier);
    auto *picker = w.findChild<GapPickerDialog *>();
    REQUIRE(picker);
    return picker;
}

} // namespace

TEST_CASE("The gap picker ranks a title match over a higher priority gap that mentions the word", "[triage][window]")
{
    // QA: "Logout" listed the P0 gap whose long title mentions logout first, and Enter filed the tests there.
    Report report = syntheticReport(60, 3);
    const QString longTitle
        = QStringLiteral("Auth token missing after SSO redirect when the session cookie is rotated by "
                         "the gateway - affects login, logout, and every page that needs a session");
    report.gaps[0].title = longTitle; // P0
    report.gaps[1].title = QStringLiteral("Logout regression"); // P1
    report.gaps[2].title = QStringLiteral("Blogout"); // P2: "logout" inside a word
    MainWindow w;
    w.setReport(report);
    showActive(w, QSize(1200, 800));
    const QVector<int> moving = requireTestsOfGap(w, QStringLiteral("gap-3"), 1);
    selectTests(w, moving.mid(0, 1));
    w.treeView()->setFocus();
    QTest::keyClick(w.treeView(), Qt::Key_M, Qt::ControlModifier);
    QPointer<GapPickerDialog> picker = w.findChild<GapPickerDialog *>();
    REQUIRE(picker);
    CHECK(picker->windowTitle() == QStringLiteral("Move 1 test to gap"));
    QListWidget *list = picker->list();
    CHECK(list->item(0)->toolTip() == longTitle); // the list cuts it

    QTest::keyClicks(picker->filterField(), QStringLiteral("Logout"));
    QStringList shown;
    for (int i = 0; i < list->count(); ++i) {
        if (!list->item(i)->isHidden())
            shown << list->item(i)->data(Qt::UserRole).toString();
    }
    CHECK(shown == QStringList { QStringLiteral("gap-2"), QStringLiteral("gap-1"), QStringLiteral("gap-3") });
    CHECK(list->currentRow() == 0);
    QTest::keyClick(picker->filterField(), Qt::Key_Return);
    CHECK(treeGapOfTest(w, moving.first()) == QStringLiteral("gap-2"));
    w.session()->undoStack()->clear();
}

TEST_CASE("Gap picker ranks: whole title, title start, word start, anywhere", "[triage]")
{
    const QString title = QStringLiteral("Logout regression");
    CHECK(GapPickerDialog::matchRank(title, title, QStringLiteral("logout REGRESSION")) == 0);
    CHECK(GapPickerDialog::matchRank(title, title, QStringLiteral("log")) == 1);
    CHECK(GapPickerDialog::matchRank(title, title, QStringLiteral("regr")) == 2);
    CHECK(GapPickerDialog::matchRank(title, title, QStringLiteral("gress")) == 3);
    CHECK(GapPickerDialog::matchRank(title, QStringLiteral("P1  ") + title, QStringLiteral("p1")) == 3);
    CHECK(GapPickerDialog::matchRank(title, title, QStringLiteral("login")) == -1);
    CHECK(GapPickerDialog::matchRank(QStringLiteral("a-b logout, logout"), QString(), QStringLiteral("logout")) == 2);
}

TEST_CASE("Ctrl+M opens the gap picker: typing narrows the list, Enter moves the selection", "[triage][window]")
{
    MainWindow w;
    w.setReport(syntheticReport(60, 3));
    QVector<int> moving;
    QPointer<GapPickerDialog> picker = pickGapForTwoOf(w, QStringLiteral("gap-2"), &moving);
    REQUIRE(picker->isVisible());
    CHECK(picker->windowTitle().contains(QStringLiteral("2 test")));
    QListWidget *list = picker->list();
    CHECK(list->count() == 4); // three gaps and Unassigned

    SECTION("a gap by part of its name")
    {
        QTest::keyClicks(picker->filterField(), QStringLiteral("gap 3"));
        int shown = 0;
        for (int i = 0; i < list->count(); ++i)
            shown += list->item(i)->isHidden() ? 0 : 1;
        CHECK(shown == 1);
        CHECK(list->currentItem()->text().contains(QStringLiteral("Gap 3")));
        QTest::keyClick(picker->filterField(), Qt::Key_Return);
        for (int t : moving)
            CHECK(treeGapOfTest(w, t) == QStringLiteral("gap-3"));
        CHECK(w.session()->undoStack()->count() == 1);
        w.session()->undoStack()->undo();
        for (int t : moving)
            CHECK(treeGapOfTest(w, t) == QStringLiteral("gap-2"));
    }
    SECTION("Unassigned")
    {
        QTest::keyClicks(picker->filterField(), QStringLiteral("unass"));
        QTest::keyClick(picker->filterField(), Qt::Key_Return);
        for (int t : moving)
            CHECK(treeGapOfTest(w, t).isEmpty());
    }
    SECTION("Escape moves nothing")
    {
        QTest::keyClick(picker->filterField(), Qt::Key_Escape);
        CHECK(w.session()->undoStack()->count() == 0);
    }
    CHECK((!picker || !picker->isVisible()));
    w.session()->undoStack()->clear();
}

TEST_CASE(
    "The gap picker says so when the typed filter matches no gap, and where a new gap is made", "[triage][window]")
{
    MainWindow w;
    w.setReport(syntheticReport(60, 3));
    QVector<int> moving;
    QPointer<GapPickerDialog> picker = pickGapForTwoOf(w, QStringLiteral("gap-2"), &moving);
    REQUIRE(picker->isVisible());
    auto *note = picker->findChild<QLabel *>(QStringLiteral("noMatchNote"));
    REQUIRE(note);
    CHECK(picker->noMatchNote().isEmpty());
    CHECK_FALSE(note->isVisible());

    QTest::keyClicks(picker->filterField(), QStringLiteral("xyz"));
    CHECK(picker->list()->currentRow() == -1);
    CHECK(picker->noMatchNote()
        == QStringLiteral("No gap matches “xyz”. To put the tests in a new gap, use Edit > Move to New Gap…"));
    CHECK(note->isVisible());
    QTest::keyClick(picker->filterField(), Qt::Key_Return); // nothing to pick: nothing moves, the picker stays
    CHECK(w.session()->undoStack()->count() == 0);
    CHECK(picker->isVisible());

    // Only the tests' own gap (listed, greyed) matches: that is said, not "no gap".
    picker->filterField()->setText(QStringLiteral("Gap 2"));
    CHECK(picker->noMatchNote().startsWith(QStringLiteral("Only the gap the tests are in matches “Gap 2”.")));

    picker->filterField()->setText(QStringLiteral("gap 3")); // a match again: the line goes
    CHECK(picker->noMatchNote().isEmpty());
    CHECK_FALSE(note->isVisible());
    picker->filterField()->clear();
    CHECK(picker->noMatchNote().isEmpty());
    picker->reject();
}

TEST_CASE("The gap picker greys out the tests' own gap, and cuts long titles in the middle without a scroll bar",
    "[triage][window]")
{
    // QA: moving 2 tests out of a gap, Ctrl+M still offered that gap; at 360 px a long title hid behind a
    // horizontal scroll bar.
    MainWindow w;
    w.setReport(syntheticReport(60, 3));
    const QString longTitle = QStringLiteral("AssertionError: expected the checkout total to include the regional "
                                             "sales tax for every line item of the basket, got the net amount instead "
                                             "in tests/checkout/test_totals.py line 214");
    w.session()->renameGap(QStringLiteral("gap-3"), longTitle);
    QVector<int> moving;
    QPointer<GapPickerDialog> picker = pickGapForTwoOf(w, QStringLiteral("gap-2"), &moving);
    QListWidget *list = picker->list();
    QCoreApplication::processEvents();
    QListWidgetItem *own = nullptr;
    QListWidgetItem *longOne = nullptr;
    for (int i = 0; i < list->count(); ++i) {
        if (list->item(i)->data(Qt::UserRole).toString() == QStringLiteral("gap-2"))
            own = list->item(i);
        if (list->item(i)->data(Qt::UserRole).toString() == QStringLiteral("gap-3"))
            longOne = list->item(i);
    }
    REQUIRE(own);
    REQUIRE(longOne);
    CHECK_FALSE(own->flags().testFlag(Qt::ItemIsEnabled));
    CHECK(list->currentItem() != own);
    // Typed to the own gap: Enter picks nothing.
    QTest::keyClicks(picker->filterField(), QStringLiteral("Gap 2"));
    CHECK(list->currentItem() != own);
    QTest::keyClick(picker->filterField(), Qt::Key_Return);
    CHECK(w.session()->undoStack()->count() == 1); // the rename only
    picker->filterField()->clear();

    // Wide enough for a title of 80 characters, and the longer one cut to the list's width, whole in its tooltip.
    CHECK(picker->width() >= picker->fontMetrics().averageCharWidth() * 80);
    CHECK(list->horizontalScrollBar()->maximum() == 0);
    CHECK(list->visualItemRect(longOne).width() <= list->viewport()->width());
    CHECK(longOne->toolTip() == longTitle);
    picker->reject();
    w.session()->undoStack()->clear();
}

TEST_CASE("The gap picker says above its list how many tests it moves", "[triage][window]")
{
    // QA: without a title bar (no window manager) the Ctrl+M dialog was a list of gaps that said nothing of what
    // picking one would do.
    MainWindow w;
    w.setReport(syntheticReport(60, 3));
    QVector<int> moving;
    QPointer<GapPickerDialog> picker = pickGapForTwoOf(w, QStringLiteral("gap-2"), &moving);
    REQUIRE(picker->isVisible());
    auto *heading = picker->findChild<QLabel *>(QStringLiteral("pickerHeading"));
    REQUIRE(heading);
    CHECK(heading->isVisible());
    CHECK(heading->text() == QStringLiteral("Move 2 tests to gap"));
    CHECK(picker->heading() == heading->text());
    CHECK(heading->font().bold());
    CHECK(heading->geometry().bottom() <= picker->filterField()->geometry().top()); // above the filter
    picker->reject();
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete); // it deletes itself when closed
    REQUIRE_FALSE(picker);

    selectTests(w, { moving[0] });
    w.treeView()->setFocus();
    QTest::keyClick(w.treeView(), Qt::Key_M, Qt::ControlModifier);
    picker = w.findChild<GapPickerDialog *>();
    REQUIRE(picker);
    CHECK(picker->heading() == QStringLiteral("Move 1 test to gap"));
    picker->reject();
}
