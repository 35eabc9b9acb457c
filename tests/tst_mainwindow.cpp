// SPDX-License-Identifier: GPL-3.0-or-later
#include "chartdata.h"
#include "chartdataadapter.h"
#include "comparisonchart.h"
#include "detailspane.h"
#include "filterbar.h"
#include "gapchart.h"
#include "mainwindow.h"
#include "messagebanner.h"
#include "phasechart.h"
#include "qcustomplotheader.h"
#include "reportfactory.h"
#include "reportfilterproxy.h"
#include "reporttreemodel.h"
#include "triagesession.h"
#include "windowfixtures.h"

#include <catch2/catch.hpp>

#include <QAbstractItemModelTester>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QScrollArea>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTest>
#include <QTextDocument>
#include <QTreeView>

using namespace Gapwise;

namespace {

// A window laid out as a user would see it, so chart pixels and hit tests are real.
struct ShownWindow
{
    MainWindow window;
    QAbstractItemModelTester modelTester { window.treeModel(), QAbstractItemModelTester::FailureReportingMode::Fatal };
    QAbstractItemModelTester proxyTester { window.filterProxy(),
        QAbstractItemModelTester::FailureReportingMode::Fatal };

    explicit ShownWindow(const Report &report)
    {
        window.setReport(report);
        window.filterBar()->setShowPassed(true); // these tests read every row; failures first has its own
        window.resize(1400, 900);
        window.show();
        REQUIRE(QTest::qWaitForWindowExposed(&window));
        replot();
    }
    void replot()
    {
        QCoreApplication::processEvents();
        window.phaseChart()->plot()->replot(QCustomPlot::rpImmediateRefresh);
        window.gapChart()->plot()->replot(QCustomPlot::rpImmediateRefresh);
    }
    // Optional evidence for a reviewer: GAPWISE_SCREENSHOT_DIR=/some/dir writes what the test saw.
    void keepScreenshot(const QString &name)
    {
        const QString dir = qEnvironmentVariable("GAPWISE_SCREENSHOT_DIR");
        if (!dir.isEmpty())
            window.saveScreenshot(QDir(dir).filePath(name), window.size());
    }
};

QCPBars *barsNamed(QCustomPlot *plot, const QString &name)
{
    for (int i = 0; i < plot->plottableCount(); ++i) {
        if (plot->plottable(i)->name() == name)
            return qobject_cast<QCPBars *>(plot->plottable(i));
    }
    return nullptr;
}

double valueAtKey(QCPBars *bars, int key)
{
    for (auto it = bars->data()->constBegin(); it != bars->data()->constEnd(); ++it) {
        if (int(it->key) == key)
            return it->value;
    }
    return 0;
}

// Keys selected in a chart across all its stacked plottables.
QSet<int> selectedKeys(QCustomPlot *plot)
{
    QSet<int> keys;
    for (int i = 0; i < plot->plottableCount(); ++i) {
        auto *bars = qobject_cast<QCPBars *>(plot->plottable(i));
        const QCPDataSelection sel = bars->selection();
        for (const QCPDataRange &range : sel.dataRanges()) {
            for (int d = range.begin(); d < range.end(); ++d)
                keys.insert(int(bars->data()->at(d)->key));
        }
    }
    return keys;
}

} // namespace

