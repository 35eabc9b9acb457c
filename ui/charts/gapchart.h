// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "barchart.h"

#include <QHash>
#include <QVector>

namespace Gapwise {
class ChartDataAdapter;
}

// Per gap (horizontal bars, so titles read as tick labels): named failing tests stacked by phase, the bar's
// hue from the gap's priority and the segment's shade from the phase.
class GapChart : public BarChart
{
    Q_OBJECT
public:
    explicit GapChart(Gapwise::ChartDataAdapter *adapter, QWidget *parent = nullptr);

private:
    // The chart's two ways to draw: values changed in place after a move, or every bar anew.
    void updateBars(const QVector<int> &rows);
    void rebuild() override;
    QString toolTipFor(int key) const override;
    QString legendHtml(int charted) const;
    // Per priority, its stack of per-phase bars (rebuild() makes them): a moved test changes a value in two.
    QHash<int, QVector<QCPBars *>> m_stacks;
    QVector<int> m_rows; // the adapter's gap rows the bars show, top to bottom (chartedGapRows())
    double m_maxTotal = 0;
};
