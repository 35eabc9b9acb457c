// SPDX-License-Identifier: GPL-3.0-or-later
// Names and labels you can read: the tree's Status column as wide as the open report needs (the Name column
// gets the rest), chart and PDF labels wrapped onto a second line before anything is elided, and a filter
// bar that wraps instead of clipping its labels in a narrow pane.
#include "chartaxes.h"
#include "chartbars.h"
#include "chartdata.h"
#include "elidedlabel.h"
#include "filterbar.h"
#include "labelwrap.h"
#include "mainwindow.h"
#include "pdfpagelayout.h"
#include "qcustomplotheader.h"
#include "reportfactory.h"
#include "reportfilterproxy.h"
#include "reporttreemodel.h"
#include "statuscolumnsizer.h"
#include "testnamedelegate.h"
#include "triagesession.h"
#include "windowfixtures.h"

#include <catch2/catch.hpp>

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QHeaderView>
#include <QHelpEvent>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPaintEngine>
#include <QPainter>
#include <QPicture>
#include <QSignalSpy>
#include <QStatusBar>
#include <QStyledItemDelegate>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QToolTip>
#include <QTreeView>
#include <QUndoStack>

using namespace Gapwise;

namespace {

// Stands in for the history dock's delegate: a test row with a strip needs room for 10 runs beside it.
class StripDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        QSize s = QStyledItemDelegate::sizeHint(option, index);
        if (!index.data(HistoryStripRole).toString().isEmpty())
            s.setWidth(400);
        return s;
    }
};

int statusWidth(const QTreeView &tree)
{
    return tree.columnWidth(ReportTreeModel::StatusColumn);
}

} // namespace

TEST_CASE(
    "status column: as wide as the open report's counts, recomputed on load and history only", "[readable][columns]")
{
    ReportTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QTreeView tree;
    tree.setModel(&model);
    tree.resize(520, 400);
    auto *sizer = new StatusColumnSizer(&tree, &model);
    const QFontMetrics metrics(tree.font());
    const int oldWidth = metrics.horizontalAdvance(QStringLiteral("99,999 failing \u00b7 100,000 tests"))
        + metrics.averageCharWidth() * 6;

    const Report small = ReportFactory::generated(40, 2, 4);
    model.setReport(small);
    const int smallWidth = statusWidth(tree);
    CHECK(smallWidth == sizer->neededWidth());
    CHECK(smallWidth < oldWidth); // a 40-test run does not keep room for 100,000 tests
    // Every top-level row's count fits, and so does the count of a group that held every test.
    for (int r = 0; r < model.rowCount(); ++r) {
        const QString text = model.index(r, ReportTreeModel::StatusColumn).data().toString();
        CHECK(metrics.horizontalAdvance(text) + 16 < smallWidth);
    }
    int failing = 0;
    for (const TestCase &t : small.tests)
        failing += isFailing(t.status) ? 1 : 0;
    CHECK(metrics.horizontalAdvance(ReportTreeModel::statusCountText(failing, int(small.tests.size()))) + 16
        < smallWidth);

    // A bigger run needs more digits; regrouping is a reset and keeps the fit.
    model.setReport(ReportFactory::generated(20000, 4, 40));
    const int bigWidth = statusWidth(tree);
    CHECK(bigWidth > smallWidth);
    model.setGrouping(Grouping::ByGap);
    CHECK(statusWidth(tree) == sizer->neededWidth());

    // The run history widens the column by what the delegate draws on test rows, and only then.
    tree.setItemDelegateForColumn(ReportTreeModel::StatusColumn, new StripDelegate(&tree));
    model.setReport(small);
    CHECK(statusWidth(tree) == smallWidth);
    auto marks = std::make_shared<TestHistoryMarks>();
    for (int i = 0; i < int(small.tests.size()); ++i) {
        marks->strips << QStringLiteral("..F.F");
        marks->marks << 0;
        marks->toolTips << QString();
    }
    model.setHistory(marks);
    CHECK(statusWidth(tree) >= 400);
    model.setHistory(nullptr);
    CHECK(statusWidth(tree) == smallWidth);

    // A user who narrows the column keeps it through edits (a move is no reset).
    tree.setColumnWidth(ReportTreeModel::StatusColumn, 90);
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    model.session()->moveTests({ small.tests[0].id }, small.gaps[1].id);
    CHECK(resets.isEmpty());
    CHECK(statusWidth(tree) == 90);
}

