// SPDX-License-Identifier: GPL-3.0-or-later
// A triage-first window: failures first with one toggle for the rest, status chips that show only their
// status, phase rows with the report's counts, the whole failure in the details, and the keyboard.
#include "detailspane.h"
#include "filterbar.h"
#include "gapchart.h"
#include "mainwindow.h"
#include "reportfactory.h"
#include "reportfilterproxy.h"
#include "reporttreemodel.h"
#include "testnameparts.h"
#include "triagefixtures.h"
#include "triagesession.h"
#include "windowfixtures.h"
#include "windowreadable.h"

#include <functional>

#include <catch2/catch.hpp>

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QDockWidget>
#include <QFile>
#include <QLineEdit>
#include <QMimeData>
#include <QSettings>
#include <QSplitter>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QTreeView>
#include <QUrl>

#include <algorithm>

using namespace Gapwise;

namespace {

// Test rows the tree shows (through the proxy), and how many of them are on screen without scrolling.
struct Visible
{
    int tests = 0;
    int onScreen = 0;
    QStringList statuses;
};

Visible visibleTests(QTreeView *tree)
{
    Visible v;
    const QAbstractItemModel *m = tree->model();
    std::function<void(const QModelIndex &)> walk = [&](const QModelIndex &parent) {
        for (int r = 0; r < m->rowCount(parent); ++r) {
            const QModelIndex i = m->index(r, 0, parent);
            if (i.data(NodeKindRole).toInt() == int(NodeKind::Test)) {
                ++v.tests;
                v.statuses << statusName(TestStatus(i.data(StatusRole).toInt()));
                const QRect rect = tree->visualRect(i);
                if (rect.isValid() && tree->viewport()->rect().contains(rect))
                    ++v.onScreen;
            }
            walk(i);
        }
    };
    walk({});
    return v;
}

struct Window
{
    MainWindow window;
    QAbstractItemModelTester proxyTester { window.filterProxy(),
        QAbstractItemModelTester::FailureReportingMode::Fatal };

    explicit Window(const QString &path, QSize size = QSize(1366, 768))
    {
        window.resize(size);
        window.show();
        REQUIRE(QTest::qWaitForWindowExposed(&window));
        REQUIRE(TestSupport::openAndWait(window, path));
        QCoreApplication::processEvents();
    }
};

const QString jestFixture = QStringLiteral(GAPWISE_TEST_DATA "/junit/jest-mostly-passing.xml");

QStringList visibleTestNames(QTreeView *tree)
{
    QStringList names;
    const QAbstractItemModel *m = tree->model();
    std::function<void(const QModelIndex &)> walk = [&](const QModelIndex &parent) {
        for (int r = 0; r < m->rowCount(parent); ++r) {
            const QModelIndex i = m->index(r, 0, parent);
            if (i.data(NodeKindRole).toInt() == int(NodeKind::Test))
                names << i.data().toString();
            else if (tree->isExpanded(i))
                walk(i);
        }
    };
    walk({});
    return names;
}

} // namespace

TEST_CASE("window: failures first, the rest one toggle away", "[window][failuresfirst]")
{
    Window w(jestFixture);
    FilterBar *bar = w.window.filterBar();
    QCheckBox *showPassed = bar->showPassedBox();
    // 60 tests: 2 failing, 1 skipped, 57 passed.
    CHECK_FALSE(showPassed->isChecked());
    CHECK(showPassed->text() == QStringLiteral("Show passed and skipped (58)"));
    Visible v = visibleTests(w.window.treeView());
    CHECK(v.tests == 2);
    CHECK(v.statuses == QStringList { QStringLiteral("failed"), QStringLiteral("failed") });
    CHECK(v.onScreen == 2); // their groups opened: both failures on the first screen
    CHECK(bar->matchText() == QStringLiteral("2 of 60 tests shown"));

    showPassed->click();
    CHECK(visibleTests(w.window.treeView()).tests == 60);
    showPassed->click();
    CHECK(visibleTests(w.window.treeView()).tests == 2);

    // A chip shows only its status, and says so by staying pressed; clicking it again goes back.
    QToolButton *failed = bar->statusChip(TestStatus::Failed);
    QToolButton *skipped = bar->statusChip(TestStatus::Skipped);
    CHECK(failed->text() == QStringLiteral("Failed 2"));
    CHECK(skipped->text() == QStringLiteral("Skipped 1"));
    skipped->click();
    CHECK(skipped->isChecked());
    v = visibleTests(w.window.treeView());
    CHECK(v.statuses == QStringList { QStringLiteral("skipped") });
    failed->click(); // another chip replaces the first
    CHECK_FALSE(skipped->isChecked());
    CHECK(visibleTests(w.window.treeView()).statuses
        == QStringList { QStringLiteral("failed"), QStringLiteral("failed") });
    failed->click();
    CHECK_FALSE(failed->isChecked());
    CHECK(visibleTests(w.window.treeView()).tests == 2);
    bar->statusChip(TestStatus::Passed)->click();
    CHECK(visibleTests(w.window.treeView()).tests == 57);
    showPassed->click(); // the toggle clears a chip
    CHECK_FALSE(bar->statusChip(TestStatus::Passed)->isChecked());
    CHECK(visibleTests(w.window.treeView()).tests == 60);
}

