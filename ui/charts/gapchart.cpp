// SPDX-License-Identifier: GPL-3.0-or-later
#include "gapchart.h"

#include "chartbars.h"
#include "chartdataadapter.h"
#include "counttext.h"
#include "statuspalette.h"

#include "qcustomplotheader.h"

#include <algorithm>

using namespace Gapwise;

GapChart::GapChart(ChartDataAdapter *adapter, QWidget *parent)
    : BarChart(adapter, Qt::Horizontal, tr("No named failing tests in this report"), parent)
{
    setObjectName(QStringLiteral("gapChart"));
    m_plot->xAxis->setLabel(tr("Failing tests (named)"));
    // The scale on top as well: with many gaps the plot scrolls and the bottom axis is out of sight.
    m_plot->xAxis2->setVisible(true);
    connect(m_plot->xAxis, qOverload<const QCPRange &>(&QCPAxis::rangeChanged), m_plot->xAxis2,
        qOverload<const QCPRange &>(&QCPAxis::setRange));
    connect(adapter, &ChartDataAdapter::gapBarsChanged, this, &GapChart::updateBars);
    refresh();
}

void GapChart::rebuild()
{
    clearBars();
    const GapChartData &all = m_adapter->gapData();
    m_rows = chartedGapRows(all, MaxChartedGaps);
    GapChartData data = all;
    data.gaps.clear();
    QStringList ids;
    for (int row : std::as_const(m_rows)) {
        data.gaps.append(all.gaps[row]);
        ids << all.gaps[row].gapId;
    }
    setIds(ids);
    setCaption(
        data.gaps.isEmpty() ? tr("<b>Failures per gap</b> — no gaps in this report") : legendHtml(int(m_rows.size())));
    const int rows = int(data.gaps.size());
    m_stacks = ChartBars::addGapBars(*m_plot, data, rows);
    for (const QVector<QCPBars *> &stack : std::as_const(m_stacks)) {
        for (QCPBars *bars : stack)
            addBars(bars, bars->brush().color());
    }
    // Titles take at most ~45 % of the plot's width, on up to three lines (a narrow pane beside the history
    // dock holds "ModuleNotFoundError: No module named 'legacy_billing'" whole); the tooltip has the whole title.
    const QFontMetrics metrics(m_plot->yAxis->tickLabelFont());
    const int labelWidth = qMax(metrics.averageCharWidth() * 12, int(m_plot->width() * 0.45));
    const QVector<QString> labels = ChartBars::gapLabels(data, rows, metrics, labelWidth, 3);
    ChartBars::setCategoryTicks(m_plot->yAxis, labels);
    m_maxTotal = ChartBars::mostGapFailures(data);
    // At least ~1.6 lines per gap (a line more for each line a title wraps onto) so no two titles overlap;
    // more gaps than fit make the chart scroll.
    qsizetype lines = 1;
    for (const QString &label : labels)
        lines = qMax(lines, label.count(QLatin1Char('\n')) + 1);
    const int rowPixels = metrics.height() * int(5 * lines + 3) / 5;
    m_plot->setMinimumHeight(qMax(160, rows * rowPixels + metrics.height() * 4));
}

// Tests moved between gaps: the same bars, two values each changed in place. Rebuilding every bar, label and
// ticker for that cost as much as the move itself on 100,000 tests.
void GapChart::updateBars(const QVector<int> &rows)
{
    const GapChartData &data = m_adapter->gapData();
    if (m_rows.size() != data.gaps.size()) {
        // Only some gaps have bars, and a move may change which: draw them again (at most MaxChartedGaps).
        refresh();
        return;
    }
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
    const double maxTotal = ChartBars::mostGapFailures(data);
    if (maxTotal != m_maxTotal) {
        m_maxTotal = maxTotal;
        m_plot->xAxis->setRange(0, qMax(1.0, maxTotal * 1.1));
    }
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

QString GapChart::legendHtml(int charted) const
{
    const GapChartData &data = m_adapter->gapData();
    QString html = tr("<b>Failures per gap</b> &nbsp; colour = priority:");
    if (charted < data.gaps.size())
        html = tr("<b>Failures per gap</b>: the %L1 of %L2 gaps with the most failing tests (the tree lists every "
                  "gap) &nbsp; colour = priority:")
                   .arg(charted)
                   .arg(data.gaps.size());
    for (Priority p : { Priority::P0, Priority::P1, Priority::P2, Priority::P3, Priority::None }) {
        const QString name = p == Priority::None ? tr("none") : priorityName(p);
        html += QStringLiteral(" <span style=\"color:%1\">&#9632;</span>&nbsp;%2").arg(priorityColor(p).name(), name);
    }
    if (data.phaseNames.isEmpty())
        return html;
    // Very long phase names elided, so the caption stays a line or two and leaves the bars their height;
    // "Integration Tests (Non-Docker)" stays whole.
    const QFontMetrics metrics(font());
    const QVector<QString> names = ChartBars::phaseLabelNames(data.phaseNames);
    const QColor grey = ChartBars::phaseLegendGrey();
    const auto entry = [&](int i) {
        return QStringLiteral("<span style=\"color:%1\">&#9632;</span>&nbsp;%2")
            .arg(ChartBars::phaseShade(grey, i, int(names.size())).name(),
                metrics.elidedText(names[i], Qt::ElideRight, metrics.averageCharWidth() * 34).toHtmlEscaped());
    };
    // Past a few phases (a folder of JUnit files has one per file) every name took the chart's height away
    // (QA: four caption lines over a squashed plot): the first and the last, and the count; tooltips name each.
    constexpr int MaxNamedPhases = 4;
    if (names.size() > MaxNamedPhases) {
        return html
            + tr(" &nbsp; shade = phase, lighter = later: %2 … %3 (%L1 phases; a bar's tooltip names each)")
                  .arg(names.size())
                  .arg(entry(0), entry(int(names.size()) - 1)); // the names last: a "%1" in one stays as it is
    }
    html += tr(" &nbsp; shade = phase:");
    for (int i = 0; i < names.size(); ++i)
        html += QLatin1Char(' ') + entry(i);
    return html;
}

QString GapChart::toolTipFor(int key) const
{
    const GapChartData &data = m_adapter->gapData();
    const int row = m_rows.value(key, -1);
    if (row < 0 || row >= data.gaps.size())
        return QString();
    const GapBar &gap = data.gaps[row];
    QString tip = gap.title;
    if (gap.priority != Priority::None)
        tip += QLatin1Char('\n') + tr("Priority %1").arg(priorityName(gap.priority));
    for (int p = 0; p < data.phaseNames.size(); ++p)
        tip += QLatin1Char('\n') + tr("%1: %2 failing").arg(data.phaseNames[p]).arg(gap.failuresByPhase.value(p));
    tip += QLatin1Char('\n')
        + countText(gap.totalFailures(), tr("%1 failing test in all"), tr("%1 failing tests in all"));
    return tip;
}
