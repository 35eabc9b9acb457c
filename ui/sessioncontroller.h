// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFuture>
#include <QJsonObject>
#include <QObject>
#include <QStringList>
#include <QVector>

#include <functional>

class QFileSystemWatcher;
class QWidget;

namespace Gapwise {
class Autosaver;
class TriageSession;
}

// The window's `.gapwise` side: which session file and report are open, saving (atomically, through
// QSaveFile), replaying a session's edits once its report is imported, the autosaver, and the
// "save changes?" decision before the triage is closed or replaced.
class SessionController : public QObject
{
    Q_OBJECT
public:
    enum class Answer
    {
        Save,
        Discard,
        Cancel
    };

    SessionController(Gapwise::TriageSession *session, QWidget *window);
    ~SessionController() override;

    static bool isSessionFile(const QString &path);
    // Reads a session file (small JSON) and keeps its edits until its report arrives; the caller imports
    // `*reportPaths` (one file or folder, or the files of a run) off the GUI thread and then calls
    // reportLoaded().
    bool prepareSession(const QString &sessionPath, QStringList *reportPaths, QString *error);
    // The session now holds the imported report: replays pending edits (editsNotApplied lists the rest)
    // and starts autosaving for it. `reportFiles`: the files of a run read from several files, `reportPath`
    // then being their folder.
    void reportLoaded(const QString &reportPath, const QStringList &reportFiles = {});
    // Re-applies the current triage to a re-imported report (reload after the file changed on disk).
    QVector<QJsonObject> currentEdits() const;
    void replay(const QVector<QJsonObject> &edits);

    QString sessionPath() const { return m_sessionPath; }
    QString reportPath() const { return m_reportPath; }
    // What to import to read the open run again: its file or folder, or its files.
    QStringList reportPaths() const { return m_reportFiles.isEmpty() ? QStringList { m_reportPath } : m_reportFiles; }
    bool isRestoring() const { return m_recovering; } // the import under way brings back a recovery file
    bool isModified() const;
    bool saveTo(const QString &path, QString *error);
    bool save(); // to the open session file, or asks for one
    bool saveAs(); // asks for a path

    // Whether the current triage may be dropped (closing, opening another file): unmodified, saved, or
    // discarded by the user. The question is asked through the asker, a dialog unless a test replaces it.
    bool maybeDiscard();
    void setAsker(std::function<Answer()> asker) { m_ask = std::move(asker); }
    // A window whose triage is shared through a store (SharedTriageController): how many of its edits the store
    // does not have yet (not yet written, or in a conflict not answered); -1 when the triage is not shared, or
    // not yet compared with the store. With none, closing or replacing the triage (a restore) loses nothing: the
    // store has every edit, so nothing is asked.
    void setUnsharedCounter(std::function<int()> counter) { m_unshared = std::move(counter); }
    // The "save changes?" question as maybeDiscard() would ask it now.
    QString discardQuestion() const;
    void closeCleanly(); // the window closes with nothing to recover: remove the recovery file

    Gapwise::Autosaver *autosaver() const { return m_autosaver; }

    // Recovery (offered by RecoveryOffer): restoring opens a recovery file like a session whose edits are
    // not saved yet.
    bool prepareRecovery(const QString &recoveryPath, QStringList *reportPaths, QString *error);
    // Reload: the report changed on disk; keeps the current edits to replay on the re-imported report.
    void prepareReload();
    // The prepared open did not happen (its import failed, or the user kept the open triage): forget it.
    void cancelPending();

Q_SIGNALS:
    // Before the triage is saved, reloaded or judged (the "save changes?" question): editors commit what
    // the user typed but has not confirmed yet.
    void aboutToUseTriage();
    void editsNotApplied(const QStringList &lines);
    void sessionPathChanged(const QString &path);
    void failed(const QString &message);
    void reportChangedOnDisk(const QString &path);
    // Restored work was made while comparing with `oldPath`: the triage is back, the comparison is not.
    void comparisonNotRestored(const QString &oldPath);

private:
    Answer askDefault();
    QString reportSha();

    Gapwise::TriageSession *m_session;
    QWidget *m_window;
    Gapwise::Autosaver *m_autosaver;
    QString m_sessionPath;
    QString m_reportPath;
    QStringList m_reportFiles; // of a run read from several files
    QStringList m_pendingReports; // the report (or files) a prepared session is waiting for
    QString m_pendingSession; // the session file that becomes the open one once its report arrives
    QString m_pendingRecovery; // the recovery file being restored, removed once its work is in the window
    QVector<QJsonObject> m_pendingEdits;
    QString m_pendingComparedWith; // what the window was comparing with when the recovery file was written
    QJsonObject m_pendingShared; // a shared window's sharing state with the edits (recovery file, reload)
    QString m_pendingSavedAs; // the session file restored work was last saved to (recovery file)
    QFuture<QString> m_sha; // hashed off the GUI thread when the report arrives
    std::function<Answer()> m_ask;
    std::function<int()> m_unshared;
    QFileSystemWatcher *m_watcher;
    bool m_keepModified = false; // replayed edits that were not saved (recovery, reload) stay "modified"
    bool m_recovering = false;
};
