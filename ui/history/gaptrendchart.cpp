// SPDX-License-Identifier: GPL-3.0-or-later
#include "gaptrendchart.h"

#include "chartaxes.h"
#include "historystore.h"
#include "qcustomplotheader.h"

#include <QVBoxLayout>

GapTrendChart::GapTrendChart(QWidget *parent)
    : QWidget(parent)
    , m_plot(new QCustomPlot(this))
    , m_bars(new QCPBars(m_plot->xAxis, m_plot->yAxis))
    , m_current(new QCPBars(m_plot->xAxis, m_plot->yAxis))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_plot);
    m_plot->setObjectName(QStringLiteral("gapTrendPlot"));
    m_plot->setMinimumHeight(140);
    m_bars->setBrush(QColor(0xe5, 0x73, 0x73));
    m_bars->setPen(Qt::NoPen);
    m_current->setBrush(QColor(0xc6, 0x28, 0x28));
    m_current->setPen(Qt::NoPen);
    m_bars->setWidth(0.7);
    m_current->setWidth(0.7);
    m_plot->yAxis->setLabel(tr("failing tests"));
    m_plot->xAxis->setLabel(tr("run"));
    // Run i is at x = i: the grid's darker zero line would mark the first run's bar as if it were special.
    m_plot->xAxis->grid()->setZeroLinePen(Qt::NoPen);
    QSharedPointer<QCPAxisTickerFixed> integers(new QCPAxisTickerFixed);
    integers->setTickStep(1.0);
    integers->setScaleStrategy(QCPAxisTickerFixed::ssMultiples);
    m_plot->yAxis->setTicker(integers);
    followPalette(m_plot);
}

void GapTrendChart::setTrend(const Gapwise::GapTrend *trend, const QVector<Gapwise::StoredRun> &window)
{
    QVector<double> keys, values;
    QSharedPointer<QCPAxisTickerText> labels(new QCPAxisTickerText);
    m_count = trend ? int(trend->failures.size()) : 0;
    const int step = qMax(1, m_count / 6); // at most about six labels: the dock is narrow
    for (int i = 0; i < m_count; ++i) {
        if (i == m_count - 1)
            continue; // the open run is its own bar
        keys.append(i);
        values.append(trend->failures[i]);
    }
    for (int i = 0; i < m_count; ++i) {
        // Every step-th run, and the open run; a label less than a step before the open run's would overlap it.
        const bool last = i == m_count - 1;
        if (last || (i % step == 0 && m_count - 1 - i >= step))
            labels->addTick(i, QStringLiteral("#%1").arg(window.value(i).id));
    }
    m_bars->setData(keys, values, true);
    if (m_count > 0)
        m_current->setData({ double(m_count - 1) }, { double(trend->failures.last()) }, true);
    else
        m_current->data()->clear();
    m_plot->xAxis->setTicker(labels);
    m_plot->xAxis->setRange(-0.7, qMax(1, m_count) - 0.3);
    int most = 1;
    for (int i = 0; i < m_count; ++i)
        most = qMax(most, trend->failures[i]);
    m_plot->yAxis->setRange(0, most * 1.15 + 0.5);
    m_plot->replot();
}
