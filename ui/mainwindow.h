// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "importer.h"
#include "sourcelines.h"
#include "triagesession.h"

#include <QMainWindow>

class QLabel;
class QSplitter;
class QToolButton;
class QTreeView;
class ComparisonMode;
class DetailsDockSizer;
class PaneFocusFrame;
class DetailsPane;
class ExportActions;
class DiagnosticsPanel;
class FilterBar;
class GapChart;
class GapEditor;
class ImportRunner;
class MessageBanner;
class PhaseChart;
class RecentFiles;
class ReportOpener;
class SelectionLinker;
class SessionController;
class TriageActions;
class TriageChangesPanel;

namespace Gapwise {
struct ComparisonDigest;
class ChartDataAdapter;
class ReportFilterProxy;
class ReportTreeModel;
class TriageSession;
}

// Tree of phases, gaps and tests on the left, linked charts on the right, details below. Files open
// asynchronously; a failed import leaves the open report in place and says why in a banner.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    // Opening runs through the window's ReportOpener (reportopener.h), which says what each does.
    // Starts importing `path` off the GUI thread; reportLoaded() or importFailed() follows. A `.gapwise`
    // session imports its report and then replays its edits. Asks first when the triage is not saved;
    // false when the user cancelled.
    bool openReport(const QString &path);
    // Several report files (or folders) as one run: Surefire's one file per class, a CI job's shards.
    bool openReports(const QStringList &paths);
    void setReport(const Gapwise::Report &report, const Gapwise::SourceLines &lines = {});
    void setReport(Gapwise::PreparedReport report, const Gapwise::SourceLines &lines = {});
    // Recovery files from a crash, offered in the offer banner (does not block); true when there is one.
    // Each loaded report's own recovery file is offered too (ReportOpener), whatever opened it.
    bool offerRecovery();
    bool restoreRecovery(const QString &recoveryPath);
    // Re-imports the open report (it changed on disk) and re-applies the current triage to it.
    void reloadReport();
    static QString sampleReportPath();

    // File > Compare with… without the dialog: compares the open run with `oldPath` (a report or a
    // .gapwise session) off the GUI thread; the window then shows the comparison (ComparisonMode).
    bool compareWith(const QString &oldPath);
    // The comparison the window shows (per-gap deltas as the triage is now), for exports; nullptr when none.
    const Gapwise::ComparisonDigest *activeComparison();
    ComparisonMode *comparisonMode() const { return m_comparison; }

    // After a dock is added beside the panes (the run history): on a first run, the tree gets seven tenths
    // of what is left when the window is next shown (its names beside the strips), rather than losing as much to
    // the dock as the charts do. A restored layout stays.
    void resplitPanes();

    // Lays the window out at `size`, paints it and writes a PNG. For docs and CI; works offscreen.
    bool saveScreenshot(const QString &path, const QSize &size = QSize(1400, 900));

    Gapwise::ReportTreeModel *treeModel() const { return m_model; }
    Gapwise::ReportFilterProxy *filterProxy() const { return m_proxy; }
    QTreeView *treeView() const { return m_tree; }
    PhaseChart *phaseChart() const { return m_phaseChart; }
    GapChart *gapChart() const { return m_gapChart; }
    FilterBar *filterBar() const { return m_filterBar; }
    DetailsPane *detailsPane() const { return m_details; }
    MessageBanner *messageBanner() const { return m_banner; }
    // Offers that outlive an import (restore a crash's work, open a report with its saved triage).
    MessageBanner *offerBanner() const { return m_offerBanner; }
    ImportRunner *importRunner() const;
    SelectionLinker *selectionLinker() const { return m_linker; }
    ExportActions *exportActions() const { return m_exports; }
    Gapwise::TriageSession *session() const { return m_session; }
    SessionController *sessionController() const { return m_sessions; }
    TriageActions *triageActions() const { return m_triage; }
    GapEditor *gapEditor() const { return m_gapEditor; }
    TriageChangesPanel *changesPanel() const { return m_changesPanel; }
    QToolButton *changesBadge() const { return m_changesBadge; }
    // Shows the current row again in Details and the gap form: after any change of the triage (TriageSession::
    // changed: an edit, an undo or a redo, someone else's shared edits arriving).
    void updateCurrentDetails();

signals:
    void reportLoaded();
    void importFailed(const QString &message);
    // A file imported, but the user kept the open triage when asked (Cancel, or a failed Save).
    void openDeclined(const QString &path);

protected:
    void closeEvent(QCloseEvent *event) override;
    void showEvent(QShowEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void buildViews();
    void buildActions();
    void buildStatusBar();
    void buildOpener(); // the ReportOpener, and what the window shows of its imports
    void restoreSettings();
    void applyFirstRunSplit();
    void splitCharts(); // the first split of the chart column, between the phase and the gap chart
    void saveSettings() const;
    void openFileDialog();
    void openFolderDialog();
    void compareFileDialog();
    void setGrouping(int grouping);
    void updateDiagnosticsBadge();
    void updateTitle();
    void updateReportSummary();
    void expandForFilter();
    void showFirstFailure();
    void fitPhaseColumn();
    void openTestSource();
    void openSource(const QString &file, int line);
    void cyclePanes(int step);
    static QWidget *paneFocusTarget(QWidget *pane);
    bool behindAnotherTab(QWidget *pane) const;
    void showGapPane();

    Gapwise::TriageSession *m_session;
    Gapwise::ReportTreeModel *m_model;
    ExportActions *m_exports = nullptr;
    Gapwise::ReportFilterProxy *m_proxy;
    Gapwise::ChartDataAdapter *m_chartData;
    ReportOpener *m_opener = nullptr;
    QTreeView *m_tree = nullptr;
    FilterBar *m_filterBar = nullptr;
    PhaseChart *m_phaseChart = nullptr;
    GapChart *m_gapChart = nullptr;
    DetailsPane *m_details = nullptr;
    DiagnosticsPanel *m_diagnostics = nullptr;
    MessageBanner *m_banner = nullptr;
    MessageBanner *m_offerBanner = nullptr;
    QSplitter *m_mainSplitter = nullptr;
    bool m_panesRestored = false; // the splitters came from the settings
    bool m_resplitOnShow = false;
    // The first-run shares follow the window's size (a maximize comes after the show) until the user moves the
    // splitter.
    bool m_keepFirstRunSplit = false;
    QSplitter *m_chartSplitter = nullptr;
    QDockWidget *m_detailsDock = nullptr;
    DetailsDockSizer *m_detailsSizer = nullptr;
    PaneFocusFrame *m_paneFocus = nullptr;
    QDockWidget *m_diagnosticsDock = nullptr;
    QLabel *m_statusLabel = nullptr;
    QString m_reportSummary; // what the status bar says about the open report, restored after a failed open
    QToolButton *m_diagnosticsBadge = nullptr;
    RecentFiles *m_recent = nullptr;
    SelectionLinker *m_linker = nullptr;
    QAction *m_byPhaseAction = nullptr;
    QAction *m_byGapAction = nullptr;
    SessionController *m_sessions = nullptr;
    TriageActions *m_triage = nullptr;
    QDockWidget *m_changesDock = nullptr;
    TriageChangesPanel *m_changesPanel = nullptr;
    QToolButton *m_changesBadge = nullptr;
    QDockWidget *m_gapDock = nullptr;
    GapEditor *m_gapEditor = nullptr;
    ComparisonMode *m_comparison = nullptr;
};
