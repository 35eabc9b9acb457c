// SPDX-License-Identifier: GPL-3.0-or-later
// MainWindow: its side of opening reports and sessions. The ReportOpener imports and offers saved or
// recovered triage; the window shows the report it hands over, says in the status bar how an open ended, and
// turns drops into opens.
#include "mainwindow.h"

#include "importrunner.h"
#include "reportopener.h"

#include <QDragEnterEvent>
#include <QFileInfo>
#include <QLabel>
#include <QMimeData>
#include <QStatusBar>

using namespace Gapwise;

void MainWindow::buildOpener()
{
    m_opener = new ReportOpener(m_sessions, m_banner, m_offerBanner, m_recent, this);
    connect(m_opener, &ReportOpener::showReport, this,
        [this](const PreparedReport &report, const SourceLines &lines) { setReport(report, lines); });
    connect(m_opener, &ReportOpener::reportLoaded, this, &MainWindow::reportLoaded);
    connect(m_opener, &ReportOpener::importFailed, this, [this](const QString &message) {
        m_statusLabel->setText(m_reportSummary);
        statusBar()->showMessage(tr("Import failed"), 5000);
        emit importFailed(message);
    });
    connect(m_opener, &ReportOpener::openDeclined, this, [this](const QString &path) {
        m_statusLabel->setText(m_reportSummary);
        statusBar()->showMessage(
            tr("%1 was not opened: the open triage is kept").arg(QFileInfo(path).fileName()), 8000);
        emit openDeclined(path);
    });
    ImportRunner *runner = m_opener->importRunner();
    connect(runner, &ImportRunner::cancelled, this, [this](const QString &path) {
        m_statusLabel->setText(m_reportSummary);
        statusBar()->showMessage(tr("Opening %1 cancelled").arg(QFileInfo(path).fileName()), 5000);
    });
    connect(runner, &ImportRunner::started, this,
        [this](const QString &path) { m_statusLabel->setText(tr("Opening %1…").arg(QFileInfo(path).fileName())); });
}

ImportRunner *MainWindow::importRunner() const
{
    return m_opener->importRunner();
}

bool MainWindow::openReport(const QString &path)
{
    return m_opener->openReport(path);
}

bool MainWindow::openReports(const QStringList &paths)
{
    return m_opener->openReports(paths);
}

bool MainWindow::offerRecovery()
{
    return m_opener->offerRecovery();
}

bool MainWindow::restoreRecovery(const QString &recoveryPath)
{
    return m_opener->restoreRecovery(recoveryPath);
}

void MainWindow::reloadReport()
{
    m_opener->reloadReport();
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