TEST_CASE("window: a run where nothing fails shows whole", "[window][failuresfirst]")
{
    Report report = ReportFactory::generated(30, 2, 3);
    for (TestCase &t : report.tests)
        t.status = TestStatus::Passed;
    MainWindow w;
    QAbstractItemModelTester tester(w.filterProxy(), QAbstractItemModelTester::FailureReportingMode::Fatal);
    w.setReport(report);
    CHECK(w.filterBar()->showPassedBox()->isChecked());
    CHECK(visibleTests(w.treeView()).tests == 30);
    // The next report with failures puts them first again.
    w.setReport(ReportFactory::generated(30, 2, 3));
    CHECK_FALSE(w.filterBar()->showPassedBox()->isChecked());
    const Visible v = visibleTests(w.treeView());
    CHECK(v.tests > 0);
    CHECK_FALSE(v.statuses.contains(QStringLiteral("passed")));
    CHECK_FALSE(v.statuses.contains(QStringLiteral("skipped")));
}

TEST_CASE("window: phase rows count as the report does, unnamed failures stay in view", "[window][failuresfirst]")
{
    Window w(QStringLiteral(GAPWISE_SAMPLE_REPORT));
    const ReportTreeModel *model = w.window.treeModel();
    const ReportFilterProxy *proxy = w.window.filterProxy();
    QStringList phaseTexts;
    for (int r = 0; r < proxy->rowCount(); ++r) {
        if (proxy->index(r, 0).data().toString() == ReportTreeModel::emptyGapsTitle())
            continue; // the sample's gap without tests, listed last: not a phase
        const QModelIndex status = proxy->index(r, ReportTreeModel::StatusColumn);
        phaseTexts << status.data().toString();
    }
    INFO(phaseTexts.join(QStringLiteral(" | ")).toStdString());
    for (const QString &t : phaseTexts)
        CHECK((t.contains(QStringLiteral(" failing \u00b7 ")) || t.contains(QStringLiteral("none failing"))));
    // Every phase of the sample that the report counts is in the tree, with its stated total.
    for (const Phase &p : model->report().phases) {
        if (p.total > 0 && (p.failed > 0 || p.errors > 0))
            CHECK(phaseTexts.join(QLatin1Char('|')).contains(QStringLiteral("\u00b7 %1 tests").arg(p.total)));
    }
    // No Failures column says the count again beside the Status text; sorting by Status orders the groups by
    // the failures their text leads with.
    QTreeView *tree = w.window.treeView();
    CHECK(tree->isColumnHidden(ReportTreeModel::FailuresColumn));
    tree->sortByColumn(ReportTreeModel::StatusColumn, Qt::AscendingOrder);
    QVector<int> failures;
    for (int r = 0; r < proxy->rowCount(); ++r)
        failures << proxy->index(r, ReportTreeModel::FailuresColumn).data().toInt();
    INFO(failures.size());
    CHECK(std::is_sorted(failures.begin(), failures.end()));
    CHECK(failures.first() < failures.last());

    // A text filter narrows to tests; such a phase then has nothing to show.
    w.window.filterBar()->searchField()->setText(QStringLiteral("zzz-no-such-test"));
    w.window.filterBar()->applyNow();
    CHECK(proxy->rowCount() == 0);
}

