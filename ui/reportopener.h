// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "importer.h"
#include "sourcelines.h"
#include "triagesession.h"

#include <QObject>
#include <QStringList>

class ImportProgress;
class ImportRunner;
class MessageBanner;
class RecentFiles;
class RecoveryOffer;
class SessionController;

// Opening a run in the window: a report, several files as one run, a `.gapwise` session, a crash's recovery
// file, or the open report again after it changed on disk. Imports run off the GUI thread (ImportRunner); the
// "save changes?" question is asked once the file imported, so a file that cannot be read never costs the open
// triage. After a load it offers the report's recovery file or its saved session (in the offer banner). The
// window shows what it reports: showReport() to display, then reportLoaded(), importFailed() or openDeclined().
class ReportOpener : public QObject
{
    Q_OBJECT
public:
    // `banner`: errors, hidden by a load; `offerBanner`: offers that outlive an import (a crash's work, a saved
    // session). `recent`: where opened files are listed, and where saved sessions are looked for.
    ReportOpener(SessionController *sessions, MessageBanner *banner, MessageBanner *offerBanner, RecentFiles *recent,
        QObject *parent = nullptr);

    // Starts importing `path`; a `.gapwise` session imports its report and then replays its edits. False when
    // nothing was started (no path, or a session file that cannot be read: said in the banner).
    bool openReport(const QString &path);
    // Several report files (or folders) as one run: Surefire's one file per class, a CI job's shards.
    bool openReports(const QStringList &paths);
    // Recovery files from a crash, offered in the offer banner (does not block); true when there is one.
    bool offerRecovery();
    bool restoreRecovery(const QString &recoveryPath);
    // Re-imports the open report and re-applies the current triage to it.
    void reloadReport();

    ImportRunner *importRunner() const { return m_runner; }
    // The import's progress and Cancel button, for the window's status bar (which then owns it).
    ImportProgress *progressWidget() const { return m_progress; }

Q_SIGNALS:
    // The imported report, for the window to show now: before the session controller replays edits into it.
    void showReport(const Gapwise::PreparedReport &report, const Gapwise::SourceLines &lines);
    void reportLoaded();
    void importFailed(const QString &message);
    // A file imported, but the user kept the open triage when asked (Cancel, or a failed Save).
    void openDeclined(const QString &path);

private:
    void onLoaded(const Gapwise::PreparedReport &report, const Gapwise::SourceLines &lines);
    void onFailed(const Gapwise::ImportError &error);
    void offerSavedSession(const QString &reportPath);

    SessionController *m_sessions;
    MessageBanner *m_banner;
    MessageBanner *m_offerBanner;
    RecentFiles *m_recent;
    ImportRunner *m_runner;
    ImportProgress *m_progress;
    RecoveryOffer *m_recovery;
    bool m_sessionOffered = false; // the offer banner shows "Open with your triage from …"
    bool m_askBeforeReplacing = false; // the import under way replaces the triage: ask once it has imported
};
