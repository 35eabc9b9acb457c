// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>

class QTreeView;

namespace Gapwise {
class ReportTreeModel;
}

// Keeps the report tree's Status column as wide as the open report needs, so the Name column (stretched)
// gets the rest: the widest count a group can show while the report is open ("3 failing · 41 tests", not a
// 100,000-test run's), and on test rows the status and whatever the column's delegate adds (the history
// strip). Where the tree is too narrow for both, the delegate is asked for what it needs in the width the
// group titles leave (StatusHistoryDelegate then shows fewer runs), so phase and gap titles stay whole.
// Recomputed when a report is loaded or regrouped (a model reset), when the run history comes or goes, and
// when the tree is resized while the column has the width this gave it (a user's width is kept); an edit
// only moves tests between groups, so it never needs more than that. The group titles are measured on a
// load, a regroup or a history change only: a resize (a scroll bar appearing as a filtered undo adds rows)
// reuses that measure, since walking a 100,000-test tree then cost the GUI thread ~200 ms.
class StatusColumnSizer : public QObject
{
    Q_OBJECT
public:
    StatusColumnSizer(QTreeView *tree, Gapwise::ReportTreeModel *model);

    // The width the column gets now (the font's and the delegate's measure of the model's texts).
    int neededWidth() const;
    // The Name column's width for the widest phase or gap title with its indentation.
    int groupTitleWidth() const;
    void fit();
    // Measures the group titles again, then fits.
    void refit();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QTreeView *m_tree;
    Gapwise::ReportTreeModel *m_model;
    int m_fitted = -1;
    int m_groupTitles = 0; // groupTitleWidth() as of the last refit()
};