TEST_CASE(
    "window: a phase whose failures the report counts without naming them stays in view", "[window][failuresfirst]")
{
    Report report = ReportFactory::generated(40, 2, 3);
    Phase e2e;
    e2e.id = QStringLiteral("e2e-unnamed");
    e2e.name = QStringLiteral("E2E Staging");
    e2e.total = 7;
    e2e.failed = 7;
    report.phases.append(e2e);
    MainWindow w;
    QAbstractItemModelTester tester(w.filterProxy(), QAbstractItemModelTester::FailureReportingMode::Fatal);
    w.setReport(report);
    const ReportFilterProxy *proxy = w.filterProxy();
    auto phaseRow = [&]() -> QModelIndex {
        for (int r = 0; r < proxy->rowCount(); ++r) {
            if (proxy->index(r, 0).data(ItemIdRole).toString() == e2e.id)
                return proxy->index(r, 0);
        }
        return {};
    };
    REQUIRE(phaseRow().isValid());
    CHECK(proxy->rowCount(phaseRow()) == 0);
    CHECK(proxy->index(phaseRow().row(), ReportTreeModel::StatusColumn).data().toString()
        == QStringLiteral("7 failing \u00b7 7 tests"));
    // Only passed tests asked for: it has none to show.
    w.filterBar()->statusChip(TestStatus::Passed)->click();
    CHECK_FALSE(phaseRow().isValid());
    w.filterBar()->statusChip(TestStatus::Passed)->click();
    CHECK(phaseRow().isValid());
}

TEST_CASE("window: the whole failure in the details, copy and source links", "[window][details]")
{
    Window w(jestFixture);
    MainWindow &win = w.window;
    QVector<int> failing;
    for (int i = 0; i < win.session()->report().tests.size(); ++i) {
        if (win.session()->report().tests[i].status == TestStatus::Failed)
            failing << i;
    }
    REQUIRE(failing.size() == 2);
    const TestCase &cart = win.session()->report().tests[failing[0]];
    REQUIRE(cart.details.contains(QStringLiteral("Expected: 30")));
    TestSupport::selectTests(win, { failing[0] });
    const QString shown = win.detailsPane()->toPlainText();
    CHECK(shown.contains(QStringLiteral("Expected / actual")));
    CHECK(shown.contains(QStringLiteral("Stack trace")));
    CHECK(shown.contains(QStringLiteral("Captured stdout")));
    CHECK(shown.contains(QStringLiteral("cart total computed with discount 0.1")));
    CHECK(win.detailsPane()->copyText(QStringLiteral("expected")) == QStringLiteral("30"));
    CHECK(win.detailsPane()->copyText(QStringLiteral("actual")) == QStringLiteral("27"));
    CHECK(win.detailsPane()->copyText(QStringLiteral("stdout"))
        == QStringLiteral("cart total computed with discount 0.1"));
    CHECK(win.detailsPane()->copyText(QStringLiteral("trace")).contains(QStringLiteral("cart.test.js:41:23")));
    CHECK_FALSE(win.detailsPane()->copyText(QStringLiteral("trace")).contains(QStringLiteral("discount")));
    // The project's frame is the source, with its line; the link opens it.
    CHECK(win.detailsPane()->currentSource().file == QStringLiteral("/home/ci/shop/src/cart/__tests__/cart.test.js"));
    CHECK(win.detailsPane()->currentSource().line == 41);
    CHECK(win.detailsPane()->toHtml().contains(QStringLiteral("href=\"open:0\"")));
    QApplication::clipboard()->clear();
    emit win.detailsPane()->anchorClicked(QUrl(QStringLiteral("copy:trace")));
    CHECK(QApplication::clipboard()->text() == win.detailsPane()->copyText(QStringLiteral("trace")));

    // The other failure has no expected/actual: none is invented.
    TestSupport::selectTests(win, { failing[1] });
    CHECK_FALSE(win.detailsPane()->toPlainText().contains(QStringLiteral("Expected / actual")));
    // A jest name names no file: the innermost frame of the project's own code, where it broke.
    CHECK(win.detailsPane()->currentSource().file == QStringLiteral("/home/ci/shop/src/auth/login.js"));
    CHECK(win.detailsPane()->currentSource().line == 12);
}

