// SPDX-License-Identifier: GPL-3.0-or-later
// MainWindow: creating and wiring its parts, keeping the views in step with the open report, settings and
// the screenshot. Its panes and docks are built in mainwindowpanes.cpp, its menus in mainwindowmenus.cpp, and
// its side of opening reports (a ReportOpener: imports, offers of saved or recovered triage; drops) in
// mainwindowopening.cpp.
#include "mainwindow.h"

#include "autosaver.h"
#include "chartdataadapter.h"
#include "comparisonchart.h"
#include "comparisoncolumnproxy.h"
#include "comparisonmode.h"
#include "counttext.h"
#include "detailsdocksizer.h"
#include "detailspane.h"
#include "diagnosticspanel.h"
#include "filterbar.h"
#include "gapchart.h"
#include "gapeditor.h"
#include "importrunner.h"
#include "messagebanner.h"
#include "panefocusframe.h"
#include "phasechart.h"
#include "recentfiles.h"
#include "reportfilterproxy.h"
#include "reportopener.h"
#include "reporttreemodel.h"
#include "selectionlinker.h"
#include "sessioncontroller.h"
#include "sourceopener.h"
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
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QScreen>
#include <QSettings>
#include <QShowEvent>
#include <QSplitter>
#include <QStatusBar>
#include <QStyle>
#include <QTimer>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

#include <algorithm>

using namespace Gapwise;

namespace {
constexpr int MaxAutoExpandMatches = 2000;
const QString DetailsSizedByHandKey = QStringLiteral("window/detailsSizedByHand");

} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_session(new TriageSession(this))
    , m_model(new ReportTreeModel(this))
    , m_proxy(new ReportFilterProxy(this))
    , m_chartData(new ChartDataAdapter(m_model, this))
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("Gapwise"));
    setAcceptDrops(true);
    m_proxy->setReportModel(m_model);
    m_model->setSession(m_session); // the tree shows the triaged report and follows every edit
    m_sessions = new SessionController(m_session, this);
    buildViews();
    m_comparison = new ComparisonMode(m_session, m_proxy->comparisonModel(),
        { m_tree, m_filterBar, m_gapChart, m_chartSplitter, m_phaseChart, m_banner }, this);
    qobject_cast<QVBoxLayout *>(centralWidget()->layout())->insertWidget(1, m_comparison->banner());
    // The recovery file notes the comparison, so that a restore after a crash can say it did not come back:
    // comparing again would carry the earlier triage over again, over edits made since, so it is not automatic.
    connect(m_comparison, &ComparisonMode::compared, this,
        [this] { m_sessions->autosaver()->setComparedWith(m_comparison->oldPath()); });
    connect(
        m_comparison, &ComparisonMode::ended, this, [this] { m_sessions->autosaver()->setComparedWith(QString()); });
    connect(m_sessions, &SessionController::comparisonNotRestored, this, [this](const QString &oldPath) {
        const QString name = QFileInfo(oldPath).fileName();
        m_comparison->banner()->showMessage(MessageBanner::Kind::Error,
            tr("The triage is restored, but the comparison with <b>%1</b> was not: compare again with File › "
               "Compare with…")
                .arg(name.toHtmlEscaped()));
        statusBar()->showMessage(tr("The comparison with %1 was not restored").arg(name), 8000);
    });
    m_paneFocus = new PaneFocusFrame(this);
    m_paneFocus->setPanes(
        { m_tree, m_details, m_phaseChart, m_gapChart, m_comparison->chart(), m_diagnostics, m_changesPanel });
    buildActions();
    buildOpener();
    buildStatusBar();
    m_linker = new SelectionLinker(m_tree, m_proxy, m_phaseChart, m_gapChart, this);
    m_linker->addGapChart(m_comparison->chart());
    connect(
        m_linker, &SelectionLinker::groupHidden, this, [this](const QString &m) { statusBar()->showMessage(m, 5000); });

    connect(m_session->undoStack(), &QUndoStack::cleanChanged, this, [this](bool clean) { setWindowModified(!clean); });
    connect(m_session, &TriageSession::changed, this, &MainWindow::updateCurrentDetails);
    connect(m_session, &TriageSession::changed, this, &MainWindow::updateReportSummary); // others' edits too
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
        m_banner->showError(
            (lines.size() == 1 ? tr("1 saved edit no longer applies to this report:")
                               : tr("%n saved edits no longer apply to this report:", nullptr, int(lines.size())))
            + QStringLiteral("<br>") + escaped.join(QStringLiteral("<br>")));
    });
    connect(m_sessions, &SessionController::reportChangedOnDisk, this, [this](const QString &path) {
        m_banner->showChoice(tr("%1 changed on disk.").arg(QFileInfo(path).fileName().toHtmlEscaped()),
            { { tr("Reload and keep my triage"), [this] { reloadReport(); } }, { tr("Ignore"), [] {} } });
    });
    restoreSettings();
    m_tree->setColumnHidden(ComparisonColumnProxy::ChangeColumn, true); // a saved header may have shown it
    m_tree->setColumnHidden(ReportTreeModel::HistoryColumn, true); // a run history is painted in the Status column
    // A group's failure count leads its Status text ("20 failing · 37 tests"), which sorts by it too; the
    // Failures column said it again in ~55 px the Name column needs beside the history dock.
    m_tree->setColumnHidden(ReportTreeModel::FailuresColumn, true);
    fitPhaseColumn();
}

