// SPDX-License-Identifier: GPL-3.0-or-later
#include "mainwindow.h"

#include "chartdataadapter.h"
#include "comparisonbanner.h"
#include "comparisonchart.h"
#include "comparisoncolumnproxy.h"
#include "comparisonmode.h"
#include "detailspane.h"
#include "diagnosticspanel.h"
#include "exportactions.h"
#include "filterbar.h"
#include "gapchart.h"
#include "gapeditor.h"
#include "importprogress.h"
#include "importrunner.h"
#include "messagebanner.h"
#include "phasechart.h"
#include "recentfiles.h"
#include "recoveryoffer.h"
#include "reportfilterproxy.h"
#include "reporttreemodel.h"
#include "selectionlinker.h"
#include "sessioncontroller.h"
#include "sessionfile.h"
#include "sourceopener.h"
#include "statuscolumnsizer.h"
#include "testnamedelegate.h"
#include "treeexpansion.h"
#include "triageactions.h"
#include "triagechangespanel.h"
#include "triagesession.h"
#include "windowstate.h"

#include "qcustomplotheader.h"
#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QComboBox>
#include <QDockWidget>
#include <QDragEnterEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QMenuBar>
#include <QMimeData>
#include <QScreen>
#include <QScrollArea>
#include <QSettings>
#include <QShowEvent>
#include <QSplitter>
#include <QStatusBar>
#include <QStyle>
#include <QToolBar>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

using namespace Gapwise;

namespace {
constexpr int MaxAutoExpandMatches = 2000;

// The Details dock takes the height its content needs (a trace, captured output), between seven lines and
// two fifths of the window, so a failure is read without scrolling and the tree keeps the rest.
void fitDetailsToContent(QMainWindow *window, QDockWidget *dock, DetailsPane *details)
{
    if (!dock->isVisible() || dock->isFloating())
        return;
    const int line = details->fontMetrics().height();
    details->document()->setTextWidth(details->viewport()->width());
    const int wanted = int(details->document()->size().height()) + details->frameWidth() * 2
        + (dock->height() - details->height()) + line * 2;
    const int target = qBound(line * 7, wanted, window->height() * 2 / 5);
    if (qAbs(target - dock->height()) > line * 2)
        window->resizeDocks({ dock }, { target }, Qt::Vertical);
}
} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_session(new TriageSession(this))
    , m_model(new ReportTreeModel(this))
    , m_proxy(new ReportFilterProxy(this))
    , m_chartData(new ChartDataAdapter(m_model, this))
    , m_runner(new ImportRunner(this))
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("Gapwise"));
    setAcceptDrops(true);
    m_proxy->setReportModel(m_model);
    m_model->setSession(m_session); // the tree shows the triaged report and follows every edit
    m_sessions = new SessionController(m_session, this);
    buildViews();
    m_recovery = new RecoveryOffer(
        m_sessions->autosaver(), m_offerBanner, [this](const QString &p) { restoreRecovery(p); }, this);
    m_comparison = new ComparisonMode(
        m_session, m_proxy->comparisonModel(), { m_tree, m_filterBar, m_gapChart, m_chartSplitter }, this);
    qobject_cast<QVBoxLayout *>(centralWidget()->layout())->insertWidget(1, m_comparison->banner());
    buildActions();
    buildStatusBar();
    m_linker = new SelectionLinker(m_tree, m_proxy, m_phaseChart, m_gapChart, this);
    connect(
        m_linker, &SelectionLinker::groupHidden, this, [this](const QString &m) { statusBar()->showMessage(m, 5000); });

    connect(m_runner, &ImportRunner::loaded, this, &MainWindow::onLoaded);
    connect(m_runner, &ImportRunner::failed, this, &MainWindow::onFailed);
    connect(m_runner, &ImportRunner::cancelled, this, [this](const QString &path) {
        m_statusLabel->setText(m_reportSummary);
        statusBar()->showMessage(tr("Opening %1 cancelled").arg(QFileInfo(path).fileName()), 5000);
    });
    connect(m_runner, &ImportRunner::started, this,
        [this](const QString &path) { m_statusLabel->setText(tr("Opening %1…").arg(QFileInfo(path).fileName())); });
    connect(m_session->undoStack(), &QUndoStack::cleanChanged, this, [this](bool clean) { setWindowModified(!clean); });
    connect(m_session, &TriageSession::changed, this, &MainWindow::updateCurrentDetails);
    connect(m_session, &TriageSession::changed, this, &MainWindow::updateReportSummary);
    connect(m_sessions, &SessionController::sessionPathChanged, this, &MainWindow::updateTitle);
    connect(m_sessions, &SessionController::sessionPathChanged, this, [this](const QString &path) {
        if (!path.isEmpty())
            m_recent->add(path); // a saved session is in Open Recent at once, not after it is next opened
    });
    connect(m_sessions, &SessionController::aboutToUseTriage, m_gapEditor, &GapEditor::commitPending);
    connect(m_sessions, &SessionController::failed, this,
        [this](const QString &m) { m_banner->showError(m.toHtmlEscaped()); });
    connect(m_sessions, &SessionController::editsNotApplied, this, [this](const QStringList &lines) {
        // Non-modal: the edits that still apply are in force; these are listed, never dropped silently.
        QStringList escaped;
        for (const QString &l : lines)
            escaped << l.toHtmlEscaped();
        m_banner->showError(tr("%n saved edit(s) no longer apply to this report:", nullptr, int(lines.size()))
            + QStringLiteral("<br>") + escaped.join(QStringLiteral("<br>")));
    });
    connect(m_sessions, &SessionController::reportChangedOnDisk, this, [this](const QString &path) {
        m_banner->showChoice(tr("%1 changed on disk.").arg(QFileInfo(path).fileName().toHtmlEscaped()),
            { { tr("Reload and keep my triage"), [this] { reloadReport(); } }, { tr("Ignore"), [] {} } });
    });
    restoreSettings();
    m_tree->setColumnHidden(ComparisonColumnProxy::ChangeColumn, true); // a saved header may have shown it
    m_tree->setColumnHidden(ReportTreeModel::HistoryColumn, true); // a run history is painted in the Status column
}

