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
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTableView>

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
