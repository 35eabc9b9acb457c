// SPDX-License-Identifier: GPL-3.0-or-later
// The comparison window: the worker's digest reaches the table, the filter and the chart.
#include "testsupport.h"

#include "comparisonchart.h"
#include "comparisontablemodel.h"
#include "comparisonview.h"
#include "qcustomplotheader.h"

#include <catch2/catch.hpp>

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QHeaderView>
#include <QLabel>
#include <QProxyStyle>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QStyleOptionViewItem>
#include <QTableView>
#include <QTest>

#include <algorithm>

using namespace Gapwise;
using namespace TestSupport;

TEST_CASE("Compare with…: the table, its change filter and the per-gap chart", "[compare][gui]")
{
    ComparisonView view;
    auto *table = view.findChild<QTableView *>();
    REQUIRE(table);
    auto *proxy = qobject_cast<QSortFilterProxyModel *>(table->model());
    REQUIRE(proxy);
    auto *model = qobject_cast<ComparisonTableModel *>(proxy->sourceModel());
    REQUIRE(model);
    QAbstractItemModelTester modelTester(model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QAbstractItemModelTester proxyTester(proxy, QAbstractItemModelTester::FailureReportingMode::Fatal);

    QSignalSpy done(&view, &ComparisonView::compared);
    view.compare(dataPath(QStringLiteral("compare/md-run1.gapwise")), dataPath(QStringLiteral("compare/run2.md")));
    REQUIRE(done.wait(20000));
    CHECK(model->rowCount() == 12);
    // The summary names the run compared with as the banner does, not as "Since last run" (QA: any session may be it).
    const auto labels = view.findChildren<QLabel *>();
    const auto summary = std::find_if(labels.cbegin(), labels.cend(),
        [](const QLabel *label) { return label->text().startsWith(QStringLiteral("<b>Compared with</b> ")); });
    REQUIRE(summary != labels.cend());
    CHECK((*summary)->text().contains(QStringLiteral("md-run1.gapwise")));
    CHECK_FALSE((*summary)->text().contains(QStringLiteral("Since last run")));

    auto *filter = view.findChild<QComboBox *>();
    REQUIRE(filter);
    filter->setCurrentIndex(filter->findData(QStringLiteral("new-failure")));
    REQUIRE(proxy->rowCount() == 3);
    QStringList names;
    for (int row = 0; row < proxy->rowCount(); ++row)
        names.append(proxy->index(row, ComparisonTableModel::TestColumn).data().toString());
    CHECK(names
        == QStringList { QStringLiteral("tests/unit/test_cart.py::test_add_item"),
            QStringLiteral("tests/unit/test_cart.py::test_gift_card"),
            QStringLiteral("tests/integration/test_db.py::test_delete") });

    // Last run and this run per gap: Cart Totals 2→1, Database outage 2→3, Legacy 1→0, Unassigned 0→2.
    auto *chart = view.findChild<ComparisonChart *>();
    REQUIRE(chart);
    REQUIRE(chart->plot()->plottableCount() == 2);
    auto *before = qobject_cast<QCPBars *>(chart->plot()->plottable(0));
    auto *now = qobject_cast<QCPBars *>(chart->plot()->plottable(1));
    REQUIRE(before);
    REQUIRE(now);
    QVector<double> oldValues, newValues;
    for (auto it = before->data()->constBegin(); it != before->data()->constEnd(); ++it)
        oldValues.append(it->value); // keys run 0..n-1 from the top
    for (auto it = now->data()->constBegin(); it != now->data()->constEnd(); ++it)
        newValues.append(it->value);
    CHECK(oldValues == QVector<double> { 2, 2, 1, 0 });
    CHECK(newValues == QVector<double> { 1, 3, 0, 2 });
}

TEST_CASE("Compare with… a file that is not a report says so", "[compare][gui]")
{
    ComparisonView view;
    QSignalSpy failed(&view, &ComparisonView::failed);
    view.compare(dataPath(QStringLiteral("junit/not-junit.xml")), dataPath(QStringLiteral("compare/run2.md")));
    REQUIRE(failed.wait(20000));
    CHECK(failed.first().first().toString().contains(QLatin1String("not-junit.xml:2:1")));
}

TEST_CASE(
    "The comparison window keeps Change, Before and Now in view and closes on Escape and Ctrl+W", "[compare][gui]")
{
    // QA: at the window's 1200x700 the Before and Now columns were off-screen, and a long gap title left the
    // Gap header blank (its text centred far out of view); Escape did not close the window.
    ComparisonDigest digest;
    digest.oldSource = QStringLiteral("run1.gapwise");
    for (int i = 0; i < 30; ++i) {
        ChangedTest t;
        t.change = i % 2 ? ChangeClass::NewFailure : ChangeClass::Fixed;
        t.id = QString::number(i);
        t.name = QStringLiteral("tests/integration/very/deep/package/test_module_%1.py::TestClass::"
                                "test_a_rather_long_parametrised_name[case-%1-with-more-words]")
                     .arg(i);
        t.phase = QStringLiteral("integration");
        t.gap
            = QStringLiteral("Auth token missing after SSO redirect when the session cookie is rotated by the gateway "
                             "and the refresh endpoint returns 401 under load");
        t.oldStatus = i % 2 ? TestStatus::Passed : TestStatus::Failed;
        t.newStatus = i % 2 ? TestStatus::Failed : TestStatus::Passed;
        t.inOld = t.inNew = true;
        digest.tests.append(t);
    }
    ComparisonView view;
    view.resize(1200, 700);
    view.showDigest(digest);
    view.show();
    view.activateWindow();
    REQUIRE(QTest::qWaitForWindowActive(&view));
    auto *table = view.findChild<QTableView *>();
    REQUIRE(table);
    const int width = table->viewport()->width();
    for (int column : { ComparisonTableModel::ChangeColumn, ComparisonTableModel::GapColumn,
             ComparisonTableModel::BeforeColumn, ComparisonTableModel::NowColumn }) {
        INFO("column " << column);
        const int left = table->columnViewportPosition(column);
        CHECK(left >= 0);
        CHECK(left + table->columnWidth(column) <= width);
        // Wide enough for its header's name, which starts at its left edge.
        CHECK(table->columnWidth(column)
            >= table->fontMetrics().horizontalAdvance(table->model()->headerData(column, Qt::Horizontal).toString()));
    }
    CHECK(table->horizontalHeader()->defaultAlignment() & Qt::AlignLeft);
    CHECK(table->columnWidth(ComparisonTableModel::TestColumn) > width / 4); // the long names get the rest
    const QModelIndex gap = table->model()->index(0, ComparisonTableModel::GapColumn);
    CHECK(gap.data(Qt::ToolTipRole).toString() == digest.tests.first().gap);

    // Still so when the window is made narrower.
    view.resize(900, 700);
    QCoreApplication::processEvents();
    CHECK(table->columnViewportPosition(ComparisonTableModel::NowColumn)
            + table->columnWidth(ComparisonTableModel::NowColumn)
        <= table->viewport()->width());

    table->setFocus();
    QTest::keyClick(table, Qt::Key_Escape);
    CHECK_FALSE(view.isVisible());
    view.show();
    view.activateWindow();
    REQUIRE(QTest::qWaitForWindowActive(&view));
    table->setFocus();
    QTest::keyClick(table, Qt::Key_W, Qt::ControlModifier);
    CHECK_FALSE(view.isVisible());
}

TEST_CASE("The details window's change filter capitalises every entry alike", "[compare][gui]")
{
    // QA: "All changes" and then "new failure", "known failure", … in lower case.
    ComparisonView view;
    auto *filter = view.findChild<QComboBox *>();
    REQUIRE(filter);
    REQUIRE(filter->count() == ChangeClassCount); // all changes, and each kind but unchanged
    CHECK(filter->itemText(0) == QStringLiteral("All changes"));
    CHECK(filter->itemText(filter->findData(QStringLiteral("new-failure"))) == QStringLiteral("New failure"));
    for (int i = 0; i < filter->count(); ++i) {
        INFO(filter->itemText(i).toStdString());
        CHECK(filter->itemText(i).at(0).isUpper());
    }
}

namespace {

// Notes how each cell of the table is asked to be drawn: its column, text and elide mode.
class CellRecorder : public QProxyStyle
{
public:
    struct Cell
    {
        int column;
        QString text;
        Qt::TextElideMode elide;
    };
    QVector<Cell> cells;
    void drawControl(ControlElement element, const QStyleOption *option, QPainter *painter,
        const QWidget *widget = nullptr) const override
    {
        if (element == CE_ItemViewItem) {
            if (const auto *item = qstyleoption_cast<const QStyleOptionViewItem *>(option))
                const_cast<CellRecorder *>(this)->cells.append(
                    { item->index.column(), item->text, item->textElideMode });
        }
        QProxyStyle::drawControl(element, option, painter, widget);
    }
};

} // namespace

TEST_CASE("The comparison details cut a long test name in its middle, keeping its distinguishing end", "[compare][gui]")
{
    // QA: in comparison mode's details the Test column cut names at their end, where "[case-3]" and "[case-4]"
    // differ; the column's other cells keep their cut at the end.
    ComparisonDigest digest;
    digest.oldSource = QStringLiteral("run1.gapwise");
    for (int i = 0; i < 3; ++i) {
        ChangedTest t;
        t.change = ChangeClass::NewFailure;
        t.id = QString::number(i);
        t.name = QStringLiteral("tests/integration/very/deep/package/test_module.py::TestClass::"
                                "test_a_rather_long_parametrised_name[case-%1]")
                     .arg(i);
        t.phase = QStringLiteral("integration");
        t.gap = QStringLiteral("Auth token missing after SSO redirect");
        t.oldStatus = TestStatus::Passed;
        t.newStatus = TestStatus::Failed;
        t.inOld = t.inNew = true;
        digest.tests.append(t);
    }
    CellRecorder recorder; // outlives the view that draws with it
    ComparisonView view;
    view.resize(700, 500);
    view.showDigest(digest);
    auto *table = view.findChild<QTableView *>();
    REQUIRE(table);
    table->setStyle(&recorder);
    view.show();
    QCoreApplication::processEvents();
    REQUIRE(table->fontMetrics().horizontalAdvance(digest.tests.first().name)
        > table->columnWidth(ComparisonTableModel::TestColumn)); // the name does not fit: it is cut
    recorder.cells.clear();
    table->viewport()->grab();
    int testCells = 0;
    for (const CellRecorder::Cell &cell : std::as_const(recorder.cells)) {
        INFO(cell.column << " " << cell.text.toStdString());
        if (cell.column == ComparisonTableModel::TestColumn) {
            ++testCells;
            CHECK(cell.elide == Qt::ElideMiddle);
        } else {
            CHECK(cell.elide == Qt::ElideRight);
        }
    }
    CHECK(testCells == 3);
    const QModelIndex name = table->model()->index(0, ComparisonTableModel::TestColumn);
    CHECK(name.data(Qt::ToolTipRole).toString() == name.data().toString()); // the whole name in its tooltip
    table->setStyle(nullptr);
}