TEST_CASE("Loading a report fills the tree and both charts with its numbers", "[mainwindow]")
{
    const Report report = ReportFactory::seedLike();
    ShownWindow w(report);
    ReportFilterProxy *proxy = w.window.filterProxy();
    REQUIRE(proxy->rowCount() == report.phases.size());

    PhaseChart *phases = w.window.phaseChart();
    REQUIRE(phases->barCount() == report.phases.size());
    QCPBars *failed = barsNamed(phases->plot(), QStringLiteral("failed"));
    QCPBars *passed = barsNamed(phases->plot(), QStringLiteral("passed"));
    REQUIRE(failed);
    REQUIRE(passed);
    for (int i = 0; i < report.phases.size(); ++i) {
        CHECK(phases->idAt(i) == report.phases[i].id);
        CHECK(valueAtKey(failed, i) == report.phases[i].failed);
        CHECK(valueAtKey(passed, i) == report.phases[i].passed);
        // The tooltip gives the exact numbers of the bar under the mouse.
        const QString tip = phases->toolTipAt(phases->barCenter(report.phases[i].id));
        CHECK(tip.contains(QStringLiteral("%1 failed").arg(report.phases[i].failed)));
        // The unit phase has one error: "1 error", never "1 errors".
        CHECK(tip.contains(report.phases[i].errors == 1 ? QStringLiteral(", 1 error,")
                                                        : QStringLiteral(", %1 errors,").arg(report.phases[i].errors)));
        // The rate says what it is a share of: the failing results of those that ran.
        const Phase &p = report.phases[i];
        CHECK(tip.contains(QStringLiteral("(%1 of the %2 that ran; skipped ones not counted)")
                               .arg(p.failed + p.errors)
                               .arg(p.passed + p.failed + p.errors)));
    }

    GapChart *gaps = w.window.gapChart();
    REQUIRE(gaps->barCount() == report.gaps.size() + 1); // + Unassigned
    for (int g = 0; g < report.gaps.size(); ++g) {
        int failing = 0;
        for (const TestCase &t : report.tests)
            failing += t.gapId == report.gaps[g].id && isFailing(t.status) ? 1 : 0;
        const QString tip = gaps->toolTipAt(gaps->barCenter(report.gaps[g].id));
        CHECK(tip.startsWith(report.gaps[g].title));
        CHECK(tip.contains(QStringLiteral("%1 failing tests in all").arg(failing)));
    }
    w.keepScreenshot(QStringLiteral("loaded.png"));
}

TEST_CASE(
    "A report of 400 gaps charts the 300 with the most failures, and a move changes which", "[mainwindow][charts]")
{
    // Gaps 0-99 hold one failing test each, gaps 100-399 two: the chart shows gaps 100-399.
    Report report;
    Phase phase;
    phase.id = phase.name = QStringLiteral("unit");
    report.phases.append(phase);
    for (int g = 0; g < 400; ++g) {
        Gap gap;
        gap.id = QStringLiteral("gap-%1").arg(g);
        gap.title = QStringLiteral("Gap %1").arg(g);
        report.gaps.append(gap);
        for (int k = 0; k < (g < 100 ? 1 : 2); ++k) {
            TestCase t;
            t.phaseId = phase.id;
            t.name = QStringLiteral("test_%1_%2").arg(g).arg(k);
            t.id = phase.id + QStringLiteral("::") + t.name;
            t.status = TestStatus::Failed;
            t.gapId = gap.id;
            report.tests.append(t);
        }
    }
    ShownWindow w(report);
    GapChart *gaps = w.window.gapChart();
    REQUIRE(gaps->barCount() == MaxChartedGaps);
    CHECK(gaps->idAt(0) == QStringLiteral("gap-100"));
    CHECK(gaps->keyOf(QStringLiteral("gap-99")) < 0);
    CHECK(gaps->toolTipAt(gaps->barCenter(QStringLiteral("gap-100"))).startsWith(QStringLiteral("Gap 100\n")));
    const QLabel *caption = gaps->findChild<QLabel *>();
    REQUIRE(caption);
    CHECK(caption->text().contains(QStringLiteral("300 of 400 gaps with the most failing tests")));

    // Gap 100's two tests move to gap 0: gap 0 (three) gets a bar, gap 100 (none) loses its own.
    w.window.session()->moveTests(
        { QStringLiteral("unit::test_100_0"), QStringLiteral("unit::test_100_1") }, QStringLiteral("gap-0"));
    w.replot();
    CHECK(gaps->barCount() == MaxChartedGaps);
    CHECK(gaps->idAt(0) == QStringLiteral("gap-0"));
    CHECK(gaps->keyOf(QStringLiteral("gap-100")) < 0);
    CHECK(gaps->toolTipAt(gaps->barCenter(QStringLiteral("gap-0"))).contains(QStringLiteral("3 failing tests in all")));
}

