// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "barchart.h"
#include "comparisondigest.h"

class QCPBars;
class QCustomPlot;

// The gaps a last-run-vs-this-run plot shows: those with failures in either run, at most `maxRows`, in the
// digest's order.
QVector<Gapwise::GroupDelta> gapsWithFailures(const QVector<Gapwise::GroupDelta> &gaps, int maxRows);
// The bars (last run, then this run) and gap labels ("title (+2)", the title wrapped onto two lines of
// `labelWidth` pixels) of `shown`, keyed 0..n-1 from the top, on any QCustomPlot: the window's chart below and
// the PDF's (plancharts.cpp) draw the same thing. Returns the two bars plottables.
// `locale` writes the deltas in the labels: the window's chart groups digits (QLocale()), the PDF's does not.
QVector<QCPBars *> plotComparisonBars(
    QCustomPlot &plot, const QVector<Gapwise::GroupDelta> &shown, int labelWidth, const QLocale &locale = QLocale::c());

// Failing tests per gap, last run and this run side by side (horizontal bars: gap titles stay readable). Like
// the other charts it scrolls when the gaps need more height than it has, has tooltips, and is linked: clicking
// a gap's bars activates that gap. Only draws what the digest says (models/compare/comparisondigest.h).
class ComparisonChart : public BarChart
{
    Q_OBJECT
public:
    explicit ComparisonChart(QWidget *parent = nullptr);
    void setDeltas(const QVector<Gapwise::GroupDelta> &gaps);

private:
    void rebuild() override;
    QString toolTipFor(int key) const override;

    QVector<Gapwise::GroupDelta> m_gaps; // as the digest has them
    QVector<Gapwise::GroupDelta> m_shown; // the gaps with bars, top to bottom
};