MainWindow::~MainWindow()
{
    // The session is destroyed with the window's children and clears its undo stack as it goes: nothing may
    // hear about that while the views it would notify are half destroyed.
    m_session->blockSignals(true);
    m_session->undoStack()->blockSignals(true);
}

QString MainWindow::sampleReportPath()
{
    return QStringLiteral(":/gapwise/sample-report.md");
}

void MainWindow::setReport(const Report &report, const SourceLines &lines)
{
    setReport(prepareForTriage(report), lines);
}

void MainWindow::setReport(PreparedReport report, const SourceLines &lines)
{
    m_details->setSourceLines(lines);
    m_detailsSizer->forgetRow(); // another report: its first row is fitted, whatever its id
    m_session->load(std::move(report)); // the model follows with one reset
    m_diagnostics->setDiagnostics(m_session->report().diagnostics);
    updateDiagnosticsBadge();
    // Files of a folder that could not be read are said where the run opens, not only among the diagnostics.
    if (const QString unread = unreadFilesText(m_session->report().unreadFiles); !unread.isEmpty())
        m_banner->showError(unread.toHtmlEscaped());
    fitPhaseColumn();
    // Failures first (passed and skipped hidden unless nothing fails), their groups opened as far as they fit.
    m_filterBar->resetForReport();
    expandToFit(m_tree, rowsThatFit(m_tree));
    showFirstFailure();
    updateTitle();
    updateReportSummary();
    // The gap chart is rebuilt on the next turn of the event loop: split the column by its new height then.
    QTimer::singleShot(0, this, [this] {
        if (m_keepFirstRunSplit)
            splitCharts();
    });
}

