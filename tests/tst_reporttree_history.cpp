// SPDX-License-Identifier: GPL-3.0-or-later
// The tree with a run history: the History column's strip and marks, the proxy's history filter, both
// across triage edits (no reset, QAbstractItemModelTester on model and proxy).
#include "reportfactory.h"
#include "reportfilterproxy.h"
#include "reporttreemodel.h"
#include "triagesession.h"

#include <catch2/catch.hpp>

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QUndoStack>

#include "testsupport.h"

using namespace Gapwise;

namespace {

constexpr auto Fatal = QAbstractItemModelTester::FailureReportingMode::Fatal;

// Test i: flaky when i % 3 == 0, a regression when i % 3 == 1 (new as well when i % 6 == 1), else stable.
std::shared_ptr<TestHistoryMarks> plantedMarks(int tests)
{
    auto marks = std::make_shared<TestHistoryMarks>();
    for (int i = 0; i < tests; ++i) {
        unsigned char bits = 0;
        QString strip;
        if (i % 3 == 0) {
            bits = TestHistoryMarks::FlakyMark;
            strip = QStringLiteral(".F.F.F");
        } else if (i % 3 == 1) {
            bits = TestHistoryMarks::RegressionMark | (i % 6 == 1 ? TestHistoryMarks::NewMark : 0);
            strip = i % 6 == 1 ? QStringLiteral(".....F") : QStringLiteral("...FFF");
        } else {
            strip = QStringLiteral("......");
        }
        marks->strips.append(strip);
        marks->marks.append(bits);
        marks->toolTips.append(QStringLiteral("failing since #%1").arg(i));
    }
    return marks;
}

// The tests shown below `parent`; `emptyGroups` counts the groups shown with no test below them.
QSet<int> shownTests(const QAbstractItemModel &model, const QModelIndex &parent = {}, int *emptyGroups = nullptr)
{
    QSet<int> shown;
    for (int row = 0; row < model.rowCount(parent); ++row) {
        const QModelIndex idx = model.index(row, 0, parent);
        if (idx.data(NodeKindRole).toInt() == int(NodeKind::Test)) {
            shown.insert(idx.data(ReportIndexRole).toInt());
        } else {
            const QSet<int> below = shownTests(model, idx, emptyGroups);
            if (below.isEmpty() && emptyGroups)
                ++*emptyGroups;
            shown += below;
        }
    }
    return shown;
}

// What a history filter shows: the tests, and no group without one (as the other filters hide them).
QSet<int> filteredTests(const QAbstractItemModel &model)
{
    int emptyGroups = 0;
    QSet<int> shown = shownTests(model, {}, &emptyGroups);
    CHECK(emptyGroups == 0);
    return shown;
}

} // namespace

TEST_CASE(
    "The tree shows each test's last runs and filters by the history's verdicts, across edits", "[treemodel][history]")
{
    ReportTreeModel model;
    QAbstractItemModelTester modelTester(&model, Fatal);
    model.setReport(ReportFactory::seedLike());
    ReportFilterProxy proxy;
    proxy.setReportModel(&model);
    QAbstractItemModelTester proxyTester(&proxy, Fatal);
    const int tests = int(model.report().tests.size());
    REQUIRE(tests > 6);

    // Without a history the column and the roles are empty, and the history filter changes nothing.
    CHECK(model.indexForTest(0, ReportTreeModel::HistoryColumn).data(HistoryStripRole).isNull());
    proxy.setHistoryFilter(HistoryFilter::Flaky);
    CHECK_FALSE(proxy.isFiltering());
    CHECK(shownTests(proxy).size() == tests);

    // Marks for another report are refused.
    model.setHistory(plantedMarks(tests + 1));
    CHECK(model.history() == nullptr);

    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    QSignalSpy changes(&model, &QAbstractItemModel::dataChanged);
    const auto marks = plantedMarks(tests);
    model.setHistory(marks);
    REQUIRE(model.history() == marks.get());
    CHECK(resets.isEmpty());
    CHECK_FALSE(changes.isEmpty());
    for (int i = 0; i < tests; ++i) {
        const QModelIndex cell = model.indexForTest(i, ReportTreeModel::HistoryColumn);
        CHECK(cell.data(HistoryStripRole).toString() == marks->strips[i]);
        CHECK(cell.data(Qt::ToolTipRole).toString() == QStringLiteral("failing since #%1").arg(i));
        CHECK(cell.data().toString()
            == (i % 3 == 0       ? QStringLiteral("flaky")
                    : i % 6 == 1 ? QStringLiteral("new")
                                 : QString()));
        CHECK(model.indexForTest(i).data(HistoryMarksRole).toUInt() == marks->marks[i]);
    }
    CHECK(model.headerData(ReportTreeModel::HistoryColumn, Qt::Horizontal).toString() == QStringLiteral("Last runs"));

    const auto planted = [tests](int mod, int rest) {
        QSet<int> s;
        for (int i = 0; i < tests; ++i)
            s += i % mod == rest ? QSet<int> { i } : QSet<int> {};
        return s;
    };
    // The filter set before the history took effect when it came.
    CHECK(proxy.isFiltering());
    CHECK(filteredTests(proxy) == planted(3, 0));
    CHECK(proxy.matchCount() == planted(3, 0).size());
    proxy.setHistoryFilter(HistoryFilter::Regression);
    CHECK(filteredTests(proxy) == planted(3, 1));
    proxy.setHistoryFilter(HistoryFilter::New);
    CHECK(filteredTests(proxy) == planted(6, 1));

    // A triage edit: tests move, the marks (per report index) follow them; nothing resets.
    const QString moved = model.report().tests[1].id;
    const QString gap = model.session()->moveTestsToNewGap({ moved }, QStringLiteral("Planted regressions"));
    CHECK(model.report().tests[1].gapId == gap);
    CHECK(filteredTests(proxy) == planted(6, 1));
    CHECK(model.indexForTest(1, ReportTreeModel::HistoryColumn).data(HistoryStripRole).toString() == marks->strips[1]);
    model.session()->undoStack()->undo();
    CHECK(filteredTests(proxy) == planted(6, 1));
    model.session()->undoStack()->redo();
    CHECK(resets.isEmpty());

    // Regrouping keeps the history; ending it shows everything again.
    model.setGrouping(Grouping::ByGap);
    CHECK(filteredTests(proxy) == planted(6, 1));
    model.setHistory(nullptr);
    CHECK_FALSE(proxy.isFiltering());
    CHECK(shownTests(proxy).size() == tests);
    CHECK(model.indexForTest(0, ReportTreeModel::HistoryColumn).data().isNull());

    // A new report drops the history of the old one.
    model.setHistory(plantedMarks(tests));
    QSignalSpy historyChanged(&model, &ReportTreeModel::historyChanged);
    model.session()->load(ReportFactory::seedLike());
    CHECK(model.history() == nullptr);
    CHECK(historyChanged.count() == 1);
}