TEST_CASE("window: the Name column takes the free width at 1366x768", "[readable][columns][window]")
{
    QTemporaryDir dir;
    MainWindow window;
    window.resize(1366, 768);
    window.show();
    REQUIRE(TestSupport::openAndWait(window, TestSupport::copySampleReport(dir)));
    QCoreApplication::processEvents();
    QTreeView *tree = window.treeView();
    const int name = tree->columnWidth(ReportTreeModel::NameColumn);
    const int status = tree->columnWidth(ReportTreeModel::StatusColumn);
    CHECK(tree->header()->sectionResizeMode(ReportTreeModel::NameColumn) == QHeaderView::Stretch);
    CHECK(name > status);
    CHECK(name >= tree->viewport()->width() / 3);
}

TEST_CASE("wrapLabel: long labels go onto a second line, elided only past it", "[readable][labels]")
{
    QFont font;
    font.setPixelSize(12);
    const QFontMetrics metrics(font);
    const QString phase = QStringLiteral("Integration Tests (Non-Docker)");
    const int width = metrics.horizontalAdvance(QStringLiteral("Integration Tests")) + 2;

    const QString wrapped = wrapLabel(phase, metrics, width);
    CHECK(wrapped == QStringLiteral("Integration Tests\n(Non-Docker)"));
    CHECK(wrapLabel(QStringLiteral("Unit"), metrics, width) == QStringLiteral("Unit"));

    // Identifiers break after their separators, and every line fits.
    const QString path = QStringLiteral("tests/e2e/staging/test_basic_functionality.py");
    const QString pathLines = wrapLabel(path, metrics, metrics.horizontalAdvance(path) * 2 / 3);
    REQUIRE(pathLines.count(QLatin1Char('\n')) == 1);
    CHECK(QStringLiteral("/._").contains(pathLines.split(QLatin1Char('\n')).first().back()));
    CHECK_FALSE(pathLines.contains(QChar(0x2026)));
    CHECK(QString(pathLines).remove(QLatin1Char('\n')) == path);

    // A path breaks at its last '/' that fits rather than inside the file name.
    const QString file = QStringLiteral("src/auth/__tests__/login.test.js");
    CHECK(wrapLabel(file, metrics, metrics.horizontalAdvance(QStringLiteral("src/auth/__tests__/login.test.")))
        == QStringLiteral("src/auth/__tests__/\nlogin.test.js"));

    // Past two lines the end is elided; nothing is wider than asked.
    const QString longer = phase + QStringLiteral(" with a very long explanation of its setup");
    const QString two = wrapLabel(longer, metrics, width);
    CHECK(two.count(QLatin1Char('\n')) == 1);
    CHECK(two.endsWith(QChar(0x2026)));
    for (const QString &line : two.split(QLatin1Char('\n')))
        CHECK(metrics.horizontalAdvance(line) <= width);
    CHECK(wrapLabel(longer, metrics, width, 3).count(QLatin1Char('\n')) == 2);

    // Where breaking at words first would elide a third line, each line takes all that fits instead.
    const int narrow = qMax(metrics.horizontalAdvance(QStringLiteral("Integration")),
                           metrics.horizontalAdvance(QStringLiteral("Tests (Non-")))
        + 1;
    REQUIRE(metrics.horizontalAdvance(QStringLiteral("(Non-Docker)")) > narrow);
    CHECK(wrapLabel(phase, metrics, narrow, 3) == QStringLiteral("Integration\nTests (Non-\nDocker)"));
    // Words stay whole where they fit in the lines given.
    CHECK(wrapLabel(phase, metrics, narrow, 4) == QStringLiteral("Integration\nTests\n(Non-\nDocker)"));

    // Whether a label was elided is said, not read from a "…": a name may hold one of its own.
    bool elided = true;
    wrapLabel(phase, metrics, narrow, 3, &elided);
    CHECK_FALSE(elided);
    wrapLabel(longer, metrics, width, 2, &elided);
    CHECK(elided);
    const QString ownEllipsis = QStringLiteral("Smoke\u2026");
    CHECK(wrapLabel(ownEllipsis, metrics, width, 2, &elided) == ownEllipsis);
    CHECK_FALSE(elided);
}