MainWindow::~MainWindow()
{
    // The session is destroyed with the window's children and clears its undo stack as it goes: nothing may
    // hear about that while the views it would notify are half destroyed.
    m_session->blockSignals(true);
    m_session->undoStack()->blockSignals(true);
}

bool MainWindow::offerRecovery()
{
    return m_recovery->offerAny();
}

bool MainWindow::restoreRecovery(const QString &recoveryPath)
{
    QStringList reportPaths;
    QString error;
    if (!m_sessions->prepareRecovery(recoveryPath, &reportPaths, &error)) {
        m_banner->showError(tr("Could not restore %1 — %2").arg(recoveryPath, error).toHtmlEscaped());
        return false;
    }
    m_askBeforeReplacing = true;
    m_runner->start(reportPaths);
    return true;
}

void MainWindow::reloadReport()
{
    m_sessions->prepareReload();
    m_askBeforeReplacing = false; // the triage is kept, replayed on the new run
    m_runner->start(m_sessions->reportPaths());
}

QString MainWindow::sampleReportPath()
{
    return QStringLiteral(":/gapwise/sample-report.md");
}

void MainWindow::buildViews()
{
    m_tree = new QTreeView;
    m_tree->setObjectName(QStringLiteral("reportTree"));
    m_tree->setModel(m_proxy);
    m_tree->setUniformRowHeights(true); // lets the view skip per-row size queries on 100,000 rows
    m_tree->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_tree->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_tree->setAlternatingRowColors(true);
    // Never cut an identifier in its middle: a test shows its own name in full, its file and class dimmed
    // after it (TestNameDelegate); other text is cut at its end, and every tooltip has the whole.
    m_tree->setTextElideMode(Qt::ElideRight);
    m_tree->setItemDelegateForColumn(ReportTreeModel::NameColumn, new TestNameDelegate(m_tree));
    m_tree->setDragEnabled(true); // tests drag onto gaps; the model turns a drop into a session edit
    m_tree->setAcceptDrops(true);
    m_tree->setDropIndicatorShown(true);
    m_tree->setDragDropMode(QAbstractItemView::DragDrop);
    m_tree->setDefaultDropAction(Qt::MoveAction);
    m_tree->setEditTriggers(QAbstractItemView::EditKeyPressed | QAbstractItemView::SelectedClicked); // F2 renames a gap
    m_tree->header()->setSortIndicator(-1, Qt::AscendingOrder); // report order until the user sorts
    m_tree->setSortingEnabled(true);
    m_tree->header()->setStretchLastSection(false);
    m_tree->header()->setSectionResizeMode(ReportTreeModel::NameColumn, QHeaderView::Stretch);
    const int em = fontMetrics().averageCharWidth();
    new StatusColumnSizer(m_tree, m_model); // as wide as the open report's counts need: Name gets the rest
    m_tree->setColumnWidth(ReportTreeModel::FailuresColumn, em * 9);
    m_tree->setColumnWidth(ReportTreeModel::PhaseColumn, em * 13);
    m_tree->setColumnWidth(ReportTreeModel::PriorityColumn, em * 8);
    m_filterBar = new FilterBar(m_proxy);
    connect(m_filterBar, &FilterBar::groupingChanged, this, &MainWindow::setGrouping);
    // Matches sit at the leaves: open the tree down to them while there are few enough to look through;
    // a status change opens what fits on the screen.
    connect(m_proxy, &ReportFilterProxy::filterChanged, this, &MainWindow::expandForFilter);

    auto *left = new QWidget;
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(4, 4, 0, 0);
    leftLayout->setSpacing(4);
    leftLayout->addWidget(m_filterBar);
    leftLayout->addWidget(m_tree, 1);
    // The filter bar's status row would hold the tree at ~740 px otherwise: the user may narrow it further.
    left->setMinimumWidth(fontMetrics().averageCharWidth() * 50);

    m_phaseChart = new PhaseChart(m_chartData);
    m_gapChart = new GapChart(m_chartData);
    m_chartSplitter = new QSplitter(Qt::Vertical);
    m_chartSplitter->setObjectName(QStringLiteral("chartSplitter"));
    m_chartSplitter->addWidget(m_phaseChart);
    m_chartSplitter->addWidget(m_gapChart);
    // The phase chart never scrolls: its axis labels must stay in view. The gap chart scrolls when it has to.
    m_phaseChart->setMinimumHeight(fontMetrics().height() * 2 + 180);
    m_chartSplitter->setStretchFactor(0, 2);
    m_chartSplitter->setStretchFactor(1, 3);
    m_chartSplitter->setMinimumWidth(fontMetrics().averageCharWidth() * 60); // room for gap titles

    m_mainSplitter = new QSplitter(Qt::Horizontal);
    m_mainSplitter->setObjectName(QStringLiteral("mainSplitter"));
    m_mainSplitter->addWidget(left);
    m_mainSplitter->addWidget(m_chartSplitter);
    // A bigger or smaller window (or a dock opened beside them) changes both in their first-run shares
    // (restoreSettings), so a side dock does not take as much from the tree as from the charts.
    m_mainSplitter->setStretchFactor(0, 3);
    m_mainSplitter->setStretchFactor(1, 2);
    m_mainSplitter->setChildrenCollapsible(false);

    m_banner = new MessageBanner;
    m_offerBanner = new MessageBanner;
    m_offerBanner->setObjectName(QStringLiteral("offerBanner"));
    auto *central = new QWidget;
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_banner);
    layout->addWidget(m_offerBanner);
    layout->addWidget(m_mainSplitter, 1);
    setCentralWidget(central);

    m_details = new DetailsPane;
    m_details->setMinimumHeight(fontMetrics().height() * 6);
    m_detailsDock = new QDockWidget(tr("Details"), this);
    m_detailsDock->setObjectName(QStringLiteral("detailsDock"));
    m_detailsDock->setWidget(m_details);
    addDockWidget(Qt::BottomDockWidgetArea, m_detailsDock);
    m_diagnostics = new DiagnosticsPanel;
    m_diagnosticsDock = new QDockWidget(tr("Import diagnostics"), this);
    m_diagnosticsDock->setObjectName(QStringLiteral("diagnosticsDock"));
    m_diagnosticsDock->setWidget(m_diagnostics);
    addDockWidget(Qt::BottomDockWidgetArea, m_diagnosticsDock);
    m_changesPanel = new TriageChangesPanel(m_session);
    m_changesDock = new QDockWidget(tr("Changes"), this);
    m_changesDock->setObjectName(QStringLiteral("changesDock"));
    m_changesDock->setWidget(m_changesPanel);
    addDockWidget(Qt::BottomDockWidgetArea, m_changesDock);
    tabifyDockWidget(m_detailsDock, m_diagnosticsDock);
    tabifyDockWidget(m_detailsDock, m_changesDock);
    m_gapEditor = new GapEditor(m_session);
    m_gapDock = new QDockWidget(tr("Gap"), this);
    m_gapDock->setObjectName(QStringLiteral("gapDock"));
    // In a scroll area: the editor's fields would otherwise hold the whole bottom dock area at their height
    // and keep the Details pane from shrinking to its content on a 768-pixel screen.
    auto *gapScroll = new QScrollArea;
    gapScroll->setObjectName(QStringLiteral("gapEditorScroll"));
    gapScroll->setWidgetResizable(true);
    gapScroll->setFrameShape(QFrame::NoFrame);
    gapScroll->setWidget(m_gapEditor);
    m_gapDock->setWidget(gapScroll);
    addDockWidget(Qt::BottomDockWidgetArea, m_gapDock);
    splitDockWidget(m_detailsDock, m_gapDock, Qt::Horizontal);
    m_detailsDock->raise();
    // Details get about a fifth of the height on a first run, leaving the tree and charts the most room.
    resizeDocks({ m_detailsDock }, { fontMetrics().height() * 12 }, Qt::Vertical);

    connect(m_tree->selectionModel(), &QItemSelectionModel::currentChanged, this, &MainWindow::updateCurrentDetails);
    // Enter (or a double click) on a test opens its source, as does a file:line link in the details.
    connect(m_tree, &QTreeView::activated, this, [this](const QModelIndex &index) {
        if (index.data(NodeKindRole).toInt() == int(NodeKind::Test))
            openTestSource();
    });
    connect(m_details, &DetailsPane::openSourceRequested, this, &MainWindow::openSource);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &MainWindow::updateCurrentDetails);
}

