// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

class QSqlDatabase;

namespace Gapwise {

// What differs between the SQL databases the history store runs on: the Qt driver, column types,
// auto-increment keys, table options, upsert syntax and per-connection settings. The store writes its SQL
// once with placeholders (`%ID%`, `%REAL%`, `%WITHOUT_ROWID%`) and asks the dialect for the rest, so a second
// backend (PostgreSQL) is a driver and a dialect, not a rewrite.
class SqlDialect
{
public:
    virtual ~SqlDialect() = default;

    virtual QString driverName() const = 0; // "QSQLITE", "QPSQL"
    virtual QString name() const = 0; // "sqlite", "postgresql", for messages
    // DDL with the placeholders above replaced.
    virtual QString ddl(const QString &text) const = 0;
    // INSERT … ON CONFLICT: insert, or update `updateColumns` where `conflictColumns` already exist (none:
    // leave the row as it is).
    virtual QString upsert(const QString &table, const QStringList &columns, const QStringList &conflictColumns,
        const QStringList &updateColumns) const;
    // Whether a table exists, as a query that returns one row when it does (bind the table name).
    virtual QString tableExistsQuery() const = 0;
    // A query that reads the file's structure and fails on a file that is not a database of this kind,
    // without writing anything.
    virtual QString probeQuery() const = 0;
    // Settings for a connection that may write (journal mode, synchronous, …); run after the store is known
    // to be readable and of a schema this build understands.
    virtual QStringList writeSettings() const = 0;
    // Statements that open a write transaction other writers (processes, workstations) wait for: adding a
    // run reads what is stored, then writes; two writers at once must not both decide "not stored yet".
    virtual QStringList beginWrite() const = 0;
    // Statements run in the migration's transaction before its DDL (none: nothing).
    virtual QStringList beforeMigration() const { return {}; }
    // A statement that tells listening connections about a triage edit of run `runId` when the transaction
    // commits; empty where the database has no notifications.
    virtual QString notifyTriage(qint64 runId) const
    {
        Q_UNUSED(runId);
        return {};
    }
};

class SqliteDialect : public SqlDialect
{
public:
    QString driverName() const override { return QStringLiteral("QSQLITE"); }
    QString name() const override { return QStringLiteral("sqlite"); }
    QString ddl(const QString &text) const override;
    QString tableExistsQuery() const override;
    QString probeQuery() const override;
    QStringList writeSettings() const override;
    QStringList beginWrite() const override;
};

// PostgreSQL through Qt's QPSQL driver (Debian libqt6sql6-psql): a team's shared store on a server.
class PostgresDialect : public SqlDialect
{
public:
    QString driverName() const override { return QStringLiteral("QPSQL"); }
    QString name() const override { return QStringLiteral("postgresql"); }
    QString ddl(const QString &text) const override;
    QString tableExistsQuery() const override;
    QString probeQuery() const override;
    QStringList writeSettings() const override;
    QStringList beginWrite() const override;
    QStringList beforeMigration() const override;
    QString notifyTriage(qint64 runId) const override;
};

} // namespace Gapwise
