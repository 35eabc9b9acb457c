// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sharedtriage.h"

#include <QMetaType>
#include <QObject>
#include <QPair>
#include <QVector>

#include <memory>

class QTimer;

namespace Gapwise {

class HistoryStore;

using SharedTriageValues = QVector<QPair<SharedTriageItem, SharedTriageValue>>;

// One run's shared triage on its own connection, in a thread of its own (SharedTriageLink moves it there):
// a slow or lost server never blocks the window. It writes what the link asks, reads other writers' edits
// when PostgreSQL notifies (LISTEN) and on a timer (SQLite: every 1.5 s; PostgreSQL: every 5 s, which also
// notices a dropped connection), and when the connection is lost it reconnects every few seconds on its own.
// Every answer is a signal; a failed write is handed back untouched so the link keeps it.
class SharedTriageWorker : public QObject
{
    Q_OBJECT
public:
    // `password`: the one the window asked for when libpq found none (kept in memory only, never saved).
    SharedTriageWorker(
        const QString &location, qint64 runId, const QString &password = QString(), QObject *parent = nullptr);
    ~SharedTriageWorker() override;
    static int retryIntervalMs(); // GAPWISE_SHARED_RETRY_MS (tests), else 3000

public Q_SLOTS:
    void start(); // opens the store: opened() or connectionLost()
    // One transaction for the whole batch (an undo step's edits), each write checked against its own version.
    void write(const QVector<Gapwise::SharedTriageOutgoing> &writes);
    void catchUp(); // reads the edits since the last one seen: editsArrived() when there are any

Q_SIGNALS:
    void opened(const Gapwise::SharedTriageValues &values, const QString &editor);
    // Each write's answer, in order: written (its new version) or a conflict (the value that came first).
    void written(
        const QVector<Gapwise::SharedTriageOutgoing> &writes, const QVector<Gapwise::SharedTriageWrite> &results);
    void writeFailed(const QVector<Gapwise::SharedTriageOutgoing> &writes); // nothing of them was written
    void editsArrived(const QVector<Gapwise::SharedTriageEdit> &edits);
    void connectionLost(const QString &error);
    void connectionBack();

private:
    bool connectStore(QString *error);
    void lose(const QString &error);
    void reconnect();

    QString m_location;
    QString m_password;
    qint64 m_runId;
    qint64 m_lastEditId = 0;
    bool m_everOpened = false;
    std::unique_ptr<HistoryStore> m_store;
    QTimer *m_poll;
    QTimer *m_retry;
    QTimer *m_soon; // a notification's catch-up, a moment later
};

} // namespace Gapwise