TEST_CASE("Selecting a gap in the tree highlights its bar", "[mainwindow][linked]")
{
    const Report report = ReportFactory::seedLike();
    ShownWindow w(report);
    w.window.filterBar()->groupingBox()->setCurrentIndex(1); // by gap
    REQUIRE(w.window.treeModel()->grouping() == Grouping::ByGap);
    const QModelIndex gapRow = w.window.filterProxy()->mapFromTree(
        w.window.treeModel()->topLevelIndex(NodeKind::Gap, QStringLiteral("gap-2")));
    REQUIRE(gapRow.isValid());
    w.window.treeView()->setCurrentIndex(gapRow);
    w.replot();
    GapChart *gaps = w.window.gapChart();
    CHECK(gaps->highlightedIds() == QSet<QString> { QStringLiteral("gap-2") });
    CHECK(selectedKeys(gaps->plot()) == QSet<int> { gaps->keyOf(QStringLiteral("gap-2")) });
    CHECK(w.window.detailsPane()->toPlainText().contains(report.gaps[1].evidence.first()));

    // A test highlights both its phase and its gap.
    const QModelIndex testRow = w.window.filterProxy()->index(0, 0, w.window.filterProxy()->index(0, 0, gapRow));
    w.window.treeView()->setCurrentIndex(testRow);
    const TestCase *test = w.window.treeModel()->testAt(w.window.filterProxy()->mapToTree(testRow));
    REQUIRE(test);
    CHECK(w.window.phaseChart()->highlightedIds() == QSet<QString> { test->phaseId });
    CHECK(gaps->highlightedIds() == QSet<QString> { QStringLiteral("gap-2") });
    CHECK(w.window.detailsPane()->toPlainText().contains(test->message));
    w.keepScreenshot(QStringLiteral("tree-selects-bar.png"));
}

TEST_CASE("Clicking a bar makes that gap or phase current in the tree", "[mainwindow][linked]")
{
    const Report report = ReportFactory::seedLike();
    ShownWindow w(report);
    QTreeView *tree = w.window.treeView();

    SECTION("gap bar, grouped by gap")
    {
        w.window.filterBar()->groupingBox()->setCurrentIndex(1);
        w.replot();
        GapChart *gaps = w.window.gapChart();
        QSignalSpy activated(gaps, &BarChart::barActivated);
        const QPoint center = gaps->barCenter(QStringLiteral("gap-4"));
        REQUIRE(!center.isNull());
        // A real click: QCustomPlot selects the segment and emits its own selectionChangedByUser.
        QTest::mouseClick(gaps->plot(), Qt::LeftButton, Qt::NoModifier, center);
        REQUIRE(activated.count() == 1);
        CHECK(activated.first().first().toString() == QStringLiteral("gap-4"));
        const QModelIndex current = tree->currentIndex();
        CHECK(current.data(NodeKindRole).toInt() == int(NodeKind::Gap));
        CHECK(current.data(ItemIdRole).toString() == QStringLiteral("gap-4"));
        CHECK(tree->selectionModel()->isSelected(current));
        CHECK(selectedKeys(gaps->plot()) == QSet<int> { gaps->keyOf(QStringLiteral("gap-4")) });
        w.keepScreenshot(QStringLiteral("bar-selects-gap.png"));
    }
    SECTION("gap bar, grouped by phase: every row of the gap is selected")
    {
        GapChart *gaps = w.window.gapChart();
        QTest::mouseClick(gaps->plot(), Qt::LeftButton, Qt::NoModifier, gaps->barCenter(QStringLiteral("gap-1")));
        const QModelIndexList rows = tree->selectionModel()->selectedRows();
        QSet<QString> phasesWithGap1;
        for (const TestCase &t : report.tests) {
            if (t.gapId == QLatin1String("gap-1"))
                phasesWithGap1.insert(t.phaseId);
        }
        CHECK(rows.size() == phasesWithGap1.size());
        for (const QModelIndex &row : rows) {
            CHECK(row.data(ItemIdRole).toString() == QStringLiteral("gap-1"));
            CHECK(tree->visualRect(row).isValid()); // expanded, so the user sees it
        }
        CHECK(tree->currentIndex().data(ItemIdRole).toString() == QStringLiteral("gap-1"));
    }
    SECTION("phase bar")
    {
        PhaseChart *phases = w.window.phaseChart();
        QTest::mouseClick(phases->plot(), Qt::LeftButton, Qt::NoModifier, phases->barCenter(QStringLiteral("e2e")));
        CHECK(tree->currentIndex().data(ItemIdRole).toString() == QStringLiteral("e2e"));
        CHECK(w.window.detailsPane()->toPlainText().contains(report.phases[2].command));
        // The unit phase states one error: its counts say "1 error", never "1 errors".
        QTest::mouseClick(phases->plot(), Qt::LeftButton, Qt::NoModifier, phases->barCenter(QStringLiteral("unit")));
        REQUIRE(report.phases[0].errors == 1);
        CHECK(w.window.detailsPane()->toPlainText().contains(QStringLiteral("8 failed, 1 error, 1 skipped")));
    }
}

