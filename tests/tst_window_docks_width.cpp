// SPDX-License-Identifier: GPL-3.0-or-later
// The window with the Run history and Shared triage docks open fits a 1024 px wide screen with room to spare
// (QA: its minimum width was ~910 px: the tree pane, the charts and the history dock each held 300 px), and at
// 1024 px nothing in the docks or the filter bar is clipped.
#include "filterbar.h"
#include "sharedwindow.h"

#include <catch2/catch.hpp>

#include <QAbstractButton>
#include <QComboBox>
#include <QDockWidget>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QScrollArea>
#include <QSettings>
#include <QSplitter>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

namespace {

// Labels, buttons and choice boxes shown in `area` that are narrower than they need (a wrapped label: shorter
// than its text at its width) or reach past `area`'s right edge, each as "class 'text': why".
QStringList clippedIn(const QWidget *area)
{
    QStringList clipped;
    const QList<QWidget *> widgets = area->findChildren<QWidget *>();
    for (const QWidget *widget : widgets) {
        // A dock's float and close buttons: the style draws them smaller than their hint, by design.
        if (!widget->isVisible() || widget->width() == 0 || qobject_cast<const QDockWidget *>(widget->parentWidget()))
            continue;
        QString text;
        QString why;
        if (const auto *label = qobject_cast<const QLabel *>(widget)) {
            text = label->text();
            if (label->wordWrap() ? label->height() < label->heightForWidth(label->width())
                                  : label->width() < label->sizeHint().width())
                why = QStringLiteral("%1x%2, needs %3")
                          .arg(label->width())
                          .arg(label->height())
                          .arg(label->wordWrap() ? label->heightForWidth(label->width()) : label->sizeHint().width());
        } else if (qobject_cast<const QAbstractButton *>(widget) || qobject_cast<const QComboBox *>(widget)) {
            if (const auto *button = qobject_cast<const QAbstractButton *>(widget))
                text = button->text();
            if (widget->width() < widget->minimumSizeHint().width())
                why = QStringLiteral("%1 px wide, needs %2")
                          .arg(widget->width())
                          .arg(widget->minimumSizeHint().width());
        } else {
            continue;
        }
        const QRect in(widget->mapTo(area, QPoint(0, 0)), widget->size());
        if (in.left() < 0 || in.right() >= area->width())
            why += QStringLiteral(" at %1..%2 of %3").arg(in.left()).arg(in.right()).arg(area->width());
        if (!why.isEmpty())
            clipped << QStringLiteral("%1 '%2': %3").arg(QLatin1String(widget->metaObject()->className()), text, why);
    }
    return clipped;
}

} // namespace

TEST_CASE("with the run history and shared triage docks open, the window fits a 1024 px screen and nothing in the "
          "docks is clipped",
    "[history][window][shared][readable]")
{
    QTemporaryDir dir;
    STORE_OR_SKIP(storePath, StoreBackends::Backend::Sqlite, dir.path());
    QSettings().remove(QStringLiteral("window")); // a first run: the split made for this size
    SharedWindow w(storePath, TestSupport::copySampleReport(dir));
    MainWindow &window = w.window;
    auto *history = window.findChild<QDockWidget *>(QStringLiteral("runHistoryDock"));
    auto *shared = window.findChild<QDockWidget *>(QStringLiteral("sharedTriageDock"));
    REQUIRE(history);
    REQUIRE(shared);
    window.resize(1024, 700);
    window.show();
    REQUIRE(QTest::qWaitForWindowExposed(&window));
    for (int i = 0; i < 3; ++i) // the docks' wrapped labels take their heights for the new widths a turn later
        QCoreApplication::processEvents();
    REQUIRE(history->isVisible());
    REQUIRE(shared->isVisible());

    // A 1024 px screen holds the window with room for its frame and more.
    const int least = window.minimumSizeHint().width();
    INFO("the window's minimum width: " << least);
    CHECK(least <= 800);
    CHECK(window.width() == 1024);

    for (QDockWidget *dock : { history, shared }) {
        INFO(dock->windowTitle().toStdString());
        CHECK(window.rect().contains(dock->geometry()));
        CHECK(clippedIn(dock).join(QLatin1Char('\n')).toStdString() == "");
    }
    // The history panel is no wider than its scroll area shows (it has no horizontal scroll bar).
    const auto *scroll = window.findChild<QScrollArea *>(QStringLiteral("runHistoryScroll"));
    REQUIRE(scroll);
    CHECK(w.history->width() <= scroll->viewport()->width());
    // The edit list's columns have their titles whole.
    const auto *edits = shared->findChild<QTreeWidget *>();
    REQUIRE(edits);
    for (int c = 0; c < edits->columnCount(); ++c) {
        const QString title = edits->headerItem()->text(c);
        INFO(title.toStdString());
        CHECK(edits->header()->sectionSize(c) >= edits->header()->fontMetrics().horizontalAdvance(title));
    }
    // The tree pane and the charts beside the docks: each at its minimum or more, the filter bar's choices whole.
    const auto *panes = window.findChild<QSplitter *>(QStringLiteral("mainSplitter"));
    REQUIRE(panes);
    for (int i = 0; i < panes->count(); ++i)
        CHECK(panes->widget(i)->width() >= panes->widget(i)->minimumSizeHint().width());
    QWidget *bar = window.filterBar();
    const QList<QWidget *> choices = bar->findChildren<QWidget *>();
    for (const QWidget *choice : choices) {
        if (!choice->isVisible() || qobject_cast<const QLineEdit *>(choice) || choice->parentWidget() != bar)
            continue;
        INFO(choice->metaObject()->className());
        CHECK(choice->width() >= choice->sizeHint().width());
    }
    CHECK(clippedIn(window.centralWidget()).join(QLatin1Char('\n')).toStdString() == "");
}
