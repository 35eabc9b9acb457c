// SPDX-License-Identifier: GPL-3.0-or-later
// Comparison mode in a small window (QA: at 1024x600 the window came out taller than the screen, the comparison
// chart's caption was drawn under the phase chart, the tree kept five rows): the window keeps the size asked,
// every chart shown has its height and its caption, none covers another, the failing tests and the comparison
// chart are in view, Details keeps its lines and scrolls. Shorter still, the phase chart folds behind the
// comparison chart (a tab away). At 1366x768 both charts show, as before.
#include "testsupport.h"

#include "chartfold.h"
#include "comparisonchart.h"
#include "comparisonmode.h"
#include "detailspane.h"
#include "firstrunwindow.h"
#include "gapchart.h"
#include "mainwindow.h"
#include "messagebanner.h"
#include "phasechart.h"
#include "triagesession.h"

#include <catch2/catch.hpp>

#include <QDockWidget>
#include <QLabel>
#include <QSettings>
#include <QSignalSpy>
#include <QTabBar>
#include <QTest>
#include <QTreeView>
#include <QUndoStack>

using namespace TestSupport;

namespace {

QRect inWindow(const QWidget *widget, const QWidget *window)
{
    return QRect(widget->mapTo(window, QPoint(0, 0)), widget->size());
}

// A chart shown whole: at least its minimum height, its caption as tall as its wrapped text needs, inside the
// window, and covered by no other pane.
void checkChartWhole(const QWidget *chart, const QWidget *window, const QList<const QWidget *> &others)
{
    INFO(chart->objectName().toStdString() << " " << chart->width() << "x" << chart->height());
    CHECK(chart->height() >= chart->minimumHeight());
    const auto *caption = chart->findChild<QLabel *>(QString(), Qt::FindDirectChildrenOnly);
    REQUIRE(caption);
    CHECK(caption->isVisible());
    CHECK(caption->height() >= caption->heightForWidth(caption->width()));
    CHECK(window->rect().contains(inWindow(chart, window)));
    for (const QWidget *other : others) {
        INFO("beside " << other->objectName().toStdString());
        if (other != chart && other->isVisible())
            CHECK_FALSE(inWindow(chart, window).intersects(inWindow(other, window)));
    }
}

} // namespace

TEST_CASE("Comparison mode at 1024x600 fits: charts whole and apart, failing tests, comparison chart and Details "
          "in view",
    "[compare][comparemode][gui][layout]")
{
    // 1024x540: a 600 px screen less a panel and the title bar.
    const QSize size = GENERATE(QSize(1024, 540), QSize(1024, 600), QSize(1366, 768));
    const bool small = size.height() < 600;
    INFO(size.width() << "x" << size.height());
    MainWindow w;
    REQUIRE(showFirstRun(w, size));
    QSignalSpy loaded(&w, &MainWindow::reportLoaded);
    REQUIRE(w.openReport(dataPath(QStringLiteral("compare/run2.md"))));
    REQUIRE(loaded.wait(20000));
    ComparisonMode *mode = w.comparisonMode();
    QSignalSpy compared(mode, &ComparisonMode::compared);
    REQUIRE(w.compareWith(dataPath(QStringLiteral("compare/md-run1.gapwise"))));
    REQUIRE(compared.wait(20000));
    w.treeView()->expandAll();
    QCoreApplication::processEvents();
    QCoreApplication::processEvents();

    // The window is as big as asked, no taller: everything below fits the screen.
    CHECK(w.minimumSizeHint().height() <= size.height());
    CHECK(w.size() == size);
    const int line = w.fontMetrics().height();
    const QList<const QWidget *> panes { w.phaseChart(), mode->chart(), w.treeView(), mode->banner(),
        w.findChild<QDockWidget *>(QStringLiteral("detailsDock")) };

    // The comparison chart in view, with rows of bars and its axis.
    ChartFold *fold = mode->chartFold();
    REQUIRE(fold);
    CHECK(mode->chart()->isVisible());
    CHECK(mode->chart()->height() >= line * 8);
    checkChartWhole(mode->chart(), &w, panes);
    // Room for both at these sizes: both show.
    CHECK_FALSE(fold->isFolded());
    REQUIRE(w.phaseChart()->isVisible());
    checkChartWhole(w.phaseChart(), &w, panes);

    // The banner's text whole; the failing tests in the tree: the first test rows of both phases in view.
    const auto *bannerText = mode->banner()->findChild<QLabel *>();
    REQUIRE(bannerText);
    CHECK(bannerText->height() >= bannerText->heightForWidth(bannerText->width()));
    QTreeView *tree = w.treeView();
    const int rows = tree->viewport()->height() / qMax(1, tree->sizeHintForRow(0));
    CHECK(rows >= 7);
    // Details: seven lines or more (five in the shortest window), and it scrolls the rest.
    CHECK(w.detailsPane()->viewport()->height() >= line * (small ? 5 : 7));

    // A shorter window, too short for both charts: the phase chart is a tab behind the comparison chart, whole
    // when asked for.
    for (int height = size.height(); !fold->isFolded() && height > 300; height -= 10) {
        w.resize(size.width(), height);
        QCoreApplication::processEvents();
    }
    INFO("folded at " << w.height() << " px");
    CHECK(fold->isFolded());
    CHECK(fold->tabBar()->isVisible());
    CHECK_FALSE(w.phaseChart()->isVisible());
    checkChartWhole(mode->chart(), &w, panes);
    fold->tabBar()->setCurrentIndex(1);
    QCoreApplication::processEvents();
    CHECK(w.phaseChart()->isVisible());
    CHECK_FALSE(mode->chart()->isVisible());
    checkChartWhole(w.phaseChart(), &w, panes);
    fold->tabBar()->setCurrentIndex(0);
    // Taller again: both charts; ending the comparison gives the gap chart back.
    w.resize(size);
    QCoreApplication::processEvents();
    CHECK_FALSE(fold->isFolded());
    CHECK(w.phaseChart()->isVisible());
    CHECK(mode->chart()->isVisible());
    mode->endAction()->trigger();
    QCoreApplication::processEvents();
    CHECK_FALSE(fold->isFolded());
    CHECK(w.phaseChart()->isVisible());
    CHECK(w.gapChart()->isVisible());
    CHECK_FALSE(mode->chart()->isVisible());
    CHECK_FALSE(fold->tabBar()->isVisible());
    w.session()->undoStack()->clear();
    QSettings().remove(QStringLiteral("window"));
}
