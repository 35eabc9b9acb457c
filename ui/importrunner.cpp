// SPDX-License-Identifier: GPL-3.0-or-later
#include "importrunner.h"
#include "multifile.h"

#include <QFileInfo>
#include <QMetaObject>
#include <QThread>
#include <QtConcurrent/QtConcurrentRun>

using namespace Gapwise;

ImportRunner::ImportRunner(QObject *parent)
    : QObject(parent)
{
}

ImportRunner::~ImportRunner()
{
    if (m_cancel)
        m_cancel->store(true);
    for (QFuture<void> &future : m_futures)
        future.waitForFinished();
}

void ImportRunner::start(const QString &path)
{
    start(QStringList { path });
}

void ImportRunner::start(const QStringList &paths)
{
    const QString path = paths.size() == 1 ? paths.first() : QFileInfo(paths.value(0)).absolutePath();
    // The old import is told to stop but not waited for: the GUI stays responsive, its result is dropped.
    cancel();
    m_futures.erase(
        std::remove_if(m_futures.begin(), m_futures.end(), [](const QFuture<void> &f) { return f.isFinished(); }),
        m_futures.end());
    const quint64 generation = ++m_generation;
    m_cancel = std::make_shared<std::atomic_bool>(false);
    m_path = path;
    m_paths = paths;
    m_running = true;
    emit started(path);

    auto cancelFlag = m_cancel;
    m_futures << QtConcurrent::run([this, generation, cancelFlag, path, paths] {
        // Progress arrives throttled by the importer; each step is one queued call to the GUI thread.
        ImportControl control;
        control.cancel = cancelFlag.get();
        control.progress = [this, generation](int permille) {
            QMetaObject::invokeMethod(
                this,
                [this, generation, permille] {
                    if (generation == m_generation)
                        emit progress(permille);
                },
                Qt::QueuedConnection);
        };
        Outcome outcome;
        outcome.result = paths.size() == 1 ? importFile(path, control) : importFiles(paths, control);
        outcome.cancelled = control.cancelled();
        if (outcome.result.ok() && !outcome.cancelled) {
            outcome.prepared = prepareForTriage(*outcome.result.report);
            outcome.lines = SourceLines::fromFiles(outcome.result.report->files, MaxInputBytes);
        }
        QMetaObject::invokeMethod(
            this, [this, generation, outcome] { finish(generation, outcome); }, Qt::QueuedConnection);
    });
}

void ImportRunner::cancel()
{
    if (m_cancel)
        m_cancel->store(true);
}

void ImportRunner::finish(quint64 generation, const Outcome &outcome)
{
    Q_ASSERT(thread() == QThread::currentThread());
    if (generation != m_generation)
        return; // superseded by a newer start()
    m_running = false;
    if (outcome.cancelled)
        emit cancelled(m_path);
    else if (outcome.result.ok())
        emit loaded(outcome.prepared, outcome.lines);
    else
        emit failed(outcome.result.error);
}
