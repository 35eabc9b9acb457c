// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "treehistory.h"

#include <QWidget>

#include <memory>

class MainWindow;
class QComboBox;
class QLabel;
class QTimer;
class QToolButton;
class QTreeWidget;
class GapTrendChart;

// The window's run history: a dock beside the tree. When the open report is in the history store (or
// `addRuns` adds it), it lists the open run's new failures, flaky tests and regressions, each with a strip of
// its last runs, and shows the current tree row's history: a test's strip, verdict and "failing since", a
// gap's failures per run as a chart. The store is read in a worker; the GUI thread only fills the views.
class HistoryPanel : public QWidget
{
    Q_OBJECT
public:
    enum Show
    {
        NewFailures,
        Flaky,
        Regressions,
        Failing,
        AllWithFailures,
        KnownFailures // new failures in a gap marked as a known issue
    };

    HistoryPanel(MainWindow *window, const QString &storePath, bool addRuns, QWidget *parent = nullptr);
    ~HistoryPanel() override;

    const Gapwise::TreeHistory *history() const { return m_history.get(); }
    QComboBox *showBox() const { return m_show; }
    QTreeWidget *list() const { return m_list; }
    GapTrendChart *trendChart() const { return m_trend; }
    QLabel *currentLabel() const { return m_current; }
    QLabel *summaryLabel() const { return m_summary; }
    // The store's password when the server asked and libpq found none: typed into this window, in memory only
    // (shared triage connects with it too). Empty when ~/.pgpass or PGPASSFILE has it.
    QString storePassword() const { return m_password; }
    // In attachHistoryPanel's scroll area: as little as shows every part, so a dock with that room does not
    // scroll (the parts' preferred heights would), and one without it scrolls rather than cutting the chart.
    int heightForWidth(int width) const override;

Q_SIGNALS:
    void historyLoaded();
    // `retrying`: the store could not be reached (a server down); the panel tries again every few seconds and
    // emits historyLoaded when it is back.
    void historyFailed(const QString &message, bool retrying);

private:
    void load(bool retry = false);
    void apply(std::shared_ptr<const Gapwise::TreeHistory> history);
    void fillList();
    void showCurrent();
    void selectInTree(int testIndex);

    MainWindow *m_window;
    QString m_storePath;
    QString m_password; // asked for when libpq found none; in memory only
    bool m_addRuns;
    int m_generation = 0;
    QTimer *m_retry; // reads the history again while the store cannot be reached
    QTimer *m_showSoon; // one showCurrent() for the triage edits of an event-loop turn
    std::shared_ptr<const Gapwise::TreeHistory> m_history;
    QLabel *m_summary;
    QToolButton *m_passwordButton = nullptr;
    QComboBox *m_show;
    QTreeWidget *m_list;
    QLabel *m_listEmpty; // in the list, when it lists nothing: an empty box reads as a list not filled yet
    QLabel *m_current;
    QWidget *m_currentStrip;
    GapTrendChart *m_trend;
};

// Docks a history panel on the right of the window; it follows every report the window opens.
HistoryPanel *attachHistoryPanel(MainWindow *window, const QString &storePath, bool addRuns);