void MainWindow::buildStatusBar()
{
    m_reportSummary = tr("No report open");
    m_statusLabel = new QLabel(m_reportSummary);
    m_statusLabel->setObjectName(QStringLiteral("statusLabel"));
    statusBar()->addWidget(m_statusLabel, 1);
    m_progress = new ImportProgress(m_runner);
    statusBar()->addPermanentWidget(m_progress);
    m_diagnosticsBadge = new QToolButton;
    m_diagnosticsBadge->setObjectName(QStringLiteral("diagnosticsBadge"));
    m_diagnosticsBadge->setAutoRaise(true);
    m_diagnosticsBadge->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_diagnosticsBadge->setToolTip(tr("What the importer noticed about this file; click to show the list"));
    m_diagnosticsBadge->hide();
    connect(m_diagnosticsBadge, &QToolButton::clicked, this, [this] {
        m_diagnosticsDock->show();
        m_diagnosticsDock->raise();
    });
    statusBar()->addPermanentWidget(m_diagnosticsBadge);
    // What the triage changed, always in view: the same words the exported plan will use.
    m_changesBadge = new QToolButton;
    m_changesBadge->setObjectName(QStringLiteral("changesBadge"));
    m_changesBadge->setAutoRaise(true);
    m_changesBadge->setToolTip(tr("What your triage changed, as the exported plan states it; click for the list"));
    m_changesBadge->hide();
    connect(m_changesBadge, &QToolButton::clicked, this, [this] {
        m_changesDock->show();
        m_changesDock->raise();
    });
    connect(m_changesPanel, &TriageChangesPanel::summaryChanged, this, [this](const QString &counts) {
        m_changesBadge->setText(counts);
        m_changesBadge->setVisible(!counts.isEmpty());
    });
    // Index 1: the first permanent place (0 is the summary label, a normal widget), left of the others.
    statusBar()->insertPermanentWidget(1, m_changesBadge);
}

