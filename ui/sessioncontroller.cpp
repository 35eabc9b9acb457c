#include "sessioncontroller.h"

#include "autosaver.h"
#include "messagebanner.h"
#include "sessionfile.h"
#include "triagecommands.h"
#include "triagesession.h"

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

bool SessionController::prepareSession(const QString &sessionPath, QString *reportPath, QString *error)
{
    const auto file = readSessionFile(sessionPath, error);
    if (!file)
        return false;
    m_pendingReport = QFileInfo(file->resolvedReportPath()).absoluteFilePath();
    m_pendingEdits = file->edits;
    m_sessionPath = QFileInfo(sessionPath).absoluteFilePath();
    *reportPath = m_pendingReport;
    return true;
}

void SessionController::reportLoaded(const QString &reportPath)
{
    const QString absolute = reportPath.startsWith(QLatin1Char(':')) ? reportPath : QFileInfo(reportPath).absoluteFilePath();
    m_reportPath = absolute;
    if (absolute == m_pendingReport && !m_pendingEdits.isEmpty()) {
        replay(m_pendingEdits);
    } else if (absolute != m_pendingReport) {
        m_sessionPath.clear(); // a plain report: a new, unsaved triage
    }
    if (m_keepModified)
        m_session->undoStack()->resetClean();
    const bool restored = m_recovering;
    if (restored)
        m_sessionPath.clear(); // restored work is not saved anywhere yet
    m_keepModified = m_recovering = false;
    m_pendingReport.clear();
    m_pendingEdits.clear();
    Q_EMIT sessionPathChanged(m_sessionPath);
    if (!m_watcher->files().isEmpty())
        m_watcher->removePaths(m_watcher->files());
    if (!absolute.startsWith(QLatin1Char(':')))
        m_watcher->addPath(absolute);
    m_sha = QtConcurrent::run([absolute] { return fileSha256(absolute, nullptr).value_or(QString()); });
    m_autosaver->setReport(absolute, QString());
    // The recovery file was consumed by restoring: write it again now, not after the next edit, so a second
    // crash right after restoring loses nothing.
    if (restored && isModified())
        m_autosaver->saveNow();
}

bool SessionController::prepareRecovery(const QString &recoveryPath, QString *reportPath, QString *error)
{
    const QString saved = m_sessionPath;
    if (!prepareSession(recoveryPath, reportPath, error))
        return false;
    m_sessionPath = saved;
    m_recovering = m_keepModified = true;
    QFile::remove(recoveryPath); // the autosaver writes a fresh one after the next edit
    return true;
}

void SessionController::prepareReload()
{
    Q_EMIT aboutToUseTriage();
    m_pendingReport = m_reportPath;
    m_pendingEdits = currentEdits();
    m_keepModified = isModified();
}

bool SessionController::offerRecovery(MessageBanner *banner, const std::function<void(const QString &)> &open)
{
    const QStringList files = Autosaver::pendingRecoveryFiles();
    if (files.isEmpty())
        return false;
    const QString newest = files.first();
    QString why;
    const auto file = readSessionFile(newest, &why);
    const QString report = file ? QFileInfo(file->resolvedReportPath()).fileName() : QFileInfo(newest).fileName();
    banner->showChoice(tr("Gapwise found unsaved triage of <b>%1</b> from a session that did not close cleanly.")
                           .arg(report.toHtmlEscaped()),
                       {{tr("Restore"), [open, newest] { open(newest); }},
                        {tr("Discard"), [files] {
                             for (const QString &f : files)
                                 QFile::remove(f);
                         }}});
    return true;
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
    const SessionFile file = SessionFile::fromSession(*m_session, m_reportPath, reportSha());
    if (!writeFileAtomically(path, file.toJson(path), error))
        return false;
    m_sessionPath = QFileInfo(path).absoluteFilePath();
    m_session->undoStack()->setClean();
    m_autosaver->discard();
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
        suggested = QFileInfo(m_reportPath).absolutePath() + QLatin1Char('/') + QFileInfo(m_reportPath).completeBaseName()
            + QStringLiteral(".gapwise");
    QString path = QFileDialog::getSaveFileName(m_window, tr("Save Triage Session"), suggested,
                                                tr("Gapwise sessions (*.gapwise)"));
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
    switch (m_ask()) {
    case Answer::Save: return save();
    case Answer::Discard:
        m_autosaver->discard();
        return true;
    case Answer::Cancel: break;
    }
    return false;
}

void SessionController::closeCleanly()
{
    m_autosaver->discard();
}

SessionController::Answer SessionController::askDefault()
{
    const auto button = QMessageBox::warning(m_window, tr("Unsaved triage"),
                                             tr("The triage has changes that are not saved. Save them first?"),
                                             QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel,
                                             QMessageBox::Save);
    if (button == QMessageBox::Save)
        return Answer::Save;
    return button == QMessageBox::Discard ? Answer::Discard : Answer::Cancel;
}
