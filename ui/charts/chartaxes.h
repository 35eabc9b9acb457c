// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

class QCustomPlot;
class QPalette;

// Every axis of the plot ticks in whole numbers: values are counts of tests, and one failure drawn on an
// axis of 0, 0.2 … 1 reads as a fraction of a test. Labels are grouped as the locale groups digits ("150,000",
// never "1e+06"), and an axis has as many ticks as their labels leave room for, at most five. Category axes get
// their text ticker afterwards.
void useWholeNumberTicks(QCustomPlot &plot);

// The plot's background, axes, grid and legend in the colours of `palette` (Base behind, WindowText for
// lines and text), so a plot reads in a dark palette too. Bars keep their own colours.
void applyPlotPalette(QCustomPlot &plot, const QPalette &palette);
// applyPlotPalette now and whenever the plot's palette or style changes (the application's palette set
// after the window was built, a theme switch), with a replot. For plots that are not BarCharts.
void followPalette(QCustomPlot *plot);
