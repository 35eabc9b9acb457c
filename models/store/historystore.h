// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "historyverdict.h"
#include "runrecord.h"
#include "sharedtriage.h"
#include "sqldialect.h"
#include "storelocation.h"
#include "testnamematch.h"

#include <QDateTime>
#include <QHash>
#include <QSqlDatabase>
#include <QString>
#include <QVector>

#include <optional>

namespace Gapwise {

struct StoredRun
{
    qint64 id = 0;
    QString source;
    QString contentHash;
    QDateTime time;
    QString label, branch, commit, title;
    int tests = 0;
    int failing = 0;
    QString displayName() const; // the label, else the file name, with the run's number: "#12 nightly.xml"
};

struct AddRunResult
{
    bool added = false; // false: this content is already stored
    qint64 runId = 0; // the new run, or the one that holds this content
    int carried = 0; // failures suggested into a gap triaged in an earlier run
};

// One test across runs, oldest first.
struct TestTimeline
{
    QString key;
    QString name;
    QVector<RunOutcome> outcomes; // one per run of the window (or of the whole history)
    QVector<int> statuses; // the stored status per run (runrecord.h), -1 where absent: what `other` was
    QVector<QString> gaps; // the gap key per run, empty when none
    QVector<qint64> carriedFrom; // the run whose triage put it in that gap, 0 when the run itself did
    RunOutcome before = RunOutcome::Absent; // in the run just before the window (timelines(), beforeRunId)
    HistoryVerdict verdict() const { return judgeHistory(outcomes, before); }
};

// A gap's failures per run, oldest first.
struct GapTrend
{
    QString key;
    QString title;
    QVector<int> failures; // one per run of the window
    QString tracker, url; // set when it is a known issue
};

struct KnownIssue
{
    QString gapKey, gapTitle, tracker, url;
};

// Many runs of a suite in an embedded SQL database (SQLite through Qt SQL), or a team's PostgreSQL database
// (storelocation.h; the SQL that differs is in sqldialect.h). A store is
// used from the thread that opened it; the window opens its own in a worker. A store that cannot be read,
// that is not a Gapwise store, or that a newer Gapwise wrote is refused with a message and never modified.
class HistoryStore
{
public:
    HistoryStore();
    ~HistoryStore();
    HistoryStore(const HistoryStore &) = delete;
    HistoryStore &operator=(const HistoryStore &) = delete;

    // `GAPWISE_STORE` (a file or a postgresql:// URL), else $XDG_DATA_HOME/Gapwise/gapwise/history.sqlite.
    static QString defaultPath();

    // `path` is a file or a postgresql:// URL (storelocation.h). `create`: make the file (and its folder), or
    // the tables in an empty database, when missing; otherwise a missing store is an error.
    bool open(const QString &path, bool create, QString *error);
    QString path() const { return m_path; }
    const StoreLocation &location() const { return m_location; }
    // For a server that asks for a password libpq did not find (~/.pgpass, PGPASSFILE): kept in memory only.
    void setPassword(const QString &password);
    bool passwordRequired() const { return m_passwordRequired; } // after a failed open()

    // Adds a run in one transaction: on any failure nothing of it stays. The same content twice adds nothing.
    std::optional<AddRunResult> addRun(const RunRecord &run, QString *error);
    // Removes run `runId` (as runs() numbers it) and everything stored of it, in one transaction: its results,
    // gaps and shared triage. Signatures a person triaged in it carry from the newest other run that triaged
    // them, if any. The removed run, or nullopt with `error` (which names the run when there is none).
    std::optional<StoredRun> removeRun(qint64 runId, QString *error);
    // The keys of the stored gaps `typed` names: its key, else every gap with that title in some run.
    std::optional<QStringList> findGapKeys(const QString &typed, QString *error) const;
    // Marks a gap (by key, as runs name it) as a known issue with a tracker id and an optional URL.
    bool setKnownIssue(const QString &gapKey, const QString &tracker, const QString &url, QString *error);

