// SPDX-License-Identifier: GPL-3.0-or-later
#include "comparisoncolumnproxy.h"

#include "comparisondigest.h"
#include "runcomparison.h"
#include "statuspalette.h"

#include <QColor>
#include <QLocale>

namespace Gapwise {

namespace {

    QColor deltaColor(int delta)
    {
        return delta > 0 ? changeColor(ChangeClass::NewFailure)
            : delta < 0  ? changeColor(ChangeClass::Fixed)
                         : QColor();
    }

    QVariant colorOrNothing(const QColor &c)
    {
        return c.isValid() ? QVariant(c) : QVariant();
    }

} // namespace

ComparisonColumnProxy::ComparisonColumnProxy(QObject *parent)
    : QIdentityProxyModel(parent)
{
}

void ComparisonColumnProxy::setTreeModel(ReportTreeModel *model)
{
    if (model == m_model)
        return;
    for (const QMetaObject::Connection &c : m_treeConnections)
        disconnect(c);
    m_treeConnections.clear();
    m_model = model;
    m_failingNow.clear();
    // Connected before setSourceModel, so the counts are dropped before the proxy passes a change on (a
    // sorting proxy above reads the deltas while it handles the change), and again after it (anything read
    // in between counted the tree as it was).
    const auto drop = [this] { m_failingNow.clear(); };
    m_treeConnections = {
        connect(model, &ReportTreeModel::triageChanged, this, drop),
        connect(model, &QAbstractItemModel::modelAboutToBeReset, this, drop),
        connect(model, &QAbstractItemModel::layoutAboutToBeChanged, this, drop),
        connect(model, &QAbstractItemModel::rowsAboutToBeInserted, this, drop),
        connect(model, &QAbstractItemModel::rowsAboutToBeRemoved, this, drop),
        connect(model, &QAbstractItemModel::rowsAboutToBeMoved, this, drop),
        connect(model, &QAbstractItemModel::rowsInserted, this, drop),
        connect(model, &QAbstractItemModel::rowsRemoved, this, drop),
        connect(model, &QAbstractItemModel::rowsMoved, this, drop),
        connect(model, &QAbstractItemModel::layoutChanged, this, drop),
        connect(model, &QAbstractItemModel::modelReset, this, drop),
        connect(model, &QAbstractItemModel::dataChanged, this, drop),
    };
    setSourceModel(model);
    // After the proxy has passed the tree's own cells on: a group whose tests changed changes its delta too.
    m_treeConnections.push_back(
        connect(model, &QAbstractItemModel::dataChanged, this, &ComparisonColumnProxy::followTreeDataChanged));
}

void ComparisonColumnProxy::setComparison(std::shared_ptr<const TreeComparison> comparison)
{
    if (!comparison && !m_comparison)
        return;
    m_comparison = std::move(comparison);
    m_failingNow.clear();
    Q_EMIT comparisonChanged();
    emitChangeColumnChanged({});
    Q_EMIT headerDataChanged(Qt::Horizontal, ChangeColumn, ChangeColumn);
}

ChangeClass ComparisonColumnProxy::changeOf(int testIndex) const
{
    return m_comparison ? m_comparison->changeOf(testIndex) : ChangeClass::Unchanged;
}

namespace {
    const QVector<int> &changeRoles()
    {
        static const QVector<int> roles { Qt::DisplayRole, SortRole, Qt::ToolTipRole, Qt::ForegroundRole, ChangeRole,
            FailureDeltaRole };
        return roles;
    }
} // namespace

// One dataChanged per parent: the structure does not change.
void ComparisonColumnProxy::emitChangeColumnChanged(const QModelIndex &parent)
{
    const int rows = rowCount(parent);
    if (rows == 0)
        return;
    Q_EMIT dataChanged(index(0, ChangeColumn, parent), index(rows - 1, ChangeColumn, parent), changeRoles());
    for (int r = 0; r < rows; ++r) {
        const QModelIndex child = index(r, 0, parent);
        if (hasChildren(child))
            emitChangeColumnChanged(child);
    }
}

void ComparisonColumnProxy::followTreeDataChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight)
{
    if (!m_comparison || !topLeft.isValid())
        return;
    const QModelIndex parent = mapFromSource(topLeft.parent());
    Q_EMIT dataChanged(
        index(topLeft.row(), ChangeColumn, parent), index(bottomRight.row(), ChangeColumn, parent), changeRoles());
}

