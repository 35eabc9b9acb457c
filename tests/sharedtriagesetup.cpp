// SPDX-License-Identifier: GPL-3.0-or-later
#include "sharedtriagesetup.h"

#include "historystore.h"
#include "runrecord.h"
#include "sharedtriagefixture.h"
#include "storebackends.h"
#include "storelocation.h"

#include <catch2/catch.hpp>

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QThread>

namespace SharedTriageSetup {

bool waitFor(const std::function<bool()> &done, int ms)
{
    const QDeadlineTimer deadline(ms);
    while (!done()) {
        if (deadline.hasExpired())
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
        QThread::msleep(5);
    }
    return true;
}

qint64 storeRun(const QString &location, int tests)
{
    Gapwise::HistoryStore store;
    QString error;
    if (!store.open(location, true, &error))
        FAIL(error.toStdString());
    const auto run = store.addRun(
        Gapwise::makeRunRecord(sharedTriageReport(tests), QStringLiteral("r0"), QStringLiteral("h0"), {}), &error);
    if (!run)
        FAIL(error.toStdString());
    return run->runId;
}

bool setServerReachable(const QString &location, bool reachable, QString *error)
{
    const auto parsed = Gapwise::parseStoreLocation(location, error);
    if (!parsed)
        return false;
    const QString admin
        = QString(location).replace(QStringLiteral("/%1?").arg(parsed->database), QStringLiteral("/postgres?"));
    if (!StoreBackends::execOnServer(admin,
            QStringLiteral("ALTER DATABASE %1 ALLOW_CONNECTIONS %2")
                .arg(parsed->database, reachable ? QStringLiteral("true") : QStringLiteral("false")),
            error))
        return false;
    return reachable
        || StoreBackends::execOnServer(admin,
            QStringLiteral("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '%1'")
                .arg(parsed->database),
            error);
}

QuickRetries::QuickRetries()
{
    qputenv("GAPWISE_SHARED_RETRY_MS", "300");
}

QuickRetries::~QuickRetries()
{
    qunsetenv("GAPWISE_SHARED_RETRY_MS");
}

} // namespace SharedTriageSetup
