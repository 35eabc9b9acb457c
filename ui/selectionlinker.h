// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "reportroles.h"

#include <QObject>

class QTreeView;
class BarChart;

namespace Gapwise {
class ReportFilterProxy;
class ReportTreeModel;
}

// One selection shared by the tree and the charts: rows selected in the tree highlight their phase and gap
// bars; a bar activated in a chart selects that phase's or gap's rows in the tree and scrolls to them.
class SelectionLinker : public QObject
{
    Q_OBJECT
public:
    SelectionLinker(QTreeView *tree, Gapwise::ReportFilterProxy *proxy, BarChart *phaseChart, BarChart *gapChart,
        QObject *parent = nullptr);

    // Another chart of gaps (the comparison chart) that shows and activates the same selection.
    void addGapChart(BarChart *chart);
    // Selects every row of that phase or gap that the filter shows; returns false when none is visible.
    bool selectGroup(Gapwise::NodeKind kind, const QString &id);

signals:
    void groupHidden(const QString &message); // the bar's rows are all filtered out

private:
    void treeSelectionChanged();

    QTreeView *m_tree;
    Gapwise::ReportFilterProxy *m_proxy;
    BarChart *m_phaseChart;
    QList<BarChart *> m_gapCharts;
    bool m_updatePending = false;
};
