// SPDX-License-Identifier: GPL-3.0-or-later
#include "chartaxes.h"

#include "qcustomplotheader.h"

#include <QEvent>

void useWholeNumberTicks(QCustomPlot &plot)
{
    QSharedPointer<QCPAxisTickerFixed> counts(new QCPAxisTickerFixed);
    counts->setTickStep(1.0);
    counts->setScaleStrategy(QCPAxisTickerFixed::ssMultiples); // 1, 2, 5, 10 … as the range needs
    for (QCPAxis *axis : plot.axisRect()->axes())
        axis->setTicker(counts);
}

void applyPlotPalette(QCustomPlot &plot, const QPalette &palette)
{
    const QColor text = palette.color(QPalette::WindowText);
    QColor grid = text;
    grid.setAlpha(40);
    plot.setBackground(palette.brush(QPalette::Base));
    for (QCPAxis *axis : plot.axisRect()->axes()) {
        axis->setBasePen(QPen(text));
        axis->setTickPen(QPen(text));
        axis->setSubTickPen(QPen(text));
        axis->setTickLabelColor(text);
        axis->setLabelColor(text);
        axis->grid()->setPen(QPen(grid, 0, Qt::DotLine));
    }
    plot.legend->setBrush(palette.brush(QPalette::Base));
    plot.legend->setTextColor(text);
    plot.legend->setBorderPen(QPen(grid));
}

namespace {

class PaletteFollower : public QObject
{
public:
    explicit PaletteFollower(QCustomPlot *plot)
        : QObject(plot)
        , m_plot(plot)
    {
    }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (watched == m_plot && (event->type() == QEvent::PaletteChange || event->type() == QEvent::StyleChange)) {
            applyPlotPalette(*m_plot, m_plot->palette());
            m_plot->replot(QCustomPlot::rpQueuedReplot);
        }
        return false;
    }

private:
    QCustomPlot *m_plot;
};

} // namespace

void followPalette(QCustomPlot *plot)
{
    applyPlotPalette(*plot, plot->palette());
    plot->installEventFilter(new PaletteFollower(plot));
}
