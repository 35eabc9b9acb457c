// SPDX-License-Identifier: GPL-3.0-or-later
#include "autosaver.h"

#include "sessionfile.h"
#include "triagesession.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLockFile>
#include <QStandardPaths>

namespace Gapwise {

namespace {

    // The recovery files held by this process's windows (a lock file is refused to its own process's second
    // QLockFile only as long as Qt takes the process for alive and of the same name: this set says it for sure).
    QSet<QString> &heldHere()
    {
        static QSet<QString> held;
        return held;
    }

    std::unique_ptr<QLockFile> lockFor(const QString &recoveryPath)
    {
        auto lock = std::make_unique<QLockFile>(recoveryPath + QStringLiteral(".lock"));
        lock->setStaleLockTime(0); // held as long as its window runs, however long: only a dead process's is stale
        return lock;
    }

    // The recovery file for this window: held until released (the lock file is gone, the set forgets it).
    std::unique_ptr<QLockFile> hold(const QString &recoveryPath)
    {
        if (heldHere().contains(recoveryPath))
            return nullptr;
        QDir().mkpath(QFileInfo(recoveryPath).absolutePath());
        auto lock = lockFor(recoveryPath);
        if (!lock->tryLock(0) && lock->error() != QLockFile::PermissionError)
            return nullptr; // another process's window holds it
        heldHere().insert(recoveryPath); // a folder that takes no lock file: this process's windows still take turns
        return lock;
    }

    void release(std::unique_ptr<QLockFile> &lock, const QString &recoveryPath)
    {
        if (!lock)
            return;
        heldHere().remove(recoveryPath);
        lock.reset(); // unlocks: the lock file goes
    }

} // namespace

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

Autosaver::~Autosaver()
{
    // The file stays (a window that goes without closing cleanly leaves its work to be offered); it is no longer
    // this window's, so the next start (or another window) offers it.
    release(m_hold, m_recoveryPath);
}

void Autosaver::setReport(const QString &reportPath, const QString &reportSha256, const QStringList &reportFiles)
{
    m_timer.stop();
    m_reportPath = reportPath;
    m_reportFiles = reportFiles;
    m_reportSha256 = reportSha256;
    const QString previous = m_recoveryPath;
    std::unique_ptr<QLockFile> held = std::move(m_hold);
    // The first of the report's recovery files that is free: not another window's (this window's autosave never
    // goes over another window's unsaved work), and not work left by a crash (a file this window did not write,
    // still to be restored or discarded). This window's own file stays its own.
    m_recoveryPath.clear();
    for (int n = 1; m_recoveryPath.isEmpty(); ++n) {
        const QString candidate = recoveryPathFor(reportPath, n);
        const bool leftByCrash = QFile::exists(candidate) && !m_written.contains(candidate);
        if (held && candidate == previous) {
            if (!leftByCrash) {
                m_hold = std::move(held);
                m_recoveryPath = candidate;
            }
            continue;
        }
        if (leftByCrash)
            continue;
        std::unique_ptr<QLockFile> lock = hold(candidate);
        if (!lock)
            continue; // another window's
        if (QFile::exists(candidate) && !m_written.contains(candidate)) {
            release(lock, candidate); // left by a window that went while this one looked
            continue;
        }
        m_hold = std::move(lock);
        m_recoveryPath = candidate;
    }
    if (held) {
        if (m_written.contains(previous))
            QFile::remove(previous); // this window's autosave of the triage it replaced (saved or discarded by then)
        release(held, previous);
    }
    m_comparedWith.clear(); // another run: no comparison yet
}

bool Autosaver::isHeldByAWindow(const QString &recoveryPath)
{
    if (heldHere().contains(recoveryPath))
        return true;
    std::unique_ptr<QLockFile> lock = lockFor(recoveryPath);
    if (lock->tryLock(0))
        return false; // nobody's (a crashed process's lock file was stale: it is gone now, with this one)
    return lock->error() == QLockFile::LockFailedError;
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