bool MainWindow::openReport(const QString &path)
{
    // The file is read first and the "save changes?" question asked once it imported (onLoaded): a file
    // that cannot be read never costs the open triage, and the answer means what it says.
    if (path.isEmpty())
        return false;
    QStringList reportPaths { path };
    if (SessionController::isSessionFile(path)) {
        QString error;
        if (!m_sessions->prepareSession(path, &reportPaths, &error)) {
            m_banner->showError(tr("Could not open %1 — %2").arg(QFileInfo(path).fileName(), error).toHtmlEscaped());
            return false;
        }
    }
    m_askBeforeReplacing = true;
    m_runner->start(reportPaths);
    return true;
}

bool MainWindow::openReports(const QStringList &paths)
{
    if (paths.size() == 1)
        return openReport(paths.first());
    if (paths.isEmpty())
        return false;
    m_askBeforeReplacing = true;
    m_runner->start(paths);
    return true;
}

void MainWindow::onLoaded(const PreparedReport &report, const SourceLines &lines)
{
    const QString path = m_runner->currentPath();
    if (m_askBeforeReplacing && !m_sessions->maybeDiscard()) {
        m_sessions->cancelPending();
        m_statusLabel->setText(m_reportSummary);
        statusBar()->showMessage(
            tr("%1 was not opened: the open triage is kept").arg(QFileInfo(path).fileName()), 8000);
        emit openDeclined(path);
        return;
    }
    m_banner->hide();
    if (m_sessionOffered) // about the report that was open; a recovery offer stays up through any load
        m_offerBanner->hide();
    m_sessionOffered = false;
    const bool restoring = m_sessions->isRestoring();
    setReport(report, lines);
    // Before reportLoaded: restoring re-writes this report's recovery file, which is then this window's own.
    const bool recoveryOffered = !restoring && m_recovery->offerFor(path);
    const QStringList paths = m_runner->currentPaths();
    m_sessions->reportLoaded(path, paths.size() > 1 ? paths : QStringList());
    if (!path.isEmpty())
        m_recent->add(m_sessions->sessionPath().isEmpty() ? path : m_sessions->sessionPath());
    if (!recoveryOffered && !restoring && m_sessions->sessionPath().isEmpty())
        offerSavedSession(path);
    emit reportLoaded();
}