TEST_CASE("The chart column gives the gap chart what its gaps need and the phase chart the rest, up to two fifths",
    "[mainwindow][charts]")
{
    // QA: a plot ~45 px tall, its rates cut, above a gap chart of five gaps with room to spare.
    const Report report = ReportFactory::seedLike();
    ShownWindow w(report);
    QCoreApplication::processEvents(); // the split follows the gap chart's rebuild
    const PhaseChart *phases = w.window.phaseChart();
    const GapChart *gaps = w.window.gapChart();
    const int column = phases->height() + gaps->height();
    CHECK(gaps->height() >= gaps->heightForAllBars()); // every gap in view, no scrolling
    CHECK(phases->height() > phases->minimumHeight());
    CHECK(phases->height() <= column * 2 / 5 + 1);
    CHECK(phases->height() >= qMin(column * 2 / 5, column - gaps->heightForAllBars()) - 1);
}

TEST_CASE("The phase chart keeps its bars four lines tall under slanted names, beside a long failure's details",
    "[mainwindow][charts]")
{
    // QA: at 1200x800 the slanted names of six phases took ~70 of the plot's 100 px, leaving bars 20 px tall.
    Report report = ReportFactory::generated(120, 8, 6);
    for (Phase &phase : report.phases)
        phase.name = QStringLiteral("Integration suite %1 (non-docker shard)").arg(phase.name);
    for (TestCase &test : report.tests)
        test.details = QStringLiteral("Traceback (most recent call last):\n").repeated(40);
    const QSize size = GENERATE(QSize(1200, 800), QSize(1024, 600));
    MainWindow window;
    window.setReport(report);
    TestSupport::showActive(window, size);
    QCoreApplication::processEvents();
    const PhaseChart *phases = window.phaseChart();
    phases->plot()->replot(QCustomPlot::rpImmediateRefresh);
    CAPTURE(size, phases->height(), phases->plot()->axisRect()->height());
    REQUIRE(phases->plot()->xAxis->tickLabelRotation() != 0); // the slanted names this is about
    CHECK(phases->plot()->axisRect()->height() >= phases->fontMetrics().height() * 4);
    // Its minimum holds the plot: the phase chart never scrolls.
    const auto *scroll = phases->findChild<QScrollArea *>();
    REQUIRE(scroll);
    CHECK_FALSE(scroll->verticalScrollBar()->isVisible());
    CHECK(phases->height() >= phases->minimumHeight());
}

