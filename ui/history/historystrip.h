// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStyledItemDelegate>

class QPainter;

// A test's last runs as a row of coloured cells, oldest left: green pass, red fail, grey skipped or expected,
// empty absent. The strip is the string TreeHistory::strip makes ("..F.F").
void paintHistoryStrip(QPainter *painter, const QRect &rect, const QString &strip);
QSize historyStripSize(int runs);

// Paints the strip held in `role` of the index, then the display text beside it.
class HistoryStripDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    HistoryStripDelegate(int stripRole, QObject *parent = nullptr);
    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

private:
    int m_role;
};
