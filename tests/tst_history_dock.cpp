// SPDX-License-Identifier: GPL-3.0-or-later
// The run history dock on QA's five hand-made runs: a known failure is listed and marked in the tree, a listed
// test the tree's filters hide is shown anyway (and the dock says how), a gap's heading and open bar follow the
// triage, and the trend chart labels every run without a stray line (QA findings 7, 9, 10, 14).
#include "filterbar.h"
#include "gaptrendchart.h"
#include "handwrittenruns.h"
#include "historycli.h"
#include "historypanel.h"
#include "historystore.h"
#include "importer.h"
#include "mainwindow.h"
#include "qcustomplotheader.h"
#include "reportroles.h"
#include "reporttreemodel.h"
#include "storebackends.h"
#include "triagesession.h"
#include "windowfixtures.h"

#include <catch2/catch.hpp>

#include <QCheckBox>
#include <QComboBox>
#include <QDockWidget>
#include <QLabel>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>
#include <QTreeWidget>

using namespace Gapwise;

namespace {

// QA's five runs: per test its outcome in runs 1–5 ('.' pass, 'F' fail, 's' skipped).
QStringList writeRuns(const QString &dir)
{
    const QString mod = QStringLiteral("pkg.Mod");
    return HandwrittenRuns::writeRuns(dir,
        { { mod, QStringLiteral("t1"), ".F.F." }, { mod, QStringLiteral("t2"), "..FFF" },
            { mod, QStringLiteral("t3"), "FFFFF" }, { mod, QStringLiteral("t4"), "...FF" },
            { mod, QStringLiteral("t5"), "FFF.." }, { mod, QStringLiteral("t6"), "....." },
            { mod, QStringLiteral("t7"), ".s.FF" }, { mod, QStringLiteral("t8"), "....F" } });
}

int testNamed(const Report &report, const QString &name)
{
    for (int i = 0; i < report.tests.size(); ++i) {
        if (report.tests[i].name == QStringLiteral("pkg.Mod::") + name)
            return i;
    }
    return -1;
}

QStringList listedNames(const HistoryPanel &panel)
{
    QStringList names;
    for (int i = 0; i < panel.list()->topLevelItemCount(); ++i)
        names << panel.list()->topLevelItem(i)->toolTip(0);
    return names;
}

QTreeWidgetItem *listedItem(const HistoryPanel &panel, const QString &name)
{
    for (int i = 0; i < panel.list()->topLevelItemCount(); ++i) {
        if (panel.list()->topLevelItem(i)->toolTip(0) == QStringLiteral("pkg.Mod::") + name)
            return panel.list()->topLevelItem(i);
    }
    return nullptr;
}

struct Dock
{
    MainWindow window;
    HistoryPanel *panel = nullptr;
};

// Stores the five runs (the gap of run 5's failures marked known as OPS-7 when `known`), opens run 5.
void open(Dock &dock, const QString &store, const QString &dir, bool known)
{
    const QStringList files = writeRuns(dir);
    HistoryStore s;
    QString error;
    REQUIRE(s.open(store, true, &error));
    for (const QString &f : files) {
        const auto record = readRunRecord(f, &error);
        INFO(error.toStdString());
        REQUIRE(record);
        REQUIRE(s.addRun(*record, &error));
    }
    if (known) {
        const ImportResult last = importFile(files.last());
        REQUIRE(last.ok());
        const QString gap = last.report->tests[testNamed(*last.report, QStringLiteral("t8"))].gapId;
        REQUIRE_FALSE(gap.isEmpty());
        REQUIRE(s.setKnownIssue(gap, QStringLiteral("OPS-7"), QString(), &error));
    }
    dock.panel = attachHistoryPanel(&dock.window, store, false);
    QSignalSpy loaded(dock.panel, &HistoryPanel::historyLoaded);
    REQUIRE(TestSupport::openAndWait(dock.window, files.last()));
    REQUIRE((loaded.count() > 0 || loaded.wait(30000)));
    REQUIRE(dock.panel->history());
}

} // namespace

