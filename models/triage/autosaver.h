// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QObject>
#include <QSet>
#include <QTimer>

#include <memory>

class QLockFile;

namespace Gapwise {

class TriageSession;

// Writes the session to a recovery file half a second after each change (the edits, not the report: a small
// file), so a crash costs at most that half second; a burst of changes is written once. The file is removed when the
// session is saved or closed cleanly; one that is still there at the next start is offered for restoring.
class Autosaver : public QObject
{
    Q_OBJECT
public:
    Autosaver(TriageSession *session, QObject *parent = nullptr);
    ~Autosaver() override;

    // The report the session triages; its recovery file is named after it. Each window has a recovery file of its
    // own, also when several windows (of this process or of others) triage one report: the first of the report's
    // files that no other window holds and no crash left behind.
    // `reportFiles`: the files of a run read from several files (SessionFile::reportFiles).
    void setReport(const QString &reportPath, const QString &reportSha256, const QStringList &reportFiles = {});
    static constexpr int DefaultDelayMs = 500;
    void setDelay(int milliseconds) { m_timer.setInterval(milliseconds); }
    int delay() const { return m_timer.interval(); }
    // The earlier run the window compares with, empty when it does not: kept in the recovery file, so that a
    // restore can say the comparison did not come back with the triage.
    void setComparedWith(const QString &oldPath);
    // A shared window: what its link to the store keeps of the sharing (SharedTriageLink::recoveryState), written
    // into the recovery file with the edits, and rewritten when it changes (a conflict answered, an edit shared),
    // so a restore knows which edits were not shared yet. Empty when the triage is not shared.
    void setSharedState(const QJsonObject &state);
    QJsonObject sharedState() const { return m_shared; }
    // The session file the triage was last saved to or opened from (empty: none), kept in the recovery file.
    void setSavedAs(const QString &sessionPath) { m_savedAs = sessionPath; }
    QString recoveryPath() const { return m_recoveryPath; }
    void discard(); // the session is saved or closed: nothing to recover
    bool saveNow(QString *error = nullptr);

    // Where recovery files live (QStandardPaths::AppDataLocation/recovery), and the one for a report.
    static QString recoveryDirectory();
    // `n` > 1: the n-th file of one report (another window's, or a crash's not yet restored, has the first).
    static QString recoveryPathFor(const QString &reportPath, int n = 1);
    static QStringList pendingRecoveryFiles();
    // Whether a running window (of this process or another) holds that recovery file as its own: its autosave,
    // not work left by a crash. A window holds its file from setReport() until it goes (or takes another report).
    static bool isHeldByAWindow(const QString &recoveryPath);
    // Whether this autosaver wrote that file: its own work, not work left by a crash.
    bool hasWritten(const QString &path) const { return m_written.contains(path); }

Q_SIGNALS:
    void saved(const QString &recoveryPath);
    void failed(const QString &message);

private:
    TriageSession *m_session;
    QTimer m_timer;
    QString m_reportPath;
    QString m_reportSha256;
    QStringList m_reportFiles;
    QString m_comparedWith;
    QJsonObject m_shared;
    QString m_savedAs;
    QString m_recoveryPath;
    std::unique_ptr<QLockFile> m_hold; // m_recoveryPath's lock: other windows and processes leave that file alone
    QSet<QString> m_written;
};

} // namespace Gapwise
