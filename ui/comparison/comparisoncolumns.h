// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>

class QTableView;

// Sizes the comparison table's columns to the table's width, so Change, Before and Now stay in view: at the
// comparison window's size the Test and Gap columns, sized to their longest text, pushed Before and Now off
// the right edge, and a long gap title left the Gap header's text out of view (a blank header). Change,
// Before and Now get their text's width; Phase and Gap theirs up to a share of what is left; Test the rest.
// The long texts elide (the model gives each cell its full text as a tooltip). Refitted when the digest is
// shown and when the table is resized.
class ComparisonColumns : public QObject
{
    Q_OBJECT
public:
    explicit ComparisonColumns(QTableView *table);
    void fit();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    int contentWidth(int column) const;

    QTableView *m_table;
};