TEST_CASE("window: the first screen gives the tree most of the width", "[window][layout]")
{
    // 1200x691: the first-run window on a 1366x768 screen (1200 px, 90 % of the height).
    for (const QSize size : { QSize(1200, 691), QSize(1366, 768), QSize(1920, 1080) }) {
        QSettings().remove(QStringLiteral("window")); // a first run: no layout saved by an earlier window
        Window w(jestFixture, size);
        const QList<int> sizes = w.window.findChild<QSplitter *>(QStringLiteral("mainSplitter"))->sizes();
        REQUIRE(sizes.size() == 2);
        INFO(size.width());
        CHECK(sizes[0] >= 0.45 * w.window.width());
        // The Name column takes the free width.
        QTreeView *tree = w.window.treeView();
        CHECK(tree->columnWidth(ReportTreeModel::NameColumn) >= tree->viewport()->width() / 3);

        // Jest's sentence-like names (66 characters, two levels down) are whole in their cells, as the name
        // delegate draws them: the style's text rect less a margin either side.
        const QStringList shown = visibleTestNames(tree);
        REQUIRE(shown.size() == 2);
        for (const QString &name : shown) {
            INFO(name.toStdString());
            const QModelIndex index = tree->model()
                                          ->match(tree->model()->index(0, 0), Qt::DisplayRole, name, 1,
                                              Qt::MatchExactly | Qt::MatchRecursive)
                                          .value(0);
            REQUIRE(index.isValid());
            CHECK(TestSupport::nameTextRoom(tree, index)
                >= tree->fontMetrics().horizontalAdvance(splitTestName(name).own));
        }

        // The charts keep every label whole: no gap title or phase name is elided.
        REQUIRE(w.window.findChild<GapChart *>());
        CHECK(TestSupport::elidedChartLabels(w.window).join(QStringLiteral(", ")).toStdString() == "");
    }
}

TEST_CASE("window: the Details pane takes what its content needs, from seven lines to two fifths of the height",
    "[window][layout]")
{
    for (const QSize size : { QSize(1366, 768), QSize(1920, 1080) }) {
        Window w(jestFixture, size);
        INFO(size.width());
        const QDockWidget *dock = w.window.findChild<QDockWidget *>(QStringLiteral("detailsDock"));
        REQUIRE(dock);
        const int line = w.window.detailsPane()->fontMetrics().height();
        CHECK(dock->height() >= 6 * line);
        CHECK(dock->height() <= w.window.height() * 2 / 5 + line);
        // The tree keeps more of the height than the Details pane.
        CHECK(w.window.treeView()->height() > dock->height());
    }
}

TEST_CASE("window: the Details pane grows for a long failure, holds for a short one, and keeps a height the user "
          "dragged",
    "[window][layout]")
{
    QSettings().remove(QStringLiteral("window")); // a first run: the sizer fits
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    QString trace;
    for (int i = 0; i < 40; ++i)
        trace += QStringLiteral("    at frame%1 (src/deep/module%1.js:%1:7)\n").arg(i);
    const QString path = dir.filePath(QStringLiteral("two-failures.xml"));
    QFile file(path);
    REQUIRE(file.open(QIODevice::WriteOnly));
    file.write(QStringLiteral(
        "<testsuite name=\"s\" tests=\"3\" failures=\"2\">"
        "<testcase classname=\"c\" name=\"short_failure\"><failure message=\"off by one\"/></testcase>"
        "<testcase classname=\"c\" name=\"long_failure\"><failure message=\"deep\">%1</failure></testcase>"
        "<testcase classname=\"c\" name=\"passes\"/></testsuite>")
                   .arg(trace)
                   .toUtf8());
    file.close();
    Window w(path);
    QTreeView *tree = w.window.treeView();
    const QDockWidget *dock = w.window.findChild<QDockWidget *>(QStringLiteral("detailsDock"));
    REQUIRE(dock);
    const int line = w.window.detailsPane()->fontMetrics().height();
    const auto select = [&](const QString &name) {
        const QModelIndex index
            = tree->model()
                  ->match(tree->model()->index(0, 0), Qt::DisplayRole, name, 1, Qt::MatchContains | Qt::MatchRecursive)
                  .value(0);
        REQUIRE(index.isValid());
        tree->setCurrentIndex(index);
        QCoreApplication::processEvents();
        return dock->height();
    };
    const int shortHeight = select(QStringLiteral("short_failure"));
    const int longHeight = select(QStringLiteral("long_failure"));
    CHECK(longHeight > shortHeight + 2 * line); // the trace's 40 lines want more than seven
    CHECK(longHeight <= w.window.height() * 2 / 5 + line);
    // Walking back to the short failure leaves the pane (and the tree's rows) where they are.
    CHECK(select(QStringLiteral("short_failure")) == longHeight);

    // The user drags the separator above the dock down by 60 px: the pane keeps that height from then on.
    const int separatorY = (w.window.centralWidget()->geometry().bottom() + dock->geometry().top()) / 2;
    const QPoint from(dock->geometry().center().x(), separatorY);
    const auto send = [&](QEvent::Type type, QPoint at, Qt::MouseButtons buttons) {
        QMouseEvent event(type, at, w.window.mapToGlobal(at), Qt::LeftButton, buttons, Qt::NoModifier);
        QApplication::sendEvent(&w.window, &event);
        QCoreApplication::processEvents(); // the window moves a separator on a zero timer
    };
    send(QEvent::MouseButtonPress, from, Qt::LeftButton);
    send(QEvent::MouseMove, from + QPoint(0, 30), Qt::LeftButton);
    send(QEvent::MouseMove, from + QPoint(0, 60), Qt::LeftButton);
    send(QEvent::MouseButtonRelease, from + QPoint(0, 60), Qt::NoButton);
    QCoreApplication::processEvents();
    const int dragged = dock->height();

    REQUIRE(dragged < longHeight - line); // the drag moved the separator
    CHECK(select(QStringLiteral("long_failure")) == dragged);
    w.window.close(); // saves the layout, and that the height is the user's
    CHECK(QSettings().value(QStringLiteral("window/detailsSizedByHand")).toBool());
    QSettings().remove(QStringLiteral("window"));
}

