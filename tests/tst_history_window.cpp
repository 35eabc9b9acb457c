// SPDX-License-Identifier: GPL-3.0-or-later
// The window's run history dock on a generated run series: lists, strips, the gap trend chart; on an SQLite
// file and on a PostgreSQL database.
#include "gaptrendchart.h"
#include "historypanel.h"
#include "historyseries.h"
#include "historystore.h"
#include "mainwindow.h"
#include "reportfilterproxy.h"
#include "reporttreemodel.h"
#include "storebackends.h"
#include "windowfixtures.h"

#include <catch2/catch.hpp>

#include <QComboBox>
#include <QElapsedTimer>
#include <QLabel>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTreeView>
#include <QTreeWidget>

using namespace Gapwise;

namespace {

QStringList listed(const HistoryPanel &panel)
{
    QStringList names;
    for (int i = 0; i < panel.list()->topLevelItemCount(); ++i)
        names << panel.list()->topLevelItem(i)->toolTip(1);
    names.sort();
    return names;
}

QStringList planted(const HistorySeries::Spec &spec, HistorySeries::Kind kind)
{
    QStringList names;
    for (int i = 0; i < spec.tests; ++i) {
        if (HistorySeries::kindOf(i) == kind)
            names << HistorySeries::testName(i);
    }
    names.sort();
    return names;
}

} // namespace

TEST_CASE("the history dock lists flaky tests and regressions and charts a gap's trend", "[history][window]")
{
    QTemporaryDir dir;
    const auto backend = GENERATE(StoreBackends::Backend::Sqlite, StoreBackends::Backend::Postgres);
    INFO(StoreBackends::name(backend));
    STORE_OR_SKIP(storePath, backend, dir.path());
    HistorySeries::Spec spec;
    spec.tests = 150;
    spec.runs = 16;
    QString last;
    {
        HistoryStore store;
        QString error;
        REQUIRE(store.open(storePath, true, &error));
        for (int run = 0; run < spec.runs; ++run) {
            last = HistorySeries::writeJUnit(spec, run, dir.path());
            const auto record = readRunRecord(last, &error);
            INFO(error.toStdString());
            REQUIRE(record);
            REQUIRE(store.addRun(*record, &error));
        }
    }
    MainWindow window;
    HistoryPanel *panel = attachHistoryPanel(&window, storePath, false);
    QSignalSpy loaded(panel, &HistoryPanel::historyLoaded);
    REQUIRE(TestSupport::openAndWait(window, last));
    REQUIRE((loaded.count() > 0 || loaded.wait(30000)));
    REQUIRE(panel->history());
    CHECK(panel->history()->window.size() == spec.runs);

    panel->showBox()->setCurrentIndex(panel->showBox()->findData(HistoryPanel::Flaky));
    CHECK(listed(*panel) == planted(spec, HistorySeries::Kind::Flaky));
    panel->showBox()->setCurrentIndex(panel->showBox()->findData(HistoryPanel::Regressions));
    CHECK(listed(*panel) == planted(spec, HistorySeries::Kind::Regression));
    // Each row carries its strip: one cell per run, ending in a failure for a regression.
    const QString strip = panel->list()->topLevelItem(0)->data(0, Qt::UserRole + 2).toString();
    CHECK(strip.size() == spec.runs);
    CHECK(strip.endsWith(QLatin1Char('F')));
    CHECK(strip.startsWith(QLatin1Char('.')));

    // Clicking a listed test makes it current in the tree, and the panel says since when it fails.
    panel->list()->setCurrentItem(panel->list()->topLevelItem(0));
    const QModelIndex current = window.treeView()->currentIndex();
    REQUIRE(current.isValid());
    const int listedTest = panel->list()->topLevelItem(0)->data(0, Qt::UserRole + 1).toInt();
    CHECK(current.data(ReportIndexRole).toInt() == listedTest);
    CHECK(window.treeModel()->report().tests[listedTest].name == panel->list()->topLevelItem(0)->toolTip(1));
    CHECK(panel->currentLabel()->text().contains(QStringLiteral("Failing since #")));

    // A gap row: its failures per run as bars, one per run.
    const Report &report = window.treeModel()->report();
    REQUIRE_FALSE(report.gaps.isEmpty());
    TestSupport::selectGap(window, report.gaps.first().id);
    CHECK(panel->trendChart()->isVisibleTo(panel));
    CHECK(panel->trendChart()->barCount() == spec.runs);
}

TEST_CASE("a report the store does not hold gets no history, and says so", "[history][window]")
{
    QTemporaryDir dir;
    const auto backend = GENERATE(StoreBackends::Backend::Sqlite, StoreBackends::Backend::Postgres);
    INFO(StoreBackends::name(backend));
    STORE_OR_SKIP(storePath, backend, dir.path());
    {
        HistoryStore store;
        QString error;
        REQUIRE(store.open(storePath, true, &error));
    }
    MainWindow window;
    HistoryPanel *panel = attachHistoryPanel(&window, storePath, false);
    QSignalSpy failed(panel, &HistoryPanel::historyFailed);
    REQUIRE(TestSupport::openAndWait(window, HistorySeries::writeJUnit({}, 3, dir.path())));
    REQUIRE((failed.count() > 0 || failed.wait(30000)));
    CHECK(failed.first().first().toString().contains(QStringLiteral("not in the history store")));
    CHECK_FALSE(panel->history());
    CHECK(panel->list()->topLevelItemCount() == 0);

    // --history adds it: a second panel that adds the open report finds it.
    HistoryPanel *adding = attachHistoryPanel(&window, storePath, true);
    QSignalSpy loaded(adding, &HistoryPanel::historyLoaded);
    window.reloadReport();
    REQUIRE((loaded.count() > 0 || loaded.wait(30000)));
    REQUIRE(adding->history());
    CHECK(adding->history()->window.size() == 1);
}

TEST_CASE(
    "a history server that is not there: the dock says so, soon, and the window works on", "[history][window][hostile]")
{
    QTemporaryDir dir;
    // A socket folder where no server listens: libpq fails at once, as for a server that went away.
    const QString nowhere = QStringLiteral("postgresql://gapwise@/gapwise?host=%1").arg(dir.path());
    MainWindow window;
    HistoryPanel *panel = attachHistoryPanel(&window, nowhere, false);
    QSignalSpy failed(panel, &HistoryPanel::historyFailed);
    QElapsedTimer timer;
    timer.start();
    REQUIRE(TestSupport::openAndWait(window, HistorySeries::writeJUnit({}, 3, dir.path())));
    REQUIRE((failed.count() > 0 || failed.wait(30000)));
    CHECK(timer.elapsed() < 15000);
    CHECK(failed.first().first().toString().contains(QStringLiteral("cannot connect to the history store")));
    CHECK_FALSE(panel->history());
    CHECK(window.treeModel()->report().tests.size() > 0);
}
