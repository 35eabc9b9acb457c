// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "report.h"
#include "sharededitlog.h"
#include "sharedtriage.h"

#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QThread>
#include <QVector>

class QUndoCommand;

namespace Gapwise {

class SharedTriageWorker;
class TriageSession;

// A stored run triaged "in the store" by several engineers at once (README "A team's store"): links a
// TriageSession to (store, run id). No widgets; the window shows what it reports.
//
// - Each of the engineer's own edits of a shared field (a gap's title, owner, status, priority, notes; a test's
//   gap) is written with the version it was based on. Others' edits arrive (PostgreSQL: LISTEN; SQLite: a poll)
//   and are applied to the session without touching its undo stack, so undo undoes only your own edits.
// - Undo and redo write too, but based on the version *your* last write of that field produced: when someone
//   else changed the field since, the store refuses and it is a conflict like any other, never an overwrite.
// - A conflict is never silent: conflicts() holds yours and theirs (who, when) until the engineer keeps theirs
//   or writes theirs over; the session meanwhile shows yours.
// - A write that fails (the server is gone) stays here, counted by unsharedCount(); the worker reconnects every
//   few seconds and the edits are sent again, based on the versions they had. Nothing is lost: the session's
//   recovery file has every edit too.
// - Fields of gaps and tests that are not in the session are left alone, except a gap another engineer made:
//   it is added (at the end). Deleting or merging a gap is shared as its "deleted" field (its tests' moves on
//   their own); accepting a gap Gapwise suggested as its "suggested" field. A deletion is a conflict on both
//   sides when it meets another engineer's edit of the gap: for the deleter when the edit arrives after the
//   deletion; for the editor when the deletion arrives and the gap still holds their tests, their unshared
//   edits, or a field whose latest value is theirs (the store does not record what the deleter had seen, so
//   the editor is told even when the deleter saw the edit: shown, never silently dropped).
// The store is used only from the worker's thread; every call here returns at once.
class SharedTriageLink : public QObject
{
    Q_OBJECT
public:
    struct Conflict
    {
        SharedTriageItem item;
        QString mine;
        SharedTriageValue theirs;
    };

    // `password`: for a server whose password libpq does not find (~/.pgpass, PGPASSFILE), as the window asked
    // for it; held by the worker's connection only, never written anywhere.
    SharedTriageLink(TriageSession *session, const QString &location, qint64 runId, const QString &password = QString(),
        QObject *parent = nullptr);
    ~SharedTriageLink() override;

    QString location() const { return m_location; }
    qint64 runId() const { return m_runId; }
    bool isReady() const { return m_ready; } // the store's values were read and applied
    bool isOnline() const { return m_online; }
    QString lastError() const { return m_lastError; }
    QString editorName() const { return m_editor; }
    // Edits made here that the store does not have yet (waiting for an answer, or for the server).
    int unsharedCount() const { return m_pending.size() + m_inFlight.size(); }
    const QVector<Conflict> &conflicts() const { return m_conflicts; }
    // Every edit of the run the store logged (everyone's, yours too), oldest first: who and when.
    const QVector<SharedTriageEdit> &edits() const { return m_edits; }

    // The engineer began typing a new value of a gap's field (title, owner, notes) and stopped (committed it, or
    // left it): the edit it becomes is based on the version of the field they saw when they began, so another
    // engineer's edit that arrived meanwhile makes it a conflict, never an overwrite; and a deletion of the gap
    // meanwhile is a conflict too (the gap stays), so the typing is never lost or moved to another gap.
    void beginTyping(const QString &gapId, const QString &field);
    void endTyping(const QString &gapId, const QString &field);

    // What a recovery file keeps of the sharing (Autosaver::setSharedState), from which a restore tells the
    // session's edits the store does not have yet from the rest: this run, and the fields of yours not yet written
    // (with the version each was based on) or in a conflict not yet answered. Any other edit of yours is in the
    // store (a teammate may have edited on top of it since), or was given up (Keep Theirs). Before the link is
    // ready: what setRecoveredState() gave it, or empty (nothing known: every edit counts as yours).
    QJsonObject recoveryState() const;
    // A restored recovery file's recoveryState(), given before the link opens: on opening, a field where the
    // session and the store differ is yours only when it was not shared yet (written now, based on the version it
    // had; a conflict if the store moved on since) or in an unanswered conflict (asked again); any other field
    // takes the store's value. Without it (a file from before sharing started), every field that differs from
    // the report as imported is yours. Ignored when it is of another run or store.
    void setRecoveredState(const QJsonObject &state);

    // Resolves conflicts()[index] (sharedtriageconflicts.cpp): their value goes into the session (not onto the undo
    // stack), or yours is written on top of theirs.
    void keepTheirs(int index);
    void writeMineOver(int index);

    // A shared field's value in `report` ("" when the gap or test is not there), and a description for people:
    // `Owner of "Login fails"`.
    static QString valueIn(const Report &report, const SharedTriageItem &item, bool *present = nullptr);
    static QString describe(const Report &report, const SharedTriageItem &item);
    // The same in the session, a test found by its index; a gap named by the store's title, everyone's, with yours
    // beside it when you renamed it and the store does not have that: `Owner of gap "B" (yours: "A")`.
    QString describe(const SharedTriageItem &item) const;
    // A value as people read it: a gap's "deleted" is "deleted" or "kept", its "suggested" is "suggested" or
    // "accepted"; other fields as they are.
    static QString displayValue(const SharedTriageItem &item, const QString &value);
    // A gap's title as this window knows it: the session's, else the store's, else the report's as imported (a gap
    // deleted here); its id when none has one.
    QString gapTitle(const QString &gapId) const;
    // A value for the conflict banner: a test's gap by its title ("Unassigned" for none), others as displayValue.
    QString shownValue(const SharedTriageItem &item, const QString &value) const;
    // `edits` (of edits()) as sentences for people: "ana renamed the gap “A” to “B”", gaps and tests named as
    // this window knows them.
    QVector<SharedEditLine> readable(const QVector<SharedTriageEdit> &edits) const;

Q_SIGNALS:
    void ready();
    void stateChanged(); // online, offline, unsharedCount
    void conflictsChanged();
    void editsArrived(const QVector<Gapwise::SharedTriageEdit> &edits);
    void remoteApplied(int count); // others' values put into the session (opening, arriving, Keep Theirs)

private:
    struct Outgoing
    {
        SharedTriageItem item;
        QString value;
        int base = 0;
        bool afterInFlight = false; // based on the answer to the write under way for the same field
    };
    struct Known
    {
        QString value;
        int version = 0;
    };