    QVector<StoredRun> runs(QString *error) const; // oldest first (run time, then order of adding)
    std::optional<StoredRun> findRunByHash(const QString &contentHash, QString *error) const;
    std::optional<StoredRun> findRun(qint64 runId, QString *error) const; // nullopt, `error` empty: none
    // The stored tests `typed` names, as compare would match it (testnamematch.h): its key, the id inspect
    // shows, or its plain name; several when that is ambiguous, none when unknown.
    std::optional<QVector<NamedTest>> findTests(const QString &typed, QString *error) const;
    // The test of this key over every stored run. nullopt with `error` empty when unknown.
    std::optional<TestTimeline> testHistory(const QString &key, QString *error) const;
    // Over the runs of `window`: tests that failed at least once there (`failedOnly`), or every test. Each
    // one's `before` is its outcome in run `beforeRunId` (runBefore(): what "new" and "failing since" look at
    // beyond the window), Absent when 0.
    std::optional<QVector<TestTimeline>> timelines(
        const QVector<StoredRun> &window, bool failedOnly, QString *error, qint64 beforeRunId = 0) const;
    std::optional<QVector<GapTrend>> gapTrends(const QVector<StoredRun> &window, QString *error) const;
    // Per run of `window`, oldest first: its failing tests in no gap (unassigned), which no gap trend counts.
    std::optional<QVector<int>> unassignedFailures(const QVector<StoredRun> &window, QString *error) const;
    std::optional<QVector<KnownIssue>> knownIssues(QString *error) const;

    // Shared triage (sharedtriage.h; historytriage.cpp). Writes `value` unless the item moved past
    // `baseVersion` since the caller read it; then nothing is written and the other value comes back.
    std::optional<SharedTriageWrite> writeTriage(
        qint64 runId, const SharedTriageItem &item, const QString &value, int baseVersion, QString *error);
    // Many writes in one transaction (an undo step that moved 20,000 tests is one transaction, not 20,000),
    // each checked against its own base version: one answer per write, in order. Nothing of the batch is
    // written when it fails (nullopt with `error`). The items of one batch must differ.
    std::optional<QVector<SharedTriageWrite>> writeTriage(
        qint64 runId, const QVector<SharedTriageOutgoing> &writes, QString *error);
    // Every item of the run as the store holds it now, and the edits after edit `afterId`, oldest first.
    std::optional<QVector<QPair<SharedTriageItem, SharedTriageValue>>> triageValues(qint64 runId, QString *error) const;
    std::optional<QVector<SharedTriageEdit>> triageEditsSince(qint64 runId, qint64 afterId, QString *error) const;
    // Who this connection's edits are from: the PostgreSQL role, else the login name.
    QString editorName() const;
    // PostgreSQL: asks the server to tell this connection about other connections' triage edits; the store's
    // notifier() then emits QSqlDriver::notification(sharedTriageChannel(), source, runId). False on SQLite
    // (nothing to subscribe to: a window there reads again instead).
    bool subscribeToTriage();
    QObject *notifier() const;

private:
    QSqlDatabase database() const;
    bool openServer(bool create, QString *error);
    bool setUp(bool create, QString *error);
    bool beginWrite(QString *error);
    bool insertRun(const RunRecord &run, AddRunResult *result, QString *error);

    SqlDialect m_dialect; // SQLite's until open() finds a server address
    QString m_connection;
    QString m_path;
    StoreLocation m_location;
    QString m_password;
    bool m_passwordRequired = false;
};

// The last `count` runs of `runs` (all when count <= 0).
QVector<StoredRun> lastRuns(const QVector<StoredRun> &runs, int count);
// The id of the run just before `window`, the last runs of `runs`; 0 when the window starts with the first.
qint64 runBefore(const QVector<StoredRun> &runs, const QVector<StoredRun> &window);

} // namespace Gapwise
