// SPDX-License-Identifier: GPL-3.0-or-later
#include "historystrip.h"

#include <QApplication>
#include <QPainter>
#include <QStyle>

namespace {
constexpr int CellWidth = 7;
constexpr int CellGap = 1;
} // namespace

QSize historyStripSize(int runs)
{
    return { runs * (CellWidth + CellGap), 12 };
}

void paintHistoryStrip(QPainter *painter, const QRect &rect, const QString &strip)
{
    painter->save();
    painter->setPen(Qt::NoPen);
    const int h = qMin(rect.height() - 4, 12);
    const int top = rect.top() + (rect.height() - h) / 2;
    for (int i = 0; i < strip.size(); ++i) {
        const QRect cell(rect.left() + i * (CellWidth + CellGap), top, CellWidth, h);
        if (cell.right() > rect.right())
            break;
        switch (strip.at(i).unicode()) {
        case '.':
            painter->setBrush(QColor(0x43, 0xa0, 0x47));
            break;
        case 'F':
            painter->setBrush(QColor(0xd3, 0x2f, 0x2f));
            break;
        case 's':
            painter->setBrush(QColor(0xb0, 0xb0, 0xb0));
            break;
        default: // absent: an outline only
            painter->setBrush(Qt::NoBrush);
            painter->setPen(QColor(0xc8, 0xc8, 0xc8));
            painter->drawRect(cell.adjusted(0, 0, -1, -1));
            painter->setPen(Qt::NoPen);
            continue;
        }
        painter->drawRect(cell);
    }
    painter->restore();
}

HistoryStripDelegate::HistoryStripDelegate(int stripRole, QTreeView *view)
    : WrappingTextDelegate(view)
    , m_role(stripRole)
{
}

namespace {
int stripLineHeight()
{
    return historyStripSize(0).height() + 6;
}
} // namespace

void HistoryStripDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const QString strip = index.data(m_role).toString();
    if (strip.isEmpty()) {
        WrappingTextDelegate::paint(painter, option, index);
        return;
    }
    // Background and selection over the whole cell, the strip on its first line, the text below.
    QStyleOptionViewItem background = option;
    initStyleOption(&background, index);
    const QStyle *style = option.widget ? option.widget->style() : QApplication::style();
    style->drawPrimitive(QStyle::PE_PanelItemViewItem, &background, painter, option.widget);
    QRect line = option.rect.adjusted(3, 0, 0, 0);
    line.setHeight(stripLineHeight());
    paintHistoryStrip(painter, line, strip);
    QStyleOptionViewItem rest = option;
    rest.rect.setTop(option.rect.top() + stripLineHeight());
    WrappingTextDelegate::paint(painter, rest, index);
}

QSize HistoryStripDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QSize s = WrappingTextDelegate::sizeHint(option, index);
    const QString strip = index.data(m_role).toString();
    if (!strip.isEmpty()) {
        s.rheight() += stripLineHeight();
        s.setWidth(qMax(s.width(), historyStripSize(int(strip.size())).width() + 6));
    }
    return s;
}
