// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "chartdata.h"
#include "comparisondigest.h"
#include "planchart.h"

// The phase and gap charts for print: QCustomPlots built offscreen from the same chart data as the window's
// charts, recorded into PlanCharts (planchart.h). Recording needs a QApplication and the GUI thread.

// `width` in picture pixels; the gap chart grows with the number of gaps, up to `maxGapRows` rows.
PlanCharts renderPlanCharts(
    const QVector<Gapwise::PhaseBar> &phases, const Gapwise::GapChartData &gaps, int width = 760, int maxGapRows = 30);

// The window's comparison chart (comparisonchart.h) for print: at most `maxRows` gaps.
PlanChart renderComparisonChart(const QVector<Gapwise::GroupDelta> &gaps, int width = 760, int maxRows = 20);
