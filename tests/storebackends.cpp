// SPDX-License-Identifier: GPL-3.0-or-later
#include "storebackends.h"

#include "storelocation.h"

#include <catch2/catch.hpp>

#include <QAtomicInt>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QUuid>

#include <cstdlib>

namespace StoreBackends {
namespace {

    QString readLine(const QString &path)
    {
        QFile f(path);
        return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()).trimmed() : QString();
    }

    bool runScript(const QString &action, const QString &state, QString *output)
    {
        QProcess p;
        p.setProcessChannelMode(QProcess::MergedChannels);
        p.start(QStringLiteral("sh"), { QStringLiteral(GAPWISE_PG_CLUSTER_SCRIPT), action, state });
        const bool ok = p.waitForFinished(180000) && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
        *output = QString::fromLocal8Bit(p.readAll());
        return ok;
    }

    // The cluster this program started itself (no ctest fixture), stopped when the application object goes.
    struct OwnCluster
    {
        QTemporaryDir state;
        QString startOutput;
        bool started = false;
    };
    OwnCluster *own = nullptr;

    void stopOwnCluster()
    {
        QString ignored;
        if (own && own->started)
            runScript(QStringLiteral("stop"), own->state.filePath(QStringLiteral("s")), &ignored);
        delete own;
        own = nullptr;
    }

    // The socket folder of the running cluster; empty with `skipped` when PostgreSQL is not installed.
    QString socketFolder(QString *skipped)
    {
        QString state = qEnvironmentVariable("GAPWISE_TEST_PG_STATE");
        if (state.isEmpty()) {
            if (!own) {
                own = new OwnCluster;
                own->started
                    = runScript(QStringLiteral("start"), own->state.filePath(QStringLiteral("s")), &own->startOutput);
                qAddPostRoutine(stopOwnCluster);
            }
            INFO("pg-cluster.sh start: " << own->startOutput.toStdString());
            REQUIRE(own->started);
            state = own->state.filePath(QStringLiteral("s"));
        }
        const QString unavailable = readLine(state + QStringLiteral("/unavailable"));
        if (!unavailable.isEmpty()) {
            *skipped = unavailable;
            return {};
        }
        QString socket = readLine(state + QStringLiteral("/socket"));
        INFO("no running cluster in " << state.toStdString() << " (did postgres_cluster_start run?)");
        REQUIRE_FALSE(socket.isEmpty());
        return socket;
    }

    QString connectionName()
    {
        static QAtomicInt counter;
        return QStringLiteral("storebackends-%1").arg(counter.fetchAndAddRelaxed(1));
    }

    // Runs `sql` on a PostgreSQL database (`socket` set) or an SQLite file; `value` gets the first column of the
    // first row when asked for.
    bool exec(
        const QString &socket, const QString &database, const QString &sql, QString *error, QVariant *value = nullptr)
    {
        const QString name = connectionName();
        bool ok = false;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(
                socket.isEmpty() ? QStringLiteral("QSQLITE") : QStringLiteral("QPSQL"), name);
            if (!socket.isEmpty()) {
                db.setHostName(socket);
                db.setUserName(QStringLiteral("gapwise"));
            }
            db.setDatabaseName(database);
            if (db.open()) {
                QSqlQuery q(db);
                ok = q.exec(sql);
                if (!ok)
                    *error = q.lastError().text();
                else if (value)
                    *value = q.next() ? q.value(0) : QVariant();
            } else {
                *error = db.lastError().text();
            }
            db.close();
        }
        QSqlDatabase::removeDatabase(name);
        return ok;
    }

} // namespace

const char *name(Backend backend)
{
    return backend == Backend::Sqlite ? "SQLite" : "PostgreSQL";
}

QString newStore(Backend backend, const QString &folder, QString *skipped)
{
    if (backend == Backend::Sqlite) {
        static QAtomicInt counter;
        return QDir(folder).filePath(QStringLiteral("store-%1/history.sqlite").arg(counter.fetchAndAddRelaxed(1)));
    }
    if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QPSQL"))) {
        *skipped = QStringLiteral("Qt's PostgreSQL driver QPSQL is not installed (Debian: libqt6sql6-psql)");
        return {};
    }
    const QString socket = socketFolder(skipped);
    if (socket.isEmpty())
        return {};
    // Unique across the test processes ctest runs in parallel on the one cluster.
    const QString database = QStringLiteral("gw_%1").arg(QUuid::createUuid().toString(QUuid::Id128).left(16));
    QString error;
    const bool created
        = exec(socket, QStringLiteral("postgres"), QStringLiteral("CREATE DATABASE %1").arg(database), &error);
    INFO("CREATE DATABASE on " << socket.toStdString() << ": " << error.toStdString());
    REQUIRE(created);
    return QStringLiteral("postgresql://gapwise@/%1?host=%2").arg(database, socket);
}

bool execOnServer(const QString &location, const QString &sql, QString *error)
{
    const auto parsed = Gapwise::parseStoreLocation(location, error);
    return parsed && exec(parsed->host, parsed->database, sql, error);
}

QVariant valueOnStore(const QString &location, const QString &sql, QString *error)
{
    QVariant value;
    if (!location.startsWith(QLatin1String("postgresql:"))) {
        if (!QFile::exists(location)) {
            *error = location + QStringLiteral(": no such store");
            return {};
        }
        return exec(QString(), location, sql, error, &value) ? value : QVariant();
    }
    const auto parsed = Gapwise::parseStoreLocation(location, error);
    return parsed && exec(parsed->host, parsed->database, sql, error, &value) ? value : QVariant();
}

} // namespace StoreBackends
