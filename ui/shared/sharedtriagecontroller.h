// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sharedtriage.h"

#include <QObject>
#include <QPointer>

class HistoryPanel;
class MainWindow;
class MessageBanner;
class QAction;
class QDockWidget;
class QLabel;
class QTreeWidget;

namespace Gapwise {
class SharedTriageLink;
}

// The window's side of shared triage (README "A team's store"): when the open report is a run of the history
// store, Edit > "Share This Run's Triage Through the Store" (or `gapwise --shared`) links the window's session
// to the store (SharedTriageLink). The status bar says whom it is shared as, or "Offline — N edits not yet
// shared"; a conflict shows in a banner with both values, who and when, and a choice; the "Shared triage" dock
// lists every edit of the run as a sentence that says who did what ("ana accepted the suggested gap …"), and when.
class SharedTriageController : public QObject
{
    Q_OBJECT
public:
    SharedTriageController(MainWindow *window, HistoryPanel *history, const QString &storePath, bool shareOnLoad);
    ~SharedTriageController() override;

    QAction *shareAction() const { return m_action; }
    Gapwise::SharedTriageLink *link() const { return m_link; }
    MessageBanner *conflictBanner() const { return m_banner; }
    QLabel *statusLabel() const { return m_status; }
    QTreeWidget *editsList() const { return m_edits; }
    QDockWidget *editsDock() const { return m_dock; }

Q_SIGNALS:
    void linkChanged(); // sharing started or stopped

private:
    void historyReady();
    void historyFailed(const QString &message, bool retrying);
    void setShared(bool on);
    void showState();
    void showConflict();
    void addEdits(const QVector<Gapwise::SharedTriageEdit> &edits);

    MainWindow *m_window;
    QPointer<HistoryPanel> m_history;
    QString m_storePath;
    bool m_shareOnLoad;
    qint64 m_runId = 0;
    Gapwise::SharedTriageLink *m_link = nullptr;
    QAction *m_action;
    MessageBanner *m_banner;
    QLabel *m_status;
    QDockWidget *m_dock;
    QTreeWidget *m_edits;
};

// Adds the share action, the banner, the status and the dock to `window`; `shareOnLoad` (--shared) starts
// sharing as soon as the history dock found the open report in the store.
SharedTriageController *attachSharedTriage(
    MainWindow *window, HistoryPanel *history, const QString &storePath, bool shareOnLoad);