TEST_CASE("The phase chart's rates stay whole when the chart gets shorter, as under a banner", "[mainwindow][charts]")
{
    // QA: the recovery banner took the chart's height after its rates were placed; "16.7%" was cut at the top.
    const Report report = ReportFactory::seedLike();
    TriageSession session;
    session.load(report);
    ReportTreeModel model;
    model.setSession(&session);
    ChartDataAdapter adapter(&model);
    PhaseChart phases(&adapter);
    phases.resize(500, 400);
    phases.show();
    REQUIRE(QTest::qWaitForWindowExposed(&phases));
    phases.plot()->replot(QCustomPlot::rpImmediateRefresh);
    phases.resize(500, phases.minimumHeight());
    QCoreApplication::processEvents();
    phases.plot()->replot(QCustomPlot::rpImmediateRefresh);
    int rates = 0;
    for (int i = 0; i < phases.plot()->itemCount(); ++i) {
        if (const auto *rate = qobject_cast<QCPItemText *>(phases.plot()->item(i))) {
            CAPTURE(rate->text(), phases.plot()->height());
            CHECK(rate->topLeft->pixelPosition().y() >= 0);
            ++rates;
        }
    }
    CHECK(rates == report.phases.size());
}

TEST_CASE("The filter narrows the tree to matching tests", "[mainwindow][filter]")
{
    const Report report = ReportFactory::seedLike();
    ShownWindow w(report);
    ReportFilterProxy *proxy = w.window.filterProxy();
    QSignalSpy counted(proxy, &ReportFilterProxy::matchCountChanged);
    QTest::keyClicks(w.window.filterBar()->searchField(), QStringLiteral("checkout"));
    REQUIRE(counted.wait(5000)); // the debounced search lands once typing pauses
    int expected = 0;
    for (const TestCase &t : report.tests) {
        const int g = report.gapIndex(t.gapId);
        expected += t.name.contains(QStringLiteral("checkout"), Qt::CaseInsensitive)
                || t.message.contains(QStringLiteral("checkout"), Qt::CaseInsensitive)
                || (g >= 0 && report.gaps[g].title.contains(QStringLiteral("checkout"), Qt::CaseInsensitive))
            ? 1
            : 0;
    }
    REQUIRE(expected > 0);
    CHECK(proxy->matchCount() == expected);
    CHECK(w.window.filterBar()->matchText().contains(QString::number(expected)));
    int visibleTests = 0;
    for (int p = 0; p < proxy->rowCount(); ++p) {
        const QModelIndex phase = proxy->index(p, 0);
        for (int g = 0; g < proxy->rowCount(phase); ++g) {
            const QModelIndex gap = proxy->index(g, 0, phase);
            for (int t = 0; t < proxy->rowCount(gap); ++t) {
                ++visibleTests;
                const QString name = proxy->index(t, 0, gap).data().toString();
                const QString message = proxy->index(t, 0, gap).data(Qt::ToolTipRole).toString();
                CHECK((name.contains(QStringLiteral("checkout"), Qt::CaseInsensitive)
                    || message.contains(QStringLiteral("checkout"), Qt::CaseInsensitive)
                    || gap.data().toString().contains(QStringLiteral("checkout"), Qt::CaseInsensitive)));
            }
        }
    }
    CHECK(visibleTests == expected);
    // Few matches: the tree opens down to them.
    const QModelIndex firstPhase = proxy->index(0, 0);
    CHECK(w.window.treeView()->isExpanded(firstPhase));
    CHECK(w.window.treeView()->isExpanded(proxy->index(0, 0, firstPhase)));
    w.keepScreenshot(QStringLiteral("filtered.png"));
}

