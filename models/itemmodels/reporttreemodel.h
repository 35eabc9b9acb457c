// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "report.h"
#include "reportroles.h"
#include "reporttreenodes.h"
#include "testhistorymarks.h"

#include <QAbstractItemModel>

#include <memory>

namespace Gapwise {

class TriageSession;

// Phases, gaps and tests as a two-level grouping (Phase → Gap → Test or Gap → Phase → Test) over the report of
// a TriageSession. The model keeps no report of its own: display strings are made on demand from the session's
// report, and the tree itself is a few ints per test. Every edit goes through the session (its undo stack);
// the model follows the session's signals with row moves, inserts, removes and dataChanged.
// While runs are compared, ComparisonColumnProxy adds a Change column over this tree. With a run history
// (setHistory) the History column holds each test's flaky/new marker, tooltip and sort key and
// HistoryStripRole its last runs (reporttreehistory.cpp); the window paints them in the Status column.
class ReportTreeModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum Columns
    {
        NameColumn,
        StatusColumn,
        FailuresColumn,
        PhaseColumn,
        PriorityColumn,
        HistoryColumn,
        ColumnCount
    };

    explicit ReportTreeModel(QObject *parent = nullptr);
    ~ReportTreeModel() override;

    // Follows a triage session: its report now (one reset), then every edit, undo and redo as row moves,
    // inserts, removes and dataChanged (reporttreeedits.cpp). nullptr shows nothing. Set it before anything
    // else connects to the session and reads the model: the model must hear the session's signals first, so
    // nobody reads the tree between the session's change and the model's.
    void setSession(TriageSession *session);
    // A report on its own (tests, a fresh build): loaded into a session the model owns, one reset.
    void setReport(const Report &report);
    TriageSession *session() const { return m_session; }
    const Report &report() const; // the session's report; an empty one without a session
    void setGrouping(Grouping grouping); // regrouping rebuilds the whole tree: one reset
    Grouping grouping() const { return m_grouping; }

    // The run history of the open report's tests, indexed like its tests: historyChanged(), then dataChanged on
    // the History column of every row; the tree keeps its structure. nullptr (or marks made for another
    // report, of another size) ends it.
    void setHistory(std::shared_ptr<const TestHistoryMarks> history);
    const TestHistoryMarks *history() const { return m_history.get(); }

    NodeKind kindOf(const QModelIndex &index) const;
    const Phase *phaseAt(const QModelIndex &index) const; // the row's own phase, if it is a phase row
    const Gap *gapAt(const QModelIndex &index) const;
    const TestCase *testAt(const QModelIndex &index) const;
    int testIndexAt(const QModelIndex &index) const; // index into Report::tests, -1 for groups
    int gapIndexOfTest(int testIndex) const; // Report::gaps index of the test's gap, -1 if unassigned
    // Failures a group's phase counts that no test below it names (0 for tests and most groups).
    int unnamedFailuresAt(const QModelIndex &index) const;

