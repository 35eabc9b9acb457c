#pragma once

#include "importer.h"
#include "sourcelines.h"

#include <QMainWindow>

class QLabel;
class QSplitter;
class QToolButton;
class QTreeView;
class DetailsPane;
class ExportActions;
class DiagnosticsPanel;
class FilterBar;
class GapChart;
class ImportProgress;
class ImportRunner;
class MessageBanner;
class PhaseChart;
class RecentFiles;
class SelectionLinker;

namespace Gapwise {
class ChartDataAdapter;
class ReportFilterProxy;
class ReportTreeModel;
}

// Tree of phases, gaps and tests on the left, linked charts on the right, details below. Files open
// asynchronously; a failed import leaves the open report in place and says why in a banner.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    // Starts importing `path` off the GUI thread; reportLoaded() or importFailed() follows.
    bool openReport(const QString &path);
    void setReport(const Gapwise::Report &report, const Gapwise::SourceLines &lines = {});
    static QString sampleReportPath();

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
    ImportRunner *importRunner() const { return m_runner; }
    SelectionLinker *selectionLinker() const { return m_linker; }
    ExportActions *exportActions() const { return m_exports; }

signals:
    void reportLoaded();
    void importFailed(const QString &message);

protected:
    void closeEvent(QCloseEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void buildViews();
    void buildActions();
    void buildStatusBar();
    void restoreSettings();
    void saveSettings() const;
    void onLoaded(const Gapwise::Report &report, const Gapwise::SourceLines &lines);
    void onFailed(const Gapwise::ImportError &error);
    void openFileDialog();
    void setGrouping(int grouping);
    void updateDiagnosticsBadge();
    void updateCurrentDetails();

    Gapwise::ReportTreeModel *m_model;
    ExportActions *m_exports = nullptr;
    Gapwise::ReportFilterProxy *m_proxy;
    Gapwise::ChartDataAdapter *m_chartData;
    ImportRunner *m_runner;
    QTreeView *m_tree = nullptr;
    FilterBar *m_filterBar = nullptr;
    PhaseChart *m_phaseChart = nullptr;
    GapChart *m_gapChart = nullptr;
    DetailsPane *m_details = nullptr;
    DiagnosticsPanel *m_diagnostics = nullptr;
    MessageBanner *m_banner = nullptr;
    QSplitter *m_mainSplitter = nullptr;
    QSplitter *m_chartSplitter = nullptr;
    QDockWidget *m_detailsDock = nullptr;
    QDockWidget *m_diagnosticsDock = nullptr;
    QLabel *m_statusLabel = nullptr;
    QString m_reportSummary; // what the status bar says about the open report, restored after a failed open
    QToolButton *m_diagnosticsBadge = nullptr;
    ImportProgress *m_progress = nullptr;
    RecentFiles *m_recent = nullptr;
    SelectionLinker *m_linker = nullptr;
    QAction *m_byPhaseAction = nullptr;
    QAction *m_byGapAction = nullptr;
};
