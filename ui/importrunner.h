// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "importer.h"
#include "sourcelines.h"
#include "triagesession.h"

#include <QFuture>
#include <QObject>

#include <atomic>
#include <memory>

// Runs importFile() (or importFiles() for several files) on a pool thread. A new start() cancels the running import;
// results of a superseded import are dropped by a generation counter, so only the newest file ever reaches the window.
class ImportRunner : public QObject
{
    Q_OBJECT
public:
    explicit ImportRunner(QObject *parent = nullptr);
    ~ImportRunner() override; // cancels and waits: the worker calls back into this object

    void start(const QString &path);
    // Several files (or folders) as one run (importFiles); currentPath() is then the first file's folder.
    void start(const QStringList &paths);
    void cancel();
    bool isRunning() const { return m_running; }
    QString currentPath() const { return m_path; }
    QStringList currentPaths() const { return m_paths; } // as given to start()

signals:
    void started(const QString &path);
    void progress(int permille);
    // The imported report already prepared for triage on the pool thread (prepareForTriage).
    void loaded(const Gapwise::PreparedReport &report, const Gapwise::SourceLines &lines);
    void failed(const Gapwise::ImportError &error);
    void cancelled(const QString &path);

private:
    struct Outcome
    {
        Gapwise::ImportResult result;
        Gapwise::PreparedReport prepared;
        Gapwise::SourceLines lines;
        bool cancelled = false;
    };
    void finish(quint64 generation, const Outcome &outcome);

    quint64 m_generation = 0;
    std::shared_ptr<std::atomic_bool> m_cancel;
    QList<QFuture<void>> m_futures; // the running one and cancelled ones still winding down
    QString m_path;
    QStringList m_paths;
    bool m_running = false;
};
