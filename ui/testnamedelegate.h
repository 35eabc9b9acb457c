// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStyledItemDelegate>

// Draws a test's name as its own name in full (the function, or the last part of a node id) followed by
// its file and class dimmed, so long node ids never lose their distinguishing end to middle elision. Other
// rows and columns draw as usual (elided at the right); tooltips carry the full text.
class TestNameDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    // A test's own name as drawn in `width`: whole, or cut in its middle (names of one class share their start
    // and differ at the end).
    static QString shownName(const QFontMetrics &metrics, const QString &name, int width);
};
