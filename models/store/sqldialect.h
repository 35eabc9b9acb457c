// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

class QSqlError;

namespace Gapwise {

// What differs between the SQL databases the history store runs on: the Qt driver, column types, table
// options, a few statements and per-connection settings. The store writes its SQL once with placeholders
// (`%ID%`, `%REAL%`, `%WITHOUT_ROWID%`) and asks the dialect for the rest, so a second backend is a driver
// and some text, not a rewrite. The differences are all text, so a dialect is values rather than overrides:
// a default-constructed one is SQLite's (the workstation's store), and postgresql() says where PostgreSQL
// differs.
class SqlDialect
{
public:
    // PostgreSQL through Qt's QPSQL driver (Debian libqt6sql6-psql): a team's shared store on a server.
    static SqlDialect postgresql();

    QString driverName() const { return m_driverName; } // "QSQLITE", "QPSQL"
    QString name() const { return m_name; } // "sqlite", "postgresql", for messages
    // DDL with the placeholders above replaced.
    QString ddl(const QString &text) const;
    // INSERT … ON CONFLICT: insert, or update `updateColumns` where `conflictColumns` already exist (none:
    // leave the row as it is).
    QString upsert(const QString &table, const QStringList &columns, const QStringList &conflictColumns,
        const QStringList &updateColumns) const;
    // Whether a table exists, as a query that returns one row when it does (bind the table name).
    QString tableExistsQuery() const { return m_tableExistsQuery; }
    // A query that reads the file's structure and fails on a file that is not a database of this kind,
    // without writing anything.
    QString probeQuery() const { return m_probeQuery; }
    // Settings for a connection that may write (journal mode, synchronous, …); run after the store is known
    // to be readable and of a schema this build understands.
    QStringList writeSettings() const { return m_writeSettings; }
    // Statements that open a write transaction other writers (processes, workstations) wait for: adding a
    // run reads what is stored, then writes; two writers at once must not both decide "not stored yet".
    QStringList beginWrite() const { return m_beginWrite; }
    // Statements run in the migration's transaction before its DDL (none: nothing).
    QStringList beforeMigration() const { return m_beforeMigration; }
    // Whether listening connections can be told about triage edits (notifyTriage is not empty).
    bool hasNotifications() const { return !m_notifyTriage.isEmpty(); }
    // A statement that tells listening connections about a triage edit of run `runId` when the transaction
    // commits; empty where the database has no notifications.
    QString notifyTriage(qint64 runId) const;

private:
    QString m_driverName = QStringLiteral("QSQLITE");
    QString m_name = QStringLiteral("sqlite");
    QString m_idType = QStringLiteral("INTEGER PRIMARY KEY");
    QString m_realType = QStringLiteral("REAL");
    // Results are keyed by (run, test): without a rowid the table is its own index, half the size.
    QString m_withoutRowid = QStringLiteral("WITHOUT ROWID");
    // Appended to each TEXT column (none: SQLite already compares text byte by byte).
    QString m_textCollation;
    QString m_tableExistsQuery = QStringLiteral("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?");
    // Reading the schema fails with "file is not a database" on anything that is not SQLite.
    QString m_probeQuery = QStringLiteral("SELECT count(*) FROM sqlite_master");
    // WAL: readers (the window) go on while a run is added. NORMAL is durable enough with WAL and much
    // faster than FULL; a crash loses at most the last transaction, never half of one.
    QStringList m_writeSettings = { QStringLiteral("PRAGMA journal_mode = WAL"),
        QStringLiteral("PRAGMA synchronous = NORMAL"), QStringLiteral("PRAGMA foreign_keys = ON") };
    // IMMEDIATE takes the write lock now (waiting up to the driver's busy timeout) rather than at the first
    // write, so a second writer cannot read "not stored" and then fail on the first one's run.
    QStringList m_beginWrite = { QStringLiteral("BEGIN IMMEDIATE") };
    QStringList m_beforeMigration;
    // With %1 for the run's id; SQLite has no notifications.
    QString m_notifyTriage;
};

// A database error as the store reports it to people, on one line: the driver's text with every run of white space
// (libpq's second line, indented with a tab: "\n\tIs the server running…") folded into one space.
QString sqlErrorText(const QSqlError &error);

} // namespace Gapwise
