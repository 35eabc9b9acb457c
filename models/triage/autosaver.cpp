// SPDX-License-Identifier: GPL-3.0-or-later
#include "autosaver.h"

#include "sessionfile.h"
#include "triagesession.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QStandardPaths>

namespace Gapwise {

Autosaver::Autosaver(TriageSession *session, QObject *parent)
    : QObject(parent)
    , m_session(session)
{
    m_timer.setSingleShot(true);
    m_timer.setInterval(DefaultDelayMs);
    connect(&m_timer, &QTimer::timeout, this, [this] { saveNow(); });
    connect(session->undoStack(), &QUndoStack::indexChanged, this, [this] {
        if (!m_recoveryPath.isEmpty())
            m_timer.start();
    });
    connect(session->undoStack(), &QUndoStack::cleanChanged, this, [this](bool clean) {
        if (clean)
            discard(); // back at the saved state: a recovery file would restore nothing new
    });
}

void Autosaver::setReport(const QString &reportPath, const QString &reportSha256, const QStringList &reportFiles)
{
    m_timer.stop();
    m_reportPath = reportPath;
    m_reportFiles = reportFiles;
    m_reportSha256 = reportSha256;
    const QString previous = m_recoveryPath;
    m_recoveryPath = recoveryPathFor(reportPath);
    // A recovery file of this report that this window did not write is work left by a crash, still to be
    // restored or discarded: this window's own autosave goes beside it, never over it.
    for (int n = 2; QFile::exists(m_recoveryPath) && !m_written.contains(m_recoveryPath); ++n)
        m_recoveryPath = recoveryPathFor(reportPath, n);
    if (!previous.isEmpty() && previous != m_recoveryPath && m_written.contains(previous))
        QFile::remove(previous); // this window's autosave of the triage it replaced (saved or discarded by then)
    m_comparedWith.clear(); // another run: no comparison yet
}

void Autosaver::setComparedWith(const QString &oldPath)
{
    if (oldPath == m_comparedWith)
        return;
    m_comparedWith = oldPath;
    if (!m_recoveryPath.isEmpty() && !m_session->undoStack()->isClean())
        m_timer.start(); // unsaved work is described as it is now
}

void Autosaver::setSharedState(const QJsonObject &state)
{
    if (state == m_shared)
        return;
    m_shared = state;
    if (!m_recoveryPath.isEmpty() && !m_session->undoStack()->isClean())
        m_timer.start(); // e.g. a conflict answered: a restore must not ask it again
}

void Autosaver::discard()
{
    m_timer.stop();
    if (!m_recoveryPath.isEmpty())
        QFile::remove(m_recoveryPath);
}

bool Autosaver::saveNow(QString *error)
{
    m_timer.stop();
    if (m_recoveryPath.isEmpty())
        return false;
    QString why;
    QDir().mkpath(recoveryDirectory());
    SessionFile file = SessionFile::fromSession(*m_session, m_reportPath, m_reportSha256, m_reportFiles);
    file.comparedWith = m_comparedWith;
    file.shared = m_shared;
    file.savedAs = m_savedAs;
    const QByteArray bytes = file.toJson();
    if (!writeFileAtomically(m_recoveryPath, bytes, &why)) {
        Q_EMIT failed(QStringLiteral("%1: %2").arg(m_recoveryPath, why));
        if (error)
            *error = why;
        return false;
    }
    m_written.insert(m_recoveryPath);
    Q_EMIT saved(m_recoveryPath);
    return true;
}

QString Autosaver::recoveryDirectory()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/recovery");
}

QString Autosaver::recoveryPathFor(const QString &reportPath, int n)
{
    const QByteArray key = QCryptographicHash::hash(reportPath.toUtf8(), QCryptographicHash::Sha1).toHex().left(16);
    const QString suffix = n > 1 ? QStringLiteral("-%1").arg(n) : QString();
    return recoveryDirectory() + QLatin1Char('/') + QString::fromLatin1(key) + suffix + QStringLiteral(".gapwise");
}

QStringList Autosaver::pendingRecoveryFiles()
{
    QStringList files;
    const QDir dir(recoveryDirectory());
    for (const QString &name : dir.entryList({ QStringLiteral("*.gapwise") }, QDir::Files, QDir::Time))
        files.append(dir.filePath(name));
    return files;
}

} // namespace Gapwise