TEST_CASE(
    "a new failure in a known issue is listed in the dock and marked known in the tree", "[history][window][known]")
{
    STORE_ON_EACH_BACKEND(store, backend, dir);
    Dock dock;
    open(dock, store, dir.path(), true);
    HistoryPanel *panel = dock.panel;
    const Report &report = dock.window.treeModel()->report();
    const int t8 = testNamed(report, QStringLiteral("t8"));
    REQUIRE(t8 >= 0);

    panel->showBox()->setCurrentIndex(panel->showBox()->findData(HistoryPanel::KnownFailures));
    CHECK(listedNames(*panel) == QStringList { QStringLiteral("pkg.Mod::t8") });
    REQUIRE(panel->list()->topLevelItemCount() == 1);
    CHECK(panel->list()->topLevelItem(0)->text(0).contains(QStringLiteral("known issue: OPS-7")));
    panel->showBox()->setCurrentIndex(panel->showBox()->findData(HistoryPanel::NewFailures));
    CHECK(listedNames(*panel).isEmpty()); // "0 new"

    // The tree row: a "known" marker beside its strip, as "new" marks a new failure.
    const QModelIndex row = dock.window.treeModel()->indexForTest(t8);
    REQUIRE(row.isValid());
    const QModelIndex history = row.siblingAtColumn(ReportTreeModel::HistoryColumn);
    CHECK(history.data().toString() == QStringLiteral("known"));
    CHECK(history.data(HistoryMarksRole).toUInt() & TestHistoryMarks::KnownMark);
    CHECK(history.data(Qt::ToolTipRole).toString().contains(QStringLiteral("known issue OPS-7")));
    // Not new: the tree's "new failures" filter leaves it out.
    CHECK_FALSE(history.data(HistoryMarksRole).toUInt() & TestHistoryMarks::NewMark);
}

TEST_CASE("clicking a listed test the tree's filters hide shows it and says how", "[history][window][select]")
{
    STORE_ON_EACH_BACKEND(store, backend, dir);
    Dock dock;
    open(dock, store, dir.path(), false);
    HistoryPanel *panel = dock.panel;
    const Report &report = dock.window.treeModel()->report();
    REQUIRE_FALSE(dock.window.filterBar()->showPassedBox()->isChecked()); // failures first

    panel->showBox()->setCurrentIndex(panel->showBox()->findData(HistoryPanel::AllWithFailures));
    // t1 is flaky and t5 fixed: both pass in the open run, which the tree hides.
    for (const QString &name : { QStringLiteral("t1"), QStringLiteral("t5") }) {
        INFO(name.toStdString());
        dock.window.filterBar()->setShowPassed(false);
        QTreeWidgetItem *item = listedItem(*panel, name);
        REQUIRE(item);
        panel->list()->setCurrentItem(item);
        const QModelIndex current = dock.window.treeView()->currentIndex();
        REQUIRE(current.isValid());
        CHECK(current.data(ReportIndexRole).toInt() == testNamed(report, name));
        CHECK(dock.window.filterBar()->showPassedBox()->isChecked());
        CHECK(panel->currentLabel()->text().contains(QStringLiteral("passed and skipped tests are shown")));
        panel->list()->setCurrentItem(nullptr);
    }
}

namespace {

QCPBars *openBar(GapTrendChart *chart)
{
    return qobject_cast<QCPBars *>(chart->plot()->plottable(1));
}

} // namespace