TEST_CASE("A failed import keeps the open report and says why without a dialog", "[mainwindow][import]")
{
    const Report report = ReportFactory::seedLike();
    ShownWindow w(report);
    QSignalSpy failed(&w.window, &MainWindow::importFailed);
    const QString missing = QDir::temp().filePath(QStringLiteral("gapwise-no-such-report.md"));
    REQUIRE(w.window.openReport(missing));
    REQUIRE(failed.wait(5000));
    CHECK(failed.first().first().toString().contains(missing));
    CHECK(w.window.messageBanner()->isVisible());
    CHECK(w.window.messageBanner()->text().contains(QStringLiteral("gapwise-no-such-report.md")));
    CHECK(w.window.treeModel()->report().tests.size() == report.tests.size());
    CHECK(QApplication::activeModalWidget() == nullptr);
    CHECK(
        w.window.findChild<QLabel *>(QStringLiteral("statusLabel"))->text().contains(QStringLiteral("25 named tests")));
}

TEST_CASE("The status bar groups the report's counts as the tree does", "[mainwindow]")
{
    ShownWindow w(ReportFactory::generated(1234, 2, 3));
    // QA saw "150000 named tests" in the status bar beside "Passed 146,666" in the chips.
    CHECK(w.window.findChild<QLabel *>(QStringLiteral("statusLabel"))
              ->text()
              .endsWith(QStringLiteral(", %1 named tests").arg(QLocale().toString(1234))));
}

TEST_CASE("Charts follow a palette change (light to dark) without a restart", "[mainwindow][palette]")
{
    ShownWindow w(ReportFactory::seedLike());
    const QPalette original = QApplication::palette();
    QPalette dark = original;
    dark.setColor(QPalette::Window, QColor(0x2b, 0x2b, 0x2b));
    dark.setColor(QPalette::WindowText, QColor(0xe6, 0xe6, 0xe6));
    dark.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
    ComparisonChart comparison; // a chart outside the window (the details view's) follows it too
    REQUIRE(w.window.phaseChart()->plot()->xAxis->tickLabelColor() != dark.color(QPalette::WindowText));
    REQUIRE(comparison.plot()->xAxis->tickLabelColor() != dark.color(QPalette::WindowText));
    QApplication::setPalette(dark);
    QCoreApplication::processEvents();
    CHECK(w.window.phaseChart()->plot()->xAxis->tickLabelColor() == dark.color(QPalette::WindowText));
    CHECK(w.window.gapChart()->plot()->yAxis->tickLabelColor() == dark.color(QPalette::WindowText));
    CHECK(comparison.plot()->xAxis->tickLabelColor() == dark.color(QPalette::WindowText));
    CHECK(comparison.plot()->yAxis->basePen().color() == dark.color(QPalette::WindowText));
    QApplication::setPalette(original);
}

TEST_CASE(
    "The status bar counts the gaps the triage has now, in the singular where there is one", "[mainwindow][triage]")
{
    const Report report = ReportFactory::seedLike();
    ShownWindow w(report);
    const QLabel *status = w.window.findChild<QLabel *>(QStringLiteral("statusLabel"));
    REQUIRE(status);
    const QString gaps = QStringLiteral("%1 gaps").arg(report.gaps.size());
    REQUIRE(status->text().contains(gaps));
    w.window.session()->createGap(QStringLiteral("Flaky network"));
    CHECK(status->text().contains(QStringLiteral("%1 gaps").arg(report.gaps.size() + 1)));
    w.window.session()->undoStack()->undo();
    CHECK(status->text().contains(gaps));

    Report single = report;
    single.gaps.resize(1);
    for (TestCase &t : single.tests) {
        if (!t.gapId.isEmpty() && t.gapId != single.gaps.first().id)
            t.gapId.clear();
    }
    w.window.setReport(single);
    CHECK(status->text().contains(QStringLiteral(", 1 gap,")));
}

namespace {
QStringList plotTexts(const QCustomPlot *plot)
{
    QStringList texts;
    for (int i = 0; i < plot->itemCount(); ++i) {
        if (const auto *text = qobject_cast<const QCPItemText *>(plot->item(i)))
            texts << text->text();
    }
    return texts;
}
} // namespace

