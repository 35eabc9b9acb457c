// SPDX-License-Identifier: GPL-3.0-or-later
#include "barchart.h"
#include "chartaxes.h"
#include "chartdataadapter.h"

#include "qcustomplotheader.h"
#include <QEvent>
#include <QHelpEvent>
#include <QLabel>
#include <QResizeEvent>
#include <QScrollArea>
#include <QToolTip>
#include <QVBoxLayout>

BarChart::BarChart(Gapwise::ChartDataAdapter *adapter, Qt::Orientation bars, const QString &emptyText, QWidget *parent)
    : QWidget(parent)
    , m_adapter(adapter)
    , m_plot(new QCustomPlot(this))
    , m_orientation(bars)
    , m_emptyText(emptyText)
    , m_caption(new QLabel(this))
    , m_scroll(new QScrollArea(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    m_caption->setWordWrap(true);
    m_caption->setTextFormat(Qt::RichText);
    m_caption->setContentsMargins(6, 2, 6, 0);
    layout->addWidget(m_caption);
    // The plot scrolls when its bars need more height than the window gives (40 gaps, each label readable).
    m_scroll->setWidget(m_plot);
    m_scroll->setWidgetResizable(true);
    m_scroll->setFrameShape(QFrame::NoFrame);
    m_scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    layout->addWidget(m_scroll, 1);
    // The chart takes the focus in its scroll area (the arrow keys scroll a long gap chart); the plot has no
    // keyboard use. The window outlines the whole chart while it has the focus (PaneFocusFrame).
    setFocusProxy(m_scroll);
    m_plot->setMinimumHeight(160);
    m_plot->setInteractions(QCP::iSelectPlottables);
    m_plot->setSelectionTolerance(4);
    m_plot->installEventFilter(this);
    m_plot->setMouseTracking(true);
    connect(m_plot, &QCustomPlot::selectionChangedByUser, this, &BarChart::onPlotSelectionChanged);
    useWholeNumberTicks(*m_plot);
    applyPalette();
    if (adapter)
        connect(adapter, &Gapwise::ChartDataAdapter::changed, this, &BarChart::refresh);
}

void BarChart::setCaption(const QString &html)
{
    m_caption->setText(html);
    m_caption->setVisible(!html.isEmpty());
}

void BarChart::clearBars()
{
    m_plot->clearPlottables();
    m_plot->clearItems();
    m_bars.clear();
    m_bands.clear();
}

void BarChart::addBars(QCPBars *bars, const QColor &color)
{
    bars->setBrush(color);
    bars->setSelectable(QCP::stSingleData);
    bars->setProperty("baseColor", color);
    m_bars << bars;
}

void BarChart::refresh()
{
    m_built = true;
    // The highlight is kept by id: a rebuild can give a gap another key (a merge removes a bar above it, an undo
    // brings one back), and a kept key then framed whichever bar took its place.
    const QSet<QString> highlighted = highlightedIds();
    rebuild();
    bool anyValue = false;
    for (const QCPBars *bars : std::as_const(m_bars)) {
        for (auto it = bars->data()->constBegin(); it != bars->data()->constEnd() && !anyValue; ++it)
            anyValue = it->value != 0;
    }
    if (!anyValue) {
        auto *text = new QCPItemText(m_plot);
        text->setPositionAlignment(Qt::AlignCenter);
        text->position->setType(QCPItemPosition::ptAxisRectRatio);
        text->position->setCoords(0.5, 0.5);
        text->setText(m_emptyText);
        text->setColor(palette().color(QPalette::PlaceholderText));
        text->setFont(font());
    }
    // Ids that no longer have a bar drop out of the highlight; the rest stays selected across a redraw.
    QSet<int> kept;
    for (const QString &id : highlighted) {
        if (const int key = int(m_ids.indexOf(id)); key >= 0)
            kept.insert(key);
    }
    m_highlighted = kept;
    applyPalette();
    applyHighlight();
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void BarChart::applyPalette()
{
    const QPalette pal = palette();
    applyPlotPalette(*m_plot, pal);
    for (QCPBars *bars : qAsConst(m_bars)) {
        // A thin base-coloured outline keeps stacked segments apart; the selection gets the highlight colour.
        const QColor base = bars->property("baseColor").value<QColor>();
        bars->setPen(QPen(pal.color(QPalette::Base), 1));
        bars->selectionDecorator()->setPen(QPen(pal.color(QPalette::Highlight), 3));
        bars->selectionDecorator()->setBrush(base.lighter(115));
    }
}

void BarChart::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    // Rebuilt, not just restyled: text items (the failure rates) take their colour when they are made.
    if (m_built && (event->type() == QEvent::PaletteChange || event->type() == QEvent::StyleChange))
        refresh();
}

int BarChart::heightForAllBars() const
{
    // What is not the plot (caption, margins) as laid out now, and the plot at its least.
    return height() - m_scroll->viewport()->height() + m_plot->minimumHeight();
}

QSet<QString> BarChart::highlightedIds() const
{
    QSet<QString> ids;
    for (int key : m_highlighted)
        ids.insert(m_ids.value(key));
    return ids;
}

void BarChart::highlight(const QStringList &ids)
{
    QSet<int> keys;
    for (const QString &id : ids) {
        const int key = m_ids.indexOf(id);
        if (key >= 0)
            keys.insert(key);
    }
    if (keys == m_highlighted)
        return;
    m_highlighted = keys;
    applyHighlight();
    m_plot->replot(QCustomPlot::rpQueuedReplot);
    if (ids.size() == 1) {
        const QPoint center = barCenter(ids.first());
        if (!center.isNull())
            m_scroll->ensureVisible(center.x(), center.y(), 0, m_plot->fontMetrics().height() * 2);
    }
}

void BarChart::applyHighlight()
{
    // A translucent band behind each highlighted bar: the outline alone is easy to miss on thin segments.
    for (QCPItemRect *band : qAsConst(m_bands))
        m_plot->removeItem(band);
    m_bands.clear();
    QColor fill = palette().color(QPalette::Highlight);
    fill.setAlpha(45);
    QCPAxis *key = keyAxis();
    QCPAxis *value = key == m_plot->xAxis ? m_plot->yAxis : m_plot->xAxis;
    for (int k : qAsConst(m_highlighted)) {
        auto *band = new QCPItemRect(m_plot);
        band->setLayer(QStringLiteral("grid"));
        band->setPen(Qt::NoPen);
        band->setBrush(fill);
        band->setSelectable(false);
        for (auto *position : { band->topLeft, band->bottomRight })
            position->setAxes(m_plot->xAxis, m_plot->yAxis);
        const double lo = k - 0.48, hi = k + 0.48;
        const double vLo = value->range().lower, vHi = value->range().upper;
        if (key == m_plot->xAxis) {
            band->topLeft->setCoords(lo, vHi);
            band->bottomRight->setCoords(hi, vLo);
        } else {
            band->topLeft->setCoords(vLo, lo);
            band->bottomRight->setCoords(vHi, hi);
        }
        m_bands << band;
    }
    for (QCPBars *bars : qAsConst(m_bars)) {
        QCPDataSelection selection;
        const auto data = bars->data();
        for (int i = 0; i < data->size(); ++i) {
            if (m_highlighted.contains(int(data->at(i)->key)))
                selection.addDataRange(QCPDataRange(i, i + 1), false);
        }
        selection.simplify();
        bars->setSelection(selection);
    }
}

void BarChart::onPlotSelectionChanged()
{
    // QCustomPlot selected one segment; the user meant the whole bar (every stacked segment at that key).
    for (QCPBars *bars : qAsConst(m_bars)) {
        const QCPDataSelection selection = bars->selection();
        if (selection.isEmpty())
            continue;
        const int key = int(bars->data()->at(selection.dataRange(0).begin())->key);
        m_highlighted = { key };
        applyHighlight();
        m_plot->replot(QCustomPlot::rpQueuedReplot);
        emit barActivated(m_ids.value(key));
        return;
    }
    // A click beside the bars clears QCustomPlot's selection; keep showing what the tree selects.
    applyHighlight();
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

QString BarChart::toolTipAt(const QPoint &pos) const
{
    int dataIndex = -1;
    auto *bars = qobject_cast<QCPBars *>(m_plot->plottableAt(pos, false, &dataIndex));
    if (!bars || dataIndex < 0 || dataIndex >= bars->data()->size())
        return QString();
    return toolTipFor(int(bars->data()->at(dataIndex)->key));
}

// Value at `key` in one bars plottable (0 when it has no data point there).
static double valueAt(const QCPBars *bars, double key)
{
    const auto data = bars->data();
    const auto it = data->findBegin(key, false);
    return it != data->constEnd() && it->key == key ? it->value : 0.0;
}

QPoint BarChart::barCenter(const QString &id) const
{
    const int key = keyOf(id);
    if (key < 0)
        return {};
    // The middle of the first non-empty segment at that key, its base being the segments stacked below.
    for (QCPBars *bars : m_bars) {
        const double value = valueAt(bars, key);
        if (value <= 0)
            continue;
        double base = 0;
        for (QCPBars *below = bars->barBelow(); below; below = below->barBelow())
            base += valueAt(below, key);
        const QPointF middle = bars->coordsToPixels(key, base + value / 2);
        // Bars side by side in a group (the comparison chart's) stand off their key: dataPixelPosition knows by how
        // much.
        const QPointF end
            = bars->dataPixelPosition(int(bars->data()->findBegin(key, false) - bars->data()->constBegin()));
        const bool keysAcross = keyAxis()->orientation() == Qt::Horizontal;
        return (keysAcross ? QPointF(end.x(), middle.y()) : QPointF(middle.x(), end.y())).toPoint();
    }
    return {};
}

bool BarChart::eventFilter(QObject *watched, QEvent *event)
{
    // Labels are elided and shortened to the plot's width, so a new width means new labels. Upright bars also
    // keep a share of the height for the values above them: a banner that took 30 px cut the phase chart's
    // tallest rate in half. The height of sideways bars comes from their chart's own minimum and needs nothing.
    if (watched == m_plot && event->type() == QEvent::Resize && m_built) {
        const auto *resize = static_cast<QResizeEvent *>(event);
        if (resize->oldSize().width() != resize->size().width()
            || (m_orientation == Qt::Vertical && resize->oldSize().height() != resize->size().height()))
            refresh();
    }
    if (watched == m_plot && event->type() == QEvent::ToolTip) {
        const auto *help = static_cast<QHelpEvent *>(event);
        const QString tip = toolTipAt(help->pos());
        if (tip.isEmpty())
            QToolTip::hideText();
        else
            QToolTip::showText(help->globalPos(), tip, m_plot);
        return true;
    }
    return QWidget::eventFilter(watched, event);
}

QCPAxis *BarChart::keyAxis() const
{
    return m_orientation == Qt::Vertical ? m_plot->xAxis : m_plot->yAxis;
}