// A plain report for which a session was saved (beside it, or in Open Recent): the triage is not lost,
// and the window says where it is.
void MainWindow::offerSavedSession(const QString &reportPath)
{
    if (reportPath.startsWith(QLatin1Char(':')))
        return;
    const QFileInfo report(reportPath);
    QStringList candidates;
    for (const QString &recent : m_recent->files()) {
        if (SessionController::isSessionFile(recent))
            candidates << recent;
    }
    candidates << report.absolutePath() + QLatin1Char('/') + report.completeBaseName() + QStringLiteral(".gapwise");
    const QString session = Gapwise::savedSessionFor(report.absoluteFilePath(), candidates);
    if (session.isEmpty())
        return;
    const QString name = QFileInfo(session).fileName();
    m_sessionOffered = true;
    m_offerBanner->showChoice(
        tr("Your triage of %1 is saved in <b>%2</b>.").arg(report.fileName().toHtmlEscaped(), name.toHtmlEscaped()),
        { { tr("Open with your triage from %1").arg(name), [this, session] { openReport(session); } },
            { tr("Not now"), [] {} } });
}

void MainWindow::onFailed(const ImportError &error)
{
    // Non-modal: the previous report stays open and usable behind the banner.
    const QString text = tr("Could not open %1 — %2").arg(QFileInfo(error.file).fileName(), error.toString());
    m_banner->showError(text.toHtmlEscaped());
    m_sessions->cancelPending(); // a session or recovery file waiting for this report opens nothing
    m_statusLabel->setText(m_reportSummary);
    statusBar()->showMessage(tr("Import failed"), 5000);
    emit importFailed(error.toString());
}

void MainWindow::setReport(const Report &report, const SourceLines &lines)
{
    setReport(prepareForTriage(report), lines);
}

void MainWindow::setReport(PreparedReport report, const SourceLines &lines)
{
    m_details->setSourceLines(lines);
    m_session->load(std::move(report)); // the model follows with one reset
    m_diagnostics->setDiagnostics(m_session->report().diagnostics);
    updateDiagnosticsBadge();
    fitPhaseColumn();
    // Failures first (passed and skipped hidden unless nothing fails), their groups opened as far as they fit.
    m_filterBar->resetForReport();
    expandToFit(m_tree, rowsThatFit(m_tree));
    showFirstFailure();
    updateTitle();
    updateReportSummary();
}

// The status bar's line about the open report, kept true through triage (a created or merged gap counts).
void MainWindow::updateReportSummary()
{
    const Report &report = m_session->report();
    auto count = [](qsizetype n, const QString &one, const QString &many) { return (n == 1 ? one : many).arg(n); };
    m_reportSummary = tr("%1 — %2, %3, %4")
                          .arg(QFileInfo(report.sourceFile).fileName(),
                              count(report.phases.size(), tr("%1 phase"), tr("%1 phases")),
                              count(report.gaps.size(), tr("%1 gap"), tr("%1 gaps")),
                              count(report.tests.size(), tr("%1 named test"), tr("%1 named tests")));
    if (!m_runner->isRunning()) // "Opening …" stays until the import ends
        m_statusLabel->setText(m_reportSummary);
}

void MainWindow::updateTitle()
{
    const Report &report = m_session->report();
    QString name = report.title.isEmpty() ? QFileInfo(report.sourceFile).fileName() : report.title;
    if (name.isEmpty())
        name = tr("Gapwise");
    if (!m_sessions->sessionPath().isEmpty())
        name += QStringLiteral(" — ") + QFileInfo(m_sessions->sessionPath()).fileName();
    setWindowTitle(name + QStringLiteral("[*]"));
    setWindowModified(!m_session->undoStack()->isClean());
}

void MainWindow::updateDiagnosticsBadge()
{
    const auto &diagnostics = m_model->report().diagnostics;
    int warnings = 0;
    for (const Diagnostic &d : diagnostics)
        warnings += d.severity != Severity::Info ? 1 : 0;
    m_diagnosticsBadge->setVisible(!diagnostics.isEmpty());
    m_diagnosticsBadge->setIcon(
        style()->standardIcon(warnings ? QStyle::SP_MessageBoxWarning : QStyle::SP_MessageBoxInformation));
    m_diagnosticsBadge->setText(tr("Diagnostics: %1").arg(diagnostics.size()));
}