TEST_CASE("Charts with nothing to draw say so instead of showing bare axes", "[mainwindow][charts]")
{
    Report empty;
    empty.title = QStringLiteral("Staging report");
    Phase phase;
    phase.id = QStringLiteral("staging");
    phase.name = QStringLiteral("Staging");
    phase.total = phase.passed = phase.failed = 0;
    empty.phases << phase;
    ShownWindow w(empty);
    CHECK(plotTexts(w.window.phaseChart()->plot()).contains(QStringLiteral("No test results in this report")));
    CHECK(plotTexts(w.window.gapChart()->plot()).contains(QStringLiteral("No named failing tests in this report")));

    w.window.setReport(ReportFactory::seedLike());
    QCoreApplication::processEvents();
    CHECK_FALSE(plotTexts(w.window.phaseChart()->plot()).contains(QStringLiteral("No test results in this report")));
    CHECK_FALSE(
        plotTexts(w.window.gapChart()->plot()).contains(QStringLiteral("No named failing tests in this report")));
}

TEST_CASE("The gap chart's caption names a few phases, and only the first and last of many", "[mainwindow][charts]")
{
    // QA: a folder of JUnit files (a phase per file) listed every phase in the caption, four lines over a plot
    // squashed to a few pixels.
    const auto reportWithPhases = [](int phases) {
        Report report;
        report.title = QStringLiteral("Suites");
        Gap gap;
        gap.id = QStringLiteral("gap-1");
        gap.title = QStringLiteral("Timeouts");
        report.gaps << gap;
        for (int p = 1; p <= phases; ++p) {
            Phase phase;
            phase.id = QStringLiteral("suite-%1").arg(p);
            phase.name = QStringLiteral("Suite %1").arg(p);
            phase.total = phase.failed = 1;
            report.phases << phase;
            TestCase test;
            test.phaseId = phase.id;
            test.name = QStringLiteral("test_%1").arg(p);
            test.id = phase.id + QStringLiteral("::") + test.name;
            test.status = TestStatus::Failed;
            test.gapId = gap.id;
            report.tests << test;
        }
        return report;
    };
    const auto caption = [](const ShownWindow &w) {
        const auto *label = w.window.gapChart()->findChild<QLabel *>(QString(), Qt::FindDirectChildrenOnly);
        REQUIRE(label);
        QTextDocument text;
        text.setHtml(label->text());
        return text.toPlainText();
    };
    ShownWindow few(reportWithPhases(4));
    const QString four = caption(few);
    for (int p = 1; p <= 4; ++p)
        CHECK(four.contains(QStringLiteral("Suite %1").arg(p)));
    CHECK_FALSE(four.contains(QStringLiteral("phases")));

    ShownWindow many(reportWithPhases(12));
    const QString twelve = caption(many);
    CHECK(twelve.contains(QStringLiteral("Suite 1 … ")));
    CHECK(twelve.contains(QStringLiteral("Suite 12 (12 phases; a bar's tooltip names each)")));
    CHECK_FALSE(twelve.contains(QStringLiteral("Suite 2")));
    CHECK_FALSE(twelve.contains(QStringLiteral("Suite 11")));
}

TEST_CASE("The phase chart's caption says what the failure rate is of", "[window][charts][rate]")
{
    MainWindow w;
    TestSupport::showSyntheticRun(w);
    QStringList captions;
    for (const QLabel *label : w.phaseChart()->findChildren<QLabel *>()) {
        if (label->text().contains(QLatin1String("Tests per phase")))
            captions << label->text();
    }
    INFO(captions.join(QLatin1Char('\n')).toStdString());
    REQUIRE(captions.size() == 1);
    CHECK(captions.first().contains(QStringLiteral("failure rate above each bar, of the tests that ran")));
}
