// SPDX-License-Identifier: GPL-3.0-or-later
#include "statushistorydelegate.h"

#include "enums.h"
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

namespace {
int markerWidth(const QFontMetrics &metrics)
{
    int widest = 0;
    for (const QString &marker :
        { StatusHistoryDelegate::tr("flaky"), StatusHistoryDelegate::tr("new"), StatusHistoryDelegate::tr("known") })
        widest = qMax(widest, metrics.horizontalAdvance(marker));
    return widest + metrics.averageCharWidth();
}
} // namespace

QSize StatusHistoryDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    const QString strip = index.data(Gapwise::HistoryStripRole).toString();
    if (strip.isEmpty())
        return size;
    // What historyRect() lays out: the icon, the widest status, the strip and the marker with their padding.
    const QFontMetrics metrics(option.font);
    const int pad = metrics.averageCharWidth();
    int status = 0;
    for (Gapwise::TestStatus s : { Gapwise::TestStatus::Passed, Gapwise::TestStatus::Failed, Gapwise::TestStatus::Error,
             Gapwise::TestStatus::Skipped, Gapwise::TestStatus::Unknown })
        status = qMax(status, metrics.horizontalAdvance(Gapwise::statusName(s)));
    const int fixed = option.decorationSize.width() + pad * 3 + status + pad / 2 + markerWidth(metrics) + 1;
    int cells = qMin(int(strip.size()), MaxCells);
    // Asked for a width (option.rect, StatusColumnSizer): the runs that fit in it, but never fewer than MinCells.
    if (option.rect.width() > 0)
        cells = qMin(cells, qMax(MinCells, (option.rect.width() - fixed) / historyStripSize(1).width()));
    size.setWidth(fixed + historyStripSize(cells).width());
    return size;
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
    const int markerRoom = markerWidth(metrics);
    const int room = option.rect.right() - pad / 2 - markerRoom - textEnd;
    const int cells = qMin(qMin(int(strip->size()), MaxCells), room / historyStripSize(1).width());
    if (cells <= 0)
        return {};
    *strip = strip->right(cells);
    const int width = historyStripSize(cells).width() + markerRoom;
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