    // sharedtriagelink.cpp: the store's values on opening, your edits queued and written, the answers.
    void onOpened(const QVector<QPair<SharedTriageItem, SharedTriageValue>> &values, const QString &editor);
    void onWritten(const QVector<SharedTriageOutgoing> &writes, const QVector<SharedTriageWrite> &results);
    void onWriteFailed(const QVector<SharedTriageOutgoing> &writes);
    // One answer of a batch; onWritten sends what waited for them, in one batch again.
    void written(const SharedTriageItem &item, const QString &value, int version);
    void failed(const SharedTriageItem &item, const QString &value, int baseVersion);
    void onIndexChanged(int index);
    void markGap(int gapIndex);
    void markTests(const QVector<int> &testIndices);
    void queue(const SharedTriageItem &item, const QString &value, int base);
    // Sends every queued edit that is not waiting for an answer about its field, as one batch: one transaction.
    void sendAll();
    QString baseline(const QString &key, const SharedTriageItem &item) const;
    // The field in the session's report (or the report as imported), found by the session's test index.
    QString current(const SharedTriageItem &item, bool imported, bool *present = nullptr) const;

    // sharedtriageincoming.cpp: others' edits arriving.
    void onEdits(const QVector<SharedTriageEdit> &edits);
    // Puts others' values into the session. A gap deleted there that still holds tests here, or has edits of
    // yours not yet shared, is not removed (unless `force`): returned, for the caller to make it a conflict.
    QVector<SharedTriageItem> applyRemote(const SharedTriageItem &item, const QString &value, bool force = false);
    QVector<SharedTriageItem> applyRemote(const QVector<QPair<SharedTriageItem, QString>> &changes, bool force = false);
    // After applyRemote's calls of one event (opening, edits arriving, Keep Theirs): the session's changed(), once.
    void announceRemote();

    // sharedtriageconflicts.cpp: recording conflicts and keeping them up to date.
    QVector<Conflict>::iterator findConflict(const QString &key); // end() when the field is not in conflict
    void conflicted(const SharedTriageItem &item, const QString &mine, const SharedTriageValue &theirs);
    void addConflict(const SharedTriageItem &item, const QString &mine, const SharedTriageValue &theirs);
    // An arriving edit of a gap you deleted (a field of it, or a test moved into it) made a conflict on the
    // deletion: true when it did.
    bool meetsMyDeletion(const SharedTriageEdit &edit);
    // A newer value of a field already in conflict: theirs from the store (the conflict ends when it equals
    // yours), or yours from the session. True when the field was in conflict.
    bool theirsChangedInConflict(const QString &key, const SharedTriageEdit &edit);
    bool mineChangedInConflict(const QString &key, const QString &local);
    bool editedBeforeOpen(const QString &key) const; // since setRecoveredState, before the link opened
    bool hasUnshared(const QString &gapId) const; // an edit of the gap waits to be written
    // A field of the gap holds your value, written and still the store's latest (a rename, an owner, ...): its
    // deletion by someone else is then a conflict for you too, not a silent loss of your edit.
    bool editedByMe(const QString &gapId) const;

    QPointer<TriageSession> m_session;
    QString m_location;
    qint64 m_runId;
    QThread m_thread;
    SharedTriageWorker *m_worker;
    bool m_ready = false;
    bool m_online = true;
    bool m_applying = false; // the session changes because of someone else's edit
    bool m_appliedRemote = false; // applyRemote changed the session: announceRemote() says so
    QString m_lastError;
    QString m_editor;

    QHash<QString, Known> m_known; // the store's value as last seen, per field
    QHash<QString, int> m_mine; // the version your last write of a field produced
    QHash<QString, int> m_startVersion; // the store's version when the link opened
    QHash<QString, Outgoing> m_pending; // not sent yet (offline, or after the write under way)
    QHash<QString, Outgoing> m_inFlight; // sent, no answer yet
    QHash<QString, SharedTriageItem> m_dirty; // changed by your edit, not yet looked at
    QHash<QString, int> m_typing; // fields being typed in: the store's version when the typing began
    // A restored recovery file's state (setRecoveredState): its fields not yet shared, each with its base
    // version (-1: in conflict); fields the engineer edited again before the link opened (changed since
    // `m_recoveredReport`, the session then) count as yours too.
    bool m_recovered = false;
    QHash<QString, int> m_recoveredUnshared;
    Report m_recoveredReport;
    QHash<QString, SharedTriageItem> m_editedBeforeOpen; // touched: those whose value changed are yours
    QVector<Conflict> m_conflicts;
    QVector<SharedTriageEdit> m_edits;
    int m_undoIndex = 0;
    const QUndoCommand *m_nextRedo = nullptr; // what a redo would apply: tells a redo from a new edit
};

} // namespace Gapwise
