// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStyledItemDelegate>

class QTreeView;

// Word-wrapped cells in a tree whose rows grow to the wrapped text. QTreeView asks a delegate for a row's size
// without the column's width, so the stock delegate measures the text on one line; this one measures it at
// the column's width, and has the view lay its rows out again when a column is resized.
class WrappingTextDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    explicit WrappingTextDelegate(QTreeView *view);
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

private:
    QTreeView *m_view;
};
