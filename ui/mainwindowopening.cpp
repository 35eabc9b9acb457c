// SPDX-License-Identifier: GPL-3.0-or-later
// MainWindow: opening reports and sessions (from a menu, a drop, a recovery or reload), what follows an
// import, and the offers of saved or recovered triage.
#include "mainwindow.h"

#include "importrunner.h"
#include "messagebanner.h"
#include "recentfiles.h"
#include "recoveryoffer.h"
#include "sessioncontroller.h"
#include "sessionfile.h"

#include <QDragEnterEvent>
#include <QFileInfo>
#include <QLabel>
#include <QMimeData>
#include <QStatusBar>

using namespace Gapwise;

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
