// SPDX-License-Identifier: GPL-3.0-or-later
#include "plancharts.h"

#include "chartaxes.h"
#include "comparisonchart.h"
#include "statuspalette.h"

#include "qcustomplotheader.h"

#include <QCoreApplication>

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

QColor shade(const QColor &base, int phase, int phases)
{
    if (phases <= 1)
        return base;
    return base.lighter(100 + phase * (55 / qMax(1, phases - 1)));
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
    QCPPainter painter(&chart.picture);
    plot.toPainter(&painter, size.width(), size.height());
    painter.end();
    return chart;
}

PlanChart phaseChart(const QVector<PhaseBar> &phases, int width)
{
    QCustomPlot plot;
    stylePlot(plot, tr("Tests per phase (failure rate above each bar)"));
    plot.yAxis->setLabel(tr("Tests"));
    struct Series
    {
        const char *name;
        TestStatus status;
        int PhaseBar::*field;
    };
    const Series series[] = { { "passed", TestStatus::Passed, &PhaseBar::passed },
        { "failed", TestStatus::Failed, &PhaseBar::failed }, { "errors", TestStatus::Error, &PhaseBar::errors },
        { "skipped", TestStatus::Skipped, &PhaseBar::skipped } };
    QVector<double> keys;
    QVector<QString> labels;
    const QFontMetrics metrics(chartFont(11));
    // Many phases: slanted tick labels, each with room for a readable name.
    const bool slanted = phases.size() > 6;
    const int slot = slanted ? 120 : int(width * 0.85 / qMax(1, int(phases.size())));
    double maxTotal = 0;
    for (int i = 0; i < phases.size(); ++i) {
        keys << i;
        labels << metrics.elidedText(phaseShortName(phases[i].name), Qt::ElideRight, qMax(40, slot));
        maxTotal = qMax(maxTotal, double(phases[i].total()));
    }
    QCPBars *below = nullptr;
    for (const Series &s : series) {
        auto *bars = new QCPBars(plot.xAxis, plot.yAxis);
        bars->setName(tr(s.name));
        bars->setWidth(0.6);
        bars->setBrush(statusColor(s.status));
        bars->setPen(QPen(Qt::white, 1));
        QVector<double> values;
        for (const PhaseBar &p : phases)
            values << p.*s.field;
        bars->setData(keys, values, true);
        if (below)
            bars->moveAbove(below);
        below = bars;
    }
    for (int i = 0; i < phases.size(); ++i) {
        if (phases[i].passed + phases[i].failed + phases[i].errors == 0)
            continue; // nothing ran: no rate to show
        auto *label = new QCPItemText(&plot);
        label->setPositionAlignment(Qt::AlignHCenter | Qt::AlignBottom);
        label->position->setCoords(i, phases[i].total());
        label->setText(tr("%1%").arg(phases[i].failureRate() * 100, 0, 'f', 1));
        label->setFont(chartFont(11));
        label->setPadding(QMargins(0, 0, 0, 3));
        label->setClipToAxisRect(false);
    }
    QSharedPointer<QCPAxisTickerText> ticker(new QCPAxisTickerText);
    ticker->setTicks(keys, labels);
    plot.xAxis->setTicker(ticker);
    plot.xAxis->setSubTicks(false);
    plot.xAxis->setTickLength(0, 4);
    if (slanted) {
        plot.xAxis->setTickLabelRotation(-35);
        // The first slanted label reaches left of its tick, past the axis rect: leave it room.
        plot.axisRect()->setMinimumMargins(QMargins(105, 0, 0, 0));
    }
    plot.xAxis->grid()->setVisible(false);
    plot.xAxis->setRange(-0.6, qMax(0.6, phases.size() - 0.4));
    plot.yAxis->setRange(0, qMax(1.0, maxTotal * 1.15)); // headroom for the rate labels
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
    const QFontMetrics metrics(chartFont(11));
    const int labelWidth = int(width * 0.42);
    QVector<double> keys;
    QVector<QString> labels;
    double maxTotal = 0;
    for (int i = 0; i < rows; ++i) {
        const GapBar &gap = data.gaps[i];
        keys << rows - 1 - i; // the first row on top
        const QString prio = priorityName(gap.priority);
        const QString title = metrics.elidedText(gap.title, Qt::ElideRight, labelWidth);
        labels << (prio.isEmpty() ? title : prio + QStringLiteral("  ") + title);
        maxTotal = qMax(maxTotal, double(gap.totalFailures()));
    }
    // One stack per priority (QCPBars has one brush); the legend names the phases once, in grey shades.
    for (int p = 0; p < data.phaseIds.size(); ++p) {
        auto *legendOnly = new QCPBars(plot.yAxis, plot.xAxis);
        legendOnly->setName(phaseShortName(data.phaseNames[p]));
        legendOnly->setBrush(shade(QColor(0x70, 0x70, 0x70), p, int(data.phaseIds.size())));
        legendOnly->setPen(Qt::NoPen);
    }
    for (Priority priority : { Priority::P0, Priority::P1, Priority::P2, Priority::P3, Priority::None }) {
        QVector<int> rowsOf;
        for (int i = 0; i < rows; ++i) {
            if (data.gaps[i].priority == priority)
                rowsOf << i;
        }
        if (rowsOf.isEmpty())
            continue;
        QCPBars *below = nullptr;
        for (int p = 0; p < data.phaseIds.size(); ++p) {
            auto *bars = new QCPBars(plot.yAxis, plot.xAxis);
            bars->setWidth(0.65);
            bars->setBrush(shade(priorityColor(priority), p, int(data.phaseIds.size())));
            bars->setPen(QPen(Qt::white, 1));
            QVector<double> k, v;
            for (int row : qAsConst(rowsOf)) {
                k << rows - 1 - row;
                v << data.gaps[row].failuresByPhase.value(p);
            }
            bars->setData(k, v); // keys run backwards (first row on top): let QCustomPlot sort them
            if (below)
                bars->moveAbove(below);
            below = bars;
            plot.legend->removeItem(plot.legend->itemCount() - 1);
        }
    }
    QSharedPointer<QCPAxisTickerText> ticker(new QCPAxisTickerText);
    ticker->setTicks(keys, labels);
    plot.yAxis->setTicker(ticker);
    plot.yAxis->setSubTicks(false);
    plot.yAxis->setTickLength(0, 4);
    plot.yAxis->grid()->setVisible(false);
    plot.yAxis->setRange(-0.6, qMax(0.6, rows - 0.4));
    plot.xAxis->setRange(0, qMax(1.0, maxTotal * 1.1));
    legendBelow(plot, 4);
    const int height = qMax(200, rows * metrics.height() * 8 / 5 + metrics.height() * 9);
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
    const int rows = plotComparisonBars(plot, gaps, maxRows);
    if (rows == 0)
        return PlanChart();
    plot.yAxis->setSubTicks(false);
    plot.yAxis->setTickLength(0, 4);
    plot.yAxis->grid()->setVisible(false);
    legendBelow(plot, 2);
    const QFontMetrics metrics(chartFont(11));
    PlanChart chart = record(plot, QSize(width, qMax(180, rows * metrics.height() * 2 + metrics.height() * 9)));
    const auto withFailures = std::count_if(
        gaps.cbegin(), gaps.cend(), [](const GroupDelta &g) { return g.oldFailing > 0 || g.newFailing > 0; });
    if (rows < withFailures)
        chart.note = tr("The chart shows the first %1 of %2 gaps with failures.").arg(rows).arg(withFailures);
    return chart;
}
