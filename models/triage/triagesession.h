// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "report.h"
#include "triagecommands.h"

#include <QHash>
#include <QObject>
#include <QUndoStack>

namespace Gapwise {

// A session's starting state, built where the report was imported (a pool thread): the working copy of the
// tests detached from the imported ones, and the test-id index. For a million tests these take seconds;
// built here they stay off the GUI thread, and load() only takes them over.
struct PreparedReport
{
    Report imported;
    Report working;
    QHash<QString, int> testIndex;
};
PreparedReport prepareForTriage(const Report &imported);

// The report as imported plus the engineer's triage on top of it. Every edit goes through the undo stack
// as a command that names tests and gaps by their stable ids, so it can be undone, saved and replayed on
// a new run of the same report.
//
// Signals are sent after the data changed; item models keep their own structure and reconcile from it.
// Test indices never change (triage does not add or remove tests); gap indices do.
class TriageSession : public QObject
{
    Q_OBJECT
public:
    explicit TriageSession(QObject *parent = nullptr);
    ~TriageSession() override;

    void load(const Report &imported); // prepares on the calling thread
    void load(PreparedReport prepared);
    const Report &imported() const { return m_imported; }
    const Report &report() const { return m_report; }
    QUndoStack *undoStack() { return &m_undo; }
    const QUndoStack *undoStack() const { return &m_undo; }

    int testIndex(const QString &testId) const;
    int gapIndex(const QString &gapId) const { return m_report.gapIndex(gapId); }

    // User edits: each pushes one undoable command. Ids that do not exist and edits that change nothing
    // (a gap field set to the value it has, tests moved to the gap they are in) push none.
    void moveTests(const QStringList &testIds, const QString &toGapId); // "" = Unassigned
    QString createGap(const QString &title, Priority priority = Priority::None);
    QString moveTestsToNewGap(const QStringList &testIds, const QString &title);
    void renameGap(const QString &gapId, const QString &title);
    void setGapPriority(const QString &gapId, Priority priority);
    void setGapOwner(const QString &gapId, const QString &owner);
    void setGapStatus(const QString &gapId, GapStatus status);
    void setGapNotes(const QString &gapId, const QString &notes);
    void mergeGaps(const QString &sourceGapId, const QString &targetGapId);
    void deleteGap(const QString &gapId);
    // A gap Gapwise suggested becomes the engineer's, with its tests' placements: one undoable step. Any
    // edit of a suggested gap (rename, priority, owner, status, notes, a merge into it) accepts it the same way.
    void acceptSuggestedGap(const QString &gapId);
    // Pushes a command built elsewhere (a loaded session's edits).
    void push(TriageCommand *command);

    // The edits in force, oldest first (the undo stack up to its index), for saving.
    QVector<const TriageCommand *> appliedEdits() const;

    // ---- for commands only: apply a change and tell the models ----
    void applyTestGaps(const QVector<int> &tests, const QStringList &gapIds, const QVector<bool> &suggested);
    void applyInsertGap(int index, const Gap &gap);
    void applyRemoveGap(int index);
    void applyGap(int index, const Gap &gap);
    QString newGapId();
    // Gaps created from now on are "<prefix>-N" instead of "user-N": a shared session's prefix names the
    // engineer and this window, so two people creating a gap at the same moment make two gaps, not one id
    // twice. Empty (the default, and after load()): "user-N". Ids are only names: any id reads back.
    void setGapIdPrefix(const QString &prefix) { m_gapIdPrefix = prefix; }
    QString gapIdPrefix() const { return m_gapIdPrefix; }
    // Changes that are no edit of this window's (another engineer's, arriving in shared triage) were applied with
    // the apply* calls above, off the undo stack: sends changed(), so that what follows it follows them too.
    void othersChangesApplied() { Q_EMIT changed(); }

Q_SIGNALS:
    void modelReset();
    void testsReassigned(const QVector<int> &testIndices);
    void gapInserted(int index);
    void gapRemoved(int index, const QString &gapId);
    void gapChanged(int index);
    // After any change of the triage: an edit, an undo or a redo, a load, and others' edits applied in one go
    // (othersChangesApplied). Whatever shows the triage follows this, not the undo stack.
    void changed();

private:
    void pushGapEdit(const QString &gapId, EditGapCommand::Field field, const QString &value);
    void pushAcceptance(int gapIndex);
    void pushEditOf(int gapIndex, TriageCommand *edit); // accepting the gap first where it is a suggestion

    Report m_imported;
    Report m_report;
    QUndoStack m_undo;
    QHash<QString, int> m_testIndex;
    int m_nextGapNumber = 1;
    QString m_gapIdPrefix;
};

} // namespace Gapwise