QModelIndex ComparisonColumnProxy::index(int row, int column, const QModelIndex &parent) const
{
    if (column != ChangeColumn)
        return QIdentityProxyModel::index(row, column, parent);
    if (!sourceModel() || row < 0 || row >= rowCount(parent))
        return {};
    const QModelIndex nameCell = sourceModel()->index(row, 0, mapToSource(parent));
    return nameCell.isValid() ? createIndex(row, ChangeColumn, nameCell.internalPointer()) : QModelIndex();
}

QModelIndex ComparisonColumnProxy::sibling(int row, int column, const QModelIndex &idx) const
{
    if (column != ChangeColumn && idx.column() != ChangeColumn)
        return QIdentityProxyModel::sibling(row, column, idx);
    return idx.isValid() ? index(row, column, idx.parent()) : QModelIndex();
}

int ComparisonColumnProxy::columnCount(const QModelIndex &parent) const
{
    return sourceModel() && parent.column() <= 0 ? ColumnCount : 0;
}

QVariant ComparisonColumnProxy::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (section == ChangeColumn && orientation == Qt::Horizontal)
        return role == Qt::DisplayRole ? QVariant(tr("Change")) : QVariant();
    return QIdentityProxyModel::headerData(section, orientation, role);
}

QVariant ComparisonColumnProxy::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    const bool changeCell = index.column() == ChangeColumn
        && (role == Qt::DisplayRole || role == SortRole || role == Qt::ToolTipRole || role == Qt::ForegroundRole
            || role == Qt::TextAlignmentRole);
    if (changeCell || role == ChangeRole || role == FailureDeltaRole)
        return changeData(mapToSource(index), role);
    return QIdentityProxyModel::data(index, role);
}

QVariant ComparisonColumnProxy::changeData(const QModelIndex &treeIndex, int role) const
{
    if (!m_comparison || !m_model)
        return {};
    const int test = m_model->testIndexAt(treeIndex);
    if (test < 0) {
        const QModelIndex group = treeIndex.siblingAtColumn(0);
        const int now = failingNow(group);
        const int then = failingThen(group);
        switch (role) {
        case FailureDeltaRole:
        case SortRole:
            return now - then;
        case Qt::DisplayRole:
            return deltaText(now - then, QLocale()); // grouped as the tree's counts are
        case Qt::ForegroundRole:
            return colorOrNothing(deltaColor(now - then));
        case Qt::ToolTipRole:
            return tr("%1 failing in the earlier run, %2 now").arg(QLocale().toString(then), QLocale().toString(now));
        case Qt::TextAlignmentRole:
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        default:
            return {};
        }
    }
    const ChangeClass change = changeOf(test);
    switch (role) {
    case ChangeRole:
    case SortRole:
        return int(change);
    case Qt::DisplayRole:
        return change == ChangeClass::Unchanged ? QString() : changeClassName(change);
    case Qt::ForegroundRole:
        return colorOrNothing(changeColor(change));
    case Qt::ToolTipRole:
        return change == ChangeClass::Unchanged ? tr("unchanged since the earlier run") : changeClassName(change);
    default:
        return {};
    }
}

int ComparisonColumnProxy::failingNow(const QModelIndex &treeGroup) const
{
    const std::pair<const void *, int> key { treeGroup.internalPointer(), treeGroup.row() };
    const auto it = m_failingNow.constFind(key);
    if (it != m_failingNow.constEnd())
        return *it;
    int n = 0;
    const auto &tests = m_model->report().tests;
    for (int r = 0, rows = m_model->rowCount(treeGroup); r < rows; ++r) {
        const QModelIndex child = m_model->index(r, 0, treeGroup);
        const int test = m_model->testIndexAt(child);
        n += test >= 0 ? (failsInRun(tests[test]) ? 1 : 0) : failingNow(child);
    }
    m_failingNow.insert(key, n);
    return n;
}

int ComparisonColumnProxy::failingThen(const QModelIndex &treeGroup) const
{
    // Groups without a phase or gap of the report (Unassigned, No phase) have the id "".
    const QString id = treeGroup.data(ItemIdRole).toString();
    const auto kind = NodeKind(treeGroup.data(NodeKindRole).toInt());
    const QModelIndex top = treeGroup.parent();
    if (!top.isValid())
        return kind == NodeKind::Phase ? m_comparison->oldFailingByPhase.value(id)
                                       : m_comparison->oldFailingByGap.value(id);
    const QString topId = top.data(ItemIdRole).toString();
    return kind == NodeKind::Phase ? m_comparison->oldFailingByPhaseGap.value(phaseGapKey(id, topId))
                                   : m_comparison->oldFailingByPhaseGap.value(phaseGapKey(topId, id));
}

} // namespace Gapwise