TEST_CASE("a gap's history follows its rename and the tests moved out of it", "[history][window][trend]")
{
    STORE_ON_EACH_BACKEND(store, backend, dir);
    Dock dock;
    open(dock, store, dir.path(), false);
    HistoryPanel *panel = dock.panel;
    TriageSession *session = dock.window.session();
    const Report &report = session->report();
    const QString gap = report.tests[testNamed(report, QStringLiteral("t8"))].gapId;
    REQUIRE_FALSE(gap.isEmpty());
    TestSupport::selectGap(dock.window, gap);
    REQUIRE(panel->trendChart()->isVisibleTo(panel));
    CHECK(panel->trendChart()->barCount() == 5);
    REQUIRE(openBar(panel->trendChart()));
    const double stored = openBar(panel->trendChart())->data()->at(0)->value;
    CHECK(stored == 5); // t2, t3, t4, t7, t8

    // The gap's row stays current: the dock follows the edits by itself (on a queued signal).
    session->renameGap(gap, QStringLiteral("Currency rounding (ann)"));
    QTest::qWait(50);
    CHECK(panel->currentLabel()->text().contains(QStringLiteral("Currency rounding (ann)")));
    CHECK(panel->currentLabel()->text().contains(QStringLiteral("this run as triaged now")));
    session->moveTests({ report.tests[testNamed(report, QStringLiteral("t8"))].id }, QString());
    QTest::qWait(50);
    REQUIRE(dock.window.treeView()->currentIndex().data(GapIdRole).toString() == gap);
    REQUIRE(panel->trendChart()->isVisibleTo(panel));
    CHECK(openBar(panel->trendChart())->data()->at(0)->value == stored - 1);
    CHECK(panel->trendChart()->barCount() == 5); // the earlier runs as stored
}

TEST_CASE("the gap trend chart labels every run of a short window and draws no line over the first",
    "[history][window][trend]")
{
    GapTrendChart chart;
    GapTrend trend;
    trend.key = QStringLiteral("gap-1");
    trend.failures = { 0, 0, 0, 3, 2 };
    QVector<StoredRun> window(5);
    for (int i = 0; i < window.size(); ++i)
        window[i].id = i + 1;
    chart.setTrend(&trend, window);
    const auto ticker = qSharedPointerDynamicCast<QCPAxisTickerText>(chart.plot()->xAxis->ticker());
    REQUIRE(ticker);
    CHECK(QStringList(ticker->ticks().values())
        == QStringList { QStringLiteral("#1"), QStringLiteral("#2"), QStringLiteral("#3"), QStringLiteral("#4"),
            QStringLiteral("#5") });
    // QA: a darker vertical line over #1, the x grid's zero line (run 1 is at x = 0).
    CHECK(chart.plot()->xAxis->grid()->zeroLinePen().style() == Qt::NoPen);

    // Twenty runs: about six labels, none crowding the open run's.
    trend.failures.fill(1, 20);
    window.resize(20);
    for (int i = 0; i < window.size(); ++i)
        window[i].id = i + 1;
    chart.setTrend(&trend, window);
    const auto many = qSharedPointerDynamicCast<QCPAxisTickerText>(chart.plot()->xAxis->ticker());
    const QList<double> at = many->ticks().keys();
    REQUIRE(at.size() >= 5);
    CHECK(at.size() <= 8);
    CHECK(at.last() == 19);
    CHECK(at.last() - at[at.size() - 2] >= 3);
}

TEST_CASE("a dock too short for the gap trend chart scrolls rather than cutting off its run labels",
    "[history][window][trend]")
{
    STORE_ON_EACH_BACKEND(store, backend, dir);
    Dock dock;
    open(dock, store, dir.path(), false);
    HistoryPanel *panel = dock.panel;
    // QA's window: the dock shorter than the list, the current row's text and the chart together.
    // A size the window keeps whatever its docks would like (a maximized window on a small screen), and a dock
    // below the history's, as the Shared triage dock is.
    dock.window.setFixedSize(1200, 520);
    auto *below = new QDockWidget(QStringLiteral("Shared triage"), &dock.window);
    auto *filler = new QWidget(below);
    filler->setMinimumHeight(200);
    below->setWidget(filler);
    auto *historyDock = dock.window.findChild<QDockWidget *>(QStringLiteral("runHistoryDock"));
    REQUIRE(historyDock);
    dock.window.splitDockWidget(historyDock, below, Qt::Vertical);
    dock.window.show();
    REQUIRE(QTest::qWaitForWindowExposed(&dock.window));
    const Report &report = dock.window.treeModel()->report();
    TestSupport::selectGap(dock.window, report.tests[testNamed(report, QStringLiteral("t8"))].gapId);
    QCoreApplication::processEvents();
    REQUIRE(panel->trendChart()->isVisible());
    // The panel has the room it needs, so the chart (its x labels at its bottom) lies whole inside it.
    CHECK(panel->height() >= panel->minimumSizeHint().height());
    CHECK(panel->trendChart()->geometry().bottom() <= panel->rect().bottom());
    CHECK(panel->trendChart()->height() >= panel->trendChart()->minimumSizeHint().height());
}

