// SPDX-License-Identifier: GPL-3.0-or-later
#include "wrappingtextdelegate.h"

#include <QApplication>
#include <QHeaderView>
#include <QStyle>
#include <QTreeView>

WrappingTextDelegate::WrappingTextDelegate(QTreeView *view)
    : QStyledItemDelegate(view)
    , m_view(view)
{
    // A wider or narrower column wraps the text again. Queued: laid out again from inside the header's own
    // resize, the rows kept the heights of the width before (seen when a column beside grew to its contents).
    connect(
        view->header(), &QHeaderView::sectionResized, view, [view] { view->doItemsLayout(); }, Qt::QueuedConnection);
}

QSize WrappingTextDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    const QString text = index.data(Qt::DisplayRole).toString();
    const QStyle *style = m_view->style() ? m_view->style() : QApplication::style();
    // The style's text margins either side, as the item view draws them.
    const int margin = (style->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, m_view) + 1) * 2;
    const int width = m_view->columnWidth(index.column()) - margin;
    if (width <= 0 || text.isEmpty())
        return size;
    const QRect wrapped = option.fontMetrics.boundingRect(QRect(0, 0, width, 1 << 20), Qt::TextWordWrap, text);
    size.setHeight(qMax(size.height(), wrapped.height() + margin));
    return size;
}