void MainWindow::updateCurrentDetails()
{
    const QModelIndex current = m_proxy->mapToTree(m_tree->currentIndex());
    m_details->showIndex(m_model, current);
    fitDetailsToContent(this, m_detailsDock, m_details);
    // The gap of the current row (a test's gap too) is the one the form edits.
    if (m_model->kindOf(current) != NodeKind::Phase || current.parent().isValid())
        m_gapEditor->setGap(current.data(GapIdRole).toString());
}

void MainWindow::setGrouping(int grouping)
{
    m_model->setGrouping(Grouping(grouping));
    const bool byPhase = Grouping(grouping) == Grouping::ByPhase;
    m_byPhaseAction->setChecked(byPhase);
    m_byGapAction->setChecked(!byPhase);
    const int comboIndex = m_filterBar->groupingBox()->findData(grouping);
    if (comboIndex >= 0)
        m_filterBar->groupingBox()->setCurrentIndex(comboIndex);
    fitPhaseColumn();
    expandToFit(m_tree, rowsThatFit(m_tree));
}

// The first failing test in view becomes the current row (not selected): its failure is in the details
// from the first screen on.
void MainWindow::showFirstFailure()
{
    if (m_tree->currentIndex().isValid())
        return;
    for (QModelIndex i = m_proxy->index(0, 0); i.isValid(); i = m_tree->indexBelow(i)) {
        const auto status = TestStatus(i.data(StatusRole).toInt());
        if (i.data(NodeKindRole).toInt() == int(NodeKind::Test) && isFailing(status)) {
            m_tree->selectionModel()->setCurrentIndex(i, QItemSelectionModel::NoUpdate);
            return;
        }
    }
}

void MainWindow::expandForFilter()
{
    if (!m_filterBar->searchField()->text().isEmpty() && m_proxy->matchCount() <= MaxAutoExpandMatches)
        m_tree->expandAll();
    else
        expandToFit(m_tree, rowsThatFit(m_tree));
}

// Wide enough for the longest phase name (capped), so "Unit Tests: Service Detection" is read whole; hidden
// while the tree is grouped by phase, where every row's phase is the group above it and the name needs
// the width.
void MainWindow::fitPhaseColumn()
{
    m_tree->setColumnHidden(ReportTreeModel::PhaseColumn, m_model->grouping() == Grouping::ByPhase);
    const QFontMetrics metrics = m_tree->fontMetrics();
    int widest
        = metrics.horizontalAdvance(m_model->headerData(ReportTreeModel::PhaseColumn, Qt::Horizontal).toString());
    for (const Phase &p : m_model->report().phases)
        widest = qMax(widest, metrics.horizontalAdvance(p.name));
    m_tree->setColumnWidth(
        ReportTreeModel::PhaseColumn, qMin(widest + metrics.averageCharWidth() * 3, metrics.averageCharWidth() * 40));
}

void MainWindow::openTestSource()
{
    const QModelIndex current = m_proxy->mapToTree(m_tree->currentIndex());
    if (m_model->kindOf(current) != NodeKind::Test)
        return;
    const SourceLocation where = m_details->currentSource();
    if (!where.file.isEmpty())
        openSource(where.file, where.line);
    else
        statusBar()->showMessage(tr("The report names no source file for this test"), 5000);
}

void MainWindow::openSource(const QString &file, int line)
{
    QString error;
    // A relative path is looked for beside the report file the test was read from (one of a run's files).
    const QString besides = m_details->currentReportFile();
    if (SourceOpener::open(file, line, besides.isEmpty() ? m_session->report().sourceFile : besides, &error))
        statusBar()->showMessage(tr("Opened %1:%2").arg(file).arg(line), 5000);
    else
        statusBar()->showMessage(tr("Could not open the source: %1").arg(error), 8000);
}

// F6 / Shift+F6: the filter, the tree, the details, the charts, in turn.
void MainWindow::cyclePanes(int step)
{
    const QList<QWidget *> panes
        = { m_filterBar->searchField(), m_tree, m_details, m_phaseChart->plot(), m_gapChart->plot() };
    int at = -1;
    for (int i = 0; i < panes.size(); ++i) {
        if (panes[i] == QApplication::focusWidget() || panes[i]->isAncestorOf(QApplication::focusWidget()))
            at = i;
    }
    for (int n = 1; n <= panes.size(); ++n) {
        QWidget *next = panes[(at + step * n + panes.size() * 2) % panes.size()];
        if (next->isVisible() && next->focusPolicy() != Qt::NoFocus) {
            if (next == m_details)
                m_detailsDock->raise();
            next->setFocus(Qt::ShortcutFocusReason);
            return;
        }
    }
}

