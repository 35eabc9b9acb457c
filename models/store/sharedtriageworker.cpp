// SPDX-License-Identifier: GPL-3.0-or-later
#include "sharedtriageworker.h"

#include "historystore.h"
#include "storelocation.h"

#include <QSqlDriver>
#include <QTimer>

namespace Gapwise {

SharedTriageWorker::SharedTriageWorker(const QString &location, qint64 runId, const QString &password, QObject *parent)
    : QObject(parent)
    , m_location(location)
    , m_password(password)
    , m_runId(runId)
    , m_poll(new QTimer(this)) // children: they move to the worker's thread with it
    , m_retry(new QTimer(this))
    , m_soon(new QTimer(this))
{
    // Notifications come one per edit: a burst (someone moved 500 tests) is read in one query, not 500.
    m_soon->setSingleShot(true);
    m_soon->setInterval(30);
    connect(m_soon, &QTimer::timeout, this, &SharedTriageWorker::catchUp);
    m_poll->setInterval(isServerStoreLocation(location) ? 5000 : 1500);
    m_retry->setInterval(retryIntervalMs());
    connect(m_poll, &QTimer::timeout, this, &SharedTriageWorker::catchUp);
    connect(m_retry, &QTimer::timeout, this, &SharedTriageWorker::reconnect);
}

SharedTriageWorker::~SharedTriageWorker() = default;

int SharedTriageWorker::retryIntervalMs()
{
    bool ok = false;
    const int ms = qEnvironmentVariableIntValue("GAPWISE_SHARED_RETRY_MS", &ok);
    return ok && ms > 0 ? ms : 3000;
}

bool SharedTriageWorker::connectStore(QString *error)
{
    auto store = std::make_unique<HistoryStore>(); // open() picks PostgreSQL's dialect for a postgresql:// URL
    store->setPassword(m_password);
    if (!store->open(m_location, false, error))
        return false;
    if (store->subscribeToTriage()) {
        if (auto *driver = qobject_cast<QSqlDriver *>(store->notifier())) {
            connect(driver, &QSqlDriver::notification, this,
                [this](const QString &name, QSqlDriver::NotificationSource source, const QVariant &payload) {
                    if (name == sharedTriageChannel() && source == QSqlDriver::OtherSource
                        && payload.toLongLong() == m_runId && !m_soon->isActive())
                        m_soon->start();
                });
        }
    }
    m_store = std::move(store);
    return true;
}

void SharedTriageWorker::start()
{
    QString error;
    if (!connectStore(&error)) {
        lose(error);
        return;
    }
    const auto values = m_store->triageValues(m_runId, &error);
    if (!values) {
        lose(error);
        return;
    }
    m_everOpened = true;
    Q_EMIT opened(*values, m_store->editorName());
    m_poll->start();
    catchUp();
}

void SharedTriageWorker::lose(const QString &error)
{
    m_store.reset();
    m_poll->stop();
    if (!m_retry->isActive())
        m_retry->start();
    Q_EMIT connectionLost(error);
}

void SharedTriageWorker::reconnect()
{
    if (!m_everOpened) {
        start(); // never opened: the first values are still to read
        if (m_store)
            m_retry->stop();
        return;
    }
    QString error;
    if (!connectStore(&error))
        return; // still away: the retry timer tries again
    m_retry->stop();
    m_poll->start();
    Q_EMIT connectionBack();
    catchUp(); // what others wrote while this window was offline
}

void SharedTriageWorker::write(const QVector<SharedTriageOutgoing> &writes)
{
    if (!m_store) {
        Q_EMIT writeFailed(writes);
        return;
    }
    QString error;
    const auto results = m_store->writeTriage(m_runId, writes, &error);
    if (!results) {
        // A lost connection, or a store that refuses: either way the edits stay with the link, which sends them
        // again once the connection is back.
        lose(error);
        Q_EMIT writeFailed(writes);
        return;
    }
    Q_EMIT written(writes, *results);
}

void SharedTriageWorker::catchUp()
{
    if (!m_store)
        return;
    QString error;
    const auto edits = m_store->triageEditsSince(m_runId, m_lastEditId, &error);
    if (!edits) {
        lose(error);
        return;
    }
    if (edits->isEmpty())
        return;
    m_lastEditId = edits->last().id;
    Q_EMIT editsArrived(*edits);
}

} // namespace Gapwise
