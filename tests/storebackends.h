// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QTemporaryDir>
#include <QVariant>

// The history store's tests run on both backends: SQLite files, and PostgreSQL databases on a throwaway
// cluster (postgres/pg-cluster.sh). Under ctest the cluster is a fixture shared by every test
// (GAPWISE_TEST_PG_STATE names its state folder); a test program run by hand starts its own and stops it at
// exit. Without PostgreSQL installed the PostgreSQL half skips and says why.
namespace StoreBackends {

enum class Backend
{
    Sqlite,
    Postgres
};
const char *name(Backend backend);

// A new, empty store location for `backend`: a file in `folder` for SQLite, a new database on the cluster
// for PostgreSQL ("postgresql://gapwise@/gw_…?host=/tmp/gapwise-pg.…"). Empty with `skipped` set when
// PostgreSQL is not installed; a cluster that fails to start is a test failure, not a skip.
QString newStore(Backend backend, const QString &folder, QString *skipped);

// Runs one SQL statement on the database of a PostgreSQL store location (to damage or age a store on
// purpose). False with `error`.
bool execOnServer(const QString &location, const QString &sql, QString *error);

// The first column of the first row `sql` gives on the store at `location` (either backend), read through a
// connection of its own: what a test checks a store with. Invalid with `error` when it fails.
QVariant valueOnStore(const QString &location, const QString &sql, QString *error);

} // namespace StoreBackends

// In a TEST_CASE: `const auto backend = GENERATE(...); STORE_OR_SKIP(location, backend, dir.path());`
#define STORE_OR_SKIP(var, backend, folder)                                                                            \
    QString var##Skipped;                                                                                              \
    const QString var = StoreBackends::newStore(backend, folder, &var##Skipped);                                       \
    if (var.isEmpty()) {                                                                                               \
        WARN("PostgreSQL half skipped: " << var##Skipped.toStdString());                                               \
        return;                                                                                                        \
    }

// In a TEST_CASE: a new, empty store location `var` on SQLite, then on PostgreSQL (a GENERATE), in a folder
// of its own `dir`; `backend` says which. The PostgreSQL half skips where PostgreSQL is not installed.
#define STORE_ON_EACH_BACKEND(var, backend, dir)                                                                       \
    QTemporaryDir dir;                                                                                                 \
    const StoreBackends::Backend backend = GENERATE(StoreBackends::Backend::Sqlite, StoreBackends::Backend::Postgres); \
    INFO(StoreBackends::name(backend));                                                                                \
    STORE_OR_SKIP(var, backend, dir.path())
