// SPDX-License-Identifier: GPL-3.0-or-later
#include "gapchart.h"

#include "chartdataadapter.h"
#include "distinctlabels.h"
#include "statuspalette.h"

#include "qcustomplotheader.h"

#include <algorithm>

using namespace Gapwise;

namespace {

// Later phases lighter; the first phase keeps the priority's own colour.
QColor shade(const QColor &base, int phase, int phases)
{
    if (phases <= 1)
        return base;
    const int step = 55 / qMax(1, phases - 1); // the lightest still clearly coloured
    return base.lighter(100 + phase * step);
}

} // namespace

GapChart::GapChart(ChartDataAdapter *adapter, QWidget *parent)
    : BarChart(parent)
    , m_adapter(adapter)
{
    setObjectName(QStringLiteral("gapChart"));
    m_plot->xAxis->setLabel(tr("Failing tests (named)"));
    m_plot->yAxis->setRangeReversed(true); // first gap on top, as in the report
    // The scale on top as well: with many gaps the plot scrolls and the bottom axis is out of sight.
    m_plot->xAxis2->setVisible(true);
    connect(m_plot->xAxis, qOverload<const QCPRange &>(&QCPAxis::rangeChanged), m_plot->xAxis2,
        qOverload<const QCPRange &>(&QCPAxis::setRange));
    connect(adapter, &ChartDataAdapter::changed, this, &GapChart::refresh);
    connect(adapter, &ChartDataAdapter::gapBarsChanged, this, &GapChart::updateBars);
    refresh();
}

QString GapChart::emptyText() const
{
    return tr("No named failing tests in this report");
}

QCPAxis *GapChart::keyAxis() const
{
    return m_plot->yAxis;
}

void GapChart::rebuild()
{
    clearBars();
    m_stacks.clear();
    const GapChartData &data = m_adapter->gapData();
    QStringList ids;
    QVector<double> keys;
    QVector<QString> labels;
    double maxTotal = 0;
    // Titles take at most ~45 % of the plot's width; the tooltip always has the whole title.
    const QFontMetrics metrics(m_plot->yAxis->tickLabelFont());
    const int labelWidth = qMax(metrics.averageCharWidth() * 12, int(m_plot->width() * 0.45));
    // Alike titles (eight "ModuleNotFoundError: No module named 'app.…'") keep the part that tells them apart.
    QStringList titles;
    for (const GapBar &gap : data.gaps)
        titles << gap.title;
    const QStringList shortTitles = distinctLabels(titles,
        [&](const QString &title, Qt::TextElideMode mode) { return metrics.elidedText(title, mode, labelWidth); });
    for (int i = 0; i < data.gaps.size(); ++i) {
        const GapBar &gap = data.gaps[i];
        ids << gap.gapId;
        keys << i;
        const QString prio = priorityName(gap.priority);
        labels << (prio.isEmpty() ? shortTitles[i] : prio + QStringLiteral("  ") + shortTitles[i]);
        maxTotal = qMax(maxTotal, double(gap.totalFailures()));
    }
    setIds(ids);
    setCaption(data.gaps.isEmpty() ? tr("<b>Failures per gap</b> — no gaps in this report") : legendHtml());

    // QCPBars has one brush per plottable, so each priority gets its own stack of per-phase bars holding
    // only that priority's gaps.
    for (Priority priority : { Priority::P0, Priority::P1, Priority::P2, Priority::P3, Priority::None }) {
        QVector<int> rows;
        for (int i = 0; i < data.gaps.size(); ++i) {
            if (data.gaps[i].priority == priority)
                rows << i;
        }
        if (rows.isEmpty())
            continue;
        QCPBars *below = nullptr;
        for (int p = 0; p < data.phaseIds.size(); ++p) {
            auto *bars = new QCPBars(m_plot->yAxis, m_plot->xAxis);
            bars->setName(phaseShortName(data.phaseNames[p]));
            bars->setWidth(0.65);
            QVector<double> k, v;
            for (int row : qAsConst(rows)) {
                k << row;
                v << data.gaps[row].failuresByPhase.value(p);
            }
            bars->setData(k, v, true);
            if (below)
                bars->moveAbove(below);
            below = bars;
            m_stacks[int(priority)].append(bars);
            addBars(bars, shade(priorityColor(priority), p, data.phaseIds.size()));
        }
    }
    QSharedPointer<QCPAxisTickerText> ticker(new QCPAxisTickerText);
    ticker->setTicks(keys, labels);
    m_plot->yAxis->setTicker(ticker);
    m_plot->yAxis->setSubTicks(false);
    m_plot->yAxis->setTickLength(0, 4);
    m_plot->yAxis->grid()->setVisible(false);
    m_plot->yAxis->setRange(-0.6, qMax(0.6, data.gaps.size() - 0.4));
    m_maxTotal = maxTotal;
    m_plot->xAxis->setRange(0, qMax(1.0, maxTotal * 1.1));
    // At least ~1.6 lines per gap so no two titles overlap; more gaps than fit make the chart scroll.
    const int rowPixels = metrics.height() * 8 / 5;
    m_plot->setMinimumHeight(qMax(160, int(data.gaps.size()) * rowPixels + metrics.height() * 4));
}

