// SPDX-License-Identifier: GPL-3.0-or-later
#include "comparisonchart.h"

#include "chartbars.h"
#include "labelwrap.h"

#include "qcustomplotheader.h"

#include <QLocale>

using namespace Gapwise;

namespace {
const QColor EarlierColor(0x90, 0xa4, 0xae);
const QColor NowColor(0xd3, 0x2f, 0x2f);
} // namespace

QVector<GroupDelta> gapsWithFailures(const QVector<GroupDelta> &gaps, int maxRows)
{
    QVector<GroupDelta> shown;
    for (const GroupDelta &g : gaps) {
        if ((g.oldFailing > 0 || g.newFailing > 0) && shown.size() < maxRows)
            shown.append(g);
    }
    return shown;
}

QVector<QCPBars *> plotComparisonBars(
    QCustomPlot &plot, const QVector<GroupDelta> &shown, int labelWidth, const QLocale &locale)
{
    const QFontMetrics metrics(plot.yAxis->tickLabelFont());
    QVector<double> keys, before, now;
    QVector<QString> labels;
    int most = 1;
    for (int i = 0; i < shown.size(); ++i) {
        const GroupDelta &g = shown[i];
        keys.append(i);
        before.append(g.oldFailing);
        now.append(g.newFailing);
        // The change stays whole at the end of the last line; the title wraps into what is left.
        const QString change = QStringLiteral(" (%1)").arg(deltaText(g.delta(), locale));
        labels.append(
            wrapLabel(g.title, metrics, qMax(40, labelWidth - metrics.horizontalAdvance(change)), 2) + change);
        most = qMax(most, qMax(g.oldFailing, g.newFailing));
    }
    // One group side by side per gap; a redraw reuses it (QCustomPlot keeps a group until the plot goes).
    auto *group = plot.findChild<QCPBarsGroup *>();
    if (group)
        group->clear();
    else
        group = new QCPBarsGroup(&plot);
    QVector<QCPBars *> drawn;
    auto addBars = [&](const QString &name, const QVector<double> &values, const QColor &color) {
        auto *bars = new QCPBars(plot.yAxis, plot.xAxis);
        bars->setName(name);
        bars->setData(keys, values, true);
        bars->setWidth(0.38);
        bars->setPen(Qt::NoPen);
        bars->setBrush(color);
        bars->setBarsGroup(group);
        drawn.append(bars);
    };
    addBars(ComparisonChart::tr("Last run"), before, EarlierColor);
    addBars(ComparisonChart::tr("This run"), now, NowColor);
    ChartBars::setCategoryTicks(plot.yAxis, labels);
    plot.yAxis->setRangeReversed(true); // the digest's first gap on top
    plot.xAxis->setRange(0, most * 1.15 + 0.5);
    return drawn;
}

ComparisonChart::ComparisonChart(QWidget *parent)
    : BarChart(nullptr, Qt::Horizontal, tr("No failing tests in either run"), parent)
{
    // The legend sits in the caption, like the other charts': inside the plot it would cover long bars.
    // One line beside the phase chart in a 1200 px window; each label's "(+2)" and tooltip say the change.
    setCaption(tr("<b>Failing tests per gap</b>&nbsp;&nbsp;<span style=\"color:%1\">&#9632;</span>&nbsp;last "
                  "run&nbsp;&nbsp;<span style=\"color:%2\">&#9632;</span>&nbsp;this run")
                   .arg(EarlierColor.name(), NowColor.name()));
    m_plot->xAxis->setLabel(tr("Failing tests"));
    refresh();
}

void ComparisonChart::setDeltas(const QVector<GroupDelta> &gaps)
{
    m_gaps = gaps;
    refresh();
}

void ComparisonChart::rebuild()
{
    clearBars();
    m_shown = gapsWithFailures(m_gaps, 1000);
    QStringList ids;
    for (const GroupDelta &g : std::as_const(m_shown))
        ids << g.id;
    setIds(ids);
    const QFontMetrics metrics(m_plot->yAxis->tickLabelFont());
    const int labelWidth = qMax(metrics.averageCharWidth() * 12, int(m_plot->width() * 0.4));
    for (QCPBars *bars : plotComparisonBars(*m_plot, m_shown, labelWidth, QLocale()))
        addBars(bars, bars->brush().color());
    // Two bars and up to two lines of title per gap; more gaps than fit make the chart scroll.
    const int rows = int(m_shown.size());
    m_plot->setMinimumHeight(qMax(160, rows * metrics.height() * 13 / 5 + metrics.height() * 4));
}

QString ComparisonChart::toolTipFor(int key) const
{
    if (key < 0 || key >= m_shown.size())
        return QString();
    const GroupDelta &g = m_shown[key];
    return tr("%1\nlast run: %2 failing\nthis run: %3 failing (%4)")
        .arg(g.title)
        .arg(QLocale().toString(g.oldFailing), QLocale().toString(g.newFailing), deltaText(g.delta(), QLocale()));
}