void MainWindow::buildActions()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *open = file->addAction(
        QIcon::fromTheme(QStringLiteral("document-open"), style()->standardIcon(QStyle::SP_DialogOpenButton)),
        tr("&Open…"), this, &MainWindow::openFileDialog);
    open->setShortcut(QKeySequence::Open);
    open->setStatusTip(tr("Open a test report (Markdown, JUnit XML or a pytest log)"));
    QMenu *recentMenu = file->addMenu(tr("Open &Recent"));
    m_recent = new RecentFiles(recentMenu, this);
    connect(m_recent, &RecentFiles::openRequested, this, &MainWindow::openReport);
    file->addAction(tr("Open &Sample Report"), this, [this] { openReport(sampleReportPath()); });
    file->addAction(tr("&Compare with…"), this, &MainWindow::compareFileDialog)
        ->setStatusTip(tr("Compare this run with an earlier one (a report or a session, whose triage carries over)"));
    file->addSeparator();
    // The plan of the session: the report with the engineer's triage, compared with the report as imported.
    m_exports = new ExportActions(this, [this] {
        Gapwise::RemediationPlan plan = Gapwise::buildPlan(*m_session, QDateTime::currentDateTime());
        if (const Gapwise::ComparisonDigest *comparison = activeComparison()) // "since last run" in every format
            plan.comparison = *comparison;
        return ExportActions::Request { plan, m_session->report() };
    });
    m_exports->addTo(file);
    connect(m_exports, &ExportActions::statusMessage, this,
        [this](const QString &m) { statusBar()->showMessage(m, 8000); });
    connect(m_exports, &ExportActions::failed, m_banner, &MessageBanner::showError);
    file->addSeparator();
    QAction *save = file->addAction(tr("&Save Session"), m_sessions, &SessionController::save);
    save->setShortcut(QKeySequence::Save);
    QAction *saveAs = file->addAction(tr("Save Session &As…"), m_sessions, &SessionController::saveAs);
    saveAs->setShortcut(QKeySequence::SaveAs);
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

    m_triage = new TriageActions(m_session, m_tree, m_proxy, this);
    m_triage->fillEditMenu(menuBar()->addMenu(tr("&Edit")));

    QMenu *view = menuBar()->addMenu(tr("&View"));
    auto *grouping = new QActionGroup(this);
    m_byPhaseAction = view->addAction(tr("Group by &Phase"), this, [this] { setGrouping(int(Grouping::ByPhase)); });
    m_byGapAction = view->addAction(tr("Group by &Gap"), this, [this] { setGrouping(int(Grouping::ByGap)); });
    for (QAction *a : { m_byPhaseAction, m_byGapAction }) {
        a->setCheckable(true);
        grouping->addAction(a);
    }
    m_byPhaseAction->setChecked(true);
    m_byPhaseAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_1));
    m_byGapAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_2));
    view->addSeparator();
    QAction *expand = view->addAction(tr("&Expand All"), m_tree, &QTreeView::expandAll);
    QAction *collapse = view->addAction(tr("&Collapse All"), m_tree, &QTreeView::collapseAll);
    QAction *find = view->addAction(tr("&Filter…"), this, [this] {
        m_filterBar->searchField()->setFocus();
        m_filterBar->searchField()->selectAll();
    });
    find->setShortcut(QKeySequence::Find);
    QAction *nextPane = view->addAction(tr("&Next Pane"), this, [this] { cyclePanes(1); });
    nextPane->setShortcut(QKeySequence(Qt::Key_F6));
    QAction *previousPane = view->addAction(tr("Pre&vious Pane"), this, [this] { cyclePanes(-1); });
    previousPane->setShortcut(QKeySequence(Qt::SHIFT | Qt::Key_F6));
    QAction *openSourceAction = view->addAction(tr("&Open Test Source"), this, &MainWindow::openTestSource);
    openSourceAction->setStatusTip(tr("Open the selected test's file at its line (Enter in the tree)"));
    view->addSeparator();
    view->addAction(m_detailsDock->toggleViewAction());
    view->addAction(m_diagnosticsDock->toggleViewAction());
    view->addAction(m_changesDock->toggleViewAction());
    view->addAction(m_gapDock->toggleViewAction());

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About Gapwise"), this, [this] {
        m_details->setHtml(tr("<h3>Gapwise %1</h3><p>Triage failing tests into root-cause gaps.</p>")
                               .arg(QCoreApplication::applicationVersion()));
        m_detailsDock->show();
        m_detailsDock->raise();
    });

    QToolBar *toolbar = addToolBar(tr("Main"));
    toolbar->setObjectName(QStringLiteral("mainToolBar"));
    toolbar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    toolbar->addAction(open);
    toolbar->addSeparator();
    toolbar->addAction(m_byPhaseAction);
    toolbar->addAction(m_byGapAction);
    toolbar->addSeparator();
    toolbar->addAction(expand);
    toolbar->addAction(collapse);
}

