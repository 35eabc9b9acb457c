// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "reporttreemodel.h"
#include "treecomparison.h"

#include <QHash>
#include <QIdentityProxyModel>

#include <memory>
#include <utility>
#include <vector>

namespace Gapwise {

// The report tree while runs are compared: the tree's rows and columns as they are, and after them a Change
// column with each test's change class and each group's failure delta (failing now − failing in the earlier
// run). ChangeRole and FailureDeltaRole answer on every column. Without a comparison the column is empty and
// views hide it. The tree knows nothing of comparisons; this proxy reads the test and group of a row from it.
// A Change cell maps to the tree's row at a column past its last, so code that maps a view's index back to
// the tree finds the row's test or group from any column.
class ComparisonColumnProxy : public QIdentityProxyModel
{
    Q_OBJECT
public:
    static constexpr int ChangeColumn = ReportTreeModel::ColumnCount;
    static constexpr int ColumnCount = ChangeColumn + 1;

    explicit ComparisonColumnProxy(QObject *parent = nullptr);

    void setTreeModel(ReportTreeModel *model);
    ReportTreeModel *treeModel() const { return m_model; }

    // Compares the open report with an earlier run: comparisonChanged(), then dataChanged on the Change column
    // of every row; the tree keeps its structure. nullptr ends the comparison. The change vector must be
    // indexed like the tree's report's tests.
    void setComparison(std::shared_ptr<const TreeComparison> comparison);
    const TreeComparison *comparison() const { return m_comparison.get(); }
    ChangeClass changeOf(int testIndex) const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex sibling(int row, int column, const QModelIndex &idx) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    // The comparison was set or ended; sent before the Change column's dataChanged, so a proxy filtering by
    // change class can refresh first.
    void comparisonChanged();

private:
    QVariant changeData(const QModelIndex &treeIndex, int role) const;
    // Failing tests (not expected to fail) below a group of the tree now, and in the earlier run.
    int failingNow(const QModelIndex &treeGroup) const;
    int failingThen(const QModelIndex &treeGroup) const;
    void emitChangeColumnChanged(const QModelIndex &parent);
    void followTreeDataChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight);

    ReportTreeModel *m_model = nullptr;
    std::vector<QMetaObject::Connection> m_treeConnections; // ours only: the base class has its own to the tree
    std::shared_ptr<const TreeComparison> m_comparison;
    // Failing-now per group row of the tree (its parent node and row), counted on the first ask after a
    // change: edits move tests, so every change of the tree drops the counts.
    mutable QHash<std::pair<const void *, int>, int> m_failingNow;
};

} // namespace Gapwise
