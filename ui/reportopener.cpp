// SPDX-License-Identifier: GPL-3.0-or-later
#include "reportopener.h"

#include "importprogress.h"
#include "importrunner.h"
#include "messagebanner.h"
#include "recentfiles.h"
#include "recoveryoffer.h"
#include "sessioncontroller.h"
#include "sessionfile.h"

#include <QFileInfo>

using namespace Gapwise;

ReportOpener::ReportOpener(SessionController *sessions, MessageBanner *banner, MessageBanner *offerBanner,
    RecentFiles *recent, QObject *parent)
    : QObject(parent)
    , m_sessions(sessions)
    , m_banner(banner)
    , m_offerBanner(offerBanner)
    , m_recent(recent)
    , m_runner(new ImportRunner(this))
    , m_progress(new ImportProgress(m_runner)) // before onLoaded's connection: hidden before "save changes?"
    , m_recovery(new RecoveryOffer(
          sessions->autosaver(), offerBanner, [this](const QString &p) { restoreRecovery(p); }, this))
{
    connect(m_runner, &ImportRunner::loaded, this, &ReportOpener::onLoaded);
    connect(m_runner, &ImportRunner::failed, this, &ReportOpener::onFailed);
}

bool ReportOpener::offerRecovery()
{
    return m_recovery->offerAny();
}

bool ReportOpener::restoreRecovery(const QString &recoveryPath)
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

void ReportOpener::reloadReport()
{
    m_sessions->prepareReload();
    m_askBeforeReplacing = false; // the triage is kept, replayed on the new run
    m_runner->start(m_sessions->reportPaths());
}

bool ReportOpener::openReport(const QString &path)
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

bool ReportOpener::openReports(const QStringList &paths)
{
    if (paths.size() == 1)
        return openReport(paths.first());
    if (paths.isEmpty())
        return false;
    m_askBeforeReplacing = true;
    m_runner->start(paths);
    return true;
}

void ReportOpener::onLoaded(const PreparedReport &report, const SourceLines &lines)
{
    const QString path = m_runner->currentPath();
    if (m_askBeforeReplacing && !m_sessions->maybeDiscard()) {
        const bool restoring = m_sessions->isRestoring();
        m_sessions->cancelPending();
        if (restoring)
            m_recovery->offerFor(path); // the recovery file is untouched: still offered, never lost
        Q_EMIT openDeclined(path);
        return;
    }
    m_banner->hide();
    if (m_sessionOffered) // about the report that was open; a recovery offer stays up through any load
        m_offerBanner->hide();
    m_sessionOffered = false;
    const bool restoring = m_sessions->isRestoring();
    Q_EMIT showReport(report, lines);
    // Before reportLoaded: restoring re-writes this report's recovery file, which is then this window's own.
    const bool recoveryOffered = !restoring && m_recovery->offerFor(path);
    const QStringList paths = m_runner->currentPaths();
    m_sessions->reportLoaded(path, paths.size() > 1 ? paths : QStringList());
    if (restoring) // another window's work on this report (each window had a recovery file): offered in turn
        m_recovery->offerFor(path);
    if (!path.isEmpty())
        m_recent->add(m_sessions->sessionPath().isEmpty() ? path : m_sessions->sessionPath());
    if (!recoveryOffered && !restoring && m_sessions->sessionPath().isEmpty())
        offerSavedSession(path);
    Q_EMIT reportLoaded();
}

// A plain report for which a session was saved (beside it, or in Open Recent): the triage is not lost,
// and the window says where it is.
void ReportOpener::offerSavedSession(const QString &reportPath)
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

void ReportOpener::onFailed(const ImportError &error)
{
    // Non-modal: the previous report stays open and usable behind the banner.
    const QString text = tr("Could not open %1 — %2").arg(QFileInfo(error.file).fileName(), error.toString());
    m_banner->showError(text.toHtmlEscaped());
    m_sessions->cancelPending(); // a session or recovery file waiting for this report opens nothing
    Q_EMIT importFailed(error.toString());
}
