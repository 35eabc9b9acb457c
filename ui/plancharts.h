#pragma once

#include "chartdata.h"
#include "comparisondigest.h"

#include <QPicture>
#include <QSize>

// The phase and gap charts for print: QCustomPlots built offscreen from the same chart data as the window's
// charts, recorded as vector pictures (QPicture) that the PDF replays. Recording needs a QApplication and the
// GUI thread (QCustomPlot is a widget); replaying works on any thread, so the PDF itself can be written off it.
struct PlanChart
{
    QPicture picture;
    QSize size; // recorded size, in the picture's pixels (fonts are pixel-sized to match)
    QString note; // shown under the chart, e.g. when not every gap fits
};

struct PlanCharts
{
    PlanChart phases;
    PlanChart gaps;
    PlanChart comparison; // failing tests per gap, last run and this run; empty without a comparison
};

// `width` in picture pixels; the gap chart grows with the number of gaps, up to `maxGapRows` rows.
PlanCharts renderPlanCharts(const QVector<Gapwise::PhaseBar> &phases, const Gapwise::GapChartData &gaps,
                            int width = 760, int maxGapRows = 30);

// The window's comparison chart (comparisonchart.h) for print: at most `maxRows` gaps.
PlanChart renderComparisonChart(const QVector<Gapwise::GroupDelta> &gaps, int width = 760, int maxRows = 20);