    // The top-level row of a phase or gap in the current grouping; second-level rows for the other kind are
    // several, so these answer only for the kind that is top level. "" finds the synthetic group.
    QModelIndex topLevelIndex(NodeKind kind, const QString &id) const;
    QModelIndex indexForTest(int testIndex, int column = 0) const;
    // Every row of that phase or gap, top or second level (by gap, a phase has one row per gap).
    QModelIndexList groupIndexes(NodeKind kind, const QString &id) const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    bool hasChildren(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    // Triage through the model (reporttreedragdrop.cpp), only while it follows a session: a gap's name is
    // editable (rename), tests drag onto a gap or a row below one (move).
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    QStringList mimeTypes() const override;
    QMimeData *mimeData(const QModelIndexList &indexes) const override;
    bool canDropMimeData(
        const QMimeData *data, Qt::DropAction action, int row, int column, const QModelIndex &parent) const override;
    bool dropMimeData(
        const QMimeData *data, Qt::DropAction action, int row, int column, const QModelIndex &parent) override;
    Qt::DropActions supportedDropActions() const override;
    Qt::DropActions supportedDragActions() const override;
    // The gap a drop on `index` means: the gap row itself or the gap above a test or phase row; false for
    // rows that name no gap (a phase at the top level).
    bool dropTargetGap(const QModelIndex &index, QString *gapId) const;

    // The Status column's texts that bound its width while this report and grouping stay open: every
    // top-level row's, the count a group would show holding every test (edits only move tests between
    // groups), or every test that does not fail with none failing, an empty group's, and the test statuses. A
    // view sizes the column to the widest of them.
    QStringList widestStatusTexts() const;
    static QString statusCountText(int failing, int total); // "20 failing · 37 tests", "3 tests, none failing"

    static QString unassignedTitle();
    static QString noPhaseTitle();
    static QString emptyGapsTitle(); // by phase: the group of gaps that have no tests

Q_SIGNALS:
    // A triage edit changed gap indices, gap titles or tests' gaps. Sent before the row signals end, so a
    // proxy can refresh per-gap and per-test state before it re-filters.
    void triageChanged();
    // Around the row signals of tests changing gap (a move, its undo): listeners that count per gap (the
    // charts) ignore the row signals in between and update only what `tests` changed.
    // The run history was set or ended; sent before the History column's dataChanged, so a proxy filtering
    // by history can refresh first.
    void historyChanged();
    void gapAssignmentsAboutToChange();
    void gapAssignmentsChanged(const QVector<int> &tests);

private:
    // Mirroring the session (reporttreeedits.cpp).
    void followTestsReassigned(const QVector<int> &tests);
    void followTestsReassignedRows(const QVector<int> &tests);
    void followGapInserted(int index);
    void followGapRemoved(int index);
    void followGapChanged(int index);
    GroupNode *targetGroupFor(int testIndex);
    GroupNode *ensureChild(GroupNode *top, NodeKind kind, int ref);
    void moveRuns(const std::vector<std::pair<int, GroupNode *>> &moves);
    void moveAsLayoutChange(const std::vector<std::pair<int, GroupNode *>> &moves);
    void removeIfEmpty(GroupNode *group);
    void syncEmptyGap(int gapRef); // by phase: the gap is under "Gaps without tests" exactly when it has no tests
    void shiftGapRefs(int from, int delta);
    void reindex(); // the phase and gap id lookups, from the session's report
    void resetFromSession();
    void emitGroupChanged(GroupNode *group);

    GroupNode *groupAt(const QModelIndex &index) const; // nullptr for test rows and the root
    QModelIndex indexOfGroup(const GroupNode *node, int column = 0) const;
    QVariant groupData(const GroupNode *node, int column, int role) const;
    QVariant testData(int testIndex, const GroupNode *group, int column, int role) const;
    QString groupName(const GroupNode *node) const;
    int groupFailures(const GroupNode *node) const;
    int groupTotal(const GroupNode *node) const; // the phase's stated total where it exceeds the named tests
    QString groupStatusText(const GroupNode *node) const;
    const Phase *phaseOfGroup(const GroupNode *node) const;
    const Gap *gapOfGroup(const GroupNode *node) const;
    void rebuild();
    // History mode (reporttreehistory.cpp).
    QVariant historyData(const QModelIndex &index, int role) const;
    void emitColumnChanged(int column, const QVector<int> &roles);

    Grouping m_grouping = Grouping::ByPhase;
    ReportTree m_tree;
    QHash<QString, int> m_phaseIndex; // phase id → Report::phases index, for per-test lookups in data()
    QHash<QString, int> m_gapIndex;
    TriageSession *m_session = nullptr;
    TriageSession *m_ownSession = nullptr; // made by setReport
    std::shared_ptr<const TestHistoryMarks> m_history;
};

} // namespace Gapwise
