// SPDX-License-Identifier: GPL-3.0-or-later
#include "selectionlinker.h"

#include "barchart.h"
#include "reportfilterproxy.h"
#include "reporttreemodel.h"
#include "selectedrows.h"

#include <QItemSelectionModel>
#include <QSet>
#include <QTreeView>

using namespace Gapwise;

SelectionLinker::SelectionLinker(
    QTreeView *tree, ReportFilterProxy *proxy, BarChart *phaseChart, BarChart *gapChart, QObject *parent)
    : QObject(parent)
    , m_tree(tree)
    , m_proxy(proxy)
    , m_phaseChart(phaseChart)
{
    connect(
        tree->selectionModel(), &QItemSelectionModel::selectionChanged, this, &SelectionLinker::treeSelectionChanged);
    // A reset (new report, regrouping) clears the selection without selectionChanged.
    connect(proxy, &QAbstractItemModel::modelReset, this, &SelectionLinker::treeSelectionChanged);
    // A triage move carries the selected rows to another gap without selectionChanged: the bars follow.
    // One update per event-loop turn, however many runs of rows one edit moved.
    auto later = [this] {
        if (m_updatePending)
            return;
        m_updatePending = true;
        QMetaObject::invokeMethod(
            this,
            [this] {
                m_updatePending = false;
                treeSelectionChanged();
            },
            Qt::QueuedConnection);
    };
    connect(proxy, &QAbstractItemModel::rowsMoved, this, later);
    connect(proxy, &QAbstractItemModel::layoutChanged, this, later);
    connect(phaseChart, &BarChart::barActivated, this, [this](const QString &id) { selectGroup(NodeKind::Phase, id); });
    addGapChart(gapChart);
}

void SelectionLinker::addGapChart(BarChart *chart)
{
    m_gapCharts.append(chart);
    connect(chart, &BarChart::barActivated, this, [this](const QString &id) { selectGroup(NodeKind::Gap, id); });
}

void SelectionLinker::treeSelectionChanged()
{
    QSet<QString> phases;
    QSet<QString> gaps;
    const QModelIndexList rows = selectedRowsOf(m_tree->selectionModel());
    for (const QModelIndex &row : rows) {
        switch (NodeKind(row.data(NodeKindRole).toInt())) {
        // A second-level row is a (phase, gap) pair: its parent's bar lights up too.
        case NodeKind::Phase:
            phases.insert(row.data(ItemIdRole).toString());
            if (row.parent().isValid())
                gaps.insert(row.data(GapIdRole).toString());
            break;
        case NodeKind::Gap:
            gaps.insert(row.data(ItemIdRole).toString());
            if (row.parent().isValid())
                phases.insert(row.data(PhaseIdRole).toString());
            break;
        case NodeKind::Test:
            phases.insert(row.data(PhaseIdRole).toString());
            gaps.insert(row.data(GapIdRole).toString());
            break;
        }
    }
    m_phaseChart->highlight(phases.values());
    for (BarChart *chart : std::as_const(m_gapCharts))
        chart->highlight(gaps.values());
}

bool SelectionLinker::selectGroup(NodeKind kind, const QString &id)
{
    const QModelIndexList sourceRows = m_proxy->reportModel()->groupIndexes(kind, id);
    QItemSelection selection;
    QModelIndex first;
    for (const QModelIndex &source : sourceRows) {
        const QModelIndex idx = m_proxy->mapFromTree(source);
        if (!idx.isValid())
            continue;
        selection.select(idx, idx);
        if (idx.parent().isValid())
            m_tree->expand(idx.parent());
        // First in view order: top-level rows before nested ones, then by row.
        if (!first.isValid()
            || (idx.parent().isValid() ? idx.parent().row() : idx.row())
                < (first.parent().isValid() ? first.parent().row() : first.row()))
            first = idx;
    }
    if (!first.isValid()) {
        emit groupHidden(tr("Nothing of that %1 is shown: the filter hides it.")
                             .arg(kind == NodeKind::Phase ? tr("phase") : tr("gap")));
        return false;
    }
    QItemSelectionModel *sm = m_tree->selectionModel();
    sm->setCurrentIndex(first, QItemSelectionModel::NoUpdate);
    sm->select(selection, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_tree->scrollTo(first, QAbstractItemView::PositionAtCenter);
    return true;
}
