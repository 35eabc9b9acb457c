// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "chartdata.h"

#include <QColor>
#include <QHash>
#include <QVector>

#include <utility>

class QCustomPlot;
class QCPAxis;
class QCPBars;
class QFont;
class QFontMetrics;

// The one builder of the phase and gap charts' bars: the window's charts (PhaseChart, GapChart) and the PDF's
// (plancharts.cpp) put the same chart data on a QCustomPlot through these, so both show the same bars, labels
// and colours. Callers style the plot (palette, fonts, legend) and keep what they need of the returned bars.
namespace ChartBars {

// Phases along plot.xAxis, keyed 0..n-1: passed, failed, errors and skipped stacked in that order (the returned
// bars, bottom first, each brushed with its status colour and named for the legend); the value range leaves
// headroom for the failure rates.
QVector<QCPBars *> addPhaseBars(QCustomPlot &plot, const QVector<Gapwise::PhaseBar> &phases);
// The legend's names and colours of the stacks addPhaseBars draws for `phases`, bottom first.
QVector<std::pair<QString, QColor>> phaseSeriesLegend(const QVector<Gapwise::PhaseBar> &phases);
// The largest number of tests of one phase (the highest stack addPhaseBars draws).
double mostPhaseTests(const QVector<Gapwise::PhaseBar> &phases);
// "12.5%" (or "12.5% failing" with `withWord`) above each phase that ran tests.
void addFailureRates(
    QCustomPlot &plot, const QVector<Gapwise::PhaseBar> &phases, const QColor &color, const QFont &font, bool withWord);
// A phase's short name ("Test Execution" of "Test Execution: Priority 1 Critical Tests"), or where another phase
// has the same short name, the rest of its name ("Priority 1 Critical Tests"): three bars or legend entries
// called "Test Execution" cannot be told apart. Tooltips have the whole name.
QVector<QString> phaseLabelNames(const QStringList &phaseNames);
// Each phase's short name (the rest of its name where two phases share the short one) wrapped onto up to `lines` lines
// of its slot of the axis (at least 40 pixels), elided past them; where that elides one and `moreLines` is more,
// every label gets up to `moreLines` lines.
QVector<QString> phaseLabels(
    const QVector<Gapwise::PhaseBar> &phases, const QFontMetrics &metrics, int slot, int lines = 2, int moreLines = 0);
// Whether every word of every phase label fits its slot: where one does not, an upright label would break inside
// it ("Result" / "s"), and the chart slants its labels instead.
bool phaseWordsFit(const QVector<Gapwise::PhaseBar> &phases, const QFontMetrics &metrics, int slot);

// The first `rows` gaps along plot.yAxis, keyed 0..rows-1 from the top (the axis is reversed): per priority one
// stack of per-phase bars (QCPBars has one brush), the hue from the priority, the shade from the phase. Returns
// each priority's stack, bottom first, keyed by int(Priority).
QHash<int, QVector<QCPBars *>> addGapBars(QCustomPlot &plot, const Gapwise::GapChartData &data, int rows);
// "P1  title" per gap: titles that would elide to the same label keep the part that tells them apart. A title
// wraps onto up to `lines` lines of `width` before its end is elided.
QVector<QString> gapLabels(
    const Gapwise::GapChartData &data, int rows, const QFontMetrics &metrics, int width, int lines = 2);
// The largest number of failing tests of one gap.
double mostGapFailures(const Gapwise::GapChartData &data);
// Later phases lighter; the first phase keeps the priority's own colour.
QColor phaseShade(const QColor &base, int phase, int phases);
QColor phaseLegendGrey(); // mid grey: its shades read on light and dark bases

// Category ticks on `axis` for keys 0..n-1: the labels, no sub-ticks or grid, short ticks, the range around them.
void setCategoryTicks(QCPAxis *axis, const QVector<QString> &labels);

} // namespace ChartBars