// The status bar's line about the open report, kept true through triage (a created or merged gap counts).
void MainWindow::updateReportSummary()
{
    const Report &report = m_session->report();
    m_reportSummary = tr("%1 — %2, %3, %4")
                          .arg(QFileInfo(report.sourceFile).fileName(),
                              countText(report.phases.size(), tr("%1 phase"), tr("%1 phases")),
                              countText(report.gaps.size(), tr("%1 gap"), tr("%1 gaps")),
                              countText(report.tests.size(), tr("%1 named test"), tr("%1 named tests")));
    if (!m_opener->importRunner()->isRunning()) // "Opening …" stays until the import ends
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
    // Fitted to the row the user goes to, not to the same row shown again after an edit (fitForRow). A test is
    // itself in any gap; a group row is the group under its parent.
    const auto kind = m_model->kindOf(current);
    QString shown = current.isValid()
        ? QString::number(int(kind)) + QLatin1Char('|') + current.data(ItemIdRole).toString()
        : QString();
    if (current.isValid() && kind != NodeKind::Test)
        shown += QLatin1Char('|') + current.data(PhaseIdRole).toString() + QLatin1Char('|')
            + current.data(GapIdRole).toString();
    m_detailsSizer->fitForRow(shown);
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

// The first failing test in view becomes the current, selected row: its failure is in the details from the
// first screen on, and the tree highlights the row the details describe (QA: a current row alone is not drawn).
void MainWindow::showFirstFailure()
{
    if (m_tree->currentIndex().isValid())
        return;
    for (QModelIndex i = m_proxy->index(0, 0); i.isValid(); i = m_tree->indexBelow(i)) {
        const auto status = TestStatus(i.data(StatusRole).toInt());
        if (i.data(NodeKindRole).toInt() == int(NodeKind::Test) && isFailing(status)) {
            m_tree->selectionModel()->setCurrentIndex(
                i, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
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

// Hidden in both groupings: a row's phase is a group above it (by gap: gap, phase, test). By gap the column said
// it again on every row in ~40 characters the test names were cut for (QA on the corpus); Name, Status and
// Priority are left, and the name gets the free width. A saved header state may have shown it.
void MainWindow::fitPhaseColumn()
{
    m_tree->setColumnHidden(ReportTreeModel::PhaseColumn, true);
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

// F6 / Shift+F6: the filter, the tree, the details, the gap form, the charts, in turn. A pane in a dock behind
// another tab is passed over: F6 does not switch the tab the user chose (the Gap tab stays in front).
void MainWindow::cyclePanes(int step)
{
    const QList<QWidget *> panes = { m_filterBar->searchField(), m_tree, m_details, m_gapEditor, m_phaseChart,
        m_gapChart, m_comparison->chart() };
    int at = -1;
    for (int i = 0; i < panes.size(); ++i) {
        if (panes[i] == QApplication::focusWidget() || panes[i]->isAncestorOf(QApplication::focusWidget()))
            at = i;
    }
    for (int n = 1; n <= panes.size(); ++n) {
        QWidget *next = panes[(at + step * n + panes.size() * 2) % panes.size()];
        QWidget *target = paneFocusTarget(next);
        if (target && next->isVisible() && !behindAnotherTab(next)) {
            target->setFocus(Qt::ShortcutFocusReason);
            return;
        }
    }
}

// What takes the focus for a pane: its focus proxy (a chart: its scroll area), the pane itself, or (the gap
// form) its first field that takes Tab; nullptr when none does (the form without a gap).
QWidget *MainWindow::paneFocusTarget(QWidget *pane)
{
    QWidget *target = pane->focusProxy() ? pane->focusProxy() : pane;
    if (target->focusPolicy() != Qt::NoFocus)
        return target->isEnabled() ? target : nullptr;
    for (QWidget *w = pane->nextInFocusChain(); w && w != pane && pane->isAncestorOf(w); w = w->nextInFocusChain()) {
        if ((w->focusPolicy() & Qt::TabFocus) && w->isEnabled() && w->isVisibleTo(pane))
            return w;
    }
    return nullptr;
}

// In a dock that is tabbed with others and not the tab in front: Qt keeps such a dock visible, out of sight.
bool MainWindow::behindAnotherTab(QWidget *pane) const
{
    for (QWidget *w = pane; w && w != this; w = w->parentWidget()) {
        if (auto *dock = qobject_cast<QDockWidget *>(w))
            return dock->parentWidget() == this && !tabifiedDockWidgets(dock).isEmpty()
                && !dock->geometry().intersects(rect());
    }
    return false;
}

// Edit › Edit in Gap Pane: the Gap dock in front of its tab group (shown again if it was closed), its first
// field focused.
void MainWindow::showGapPane()
{
    m_gapDock->show();
    m_gapDock->raise();
    if (QWidget *target = paneFocusTarget(m_gapEditor))
        target->setFocus(Qt::ShortcutFocusReason);
}

bool MainWindow::compareWith(const QString &oldPath)
{
    return m_comparison->start(oldPath);
}

const ComparisonDigest *MainWindow::activeComparison()
{
    return m_comparison->digest();
}

void MainWindow::restoreSettings()
{
    // A first run: the tree takes two thirds of the width (the charts the rest, down to their minimum; a
    // bigger window keeps the shares); restored geometry and splitter state replace these. Capped at 90 % of the screen
    // so a 1366x768 laptop gets a window that fits.
    const QSize available = screen() ? screen()->availableGeometry().size() : QSize(1366, 768);
    resize(QSize(1200, 800).boundedTo(available * 0.9));
    // On a laptop's screen (1280 to 1599 px) the first window is maximized: at 1200 px of a 1366 screen, beside
    // the run history dock, the longest test names were cut by up to 140 px; at 1366 they are whole.
    if (available.width() >= 1280 && available.width() < 1600
        && !QSettings().contains(QStringLiteral("window/geometry")))
        setWindowState(windowState() | Qt::WindowMaximized);
    m_mainSplitter->setSizes({ width() * 2 / 3, width() - width() * 2 / 3 });
    m_panesRestored = QSettings().contains(QStringLiteral("window/state"));
    // Split again at the size the window is first shown at (a screenshot's, a test's, or after a dock came).
    m_resplitOnShow = !m_panesRestored;
    WindowState::restore(this, { m_mainSplitter, m_chartSplitter }, m_tree->header());
    m_detailsSizer->setSizedByHand(m_panesRestored && QSettings().value(DetailsSizedByHandKey).toBool());
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
    m_keepFirstRunSplit = true;
    layout()->activate();
    applyFirstRunSplit();
}

void MainWindow::resizeEvent(QResizeEvent *event)
{
    QMainWindow::resizeEvent(event); // the layout has already given the splitter its new width
    if (m_keepFirstRunSplit)
        applyFirstRunSplit();
}

void MainWindow::applyFirstRunSplit()
{
    // Beside a side dock (the run history) the tree keeps seven tenths: its widest gap title stays whole next
    // to the strips at 1366 px, and the charts, at their minimum or more, wrap their labels.
    const QList<QDockWidget *> docks = findChildren<QDockWidget *>();
    const bool besideDock = std::any_of(docks.begin(), docks.end(), [this](QDockWidget *dock) {
        return !dock->isHidden() && !dock->isFloating() && dockWidgetArea(dock) == Qt::RightDockWidgetArea;
    });
    const int width = m_mainSplitter->width();
    int tree = besideDock ? width * 7 / 10 : width * 2 / 3;
    // The charts get 50 characters, as wide as their labels want, where that leaves the tree half the width:
    // their minimum is less, so that a narrower window still holds the docks.
    const int charts = fontMetrics().averageCharWidth() * 50;
    if (width - tree < charts)
        tree = qMax(width - charts, width / 2);
    m_mainSplitter->setSizes({ tree, width - tree });
    splitCharts();
}

void MainWindow::splitCharts()
{
    // Stretch factors alone left the phase chart its minimum, a plot ~45 px tall whose rates were cut, beside a
    // gap chart of five gaps with room to spare. The gap chart gets what its gaps need (it scrolls past that),
    // the phase chart up to two fifths of the column, never less than its minimum.
    QList<int> sizes(m_chartSplitter->count(), 0); // a hidden chart (comparison mode's, off) keeps none
    for (int i = 0; i < m_chartSplitter->count(); ++i) {
        QWidget *chart = m_chartSplitter->widget(i);
        if (chart != m_phaseChart && chart != m_gapChart && !chart->isHidden())
            return; // comparison mode has its own charts in the column
    }
    if (m_gapChart->isHidden() || m_phaseChart->isHidden())
        return;
    const int column = m_chartSplitter->height() - m_chartSplitter->handleWidth();
    const int gapWants = m_gapChart->heightForAllBars();
    const int phase = qBound(m_phaseChart->minimumHeight(), qMin(column - gapWants, column * 2 / 5),
        qMax(m_phaseChart->minimumHeight(), column - m_gapChart->minimumSizeHint().height()));
    sizes[m_chartSplitter->indexOf(m_phaseChart)] = phase;
    sizes[m_chartSplitter->indexOf(m_gapChart)] = column - phase;
    m_chartSplitter->setSizes(sizes);
}

void MainWindow::saveSettings() const
{
    WindowState::save(this, { m_mainSplitter, m_chartSplitter }, m_tree->header());
    QSettings().setValue(DetailsSizedByHandKey, m_detailsSizer->sizedByHand());
    QSettings().setValue(QStringLiteral("grouping"), int(m_model->grouping()));
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (!m_sessions->maybeDiscard()) {
        event->ignore();
        return;
    }
    m_sessions->closeCleanly();
    m_opener->importRunner()->cancel();
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
    m_detailsSizer->fit(); // for the size asked, not the first run's
    QCoreApplication::processEvents();
    m_phaseChart->plot()->replot(QCustomPlot::rpImmediateRefresh);
    m_gapChart->plot()->replot(QCustomPlot::rpImmediateRefresh);
    m_comparison->chart()->plot()->replot(QCustomPlot::rpImmediateRefresh);
    // Twice more: a list whose column the last turn resized lays its wrapped rows out again one turn later
    // (WrappingTextDelegate), or the history dock's rows keep the heights of their old width.
    for (int i = 0; i < 2; ++i)
        QCoreApplication::processEvents();
    return grab().save(path, "PNG");
}
