// SPDX-License-Identifier: GPL-3.0-or-later
// Where a history store lives (a file or a postgresql:// URL), and a PostgreSQL store that is foreign, newer,
// empty or out of reach: refused with a message, never modified.
#include "historyseries.h"
#include "historystore.h"
#include "storebackends.h"
#include "storelocation.h"

#include <catch2/catch.hpp>

#include <QElapsedTimer>
#include <QTemporaryDir>

using namespace Gapwise;

TEST_CASE("store locations: files stay files, postgresql URLs name a server", "[history][store][location]")
{
    QString error;
    const auto file = parseStoreLocation(QStringLiteral("/home/ann/history.sqlite"), &error);
    REQUIRE(file);
    CHECK_FALSE(file->isServer());
    CHECK(file->path == QStringLiteral("/home/ann/history.sqlite"));
    CHECK(file->displayName() == QStringLiteral("history.sqlite"));

    const auto tcp = parseStoreLocation(QStringLiteral("postgresql://ann@db.lab:6543/gapwise"), &error);
    REQUIRE(tcp);
    CHECK(tcp->isServer());
    CHECK(tcp->user == QStringLiteral("ann"));
    CHECK(tcp->host == QStringLiteral("db.lab"));
    CHECK(tcp->port == 6543);
    CHECK(tcp->database == QStringLiteral("gapwise"));
    CHECK(tcp->displayName() == QStringLiteral("gapwise on db.lab"));

    const auto socket = parseStoreLocation(QStringLiteral("postgres:///nightly?host=/run/postgresql"), &error);
    REQUIRE(socket);
    CHECK(socket->user.isEmpty());
    CHECK(socket->host == QStringLiteral("/run/postgresql"));
    CHECK(socket->port == -1);
    CHECK(socket->database == QStringLiteral("nightly"));
    CHECK(socket->displayName() == QStringLiteral("nightly on local server"));

    const auto v6 = parseStoreLocation(QStringLiteral("postgresql://[::1]:5433/g%20w?connect_timeout=3"), &error);
    REQUIRE(v6);
    CHECK(v6->host == QStringLiteral("::1"));
    CHECK(v6->port == 5433);
    CHECK(v6->database == QStringLiteral("g w"));
    CHECK(v6->connectTimeoutSeconds == 3);
}

TEST_CASE("store locations never carry a password, and bad ones say what is wrong", "[history][store][location]")
{
    QString error;
    CHECK_FALSE(parseStoreLocation(QStringLiteral("postgresql://ann:s3cret@db/gapwise"), &error));
    CHECK(error.contains(QStringLiteral("~/.pgpass")));
    CHECK_FALSE(error.contains(QStringLiteral("s3cret")));
    CHECK_FALSE(parseStoreLocation(QStringLiteral("postgresql://db/gapwise?password=s3cret"), &error));
    CHECK_FALSE(error.contains(QStringLiteral("s3cret")));
    CHECK_FALSE(parseStoreLocation(QStringLiteral("postgresql://db:port/gapwise"), &error));
    CHECK(error.contains(QStringLiteral("\"port\" is not a port number")));
    CHECK_FALSE(parseStoreLocation(QStringLiteral("postgresql://db"), &error));
    CHECK(error.contains(QStringLiteral("which database?")));
    CHECK_FALSE(parseStoreLocation(QStringLiteral("postgresql://db/g?sslmod=require"), &error));
    CHECK(error.contains(QStringLiteral("unknown parameter \"sslmod\"")));
    // Through the store: the same message, nothing opened.
    HistoryStore store;
    CHECK_FALSE(store.open(QStringLiteral("postgresql://ann:s3cret@db/gapwise"), true, &error));
    CHECK(error.contains(QStringLiteral("never holds a password")));
}

TEST_CASE("a PostgreSQL store that is foreign, newer, empty or out of reach is refused", "[history][store][hostile]")
{
    QTemporaryDir dir;
    STORE_OR_SKIP(location, StoreBackends::Backend::Postgres, dir.path());
    QString error;
    SECTION("an empty database is not set up by a read")
    {
        HistoryStore store;
        CHECK_FALSE(store.open(location, false, &error));
        CHECK(error.contains(QStringLiteral("holds no history store yet")));
        CHECK(StoreBackends::execOnServer(location, QStringLiteral("SELECT 1/0 FROM runs"), &error) == false);
        CHECK(error.contains(QStringLiteral("does not exist"))); // no table was created
    }
    SECTION("a newer schema")
    {
        {
            HistoryStore store;
            REQUIRE(store.open(location, true, &error));
            REQUIRE(store.addRun(
                makeRunRecord(HistorySeries::report({}, 0), QStringLiteral("r0"), QStringLiteral("h0"), {}), &error));
        }
        REQUIRE(
            StoreBackends::execOnServer(location, QStringLiteral("UPDATE schema_version SET version = 99"), &error));
        HistoryStore store;
        CHECK_FALSE(store.open(location, true, &error));
        CHECK(error.contains(QStringLiteral("newer Gapwise")));
        CHECK(error.contains(QStringLiteral("schema 99")));
        REQUIRE(StoreBackends::execOnServer(location,
            QStringLiteral("DO $$ BEGIN IF (SELECT count(*) FROM runs) <> 1 THEN RAISE 'changed'; END IF; END $$"),
            &error));
    }
    SECTION("another program's database")
    {
        REQUIRE(StoreBackends::execOnServer(location, QStringLiteral("CREATE TABLE contacts (name TEXT)"), &error));
        HistoryStore store;
        CHECK_FALSE(store.open(location, true, &error));
        CHECK(error.contains(QStringLiteral("not a Gapwise history store")));
        CHECK_FALSE(StoreBackends::execOnServer(location, QStringLiteral("SELECT 1 FROM schema_version"), &error));
    }
    SECTION("a server that is not there: a message, quickly")
    {
        QElapsedTimer timer;
        timer.start();
        HistoryStore store;
        const QString nowhere = QStringLiteral("postgresql://gapwise@/gapwise?host=%1").arg(dir.path());
        CHECK_FALSE(store.open(nowhere, false, &error));
        CHECK(error.startsWith(nowhere + QStringLiteral(": cannot connect to the history store")));
        CHECK(timer.elapsed() < 15000);
    }
    SECTION("a database that does not exist")
    {
        HistoryStore store;
        QString missing = location;
        missing.replace(QStringLiteral("@/gw_"), QStringLiteral("@/none_"));
        CHECK_FALSE(store.open(missing, true, &error));
        CHECK(error.contains(QStringLiteral("cannot connect")));
        CHECK(error.contains(QStringLiteral("does not exist")));
    }
}
