// SPDX-License-Identifier: GPL-3.0-or-later
#include "phasechart.h"

#include "chartbars.h"
#include "chartdataadapter.h"
#include "counttext.h"
#include "ratetext.h"

#include "qcustomplotheader.h"

using namespace Gapwise;

PhaseChart::PhaseChart(ChartDataAdapter *adapter, QWidget *parent)
    : BarChart(adapter, Qt::Vertical, tr("No test results in this report"), parent)
{
    setObjectName(QStringLiteral("phaseChart"));
    m_plot->yAxis->setLabel(tr("Tests"));
    refresh();
}

void PhaseChart::rebuild()
{
    clearBars();
    const QVector<PhaseBar> &phases = m_adapter->phaseBars();
    QStringList ids;
    for (const PhaseBar &p : phases)
        ids << p.phaseId;
    setIds(ids);
    // The legend sits in the caption, where it can never cover a bar or a rate label.
    QString caption = tr("<b>Tests per phase</b> &nbsp; failure rate above each bar, of the tests that ran &nbsp;");
    for (const auto &[name, color] : ChartBars::phaseSeriesLegend(phases))
        caption += QStringLiteral(" <span style=\"color:%1\">&#9632;</span>&nbsp;%2").arg(color.name(), name);
    setCaption(phases.isEmpty() ? tr("<b>Tests per phase</b> — no phases in this report") : caption);
    for (QCPBars *bars : ChartBars::addPhaseBars(*m_plot, phases))
        addBars(bars, bars->brush().color());
    // "12.5% failing" where the bar is wide enough, else just "12.5%".
    const QFontMetrics metrics(font());
    const double barPixels = m_plot->width() * 0.8 * 0.6 / qMax(1, int(phases.size()));
    const bool longLabel = barPixels > metrics.horizontalAdvance(tr("%1% failing").arg(100.0, 0, 'f', 1)) * 1.1;
    ChartBars::addFailureRates(*m_plot, phases, palette().color(QPalette::WindowText), font(), longLabel);
    // The rates need a line of pixels above the highest bar, however short the plot: 15 % of a 60 px plot cut
    // "72.7%" in half.
    // The axis rect keeps its height from the last layout; after a resize (a banner shown) the plot's new height
    // less the rect's margins is the one the rates will have.
    const QMargins margins = m_plot->axisRect()->margins();
    const int rectHeight = m_plot->height() - margins.top() - margins.bottom();
    const double share = qMin(0.5, metrics.height() * 1.8 / qMax(40, rectHeight));
    const double upper = m_plot->yAxis->range().upper;
    m_plot->yAxis->setRange(0, qMax(upper, ChartBars::mostPhaseTests(phases) / (1 - share)));
    // Each label gets its bar's slot of the axis, on up to three lines in a narrow pane ("src/cart/__tests__/
    // cart.test.js" in a 400 px one), four where three would elide one ("src/util/__tests__/format.test.js"
    // beside the history dock); the tooltip has the full name.
    const int slot = int(m_plot->width() * 0.85 / qMax(1, int(phases.size())));
    if (ChartBars::phaseWordsFit(phases, metrics, slot)) {
        const QVector<QString> labels = ChartBars::phaseLabels(phases, metrics, slot, 3, 4);
        ChartBars::setCategoryTicks(m_plot->xAxis, labels);
        m_plot->xAxis->setTickLabelRotation(0);
        m_plot->axisRect()->setMinimumMargins(QMargins());
        qsizetype lines = 1;
        for (const QString &label : labels)
            lines = qMax(lines, label.count(QLatin1Char('\n')) + 1);
        fitMinimumHeight(int(lines) * metrics.height());
    } else {
        // Too many phases for their words (nine beside the tree): slanted, one line of about 16 characters each (two
        // would run into the next label); the tooltip has the whole name.
        ChartBars::setCategoryTicks(
            m_plot->xAxis, ChartBars::phaseLabels(phases, metrics, metrics.averageCharWidth() * 18, 1));
        m_plot->xAxis->setTickLabelRotation(-35);
        // The first slanted label reaches left of its tick, past the axis rect: leave it room.
        m_plot->axisRect()->setMinimumMargins(QMargins(metrics.averageCharWidth() * 12, 0, 0, 0));
        // A label of ~18 characters at 35 degrees: sin(35) of its width and cos(35) of its line.
        fitMinimumHeight(int(metrics.averageCharWidth() * 18 * 0.58 + metrics.height() * 0.82));
    }
}

void PhaseChart::fitMinimumHeight(int labelsHeight)
{
    // Four lines of bars above the names whatever the labels take (slanted ones took ~70 of a 100 px plot, leaving
    // bars 20 px tall at 1200x800 beside a long failure's details), and a line for the ticks. Less than the gap
    // chart's 160 px where the labels allow: the triage needs that chart more (in a 1024x600 window the gap chart
    // had no room left). The chart never scrolls: its own minimum holds the plot and two caption lines.
    const int line = fontMetrics().height();
    m_plot->setMinimumHeight(line * 5 + labelsHeight);
    setMinimumHeight(m_plot->minimumHeight() + line * 2 + 8);
}

QString PhaseChart::toolTipFor(int key) const
{
    const QVector<PhaseBar> &phases = m_adapter->phaseBars();
    if (key < 0 || key >= phases.size())
        return QString();
    const PhaseBar &p = phases[key];
    const QLocale locale;
    // The rate says what it is of: the tree counts the tests the report names, the rate the results it states
    // (QA: "16 failing · 17 tests" beside 76.2 %, which is 16 of 21 stated results).
    QString tip = tr("%1\n%2 passed, %3 failed, %4, %5 skipped (%6 in all)\nfailure rate %7 (%8 of the %9 that ran; "
                     "skipped ones not counted)")
                      .arg(p.name, locale.toString(p.passed), locale.toString(p.failed),
                          countText(p.errors, tr("%1 error"), tr("%1 errors"), locale), locale.toString(p.skipped),
                          locale.toString(p.total()), percentText(p.failureRate()), locale.toString(p.failing()),
                          locale.toString(p.ran()));
    if (p.unknown > 0)
        tip += QLatin1Char('\n') + tr("%1 with no verdict (unknown)").arg(locale.toString(p.unknown));
    if (p.unnamedFailures > 0) {
        tip += QLatin1Char('\n')
            + countText(p.unnamedFailures, tr("%1 failure counted but not named in the report"),
                tr("%1 failures counted but not named in the report"), locale);
    }
    return tip;
}