TEST_CASE("the dock's list tells namesakes apart by where each test is", "[history][window][namesakes]")
{
    // QA: "Everything that failed" listed testSubmit three times with no class, while the tree showed the classes.
    QTemporaryDir dir;
    const QString store = dir.filePath(QStringLiteral("h.sqlite"));
    const QStringList files = HandwrittenRuns::writeRuns(dir.path(),
        { { QStringLiteral("com.acme.unit.LoginTest"), QStringLiteral("testSubmit"), "FF" },
            { QStringLiteral("com.acme.unit.CartTest"), QStringLiteral("testSubmit"), ".F" },
            { QStringLiteral("com.acme.web.LoginTest"), QStringLiteral("testSubmit"), "FF" },
            { QStringLiteral("com.acme.unit.CartTest"), QStringLiteral("testTotal"), ".F" } });
    REQUIRE(HistoryCli::historyAdd(store, files).exitCode == 0);
    MainWindow window;
    HistoryPanel *panel = attachHistoryPanel(&window, store, false);
    QSignalSpy loaded(panel, &HistoryPanel::historyLoaded);
    REQUIRE(TestSupport::openAndWait(window, files.last()));
    REQUIRE((loaded.count() > 0 || loaded.wait(30000)));
    panel->showBox()->setCurrentIndex(panel->showBox()->findData(HistoryPanel::AllWithFailures));
    QStringList firstLines;
    for (int i = 0; i < panel->list()->topLevelItemCount(); ++i)
        firstLines << panel->list()->topLevelItem(i)->text(0).section(QLatin1Char('\n'), 0, 0).remove(QChar(0x200B));
    firstLines.sort();
    CHECK(firstLines
        == QStringList { QStringLiteral("testSubmit in com.acme.unit.CartTest"),
            QStringLiteral("testSubmit in com.acme.unit.LoginTest"),
            QStringLiteral("testSubmit in com.acme.web.LoginTest"), QStringLiteral("testTotal") });
}

TEST_CASE("the dock names the runs of its window that hold none of the open run's tests", "[history][window]")
{
    // QA: in a store holding two suites the dock said "#2 nightly-5.xml and the 2 runs before it", one of them
    // "#3 seed.md" of another suite, dated earlier and added later, with nothing to say so.
    QTemporaryDir dir, other;
    const QString store = dir.filePath(QStringLiteral("h.sqlite"));
    const QStringList nightly
        = HandwrittenRuns::writeRuns(dir.path(), { { QStringLiteral("pkg.Mod"), QStringLiteral("t_a"), ".F" } });
    const QString seed = HandwrittenRuns::write(
        other.path(), 0, { { QStringLiteral("seed.Other"), QStringLiteral("t_z"), 'F' } }); // dated before run 1
    REQUIRE(HistoryCli::historyAdd(store, nightly + QStringList { seed }).exitCode == 0);
    MainWindow window;
    HistoryPanel *panel = attachHistoryPanel(&window, store, false);
    QSignalSpy loaded(panel, &HistoryPanel::historyLoaded);
    REQUIRE(TestSupport::openAndWait(window, nightly.last()));
    REQUIRE((loaded.count() > 0 || loaded.wait(30000)));
    REQUIRE(panel->history()->window.size() == 3);
    const QVector<StoredRun> foreign = panel->history()->runsWithoutItsTests();
    REQUIRE(foreign.size() == 1);
    CHECK(foreign.first().id == 3);
    const QString summary = panel->summaryLabel()->text();
    INFO(summary.toStdString());
    CHECK(summary.contains(QStringLiteral("the 2 runs before it")));
    CHECK(summary.contains(QStringLiteral("#3 run0.xml has none of this run's tests (another suite)")));
}
