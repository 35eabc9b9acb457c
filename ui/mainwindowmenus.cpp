// SPDX-License-Identifier: GPL-3.0-or-later
// MainWindow: its menus and toolbar, and the file dialogs they open.
#include "mainwindow.h"

#include "comparisonchart.h"
#include "comparisonmode.h"
#include "detailspane.h"
#include "exportactions.h"
#include "filterbar.h"
#include "gapchart.h"
#include "messagebanner.h"
#include "multifile.h"
#include "phasechart.h"
#include "recentfiles.h"
#include "reporttreemodel.h"
#include "sessioncontroller.h"
#include "shortcutyield.h"
#include "triageactions.h"
#include "triagesession.h"

#include <QAction>
#include <QActionGroup>
#include <QCoreApplication>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QLineEdit>
#include <QMenuBar>
#include <QSettings>
#include <QStatusBar>
#include <QStyle>
#include <QToolBar>
#include <QTreeView>

using namespace Gapwise;

void MainWindow::buildActions()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *open = file->addAction(
        QIcon::fromTheme(QStringLiteral("document-open"), style()->standardIcon(QStyle::SP_DialogOpenButton)),
        tr("&Open…"), this, &MainWindow::openFileDialog);
    open->setShortcut(QKeySequence::Open);
    open->setStatusTip(tr("Open a test report or a saved session: Markdown, JUnit XML, TRX, NUnit, xUnit, CTRF or a "
                          "pytest log; several files selected together are one run"));
    file->addAction(tr("Open &Folder…"), this, &MainWindow::openFolderDialog)
        ->setStatusTip(tr("Open every report file in a folder and its subfolders as one run"));
    QMenu *recentMenu = file->addMenu(tr("Open &Recent"));
    m_recent = new RecentFiles(recentMenu, this);
    connect(m_recent, &RecentFiles::openRequested, this, &MainWindow::openReport);
    file->addAction(tr("Open Sa&mple Report"), this, [this] { openReport(sampleReportPath()); });
    file->addAction(tr("&Compare with…"), this, &MainWindow::compareFileDialog)
        ->setStatusTip(tr("Compare this run with an earlier one (a report or a session, whose triage carries over)"));
    file->addAction(m_comparison->endAction()); // the comparison banner's button, also here
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
    // Ctrl+Shift+S where the platform binds no Save As (X11 outside GNOME had none: QA found no shortcut).
    QList<QKeySequence> saveAsKeys = QKeySequence::keyBindings(QKeySequence::SaveAs);
    if (!saveAsKeys.contains(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S)))
        saveAsKeys << QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S);
    saveAs->setShortcuts(saveAsKeys);
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

    m_triage = new TriageActions(m_session, m_tree, m_proxy, this);
    connect(m_triage, &TriageActions::gapPaneRequested, this, &MainWindow::showGapPane);
    m_triage->fillEditMenu(menuBar()->addMenu(tr("&Edit")));
    // The focus starts in the filter box: Undo, Redo and Edit in Gap Pane work from there too.
    yieldShortcutsToWindow(m_filterBar->searchField(), m_triage->undoAction(), m_triage->redoAction(),
        { m_triage->editInGapPaneAction() });

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
    // A chart takes no key but the arrows (its scroll): Escape takes the keyboard back to the tree, as F6 would
    // only after a round of every pane. One action in each chart: it fires in the chart that has the focus.
    auto *back = new QAction(tr("Back to the Tree"), this);
    back->setShortcut(QKeySequence(Qt::Key_Escape));
    back->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(back, &QAction::triggered, this, [this] { m_tree->setFocus(Qt::ShortcutFocusReason); });
    for (QWidget *chart : { static_cast<QWidget *>(m_phaseChart), static_cast<QWidget *>(m_gapChart),
             static_cast<QWidget *>(m_comparison->chart()) })
        chart->addAction(back);
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

namespace {

// "*.gapwise *.xml *.trx …": every report file the importers read (the one list, reportFilePatterns()), with
// sessions first or last.
QString reportPatterns(bool sessionsFirst)
{
    const QString reports = Gapwise::reportFilePatterns().join(QLatin1Char(' '));
    const QString sessions = QStringLiteral("*.gapwise");
    return sessionsFirst ? sessions + QLatin1Char(' ') + reports : reports + QLatin1Char(' ') + sessions;
}

} // namespace

void MainWindow::openFileDialog()
{
    const QString dir = QSettings().value(QStringLiteral("lastOpenDir")).toString();
    // Several files are one run, as on the command line (a CI job's shards, Surefire's file per class).
    const QStringList paths = QFileDialog::getOpenFileNames(this, tr("Open Test Report"), dir,
        tr("Reports and sessions (%1);;Triage sessions (*.gapwise);;All files (*)").arg(reportPatterns(false)));
    if (paths.isEmpty())
        return;
    QSettings().setValue(QStringLiteral("lastOpenDir"), QFileInfo(paths.first()).absolutePath());
    openReports(paths);
}

void MainWindow::openFolderDialog()
{
    const QString dir = QFileDialog::getExistingDirectory(
        this, tr("Open Folder of Test Reports"), QSettings().value(QStringLiteral("lastOpenDir")).toString());
    if (dir.isEmpty())
        return;
    QSettings().setValue(QStringLiteral("lastOpenDir"), dir);
    openReport(dir);
}

void MainWindow::compareFileDialog()
{
    const QString dir = QFileInfo(m_sessions->reportPath()).absolutePath();
    const QString path = QFileDialog::getOpenFileName(this, tr("Compare with an earlier run"), dir,
        tr("Sessions and reports (%1);;All files (*)").arg(reportPatterns(true)));
    if (!path.isEmpty())
        compareWith(path);
}
