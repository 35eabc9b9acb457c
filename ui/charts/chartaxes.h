// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

class QCustomPlot;

// Every axis of the plot ticks in whole numbers: values are counts of tests, and one failure drawn on an
// axis of 0, 0.2 … 1 reads as a fraction of a test. Category axes get their text ticker afterwards.
void useWholeNumberTicks(QCustomPlot &plot);
