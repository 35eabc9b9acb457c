// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QSet>
#include <QStringList>

class QAction;
class QMenu;
class QTreeView;
class QUndoCommand;
class QWidget;

namespace Gapwise {
class ReportFilterProxy;
class ReportTreeModel;
class TriageSession;
}

// The triage commands on the tree: move the selected tests to a gap (context menu, Ctrl+M picker, a new
// gap), and edit, merge or delete the gap under the cursor. Selections are read through the proxy, so
// they work on sorted and filtered views in both groupings; every command goes to the session's undo stack.
class TriageActions : public QObject
{
    Q_OBJECT
public:
    TriageActions(Gapwise::TriageSession *session, QTreeView *tree, Gapwise::ReportFilterProxy *proxy, QWidget *window);

    // Adds Undo, Redo and the triage commands to the window's Edit menu.
    void fillEditMenu(QMenu *edit);

    QStringList selectedTestIds() const;
    QString currentGapId(bool *isGap = nullptr) const; // the gap of the current row ("" = Unassigned)
    bool currentGapIsSuggested() const; // proposed by Gapwise, not accepted yet
    void moveSelectionTo(const QString &gapId);
    void moveSelectionToNewGap(const QString &title = QString()); // asks for a title when empty
    void pickGapForSelection(); // Ctrl+M: a type-to-filter list of gaps
    // Edit › Create Gap: the new gap's row becomes current and selected, in either grouping (by phase it
    // is under "Gaps without tests" until it has tests). Returns its id.
    QString createGap(const QString &title);
    QMenu *buildContextMenu(QWidget *parent);
    // The tree's context menu at the current row, as the Menu key opens it (Shift+F10).
    void showContextMenuAtCurrent();
    // Merges the gap into another; the target's row becomes current and selected, so the panes follow it.
    void mergeGapInto(const QString &gapId, const QString &targetGapId);
    // Merge Into and Delete Gap act on the current row's gap: in the context menu and the Edit menu alike,
    // enabled on a gap's row.
    QMenu *mergeMenu() const { return m_merge; }
    QAction *deleteGapAction() const { return m_deleteGap; }
    // Edit › Edit in Gap Pane (Ctrl+E, and the gap's context menu): asks the window for the Gap form, where the
    // owner and notes are edited, enabled on any row of a gap. A keyboard user has no other way there while the
    // form is on a dock tab behind another (F6 passes such a pane over).
    QAction *editInGapPaneAction() const { return m_editInGapPane; }
    // Edit › Rename Gap (F2): the current gap row's title, edited in place in the tree.
    QAction *renameGapAction() const { return m_renameGap; }
    // Edit › Set Priority: P0 to P3 or None for the current row's gap, one undo step each (as in the Gap pane);
    // the gap's priority is checked.
    QMenu *priorityMenu() const { return m_priority; }
    // Edit › Undo and Redo (made by fillEditMenu).
    QAction *undoAction() const { return m_undo; }
    QAction *redoAction() const { return m_redo; }

signals:
    void gapPaneRequested();

private:
    struct EditedItems
    {
        QStringList gaps; // the first one is selected
        QStringList tests; // else these
        bool fieldOnly = false; // a gap's field changed: a selected row of that gap stays
    };
    void onUndoIndexChanged(int index);
    static EditedItems editedBy(const QUndoCommand *step, bool undone);
    void showEdited(const EditedItems &edited);
    void selectTests(const QStringList &testIds);
    void selectGapRow(const QString &gapId);
    void updateGapActions();
    void fillMergeMenu();
    void revealSelection(); // expands the groups of the selected rows and scrolls to them
    QSet<QString> gapsOf(const QStringList &testIds) const; // the gaps the tests are in ("" = Unassigned)
    void fillMoveMenu(QMenu *menu);
    void fillGapMenu(QMenu *menu, const QString &gapId);

    Gapwise::TriageSession *m_session;
    QTreeView *m_tree;
    Gapwise::ReportFilterProxy *m_proxy;
    QWidget *m_window;
    QMenu *m_merge;
    QAction *m_deleteGap;
    QAction *m_editInGapPane;
    QAction *m_renameGap;
    QMenu *m_priority;
    QAction *m_undo = nullptr;
    QAction *m_redo = nullptr;
    int m_undoIndex = 0; // the undo stack's index when last seen
    const QUndoCommand *m_nextRedo = nullptr; // the command Redo would do then
};