TEST_CASE("chart labels: phases that share a short name are told apart, and words are never cut",
    "[readable][labels][charts]")
{
    QFont font;
    font.setPixelSize(12);
    const QFontMetrics metrics(font);
    CHECK(ChartBars::phaseLabelNames({ QStringLiteral("Test Results"),
              QStringLiteral("Test Execution: Priority 1 Critical Tests (test_p1.py)"),
              QStringLiteral("Test Execution: WebSocket Events"), QStringLiteral("Unit Tests - Cart") })
        == QVector<QString> { QStringLiteral("Test Results"), QStringLiteral("Priority 1 Critical Tests (test_p1.py)"),
            QStringLiteral("WebSocket Events"), QStringLiteral("Unit Tests") });

    // A path breaks after its marks, a word nowhere: "Results" is the widest piece of "Test Results".
    CHECK(widestUnbreakable(QStringLiteral("Test Results"), metrics)
        == metrics.horizontalAdvance(QStringLiteral("Results")));
    CHECK(widestUnbreakable(QStringLiteral("src/cart/__tests__/cart.test.js"), metrics)
        < metrics.horizontalAdvance(QStringLiteral("__tests__/")) + 1);
    PhaseBar results;
    results.name = QStringLiteral("Test Results");
    const int room = metrics.horizontalAdvance(QStringLiteral("Results")) + metrics.averageCharWidth() * 2;
    CHECK(ChartBars::phaseWordsFit({ results }, metrics, room));
    CHECK_FALSE(ChartBars::phaseWordsFit({ results }, metrics, room - 4)); // upright, "Result" / "s": slanted instead
}

namespace {

// The value axis's tick labels of a plot `width` pixels wide whose bars reach `upper`, laid out as the window
// (shown, with its queued replot) and the PDF (drawn twice into a picture) lay it out.
QVector<QString> tickLabelsAt(int width, double upper, bool shown)
{
    QCustomPlot plot;
    useWholeNumberTicks(plot);
    plot.xAxis->setRange(0, upper);
    plot.resize(width, 200);
    if (shown) {
        plot.show();
        QCoreApplication::processEvents();
        plot.replot();
        QCoreApplication::processEvents(); // the replot a new axis length asks for
    } else {
        for (int pass = 0; pass < 2; ++pass) {
            QPicture picture;
            QCPPainter painter(&picture);
            plot.toPainter(&painter, width, 200);
        }
    }
    QVector<QString> labels;
    const QVector<double> ticks = plot.xAxis->tickVector();
    for (int i = 0; i < ticks.size(); ++i) {
        if (plot.xAxis->range().contains(ticks[i]))
            labels.append(plot.xAxis->tickVectorLabels().value(i));
    }
    return labels;
}

} // namespace

TEST_CASE("chart value axes: as many ticks as their labels leave room for, digits grouped", "[readable][charts]")
{
    const bool shown = GENERATE(true, false);
    INFO((shown ? "window" : "PDF"));
    // QA saw "0 500 1000150020002500300035 00" on a gap chart of 3,334 failures, 230 pixels wide.
    const QVector<QString> narrow = tickLabelsAt(300, 3500, shown);
    REQUIRE(narrow.size() >= 2);
    QFontMetrics metrics(QCustomPlot().xAxis->tickLabelFont());
    int labelsWidth = 0;
    for (const QString &label : narrow)
        labelsWidth += metrics.horizontalAdvance(label);
    CHECK(labelsWidth * 2 <= 300); // a label's room of space beside each
    CHECK(narrow.contains(QLocale().toString(1000))); // "1,000" as the tree groups it
    // A wide axis keeps the five or so ticks it always had.
    CHECK(tickLabelsAt(1200, 20, shown).size() >= 5);
    // A million failing tests reads as a number, not "1e+06".
    for (const QString &label : tickLabelsAt(600, 1000000, shown))
        CHECK_FALSE(label.contains(QLatin1Char('e')));
}