void MainWindow::openFileDialog()
{
    const QString dir = QSettings().value(QStringLiteral("lastOpenDir")).toString();
    const QString path = QFileDialog::getOpenFileName(this, tr("Open Test Report"), dir,
        tr("Reports and sessions (*.md *.markdown *.xml *.log *.txt *.gapwise);;Triage sessions (*.gapwise);;All files "
           "(*)"));
    if (path.isEmpty())
        return;
    QSettings().setValue(QStringLiteral("lastOpenDir"), QFileInfo(path).absolutePath());
    openReport(path);
}

void MainWindow::compareFileDialog()
{
    const QString dir = QFileInfo(m_sessions->reportPath()).absolutePath();
    const QString path = QFileDialog::getOpenFileName(this, tr("Compare with an earlier run"), dir,
        tr("Sessions and reports (*.gapwise *.md *.markdown *.xml *.txt *.log);;All files (*)"));
    if (!path.isEmpty())
        compareWith(path);
}

bool MainWindow::compareWith(const QString &oldPath)
{
    return m_comparison->start(oldPath);
}

const ComparisonDigest *MainWindow::activeComparison() const
{
    return m_comparison->digest();
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    const auto urls = event->mimeData()->urls();
    if (!urls.isEmpty() && urls.first().isLocalFile())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent *event)
{
    const auto urls = event->mimeData()->urls();
    if (urls.isEmpty() || !urls.first().isLocalFile())
        return;
    event->acceptProposedAction();
    QStringList paths;
    for (const QUrl &url : urls) {
        if (url.isLocalFile())
            paths << url.toLocalFile();
    }
    // A folder or several files dropped together are one run.
    if (paths.size() > 1)
        statusBar()->showMessage(tr("Opening %1 dropped files as one run").arg(paths.size()), 5000);
    openReports(paths);
}

void MainWindow::restoreSettings()
{
    // A first run: the tree takes three fifths of the width (the charts the rest; a bigger window keeps
    // the shares); restored geometry and splitter state replace these. Capped at 90 % of the screen
    // so a 1366x768 laptop gets a window that fits.
    const QSize available = screen() ? screen()->availableGeometry().size() : QSize(1366, 768);
    resize(QSize(1200, 800).boundedTo(available * 0.9));
    m_mainSplitter->setSizes({ width() * 3 / 5, width() * 2 / 5 });
    m_panesRestored = QSettings().contains(QStringLiteral("window/state"));
    WindowState::restore(this, { m_mainSplitter, m_chartSplitter }, m_tree->header());
    const int grouping = QSettings().value(QStringLiteral("grouping"), int(Grouping::ByPhase)).toInt();
    if (grouping == int(Grouping::ByGap))
        setGrouping(grouping);
}

void MainWindow::resplitPanes()
{
    m_resplitOnShow = !m_panesRestored;
}

void MainWindow::showEvent(QShowEvent *event)
{
    QMainWindow::showEvent(event);
    if (!m_resplitOnShow)
        return;
    m_resplitOnShow = false;
    layout()->activate();
    const int width = m_mainSplitter->width();
    m_mainSplitter->setSizes({ width * 3 / 5, width - width * 3 / 5 });
}

void MainWindow::saveSettings() const
{
    WindowState::save(this, { m_mainSplitter, m_chartSplitter }, m_tree->header());
    QSettings().setValue(QStringLiteral("grouping"), int(m_model->grouping()));
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (!m_sessions->maybeDiscard()) {
        event->ignore();
        return;
    }
    m_sessions->closeCleanly();
    m_runner->cancel();
    saveSettings();
    QMainWindow::closeEvent(event);
}

bool MainWindow::saveScreenshot(const QString &path, const QSize &size)
{
    resize(size);
    if (!isVisible())
        show();
    // Two turns: one for the layout, one for the charts' queued replots after their resize.
    for (int i = 0; i < 2; ++i)
        QCoreApplication::processEvents();
    fitDetailsToContent(this, m_detailsDock, m_details); // for the size asked, not the first run's
    QCoreApplication::processEvents();
    m_phaseChart->plot()->replot(QCustomPlot::rpImmediateRefresh);
    m_gapChart->plot()->replot(QCustomPlot::rpImmediateRefresh);
    m_comparison->chart()->plot()->replot(QCustomPlot::rpImmediateRefresh);
    QCoreApplication::processEvents();
    return grab().save(path, "PNG");
}