TEST_CASE("window: F6 cycles the panes, Ctrl+F reaches the filter", "[window][keyboard]")
{
    Window w(jestFixture);
    w.window.activateWindow();
    REQUIRE(QTest::qWaitForWindowActive(&w.window));
    w.window.treeView()->setFocus();
    QTest::keyClick(&w.window, Qt::Key_F, Qt::ControlModifier);
    CHECK(QApplication::focusWidget() == w.window.filterBar()->searchField());
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_F6);
    CHECK(QApplication::focusWidget() == w.window.treeView());
    // A frame in the highlight colour shows which pane has the focus; the filter field shows its own.
    const auto framed = [&w]() -> QWidget * {
        const QWidget *line = w.window.findChild<QWidget *>(QStringLiteral("paneFocusFrame"));
        return line && line->isVisible() && line->geometry() == line->parentWidget()->rect() ? line->parentWidget()
                                                                                             : nullptr;
    };
    CHECK(framed() == w.window.treeView());
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_F6);
    CHECK(QApplication::focusWidget() == w.window.detailsPane());
    CHECK(framed() == w.window.detailsPane());
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_F6, Qt::ShiftModifier);
    CHECK(QApplication::focusWidget() == w.window.treeView());
    CHECK(framed() == w.window.treeView());
    QTest::keyClick(&w.window, Qt::Key_F, Qt::ControlModifier);
    CHECK(framed() == nullptr);
}

