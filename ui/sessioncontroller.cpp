// SPDX-License-Identifier: GPL-3.0-or-later
#include "sessioncontroller.h"

#include "autosaver.h"
#include "sessionfile.h"
#include "triagecommands.h"
#include "triagesession.h"

#include <QAbstractButton>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFileSystemWatcher>
#include <QMessageBox>
#include <QSettings>
#include <QtConcurrent/QtConcurrentRun>

using namespace Gapwise;

SessionController::SessionController(TriageSession *session, QWidget *window)
    : QObject(window)
    , m_session(session)
    , m_window(window)
    , m_autosaver(new Autosaver(session, this))
    , m_ask([this] { return askDefault(); })
    , m_watcher(new QFileSystemWatcher(this))
{
    connect(m_watcher, &QFileSystemWatcher::fileChanged, this, [this](const QString &path) {
        if (path == m_reportPath)
            Q_EMIT reportChangedOnDisk(path);
    });
}

SessionController::~SessionController()
{
    if (m_sha.isRunning())
        m_sha.waitForFinished();
}

bool SessionController::isSessionFile(const QString &path)
{
    return path.endsWith(QLatin1String(".gapwise"), Qt::CaseInsensitive);
}

namespace {

QString absolutePath(const QString &path)
{
    return path.startsWith(QLatin1Char(':')) ? path : QFileInfo(path).absoluteFilePath();
}

QStringList absolutePaths(const QStringList &paths)
{
    QStringList absolute;
    for (const QString &p : paths)
        absolute << absolutePath(p);
    return absolute;
}

} // namespace

bool SessionController::prepareSession(const QString &sessionPath, QStringList *reportPaths, QString *error)
{
    const auto file = readSessionFile(sessionPath, error);
    if (!file)
        return false;
    m_pendingReports = absolutePaths(file->resolvedReportPaths());
    m_pendingEdits = file->edits;
    m_pendingComparedWith = file->comparedWith;
    m_pendingShared = file->shared; // only recovery files have it
    m_pendingSavedAs = file->savedAs; // likewise
    m_pendingSession = QFileInfo(sessionPath).absoluteFilePath(); // the open session stays until the report arrives
    *reportPaths = m_pendingReports;
    return true;
}

void SessionController::reportLoaded(const QString &reportPath, const QStringList &reportFiles)
{
    const QString absolute = absolutePath(reportPath);
    m_reportPath = absolute;
    m_reportFiles = absolutePaths(reportFiles);
    const bool prepared = reportPaths() == m_pendingReports;
    if (prepared && !m_pendingEdits.isEmpty())
        replay(m_pendingEdits);
    // A plain report is a new, unsaved triage; restored work is not saved anywhere yet.
    m_sessionPath = prepared ? m_pendingSession : QString();
    if (m_keepModified)
        m_session->undoStack()->resetClean();
    const bool restored = m_recovering && prepared;
    const QString comparedWith = restored ? m_pendingComparedWith : QString();
    const QJsonObject shared = prepared ? m_pendingShared : QJsonObject();
    if (restored) {
        // Work saved to a session file before the crash is that session's, with changes not yet saved: Save
        // writes it there again. Work never saved is saved nowhere yet.
        m_sessionPath = QFile::exists(m_pendingSavedAs) ? m_pendingSavedAs : QString();
        QFile::remove(m_pendingRecovery); // its work is in the window now (and autosaved again below)
    }
    cancelPending();
    Q_EMIT sessionPathChanged(m_sessionPath);
    if (!m_watcher->files().isEmpty())
        m_watcher->removePaths(m_watcher->files());
    if (!absolute.startsWith(QLatin1Char(':')))
        m_watcher->addPath(absolute);
    m_sha = QtConcurrent::run([paths = reportPaths()] { return runSha256(paths, nullptr).value_or(QString()); });
    m_autosaver->setReport(absolute, QString(), m_reportFiles);
    // Restored or reloaded edits keep what was known of their sharing: the link that opens next writes (or asks
    // about) only the ones the store did not have yet. Another report's triage is not shared (yet).
    m_autosaver->setSharedState(shared);
    m_autosaver->setSavedAs(m_sessionPath);
    // The recovery file was consumed by restoring: write it again now, not after the next edit, so a second
    // crash right after restoring loses nothing.
    if (restored && isModified())
        m_autosaver->saveNow();
    if (!comparedWith.isEmpty())
        Q_EMIT comparisonNotRestored(comparedWith);
}

bool SessionController::prepareRecovery(const QString &recoveryPath, QStringList *reportPaths, QString *error)
{
    if (!prepareSession(recoveryPath, reportPaths, error))
        return false;
    m_pendingSession.clear();
    m_pendingRecovery = recoveryPath; // kept until the work is in the window: the open may still be declined
    m_recovering = m_keepModified = true;
    return true;
}

