// SPDX-License-Identifier: GPL-3.0-or-later
#include "plancharts.h"

#include "chartaxes.h"
#include "chartbars.h"
#include "comparisonchart.h"

#include "qcustomplotheader.h"

#include <QCoreApplication>

#include <algorithm>

using namespace Gapwise;

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("PlanCharts", text);
}

// Pixel-sized, so the layout QCustomPlot computes and the text it draws agree on any device.
QFont chartFont(int pixels, bool bold = false)
{
    QFont font;
    font.setPixelSize(pixels);
    font.setBold(bold);
    return font;
}

void stylePlot(QCustomPlot &plot, const QString &title)
{
    plot.setBackground(Qt::white);
    plot.setAntialiasedElements(QCP::aeAll);
    useWholeNumberTicks(plot);
    const QFont font = chartFont(11);
    for (QCPAxis *axis : plot.axisRect()->axes()) {
        axis->setTickLabelFont(font);
        axis->setLabelFont(font);
        axis->grid()->setPen(QPen(QColor(0, 0, 0, 40), 0, Qt::DotLine));
    }
    plot.plotLayout()->insertRow(0);
    plot.plotLayout()->addElement(0, 0, new QCPTextElement(&plot, title, chartFont(13, true)));
    plot.legend->setVisible(true);
    plot.legend->setFont(chartFont(10));
    plot.legend->setBorderPen(QPen(QColor(0xbb, 0xbb, 0xbb)));
    plot.legend->setRowSpacing(0);
}

// The legend in its own row under the plot, laid out in columns, so it never covers a bar.
void legendBelow(QCustomPlot &plot, int columns)
{
    auto *legendRow = new QCPLayoutGrid;
    plot.plotLayout()->addElement(2, 0, legendRow);
    plot.plotLayout()->setRowStretchFactor(2, 0.001);
    plot.axisRect()->insetLayout()->take(plot.legend);
    legendRow->addElement(0, 0, plot.legend);
    plot.legend->setWrap(columns); // before the fill order, which is what re-arranges the entries
    plot.legend->setFillOrder(QCPLegend::foColumnsFirst);
    plot.legend->setBorderPen(Qt::NoPen);
    plot.legend->setColumnSpacing(16);
}

PlanChart record(QCustomPlot &plot, QSize size)
{
    PlanChart chart;
    chart.size = size;
    plot.resize(size);
    {
        // A first drawing lays the plot out at this size: value axes choose how many ticks fit from the
        // layout before (chartaxes.h), which a plot that was never shown does not have.
        QPicture layoutPass;
        QCPPainter scratch(&layoutPass);
        plot.toPainter(&scratch, size.width(), size.height());
    }
    QCPPainter painter(&chart.picture);
    plot.toPainter(&painter, size.width(), size.height());
    painter.end();
    return chart;
}

// Print keeps the light look whatever the window's palette: white background, white outlines between segments.
void outlineWhite(const QVector<QCPBars *> &bars)
{
    for (QCPBars *b : bars)
        b->setPen(QPen(Qt::white, 1));
}

PlanChart phaseChart(const QVector<PhaseBar> &phases, int width)
{
    QCustomPlot plot;
    stylePlot(plot, tr("Tests per phase (failure rate above each bar, of the tests that ran)"));
    plot.yAxis->setLabel(tr("Tests"));
    outlineWhite(ChartBars::addPhaseBars(plot, phases));
    ChartBars::addFailureRates(plot, phases, Qt::black, chartFont(11), false);
    // Many phases: slanted tick labels, each with room for a readable name.
    const bool slanted = phases.size() > 6;
    const int slot = slanted ? 120 : int(width * 0.85 / qMax(1, int(phases.size())));
    ChartBars::setCategoryTicks(plot.xAxis, ChartBars::phaseLabels(phases, QFontMetrics(chartFont(11)), slot));
    if (slanted) {
        plot.xAxis->setTickLabelRotation(-35);
        // The first slanted label reaches left of its tick, past the axis rect: leave it room.
        plot.axisRect()->setMinimumMargins(QMargins(105, 0, 0, 0));
    }
    legendBelow(plot, 4);
    return record(plot, QSize(width, width * (slanted ? 11 : 9) / 20));
}

