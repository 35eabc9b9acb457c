// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QObject>
#include <QPersistentModelIndex>

class QTreeView;

namespace Gapwise {
class ReportFilterProxy;
class TriageSession;
}

// Opens a group (a gap, or a phase under a gap) that an edit brought into the tree (a redo, an undo, triage
// carried over from an earlier run) when the tree shows the groups around it open: a new row of a tree view
// starts collapsed, so a gap coming back on redo of "Move to New Gap" was the one closed row among open ones.
// The tree model inserts a group empty and moves its tests in after, so the rows it inserts are noted and
// looked at once the session says the edit is done. Only the tree model's inserts count (edits), not the
// filter's, so clearing a filter does not open a 20,000-test gap the user left closed.
class EditedGroupExpander : public QObject
{
    Q_OBJECT
public:
    EditedGroupExpander(QTreeView *tree, Gapwise::ReportFilterProxy *proxy, Gapwise::TriageSession *session);

private:
    void expandArrived();
    bool levelShownExpanded(const QModelIndex &row) const;

    QTreeView *m_tree;
    Gapwise::ReportFilterProxy *m_proxy;
    QList<QPersistentModelIndex> m_arrived; // group rows of the tree model, waiting for their tests
};
