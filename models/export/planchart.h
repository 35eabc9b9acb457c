// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QPicture>
#include <QSize>
#include <QString>

// A chart for print, recorded as a vector picture (QPicture) that the PDF replays. Recording needs the GUI
// (charts are widgets: ui/plancharts.h makes them); replaying works on any thread, so the PDF itself can be
// written off it, and the PDF layout here needs nothing but QtGui.
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
