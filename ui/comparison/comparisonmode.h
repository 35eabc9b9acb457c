// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "comparisondigest.h"
#include "knownissues.h"
#include "treecomparison.h"

#include <QJsonObject>
#include <QObject>
#include <QPointer>

#include <functional>
#include <memory>
#include <optional>

class ChartFold;
class ComparisonChart;
class ComparisonView;
class FilterBar;
class GapChart;
class MessageBanner;
class QAction;
class QSplitter;
class QTimer;
class QTreeView;
class QUndoCommand;

namespace Gapwise {
class ComparisonColumnProxy;
class TriageSession;
}

// The main window comparing its open run with an earlier one (a report or a .gapwise session).
// start() reads, matches and carries over on a pool thread; the GUI thread then only switches the views:
// the tree's Change column and deltas, the change filter, the old-vs-new gap chart in place of the gap
// chart, and the banner. The earlier run's triage enters the window's session as one undo step.
// A cancelled or superseded comparison's result is dropped (generation counter); opening another report
// ends the comparison.
class ComparisonMode : public QObject
{
    Q_OBJECT
public:
    struct Views
    {
        QTreeView *tree = nullptr;
        FilterBar *filterBar = nullptr;
        GapChart *gapChart = nullptr;
        QSplitter *chartSplitter = nullptr; // the comparison chart goes beside the gap chart, hidden
        QWidget *phaseChart = nullptr; // folds behind the comparison chart in a short window (ChartFold)
        MessageBanner *messages = nullptr; // the window's: says a failed comparison while another one is shown
    };
    ComparisonMode(
        Gapwise::TriageSession *session, Gapwise::ComparisonColumnProxy *model, const Views &views, QWidget *window);
    ~ComparisonMode() override;

    MessageBanner *banner() const { return m_banner; }
    ComparisonChart *chart() const { return m_chart; }
    ChartFold *chartFold() const { return m_fold; } // the chart column, the chart splitter in it
    // What the banner offers: Cancel while comparing; Show details and End comparison on a result. End
    // comparison is enabled while a comparison is shown, so that a menu can hold it too.
    QAction *cancelAction() const { return m_cancelAction; }
    QAction *detailsAction() const { return m_detailsAction; }
    QAction *endAction() const { return m_endAction; }

    // Compares the session's report with `oldPath`; false (and failed()) when no report is open.
    bool start(const QString &oldPath);
    void cancel();
    void end(); // back to the plain views; carried-over triage stays in the session (undoable)
    bool isRunning() const { return m_running; }
    bool isActive() const { return m_tree != nullptr; }
    QString oldPath() const { return isActive() ? m_oldPath : QString(); } // the earlier run compared with
    // The comparison shown, its gap deltas and its tests' gaps following triage edits made since; nullptr when
    // none is active.
    const Gapwise::ComparisonDigest *digest();
    ComparisonView *showDetails();
    // Reads the store's known issues as they are now, in the comparison's worker; nullopt when it cannot.
    using KnownIssuesReader = std::function<std::optional<Gapwise::KnownIssues>()>;
    // The known issues (the history store's) the next comparison judges new failures with: a new failure in
    // one of their gaps is a known failure. With `reread`, each comparison reads them again first (one marked
    // since, by `gapwise history known`, counts), and uses `known` only when that read fails.
    void setKnownIssues(const Gapwise::KnownIssues &known, KnownIssuesReader reread = {})
    {
        m_knownIssues = known;
        m_rereadKnownIssues = std::move(reread);
    }

signals:
    void compared();
    void failed(const QString &message);
    void cancelled();
    void ended();

private:
    struct Outcome
    {
        Gapwise::ComparisonDigest digest;
        QVector<QJsonObject> edits;
        std::shared_ptr<const Gapwise::TreeComparison> tree;
        QHash<QString, QString> goneGapTitles; // the earlier run's gap titles by gap id now
        QHash<QString, QString> carriedGapTitles; // the gaps the carried edits name, by id: to say which did not apply
        QString error;
    };
    static Outcome compute(const QString &oldPath, const Gapwise::Report &imported, const Gapwise::Report &current,
        const Gapwise::KnownIssues &known, const KnownIssuesReader &reread);
    void present(const QString &oldPath, const Outcome &outcome);
    void refreshDeltas();
    void showSummary();
    enum class CarryState
    {
        None, // nothing was carried over
        Applied,
        Undone, // Edit › Redo brings it back
        Gone // undone, and the redo was dropped by an edit since
    };
    CarryState carryState() const;
    void setViewsComparing(bool comparing);

    Gapwise::TriageSession *m_session;
    Gapwise::ComparisonColumnProxy *m_model; // the tree's Change column
    Views m_views;
    QWidget *m_window;
    MessageBanner *m_banner;
    ComparisonChart *m_chart;
    ChartFold *m_fold = nullptr;
    QAction *m_cancelAction;
    QAction *m_detailsAction;
    QAction *m_endAction;
    QTimer *m_refresh;
    QPointer<ComparisonView> m_details;
    int m_generation = 0;
    bool m_running = false;
    bool m_summaryShown = false; // the banner shows this comparison's summary, not a message since
    QString m_oldPath;
    // The carried triage's undo step (compared by address only): the banner says when it is undone.
    const QUndoCommand *m_carryStep = nullptr;
    Gapwise::ComparisonDigest m_digest;
    std::shared_ptr<const Gapwise::TreeComparison> m_tree;
    QHash<QString, QString> m_goneGapTitles;
    Gapwise::KnownIssues m_knownIssues;
    KnownIssuesReader m_rereadKnownIssues;
};