TEST_CASE("proxy: failures first holds across moves, undo and regrouping", "[proxy][failuresfirst]")
{
    TriageSession session;
    ReportTreeModel model;
    ReportFilterProxy proxy;
    QAbstractItemModelTester modelTester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QAbstractItemModelTester proxyTester(&proxy, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setSession(&session);
    proxy.setReportModel(&model);
    proxy.setStatusMask(ReportFilterProxy::FailuresFirst);
    CHECK(proxy.isFiltering());
    session.load(ReportFactory::generated(3000, 3, 12));
    const Report &r = session.report();
    int failingOrUnknown = 0;
    for (const TestCase &t : r.tests)
        failingOrUnknown += t.status == TestStatus::Passed || t.status == TestStatus::Skipped ? 0 : 1;
    REQUIRE(failingOrUnknown > 0);
    REQUIRE(failingOrUnknown < r.tests.size());

    QTreeView view; // a real view: expansion and persistent indexes through the moves
    view.setModel(&proxy);
    view.expandAll();
    auto check = [&] {
        const Visible v = visibleTests(&view);
        CHECK(v.tests == failingOrUnknown);
        CHECK(proxy.matchCount() == failingOrUnknown);
        CHECK_FALSE(v.statuses.contains(QStringLiteral("passed")));
        CHECK_FALSE(v.statuses.contains(QStringLiteral("skipped")));
    };
    check();
    // Scattered tests of every status into one gap (a layout change), then a few (row moves).
    for (const int stride : { 7, 500 }) {
        QStringList ids;
        for (int i = 0; i < r.tests.size(); i += stride)
            ids << r.tests[i].id;
        session.moveTests(ids, r.gaps[2].id);
        check();
        session.undoStack()->undo();
        check();
        session.undoStack()->redo();
        check();
        session.undoStack()->undo();
    }
    model.setGrouping(Grouping::ByGap);
    check();
    proxy.setStatusMask(ReportFilterProxy::AllStatuses);
    CHECK_FALSE(proxy.isFiltering());
    CHECK(visibleTests(&view).tests == r.tests.size());
}

TEST_CASE("window: on open the test the details show is the selected, highlighted tree row", "[window][details]")
{
    QTemporaryDir dir;
    MainWindow win;
    REQUIRE(TestSupport::openAndWait(win, TestSupport::copySampleReport(dir)));
    const QModelIndex current = win.treeView()->currentIndex();
    REQUIRE(current.isValid());
    CHECK(current.data(NodeKindRole).toInt() == int(NodeKind::Test));
    CHECK(win.treeView()->selectionModel()->isSelected(current));
    const QModelIndexList rows = win.treeView()->selectionModel()->selectedRows();
    REQUIRE(rows.size() == 1);
    CHECK(rows.first() == current.siblingAtColumn(0));
    const QString name = current.siblingAtColumn(0).data(Qt::DisplayRole).toString();
    CHECK(win.detailsPane()->toPlainText().contains(name));
}

// QA: after a drag of tests onto a gap the Details pane was 60-80 px taller and stayed so. The drop showed the
// same test again with its new gap's title, often a whole error message on several lines, and the pane was fitted
// to that as if the user had gone to a longer failure.
TEST_CASE("The Details pane keeps its height when a drop of tests onto a gap redraws their details", "[triage][window]")
{
    QSettings().remove(QStringLiteral("window")); // a first run: the pane is fitted to what the user selects
    Report report = TestSupport::syntheticReport(90, 3);
    QString title;
    for (int i = 0; title.size() < 480; ++i)
        title += QStringLiteral("websocket handshake rejected with HTTP 403 by staging gateway %1 ").arg(i);
    report.gaps[2].title = title.trimmed();
    MainWindow w;
    w.setReport(report);
    w.resize(1366, 768);
    w.show();
    REQUIRE(QTest::qWaitForWindowExposed(&w));
    const QDockWidget *dock = w.findChild<QDockWidget *>(QStringLiteral("detailsDock"));
    REQUIRE(dock);

    int moving = -1;
    const auto &tests = w.session()->report().tests;
    for (int i = 0; i < tests.size() && moving < 0; ++i) {
        if (tests[i].gapId == report.gaps[1].id && isFailing(tests[i].status))
            moving = i;
    }
    REQUIRE(moving >= 0);
    TestSupport::selectTests(w, { moving });
    QCoreApplication::processEvents();
    const int before = dock->height();

    QMimeData *data = w.treeModel()->mimeData({ w.treeModel()->indexForTest(moving) });
    REQUIRE(data);
    const QModelIndex target
        = w.filterProxy()->mapFromTree(w.treeModel()->groupIndexes(NodeKind::Gap, QStringLiteral("gap-3")).value(0));
    REQUIRE(w.filterProxy()->canDropMimeData(data, Qt::MoveAction, -1, -1, target));
    w.filterProxy()->dropMimeData(data, Qt::MoveAction, -1, -1, target); // false: the session moved them
    delete data;
    QCoreApplication::processEvents();
    REQUIRE(tests[moving].gapId == report.gaps[2].id);
    // The pane shows the test in its new gap, its title on several lines, in the height it had.
    REQUIRE(w.detailsPane()->toPlainText().contains(title.left(60)));
    CHECK(dock->height() == before);

    // Undone, and moved by the menu's Move to Gap: the same.
    w.session()->undoStack()->undo();
    QCoreApplication::processEvents();
    CHECK(dock->height() == before);
    w.session()->undoStack()->redo();
    QCoreApplication::processEvents();
    CHECK(dock->height() == before);

    // With another tab (Changes, or Gap where it shares the tabs) in front of the Details, going to other rows
    // leaves the bottom area as it is: the Details pane behind it kept the height it had in front, and fitting
    // to that grew the area at each row.
    auto *changesDock = w.findChild<QDockWidget *>(QStringLiteral("changesDock"));
    REQUIRE(changesDock);
    REQUIRE(w.tabifiedDockWidgets(changesDock).contains(const_cast<QDockWidget *>(dock)));
    changesDock->raise();
    QCoreApplication::processEvents();
    const int frontHeight = changesDock->height();
    for (const QString &gap : { report.gaps[2].id, report.gaps[0].id }) {
        TestSupport::selectGap(w, gap); // a gap's details: its tests listed, longer than a test's
        QCoreApplication::processEvents();
        CHECK(changesDock->height() == frontHeight);
    }
    w.session()->undoStack()->clear();
    QSettings().remove(QStringLiteral("window"));
}