TEST_CASE("chart labels: phase names wrap, alike gap titles stay apart", "[readable][labels][charts]")
{
    QFont font;
    font.setPixelSize(12);
    const QFontMetrics metrics(font);
    PhaseBar docker;
    docker.name = QStringLiteral("Integration Tests (Non-Docker)");
    docker.failed = 2;
    PhaseBar unit;
    unit.name = QStringLiteral("Unit");
    const QVector<QString> labels = ChartBars::phaseLabels({ docker, unit }, metrics,
        metrics.horizontalAdvance(QStringLiteral("Integration Tests")) + metrics.averageCharWidth() * 2 + 4);
    REQUIRE(labels.size() == 2);
    CHECK(labels[0].contains(QLatin1Char('\n')));
    CHECK_FALSE(labels[0].contains(QChar(0x2026)));
    CHECK(labels[1] == QStringLiteral("Unit"));

    GapChartData data;
    for (const char *module : { "netra_backend.app.services.auth", "netra_backend.app.services.billing" }) {
        GapBar gap;
        gap.title = QStringLiteral("ModuleNotFoundError: No module named '%1'").arg(QLatin1String(module));
        data.gaps << gap;
    }
    const QVector<QString> gaps = ChartBars::gapLabels(data, 2, metrics, metrics.averageCharWidth() * 24);
    REQUIRE(gaps.size() == 2);
    CHECK(gaps[0] != gaps[1]);
    CHECK(gaps[0].contains(QStringLiteral("auth")));
    CHECK(gaps[1].contains(QStringLiteral("billing")));

    // Two gaps of the same title are still two labels.
    data.gaps << data.gaps[0];
    const QVector<QString> three = ChartBars::gapLabels(data, 3, metrics, metrics.averageCharWidth() * 24);
    REQUIRE(three.size() == 3);
    CHECK(three[2] != three[0]);
    CHECK(three[2].endsWith(QStringLiteral("(2)")));
}

TEST_CASE("filter bar: no label is clipped down to the tree pane's width, history shown", "[readable][filterbar]")
{
    ReportTreeModel model;
    ReportFilterProxy proxy;
    proxy.setReportModel(&model);
    model.setReport(ReportFactory::generated(100000, 4, 40)); // counts with six digits on every chip
    FilterBar bar(&proxy);
    auto marks = std::make_shared<TestHistoryMarks>();
    marks->strips.fill(QStringLiteral(".F"), int(model.report().tests.size()));
    marks->marks.fill(0, int(model.report().tests.size()));
    marks->toolTips.fill(QString(), int(model.report().tests.size()));
    model.setHistory(marks); // the history choice appears
    REQUIRE_FALSE(bar.historyBox()->isHidden());

    for (int width : { 1200, 520, 380 }) {
        INFO("width " << width);
        CHECK(bar.minimumSizeHint().width() <= width);
        bar.resize(width, bar.heightForWidth(width));
        bar.show();
        QCoreApplication::processEvents();
        const QList<QWidget *> widgets = bar.findChildren<QWidget *>();
        for (QWidget *w : widgets) {
            if (!w->isVisible() || qobject_cast<QLineEdit *>(w) || w->parentWidget() != &bar)
                continue;
            INFO(w->metaObject()->className() << " " << w->objectName().toStdString());
            CHECK(w->width() >= w->sizeHint().width());
            CHECK(QRect(QPoint(0, 0), bar.size()).contains(w->geometry()));
        }
        // The toggle's count is whole.
        CHECK(bar.showPassedBox()->text().contains(QStringLiteral(")")));
    }
}

TEST_CASE("PDF rows: a long phase name wraps and the row grows", "[readable][pdf]")
{
    QImage page(800, 1000, QImage::Format_RGB32);
    page.setDotsPerMeterX(3780); // 96 dpi
    page.setDotsPerMeterY(3780);
    PdfPageLayout layout(&page, QRectF(0, 0, 600, 900));
    QFont font;
    font.setPixelSize(12);
    const QVector<qreal> columns { 0, 120, 200 };
    const qreal before = layout.remaining();
    layout.row({ QStringLiteral("Unit"), QStringLiteral("12"), QStringLiteral("3") }, columns, font);
    const qreal oneLine = before - layout.remaining();
    const qreal afterOne = layout.remaining();
    layout.row({ QStringLiteral("Integration Tests (Non-Docker) for the staging cluster"), QStringLiteral("12"),
                   QStringLiteral("3") },
        columns, font);
    const qreal wrapped = afterOne - layout.remaining();
    CHECK(wrapped >= oneLine * 2 - 0.5);
    CHECK(wrapped <= oneLine * PdfPageLayout::MaxCellLines + layout.pt(2) + 0.5); // and a little air below
}

