// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "barchart.h"

namespace Gapwise {
class ChartDataAdapter;
}

// Per phase: passed / failed / errors / skipped stacked, the failure rate above each bar.
class PhaseChart : public BarChart
{
    Q_OBJECT
public:
    explicit PhaseChart(Gapwise::ChartDataAdapter *adapter, QWidget *parent = nullptr);

private:
    void rebuild() override;
    QString toolTipFor(int key) const override;
    void fitMinimumHeight(int labelsHeight); // the plot's and the chart's, from the height the axis labels take
};
