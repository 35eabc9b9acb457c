// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "comparisondigest.h"

#include <QWidget>

class QCustomPlot;

// The bars, gap labels ("title (+2)") and ranges of a last-run-vs-this-run plot, on any QCustomPlot: the
// window's chart below and the PDF's (plancharts.cpp) draw the same thing. Gaps without failures in either
// run are left out; at most `maxRows` rows, in the digest's order. Returns the number of rows drawn.
int plotComparisonBars(QCustomPlot &plot, const QVector<Gapwise::GroupDelta> &gaps, int maxRows = 1000);

// Failing tests per gap, last run and this run side by side (horizontal bars: gap titles stay readable).
// Only draws what the digest says; the numbers come from models/comparisondigest.h.
class ComparisonChart : public QWidget
{
    Q_OBJECT
public:
    explicit ComparisonChart(QWidget *parent = nullptr);
    void setDeltas(const QVector<Gapwise::GroupDelta> &gaps);
    QCustomPlot *plot() const { return m_plot; }

private:
    QCustomPlot *m_plot;
};