PlanChart gapChart(GapChartData data, int width, int maxRows)
{
    // Rows in the plan's order: P0 first, then by failures (Unassigned, of no priority, last).
    std::stable_sort(data.gaps.begin(), data.gaps.end(), [](const GapBar &a, const GapBar &b) {
        const int ra = a.priority == Priority::None ? 4 : int(a.priority),
                  rb = b.priority == Priority::None ? 4 : int(b.priority);
        if (a.gapId.isEmpty() != b.gapId.isEmpty())
            return b.gapId.isEmpty();
        return ra != rb ? ra < rb : a.totalFailures() > b.totalFailures();
    });
    QCustomPlot plot;
    stylePlot(plot, tr("Failing tests per gap (colour = priority, shade = phase)"));
    plot.xAxis->setLabel(tr("Failing tests (named)"));
    const int rows = qMin(int(data.gaps.size()), maxRows);
    // The legend names the phases once, in grey shades; the coloured bars stay out of it.
    for (int p = 0; p < data.phaseIds.size(); ++p) {
        auto *legendOnly = new QCPBars(plot.yAxis, plot.xAxis);
        legendOnly->setName(phaseShortName(data.phaseNames[p]));
        legendOnly->setBrush(ChartBars::phaseShade(ChartBars::phaseLegendGrey(), p, int(data.phaseIds.size())));
        legendOnly->setPen(Qt::NoPen);
    }
    const int legendItems = plot.legend->itemCount();
    for (const QVector<QCPBars *> &stack : ChartBars::addGapBars(plot, data, rows))
        outlineWhite(stack);
    while (plot.legend->itemCount() > legendItems)
        plot.legend->removeItem(plot.legend->itemCount() - 1);
    const QFontMetrics metrics(chartFont(11));
    const QVector<QString> labels = ChartBars::gapLabels(data, rows, metrics, int(width * 0.42));
    ChartBars::setCategoryTicks(plot.yAxis, labels);
    legendBelow(plot, 4);
    // ~1.6 lines a gap, 2.6 where a title wraps onto a second line.
    const bool wrapped
        = std::any_of(labels.begin(), labels.end(), [](const QString &l) { return l.contains(QLatin1Char('\n')); });
    const int height = qMax(200, rows * metrics.height() * (wrapped ? 13 : 8) / 5 + metrics.height() * 9);
    PlanChart chart = record(plot, QSize(width, height));
    if (rows < data.gaps.size())
        chart.note = tr("The chart shows the first %1 of %2 gaps; the plan below lists all of them.")
                         .arg(rows)
                         .arg(data.gaps.size());
    return chart;
}

} // namespace

PlanCharts renderPlanCharts(const QVector<PhaseBar> &phases, const GapChartData &gaps, int width, int maxGapRows)
{
    PlanCharts charts;
    if (!phases.isEmpty())
        charts.phases = phaseChart(phases, width);
    if (!gaps.gaps.isEmpty())
        charts.gaps = gapChart(gaps, width, maxGapRows);
    return charts;
}

PlanChart renderComparisonChart(const QVector<GroupDelta> &gaps, int width, int maxRows)
{
    QCustomPlot plot;
    stylePlot(plot, tr("Failing tests per gap, last run and this run (change in brackets)"));
    plot.xAxis->setLabel(tr("Failing tests"));
    const QVector<GroupDelta> shown = gapsWithFailures(gaps, maxRows);
    if (shown.isEmpty())
        return PlanChart();
    const int rows = int(shown.size());
    plotComparisonBars(plot, shown, width * 2 / 5);
    legendBelow(plot, 2);
    const QFontMetrics metrics(chartFont(11));
    // Two bars and up to two lines of title per gap.
    PlanChart chart = record(plot, QSize(width, qMax(180, rows * metrics.height() * 13 / 5 + metrics.height() * 9)));
    const auto withFailures = std::count_if(
        gaps.cbegin(), gaps.cend(), [](const GroupDelta &g) { return g.oldFailing > 0 || g.newFailing > 0; });
    if (rows < withFailures)
        chart.note = tr("The chart shows the first %1 of %2 gaps with failures.").arg(rows).arg(withFailures);
    return chart;
}
