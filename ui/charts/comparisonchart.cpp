// SPDX-License-Identifier: GPL-3.0-or-later
#include "comparisonchart.h"

#include "chartaxes.h"

#include "qcustomplotheader.h"

#include <QLabel>
#include <QVBoxLayout>

using namespace Gapwise;

namespace {
const QColor EarlierColor(0x90, 0xa4, 0xae);
const QColor NowColor(0xd3, 0x2f, 0x2f);
} // namespace

ComparisonChart::ComparisonChart(QWidget *parent)
    : QWidget(parent)
    , m_plot(new QCustomPlot(this))
{
    // The legend sits in the title row, like the other charts': inside the plot it would cover long bars.
    auto *title
        = new QLabel(tr("<b>Failing tests per gap</b>&nbsp;&nbsp;<span style=\"color:%1\">&#9632;</span> earlier "
                        "run&nbsp;&nbsp;<span style=\"color:%2\">&#9632;</span> this run&nbsp;&nbsp;(change in "
                        "brackets)")
                         .arg(EarlierColor.name(), NowColor.name()),
            this);
    title->setWordWrap(true);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(title);
    layout->addWidget(m_plot, 1);
    m_plot->xAxis->setLabel(tr("Failing tests"));
    followPalette(m_plot); // the print copy (plancharts.cpp) styles its own plot, light
    setMinimumHeight(220);
}

int plotComparisonBars(QCustomPlot &plot, const QVector<GroupDelta> &gaps, int maxRows)
{
    QVector<GroupDelta> shown;
    for (const GroupDelta &g : gaps) {
        if ((g.oldFailing > 0 || g.newFailing > 0) && shown.size() < maxRows)
            shown.append(g);
    }
    // Top to bottom in the digest's order: the y axis grows upwards, so keys run backwards.
    QVector<double> keys, before, now;
    QVector<QString> labels;
    int most = 1;
    for (int i = 0; i < shown.size(); ++i) {
        const GroupDelta &g = shown[i];
        keys.append(shown.size() - i);
        before.append(g.oldFailing);
        now.append(g.newFailing);
        const QString title = g.title.size() > 36 ? g.title.left(35) + QChar(0x2026) : g.title;
        labels.append(QStringLiteral("%1 (%2)").arg(title, deltaText(g.delta())));
        most = qMax(most, qMax(g.oldFailing, g.newFailing));
    }
    auto *group = new QCPBarsGroup(&plot);
    auto addBars = [&](const QString &name, const QVector<double> &values, const QColor &color) {
        auto *bars = new QCPBars(plot.yAxis, plot.xAxis);
        bars->setName(name);
        bars->setData(keys, values); // keys run downwards: let QCustomPlot sort them
        bars->setWidth(0.38);
        bars->setPen(Qt::NoPen);
        bars->setBrush(color);
        bars->setBarsGroup(group);
    };
    addBars(ComparisonChart::tr("Last run"), before, EarlierColor);
    addBars(ComparisonChart::tr("This run"), now, NowColor);
    QSharedPointer<QCPAxisTickerText> ticker(new QCPAxisTickerText);
    ticker->addTicks(keys, labels);
    plot.yAxis->setTicker(ticker);
    plot.yAxis->setRange(0.4, shown.size() + 0.6);
    plot.xAxis->setRange(0, most * 1.15 + 0.5);
    return int(shown.size());
}

void ComparisonChart::setDeltas(const QVector<GroupDelta> &gaps)
{
    m_plot->clearPlottables();
    plotComparisonBars(*m_plot, gaps);
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}