void SessionController::cancelPending()
{
    m_keepModified = m_recovering = false;
    m_pendingReports.clear();
    m_pendingSession.clear();
    m_pendingRecovery.clear();
    m_pendingEdits.clear();
    m_pendingComparedWith.clear();
    m_pendingShared = QJsonObject();
    m_pendingSavedAs.clear();
}

void SessionController::prepareReload()
{
    Q_EMIT aboutToUseTriage();
    m_pendingReports = reportPaths();
    m_pendingSession = m_sessionPath;
    m_pendingEdits = currentEdits();
    m_pendingShared = m_autosaver->sharedState();
    m_keepModified = isModified();
}

QVector<QJsonObject> SessionController::currentEdits() const
{
    return SessionFile::fromSession(*m_session, m_reportPath, QString()).edits;
}

void SessionController::replay(const QVector<QJsonObject> &edits)
{
    const ReplayResult result = replayEdits(*m_session, edits);
    if (!result.notApplied.isEmpty())
        Q_EMIT editsNotApplied(result.notApplied);
}

QString SessionController::reportSha()
{
    return m_sha.isValid() ? m_sha.result() : QString();
}

bool SessionController::isModified() const
{
    return !m_session->undoStack()->isClean();
}

bool SessionController::saveTo(const QString &path, QString *error)
{
    Q_EMIT aboutToUseTriage();
    const SessionFile file = SessionFile::fromSession(*m_session, m_reportPath, reportSha(), m_reportFiles);
    if (!writeFileAtomically(path, file.toJson(path), error))
        return false;
    m_sessionPath = QFileInfo(path).absoluteFilePath();
    m_session->undoStack()->setClean();
    m_autosaver->discard();
    m_autosaver->setSavedAs(m_sessionPath);
    Q_EMIT sessionPathChanged(m_sessionPath);
    return true;
}

bool SessionController::save()
{
    if (m_sessionPath.isEmpty())
        return saveAs();
    QString error;
    if (saveTo(m_sessionPath, &error))
        return true;
    Q_EMIT failed(tr("Could not save %1 — %2").arg(m_sessionPath, error));
    return false;
}

bool SessionController::saveAs()
{
    QString suggested = m_sessionPath;
    if (suggested.isEmpty() && !m_reportPath.startsWith(QLatin1Char(':')))
        suggested = QFileInfo(m_reportPath).absolutePath() + QLatin1Char('/')
            + QFileInfo(m_reportPath).completeBaseName() + QStringLiteral(".gapwise");
    QString path = QFileDialog::getSaveFileName(
        m_window, tr("Save Triage Session"), suggested, tr("Gapwise sessions (*.gapwise)"));
    if (path.isEmpty())
        return false;
    if (!isSessionFile(path))
        path += QStringLiteral(".gapwise");
    QString error;
    if (saveTo(path, &error))
        return true;
    Q_EMIT failed(tr("Could not save %1 — %2").arg(path, error));
    return false;
}

bool SessionController::maybeDiscard()
{
    Q_EMIT aboutToUseTriage();
    if (!isModified())
        return true;
    if (m_unshared && m_unshared() == 0) {
        m_autosaver->discard(); // a shared triage the store has whole: nothing to save, nothing to recover
        return true;
    }
    switch (m_ask()) {
    case Answer::Save:
        return save();
    case Answer::Discard:
        m_autosaver->discard();
        return true;
    case Answer::Cancel:
        break;
    }
    return false;
}

void SessionController::closeCleanly()
{
    m_autosaver->discard();
}

QString SessionController::discardQuestion() const
{
    const int unshared = m_unshared ? m_unshared() : -1;
    if (unshared <= 0)
        return tr("The triage has changes that are not saved. Save them first?");
    return (unshared == 1 ? tr("This window's triage is shared through the store, but 1 edit is not in the store yet "
                               "(not shared yet, or in a conflict). Save the triage to a file first? Discard drops "
                               "that edit; the edits already shared stay in the store.")
                          : tr("This window's triage is shared through the store, but %1 edits are not in the store "
                               "yet (not shared yet, or in a conflict). Save the triage to a file first? Discard "
                               "drops those edits; the edits already shared stay in the store.")
                                .arg(unshared));
}

SessionController::Answer SessionController::askDefault()
{
    QMessageBox box(QMessageBox::Warning, tr("Unsaved triage"), discardQuestion(),
        QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, m_window);
    box.setDefaultButton(QMessageBox::Save);
    // Qt's own texts have no mnemonic outside the GNOME and KDE themes ("Discard" took no Alt+D): name them here.
    box.button(QMessageBox::Save)->setText(tr("&Save"));
    box.button(QMessageBox::Discard)->setText(tr("&Discard"));
    box.button(QMessageBox::Cancel)->setText(tr("&Cancel"));
    box.exec();
    const QAbstractButton *button = box.clickedButton();
    if (button == box.button(QMessageBox::Save))
        return Answer::Save;
    return button == box.button(QMessageBox::Discard) ? Answer::Discard : Answer::Cancel;
}
