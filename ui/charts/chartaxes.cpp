// SPDX-License-Identifier: GPL-3.0-or-later
#include "chartaxes.h"

#include "qcustomplotheader.h"

#include <QEvent>
#include <QFontMetrics>
#include <QLocale>

namespace {

// Whole-number ticks, as many as the axis has room for: at most five, fewer when the labels are wide
// ("150,000") or the axis is short, so neighbouring labels never run together ("1000150020002500").
class CountTicker : public QCPAxisTickerFixed
{
public:
    explicit CountTicker(QCPAxis *axis)
        : m_axis(axis)
    {
        setTickStep(1.0);
        setScaleStrategy(QCPAxisTickerFixed::ssMultiples); // 1, 2, 5, 10 … as the range needs
    }

    // Ticks are made before the plot lays itself out, so from the axis length of the layout before: true when
    // the last layout changed that length enough to want another tick count (then the plot draws again).
    bool wantsAnotherCount() const { return ticksFor(axisLength(), m_range) != tickCount(); }

protected:
    double getTickStep(const QCPRange &range) override
    {
        m_range = range;
        setTickCount(ticksFor(axisLength(), range));
        return QCPAxisTickerFixed::getTickStep(range);
    }

private:
    int axisLength() const
    {
        const QRect rect = m_axis->axisRect()->rect();
        return m_axis->orientation() == Qt::Horizontal ? rect.width() : rect.height();
    }

    int ticksFor(int length, const QCPRange &range) const
    {
        if (length <= 0)
            return DefaultTicks; // not laid out yet
        const QFontMetrics metrics(m_axis->tickLabelFont());
        const double widest = qMax(qAbs(range.lower), qAbs(range.upper));
        // A label and a label's room of space beside it; vertical labels need only their height and as much again.
        const int room = m_axis->orientation() == Qt::Horizontal
            ? metrics.horizontalAdvance(m_axis->parentPlot()->locale().toString(widest, 'f', 0)) * 2
            : metrics.height() * 2;
        return qBound(1, length / qMax(1, room), DefaultTicks);
    }

    static constexpr int DefaultTicks = 5;
    QCPAxis *m_axis; // owns this ticker
    QCPRange m_range;
};

} // namespace

void useWholeNumberTicks(QCustomPlot &plot)
{
    plot.setLocale(QLocale()); // QCustomPlot's own is C without digit grouping: "150000" beside the tree's "150,000"
    for (QCPAxis *axis : plot.axisRect()->axes()) {
        axis->setTicker(QSharedPointer<CountTicker>::create(axis));
        axis->setNumberFormat(QStringLiteral("f")); // "1,000,000", not "1e+06"
        axis->setNumberPrecision(0);
    }
    QObject::connect(&plot, &QCustomPlot::afterLayout, &plot, [&plot] {
        for (QCPAxis *axis : plot.axisRect()->axes()) {
            const auto ticker = axis->ticker().dynamicCast<CountTicker>();
            if (ticker && ticker->wantsAnotherCount()) {
                plot.replot(QCustomPlot::rpQueuedReplot);
                return;
            }
        }
    });
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