namespace {

// A paint device that keeps the text drawn on it, piece by piece.
class TextRecorder : public QPaintDevice
{
    class Engine : public QPaintEngine
    {
    public:
        QStringList texts;
        bool begin(QPaintDevice *) override { return true; }
        bool end() override { return true; }
        void updateState(const QPaintEngineState &) override { }
        void drawPixmap(const QRectF &, const QPixmap &, const QRectF &) override { }
        void drawTextItem(const QPointF &, const QTextItem &item) override { texts << item.text(); }
        void drawPolygon(const QPointF *, int, PolygonDrawMode) override { }
        Type type() const override { return User; }
    };

public:
    QStringList texts() const { return m_engine.texts; }
    QPaintEngine *paintEngine() const override { return &m_engine; }

protected:
    int metric(PaintDeviceMetric metric) const override
    {
        switch (metric) {
        case PdmWidth:
            return 2000;
        case PdmHeight:
            return 100;
        case PdmDepth:
            return 32;
        case PdmDpiX:
        case PdmDpiY:
        case PdmPhysicalDpiX:
        case PdmPhysicalDpiY:
            return 96;
        case PdmDevicePixelRatio:
            return 1;
        case PdmDevicePixelRatioScaled:
            return int(devicePixelRatioFScale());
        default:
            return 1000;
        }
    }

private:
    mutable Engine m_engine;
};

} // namespace

// QA on the corpus: grouped by gap, a Phase column repeated each test's phase (the group row above it) in ~40
// characters and the test names were cut at their end.
TEST_CASE("window: grouped by gap, no Phase column repeats the group and test names get the room",
    "[readable][columns][window]")
{
    QTemporaryDir dir;
    MainWindow window;
    window.resize(1024, 600);
    window.show();
    REQUIRE(TestSupport::openAndWait(window, TestSupport::copySampleReport(dir)));
    QTreeView *tree = window.treeView();
    for (const Grouping grouping : { Grouping::ByGap, Grouping::ByPhase, Grouping::ByGap }) {
        INFO(int(grouping));
        QComboBox *box = window.filterBar()->groupingBox();
        box->setCurrentIndex(box->findData(int(grouping)));
        REQUIRE(window.treeModel()->grouping() == grouping);
        QCoreApplication::processEvents();
        CHECK(tree->isColumnHidden(ReportTreeModel::PhaseColumn));
        CHECK_FALSE(tree->isColumnHidden(ReportTreeModel::PriorityColumn));
        const int name = tree->columnWidth(ReportTreeModel::NameColumn);
        CHECK(name >= tree->viewport()->width() - tree->columnWidth(ReportTreeModel::StatusColumn)
                - tree->columnWidth(ReportTreeModel::PriorityColumn) - 2);
        CHECK(name >= tree->viewport()->width() / 2);
    }
}