// Tests moved between gaps: the same bars, two values each changed in place. Rebuilding every bar, label and
// ticker for that cost as much as the move itself on 100,000 tests.
void GapChart::updateBars(const QVector<int> &rows)
{
    const GapChartData &data = m_adapter->gapData();
    for (int row : rows) {
        if (row < 0 || row >= data.gaps.size())
            continue;
        const GapBar &gap = data.gaps[row];
        const QVector<QCPBars *> stack = m_stacks.value(int(gap.priority));
        for (int p = 0; p < stack.size(); ++p) {
            const QSharedPointer<QCPBarsDataContainer> values = stack[p]->data();
            // Sorted by key: the non-const iterators let the value change in place.
            const auto it = std::lower_bound(values->begin(), values->end(), double(row),
                [](const QCPBarsData &d, double key) { return d.key < key; });
            if (it != values->end() && int(it->key) == row)
                it->value = gap.failuresByPhase.value(p);
        }
    }
    double maxTotal = 0;
    for (const GapBar &gap : data.gaps)
        maxTotal = qMax(maxTotal, double(gap.totalFailures()));
    if (maxTotal != m_maxTotal) {
        m_maxTotal = maxTotal;
        m_plot->xAxis->setRange(0, qMax(1.0, maxTotal * 1.1));
    }
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

QString GapChart::legendHtml() const
{
    const GapChartData &data = m_adapter->gapData();
    QString html = tr("<b>Failures per gap</b> &nbsp; colour = priority:");
    for (Priority p : { Priority::P0, Priority::P1, Priority::P2, Priority::P3, Priority::None }) {
        const QString name = p == Priority::None ? tr("none") : priorityName(p);
        html += QStringLiteral(" <span style=\"color:%1\">&#9632;</span>&nbsp;%2").arg(priorityColor(p).name(), name);
    }
    if (!data.phaseNames.isEmpty()) {
        html += tr(" &nbsp; shade = phase:");
        const QColor grey(0x70, 0x70, 0x70); // mid grey: its shades read on light and dark bases
        for (int i = 0; i < data.phaseNames.size(); ++i) {
            html += QStringLiteral(" <span style=\"color:%1\">&#9632;</span>&nbsp;%2")
                        .arg(shade(grey, i, data.phaseNames.size()).name(),
                            phaseShortName(data.phaseNames[i]).toHtmlEscaped());
        }
    }
    return html;
}

QString GapChart::toolTipFor(int key) const
{
    const GapChartData &data = m_adapter->gapData();
    if (key < 0 || key >= data.gaps.size())
        return QString();
    const GapBar &gap = data.gaps[key];
    QString tip = gap.title;
    if (gap.priority != Priority::None)
        tip += QLatin1Char('\n') + tr("Priority %1").arg(priorityName(gap.priority));
    for (int p = 0; p < data.phaseNames.size(); ++p)
        tip += QLatin1Char('\n') + tr("%1: %2 failing").arg(data.phaseNames[p]).arg(gap.failuresByPhase.value(p));
    tip += QLatin1Char('\n') + tr("%1 failing tests in all").arg(gap.totalFailures());
    return tip;
}
