// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStyledItemDelegate>

// The tree's Status column with a run history: a test row's status, then its latest runs as a strip and a
// flaky or new marker at the right of the cell, where the status text leaves room; the column is sized
// (StatusColumnSizer) to the widest of the group counts and sizeHint(), which has room for MaxCells runs.
// Hovering the strip shows the history's tooltip ("regression: …, failing since #12"). Rows without a strip
// (groups, no history) paint as usual.
class StatusHistoryDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    StatusHistoryDelegate(int historyColumn, QObject *parent = nullptr);
    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    // A test row with a strip: any status, the strip (up to MaxCells runs) and the widest marker. Where
    // option.rect has a width, as few runs as fit in it, down to MinCells (paint() draws what fits).
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    bool helpEvent(QHelpEvent *event, QAbstractItemView *view, const QStyleOptionViewItem &option,
        const QModelIndex &index) override;

    static constexpr int MaxCells = 10;
    static constexpr int MinCells = 5;

private:
    // Where the strip and the marker go in `option.rect`; empty when the row has no strip.
    QRect historyRect(
        const QStyleOptionViewItem &option, const QModelIndex &index, QString *strip, QString *marker) const;

    int m_historyColumn;
};
