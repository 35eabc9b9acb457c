// SPDX-License-Identifier: GPL-3.0-or-later
#include "statushistorydelegate.h"

#include "historystrip.h"
#include "reportroles.h"

#include <QAbstractItemView>
#include <QHelpEvent>
#include <QPainter>
#include <QToolTip>

StatusHistoryDelegate::StatusHistoryDelegate(int historyColumn, QObject *parent)
    : QStyledItemDelegate(parent)
    , m_historyColumn(historyColumn)
{
}

QRect StatusHistoryDelegate::historyRect(
    const QStyleOptionViewItem &option, const QModelIndex &index, QString *strip, QString *marker) const
{
    *strip = index.data(Gapwise::HistoryStripRole).toString();
    if (strip->isEmpty())
        return {};
    *marker = index.siblingAtColumn(m_historyColumn).data().toString();
    const QFontMetrics metrics(option.font);
    const int pad = metrics.averageCharWidth();
    // The status text (and its icon) keep their room; the strip takes the latest runs that fit beside it.
    const int textEnd = option.rect.left() + option.decorationSize.width() + pad * 2
        + metrics.horizontalAdvance(index.data().toString()) + pad;
    // Room for the widest marker on every row, so the strips of a group line up run by run.
    const int markerWidth = qMax(metrics.horizontalAdvance(tr("flaky")), metrics.horizontalAdvance(tr("new"))) + pad;
    const int room = option.rect.right() - pad / 2 - markerWidth - textEnd;
    const int cells = qMin(qMin(int(strip->size()), MaxCells), room / historyStripSize(1).width());
    if (cells <= 0)
        return {};
    *strip = strip->right(cells);
    const int width = historyStripSize(cells).width() + markerWidth;
    return { option.rect.right() - pad / 2 - width, option.rect.top(), width, option.rect.height() };
}

void StatusHistoryDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QStyledItemDelegate::paint(painter, option, index);
    QString strip, marker;
    const QRect area = historyRect(option, index, &strip, &marker);
    if (area.isEmpty())
        return;
    paintHistoryStrip(painter, area, strip);
    if (marker.isEmpty())
        return;
    painter->save();
    const QVariant colour = index.siblingAtColumn(m_historyColumn).data(Qt::ForegroundRole);
    painter->setPen(
        option.state & QStyle::State_Selected ? option.palette.highlightedText().color() : colour.value<QColor>());
    painter->setFont(option.font);
    const QRect text = area.adjusted(historyStripSize(int(strip.size())).width(), 0, 0, 0);
    painter->drawText(text, Qt::AlignHCenter | Qt::AlignVCenter, marker);
    painter->restore();
}

bool StatusHistoryDelegate::helpEvent(
    QHelpEvent *event, QAbstractItemView *view, const QStyleOptionViewItem &option, const QModelIndex &index)
{
    QString strip, marker;
    const QRect area = historyRect(option, index, &strip, &marker);
    if (event && !area.isEmpty() && area.contains(event->pos())) {
        const QString tip = index.siblingAtColumn(m_historyColumn).data(Qt::ToolTipRole).toString();
        if (!tip.isEmpty()) {
            QToolTip::showText(event->globalPos(), tip, view, area);
            return true;
        }
    }
    return QStyledItemDelegate::helpEvent(event, view, option, index);
}
