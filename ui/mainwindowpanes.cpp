// SPDX-License-Identifier: GPL-3.0-or-later
// MainWindow: building its panes (filter and tree, charts, banners), its docks and its status bar.
#include "mainwindow.h"

#include "chartdataadapter.h"
#include "detailsdocksizer.h"
#include "detailspane.h"
#include "diagnosticspanel.h"
#include "editedgroupexpander.h"
#include "elidedlabel.h"
#include "filterbar.h"
#include "gapchart.h"
#include "gapeditor.h"
#include "importprogress.h"
#include "messagebanner.h"
#include "phasechart.h"
#include "qcustomplotheader.h"
#include "reportfilterproxy.h"
#include "reportopener.h"
#include "reporttreemodel.h"
#include "statuscolumnsizer.h"
#include "testnamedelegate.h"
#include "triagechangespanel.h"

#include <QApplication>
#include <QDockWidget>
#include <QHeaderView>
#include <QLabel>
#include <QScrollArea>
#include <QSplitter>
#include <QStatusBar>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

using namespace Gapwise;

void MainWindow::buildViews()
{
    m_tree = new QTreeView;
    m_tree->setObjectName(QStringLiteral("reportTree"));
    m_tree->setModel(m_proxy);
    m_tree->setUniformRowHeights(true); // lets the view skip per-row size queries on 100,000 rows
    m_tree->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_tree->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_tree->setAlternatingRowColors(true);
    // A test shows its own name first, whole where the column has room (else cut in its middle, keeping the
    // distinguishing end), its file and class dimmed after it (TestNameDelegate); other text is cut at its end,
    // and every tooltip has the whole.
    m_tree->setTextElideMode(Qt::ElideRight);
    m_tree->setItemDelegateForColumn(ReportTreeModel::NameColumn, new TestNameDelegate(m_tree));
    m_tree->setDragEnabled(true); // tests drag onto gaps; the model turns a drop into a session edit
    m_tree->setAcceptDrops(true);
    m_tree->setDropIndicatorShown(true);
    m_tree->setDragDropMode(QAbstractItemView::DragDrop);
    m_tree->setDefaultDropAction(Qt::MoveAction);
    // F2 renames a gap (as do its context menu and the Gap pane); a click on the selected row does not: while
    // triaging, rows are clicked again and again, and each such click opened the title for editing.
    m_tree->setEditTriggers(QAbstractItemView::EditKeyPressed);
    m_tree->header()->setSortIndicator(-1, Qt::AscendingOrder); // report order until the user sorts
    m_tree->setSortingEnabled(true);
    m_tree->header()->setStretchLastSection(false);
    m_tree->header()->setSectionResizeMode(ReportTreeModel::NameColumn, QHeaderView::Stretch);
    const int em = fontMetrics().averageCharWidth();
    // Tests sit three levels in (phase, gap, test): the style's 20 px a level took 60 px of their names' room;
    // two characters and a bit still hold the branch arrows.
    m_tree->setIndentation(em * 2 + 2);
    new StatusColumnSizer(m_tree, m_model); // as wide as the open report's counts need: Name gets the rest
    new EditedGroupExpander(m_tree, m_proxy, m_session); // a gap an edit brings back opens like its siblings
    m_tree->setColumnWidth(ReportTreeModel::FailuresColumn, em * 9);
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
    // No minimum of its own: the filter bar's (it wraps its choices onto more rows) and the tree's hold it. 50
    // characters here, the charts' 50 and the history dock's 300 px made a window of ~910 px at the least,
    // too wide for a 1024 px screen with the Run history and Shared triage docks open.

    m_phaseChart = new PhaseChart(m_chartData);
    m_gapChart = new GapChart(m_chartData);
    m_chartSplitter = new QSplitter(Qt::Vertical);
    m_chartSplitter->setObjectName(QStringLiteral("chartSplitter"));
    m_chartSplitter->addWidget(m_phaseChart);
    m_chartSplitter->addWidget(m_gapChart);
    // The phase chart never scrolls (its minimum holds its labels, PhaseChart::fitMinimumHeight). The gap chart scrolls
    // when it has to. It carries the triage: it gets three times the phase chart's share of the height, and neither
    // chart is ever collapsed to nothing (a collapsed gap chart left only a handle, drawn over the phase chart's bars,
    // in a 1024x600 window).
    m_chartSplitter->setStretchFactor(0, 1);
    m_chartSplitter->setStretchFactor(1, 3);
    m_chartSplitter->setChildrenCollapsible(false);
    // Room for gap titles on three lines and two phases' names, the rest elided (the tooltips have them whole).
    // The first split gives them 50 characters where the window has room (applyFirstRunSplit).
    m_chartSplitter->setMinimumWidth(fontMetrics().averageCharWidth() * 36);

    m_mainSplitter = new QSplitter(Qt::Horizontal);
    m_mainSplitter->setObjectName(QStringLiteral("mainSplitter"));
    m_mainSplitter->addWidget(left);
    m_mainSplitter->addWidget(m_chartSplitter);
    // A bigger or smaller window (or a dock opened beside them) changes both in their first-run shares
    // (restoreSettings), so a side dock does not take as much from the tree as from the charts.
    m_mainSplitter->setStretchFactor(0, 2);
    m_mainSplitter->setStretchFactor(1, 1);
    connect(m_mainSplitter, &QSplitter::splitterMoved, this, [this] { m_keepFirstRunSplit = false; });
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
    // A pane in a scroll area, without a frame or a Tab stop of its own (the fields inside take the focus): its
    // minimum height no longer holds the whole bottom dock area, which the tabs beside it share.
    const auto scrolled = [](QWidget *pane, const QString &name) {
        auto *scroll = new QScrollArea;
        scroll->setObjectName(name);
        scroll->setWidgetResizable(true);
        scroll->setFrameShape(QFrame::NoFrame);
        scroll->setFocusPolicy(Qt::NoFocus);
        scroll->setWidget(pane);
        return scroll;
    };
    m_changesPanel = new TriageChangesPanel(m_session);
    m_changesDock = new QDockWidget(tr("Changes"), this);
    m_changesDock->setObjectName(QStringLiteral("changesDock"));
    // Its two lists held the Details tab beside it at 213 px: in a 1024x600 window the tree kept five rows.
    m_changesDock->setWidget(scrolled(m_changesPanel, QStringLiteral("changesScroll")));
    addDockWidget(Qt::BottomDockWidgetArea, m_changesDock);
    tabifyDockWidget(m_detailsDock, m_diagnosticsDock);
    tabifyDockWidget(m_detailsDock, m_changesDock);
    m_gapEditor = new GapEditor(m_session);
    m_gapDock = new QDockWidget(tr("Gap"), this);
    m_gapDock->setObjectName(QStringLiteral("gapDock"));
    // In a scroll area: the editor's fields would otherwise hold the whole bottom dock area at their height
    // and keep the Details pane from shrinking to its content on a 768-pixel screen.
    m_gapDock->setWidget(scrolled(m_gapEditor, QStringLiteral("gapEditorScroll")));
    addDockWidget(Qt::BottomDockWidgetArea, m_gapDock);
    splitDockWidget(m_detailsDock, m_gapDock, Qt::Horizontal);
    m_detailsDock->raise();
    // Details get eight lines on a first run, leaving the tree and charts the most room; a longer failure makes
    // the pane grow (DetailsDockSizer). Twelve lines held four lines of text in 250 px of a 768 px screen.
    resizeDocks({ m_detailsDock }, { fontMetrics().height() * 8 }, Qt::Vertical);
    m_detailsSizer = new DetailsDockSizer(this, m_detailsDock, m_details);
    // Tab walks into the docks behind the current tab too (their widgets stay visible to Qt): bring the one
    // the focus went into to the front, else the focus was somewhere not on screen.
    connect(qApp, &QApplication::focusChanged, this, [this](QWidget *, QWidget *now) {
        for (QWidget *w = now; w && w != this; w = w->parentWidget()) {
            if (auto *dock = qobject_cast<QDockWidget *>(w)) {
                if (dock->parentWidget() == this && !tabifiedDockWidgets(dock).isEmpty())
                    dock->raise();
                return;
            }
        }
    });

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
    // The report's line gives way to the triage's counts beside it: cut at its end, whole in its tooltip.
    m_statusLabel = new ElidedLabel(m_reportSummary);
    m_statusLabel->setObjectName(QStringLiteral("statusLabel"));
    statusBar()->addWidget(m_statusLabel, 1);
    statusBar()->addPermanentWidget(m_opener->progressWidget());
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