TEST_CASE(
    "A test name wider than its column is cut in its middle, keeping its start and its end", "[readable][columns]")
{
    Report report = ReportFactory::generated(3, 1, 1);
    const QString own = QStringLiteral("test_execution_engine_factory_websocket_bridge_type_conflict_case_7");
    report.tests[0].name = own;
    ReportTreeModel model;
    model.setReport(report);
    QTreeView tree;
    tree.setModel(&model);
    tree.setTextElideMode(Qt::ElideRight); // as the window's tree: other text is cut at its end
    tree.resize(600, 300);
    tree.expandAll();
    TestNameDelegate delegate;
    // The own name of a test with a file and class, drawn before them: cut in its middle.
    const QFontMetrics metrics = tree.fontMetrics();
    const QString cut = TestNameDelegate::shownName(metrics, own, metrics.horizontalAdvance(own) / 2);
    CHECK(cut.contains(QChar(0x2026)));
    CHECK(cut.startsWith(QStringLiteral("test_exec")));
    CHECK(cut.endsWith(QStringLiteral("case_7")));
    CHECK(TestNameDelegate::shownName(metrics, own, metrics.horizontalAdvance(own) + 4) == own);
    // A bare name, drawn by the style: the tree's cut at the end does not apply to it.
    {
        const int test = 0;
        const QModelIndex index = model.indexForTest(test);
        REQUIRE(index.isValid());
        QStyleOptionViewItem option;
        option.initFrom(&tree);
        option.widget = &tree;
        option.font = tree.font();
        option.fontMetrics = tree.fontMetrics();
        option.textElideMode = tree.textElideMode();
        option.rect = QRect(0, 0, tree.fontMetrics().horizontalAdvance(own) / 2, 20);
        TextRecorder device;
        {
            QPainter painter(&device);
            delegate.paint(&painter, option, index);
        }
        const QString drawn = device.texts().join(QString());
        INFO(drawn.toStdString());
        CHECK(drawn.contains(QChar(0x2026)));
        CHECK(drawn.startsWith(QStringLiteral("test_exec")));
        CHECK(drawn.endsWith(QStringLiteral("case_7")));
        CHECK(index.data(Qt::ToolTipRole).toString().startsWith(report.tests[test].name)); // whole in its tooltip
    }
}

// QA: once the triage's change counts showed at the right of the status bar, the report's line at its left was
// cut off mid-letter (at 1366x768 and 1024x600).
TEST_CASE("status bar: the report's line gives way to the change counts, cut at its end, whole in its tooltip",
    "[readable][statusbar][window]")
{
    Report report = ReportFactory::generated(60, 2, 6);
    report.sourceFile = QStringLiteral("/tmp/0589_ISSUE_1176_COMPREHENSIVE_TEST_EXECUTION_REPORT_NIGHTLY_STAGING.md");
    MainWindow window;
    window.setReport(report);
    window.show();
    REQUIRE(QTest::qWaitForWindowExposed(&window));
    auto *status = window.statusBar()->findChild<ElidedLabel *>(QStringLiteral("statusLabel"));
    REQUIRE(status);
    auto *changes = window.statusBar()->findChild<QToolButton *>(QStringLiteral("changesBadge"));
    REQUIRE(changes);
    TriageSession *session = window.session();
    const auto &gaps = session->report().gaps;
    session->moveTests({ session->report().tests[0].id }, gaps[1].id);
    session->createGap(QStringLiteral("Flaky network"));
    session->renameGap(gaps[2].id, QStringLiteral("Renamed gap"));
    session->setGapPriority(gaps[3].id, Priority::P0);
    session->deleteGap(gaps[4].id);
    // The Changes panel sums a burst of edits once, 100 ms after it: wait for the counts, not for a time.
    REQUIRE(QTest::qWaitFor([&] { return changes->isVisible(); }, 10000));
    REQUIRE(changes->text().count(QStringLiteral(" · ")) >= 3);

    for (const QSize size : { QSize(1366, 768), QSize(1024, 600) }) {
        INFO(size.width());
        window.resize(size);
        QCoreApplication::processEvents();
        QCoreApplication::processEvents();
        const QWidget *bar = window.statusBar();
        // The change counts whole and in view; the report's line beside them, not under them.
        CHECK(changes->width() >= changes->sizeHint().width());
        CHECK(changes->geometry().right() <= bar->width());
        CHECK(status->geometry().right() < changes->geometry().left());
        CHECK(status->text().startsWith(QStringLiteral("0589_ISSUE_1176")));
        if (status->isElided()) {
            CHECK(status->shownText().endsWith(QChar(0x2026)));
            CHECK(status->fontMetrics().horizontalAdvance(status->shownText()) <= status->contentsRect().width());
            QHelpEvent help(QEvent::ToolTip, QPoint(5, 5), status->mapToGlobal(QPoint(5, 5)));
            QApplication::sendEvent(status, &help);
            CHECK(QToolTip::text() == status->text());
            QToolTip::hideText();
        }
    }
    CHECK(status->isElided()); // at 1024 px the line does not fit beside the counts
    session->undoStack()->clear();
}
