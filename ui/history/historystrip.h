// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "wrappingtextdelegate.h"

class QPainter;

// A test's last runs as a row of coloured cells, oldest left: green pass, red fail, grey skipped or expected,
// empty absent. The strip is the string TreeHistory::strip makes ("..F.F").
void paintHistoryStrip(QPainter *painter, const QRect &rect, const QString &strip);
QSize historyStripSize(int runs);

// The history dock's entries: the strip held in `role` on the first line of the cell, and under it the display
// text wrapped to the column's width. Beside a 20-run strip, the text had 95 px of a 300 px dock left and
// wrapped onto eight lines; under it, it has the dock's width.
class HistoryStripDelegate : public WrappingTextDelegate
{
    Q_OBJECT
public:
    HistoryStripDelegate(int stripRole, QTreeView *view);
    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

private:
    int m_role;
};
