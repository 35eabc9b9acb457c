// SPDX-License-Identifier: GPL-3.0-or-later
// ReportTreeModel in comparison mode: the Change column (a test's change class, a group's failure delta).
#include "reporttreemodel.h"

#include "comparisondigest.h"
#include "statuspalette.h"

#include <QColor>

namespace Gapwise {

namespace {

    QColor deltaColor(int delta)
    {
        return delta > 0 ? changeColor(ChangeClass::NewFailure)
            : delta < 0  ? changeColor(ChangeClass::Fixed)
                         : QColor();
    }

} // namespace

void ReportTreeModel::setComparison(std::shared_ptr<const TreeComparison> comparison)
{
    if (!comparison && !m_comparison)
        return;
    m_comparison = std::move(comparison);
    m_failingNowValid = false;
    Q_EMIT comparisonChanged();
    emitChangeColumnChanged();
    Q_EMIT headerDataChanged(Qt::Horizontal, ChangeColumn, ChangeColumn);
}

void ReportTreeModel::emitChangeColumnChanged()
{
    emitColumnChanged(
        ChangeColumn, { Qt::DisplayRole, SortRole, Qt::ToolTipRole, Qt::ForegroundRole, ChangeRole, FailureDeltaRole });
}

// One dataChanged per parent (top level, each group's children): the structure does not change.
void ReportTreeModel::emitColumnChanged(int column, const QVector<int> &roles)
{
    if (m_tree.roots.empty())
        return;
    Q_EMIT dataChanged(index(0, column), index(int(m_tree.roots.size()) - 1, column), roles);
    for (const auto &top : m_tree.roots) {
        const QModelIndex topIndex = indexOfGroup(top.get());
        if (!top->children.empty())
            Q_EMIT dataChanged(
                index(0, column, topIndex), index(int(top->children.size()) - 1, column, topIndex), roles);
        for (const auto &mid : top->children) {
            if (!mid->tests.empty()) {
                const QModelIndex midIndex = indexOfGroup(mid.get());
                Q_EMIT dataChanged(
                    index(0, column, midIndex), index(int(mid->tests.size()) - 1, column, midIndex), roles);
            }
        }
    }
}

ChangeClass ReportTreeModel::changeOf(int testIndex) const
{
    return m_comparison ? m_comparison->changeOf(testIndex) : ChangeClass::Unchanged;
}

int ReportTreeModel::groupFailingNow(const GroupNode *node) const
{
    if (!m_failingNowValid) {
        m_failingNow.clear();
        for (const auto &top : m_tree.roots) {
            int sum = 0;
            for (const auto &mid : top->children) {
                int n = 0;
                for (int t : mid->tests)
                    n += failsInRun(report().tests[t]) ? 1 : 0;
                m_failingNow[mid.get()] = n;
                sum += n;
            }
            m_failingNow[top.get()] = sum;
        }
        m_failingNowValid = true;
    }
    const auto it = m_failingNow.find(node);
    return it == m_failingNow.end() ? 0 : it->second;
}

int ReportTreeModel::groupFailingThen(const GroupNode *node) const
{
    const GroupNode *phaseNode = node->kind == NodeKind::Phase ? node : node->parent;
    const GroupNode *gapNode = node->kind == NodeKind::Gap ? node : node->parent;
    const auto idOf = [this](const GroupNode *g) {
        if (!g || g->ref < 0)
            return QString();
        return g->kind == NodeKind::Gap ? report().gaps[g->ref].id : report().phases[g->ref].id;
    };
    if (node->isTopLevel())
        return node->kind == NodeKind::Phase ? m_comparison->oldFailingByPhase.value(idOf(node))
                                             : m_comparison->oldFailingByGap.value(idOf(node));
    return m_comparison->oldFailingByPhaseGap.value(phaseGapKey(idOf(phaseNode), idOf(gapNode)));
}

int ReportTreeModel::failingNow(const QModelIndex &groupIndex) const
{
    const GroupNode *g = groupAt(groupIndex);
    return m_comparison && g ? groupFailingNow(g) : -1;
}

int ReportTreeModel::failingThen(const QModelIndex &groupIndex) const
{
    const GroupNode *g = groupAt(groupIndex);
    return m_comparison && g ? groupFailingThen(g) : -1;
}

QVariant ReportTreeModel::comparisonData(const QModelIndex &index, int role) const
{
    if (!m_comparison)
        return {};
    if (const GroupNode *g = groupAt(index)) {
        const int now = groupFailingNow(g);
        const int then = groupFailingThen(g);
        switch (role) {
        case FailureDeltaRole:
        case SortRole:
            return now - then;
        case Qt::DisplayRole:
            return deltaText(now - then);
        case Qt::ForegroundRole: {
            const QColor c = deltaColor(now - then);
            return c.isValid() ? QVariant(c) : QVariant();
        }
        case Qt::ToolTipRole:
            return tr("%1 failing in the earlier run, %2 now").arg(then).arg(now);
        case Qt::TextAlignmentRole:
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        default:
            return {};
        }
    }
    const ChangeClass change = changeOf(testIndexAt(index));
    switch (role) {
    case ChangeRole:
    case SortRole:
        return int(change);
    case Qt::DisplayRole:
        return change == ChangeClass::Unchanged ? QString() : changeClassName(change);
    case Qt::ForegroundRole: {
        const QColor c = changeColor(change);
        return c.isValid() ? QVariant(c) : QVariant();
    }
    case Qt::ToolTipRole:
        return change == ChangeClass::Unchanged ? tr("unchanged since the earlier run") : changeClassName(change);
    default:
        return {};
    }
}

} // namespace Gapwise
