// SPDX-License-Identifier: GPL-3.0-or-later
#include "historyschema.h"

#include "sqldialect.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>
#include <QVector>

namespace Gapwise {
namespace {

    // Index i moves a store from version i to i + 1. Append, never edit: stores in the field are at every
    // version that ever shipped.
    const QVector<QStringList> &migrations()
    {
        static const QVector<QStringList> steps = {
            {
                QStringLiteral("CREATE TABLE schema_version (version INTEGER NOT NULL)"),
                QStringLiteral(
                    "CREATE TABLE runs (id %ID%, source TEXT NOT NULL, content_hash TEXT NOT NULL UNIQUE, "
                    "run_time TEXT NOT NULL, added_at TEXT NOT NULL, label TEXT, branch TEXT, commit_id TEXT, "
                    "title TEXT, tests INTEGER NOT NULL, failing INTEGER NOT NULL)"),
                QStringLiteral("CREATE INDEX runs_by_time ON runs (run_time, id)"),
                // Keys, signatures and gaps are stored once and referred to by number: 10M results stay small.
                QStringLiteral("CREATE TABLE tests (id %ID%, test_key TEXT NOT NULL UNIQUE, name TEXT NOT NULL)"),
                QStringLiteral("CREATE TABLE signatures (id %ID%, sig_key TEXT NOT NULL UNIQUE, title TEXT NOT NULL)"),
                QStringLiteral("CREATE TABLE gaps (id %ID%, gap_key TEXT NOT NULL UNIQUE, title TEXT NOT NULL)"),
                // Keyed by run first: adding a run appends; a test's history is one lookup per run.
                QStringLiteral("CREATE TABLE results (run_id INTEGER NOT NULL, test_id INTEGER NOT NULL, "
                               "status INTEGER NOT NULL, duration %REAL%, signature_id INTEGER, gap_id INTEGER, "
                               "carried_from INTEGER, PRIMARY KEY (run_id, test_id)) %WITHOUT_ROWID%"),
                QStringLiteral("CREATE TABLE run_gaps (run_id INTEGER NOT NULL, gap_id INTEGER NOT NULL, "
                               "failures INTEGER NOT NULL, title TEXT, priority TEXT, status TEXT, owner TEXT, "
                               "suggested INTEGER NOT NULL, PRIMARY KEY (run_id, gap_id))"),
                // The gap a person last put failures of this signature in: what a later run's failures are
                // suggested into ("carried from <run>").
                QStringLiteral("CREATE TABLE triaged_signatures (signature_id INTEGER PRIMARY KEY, "
                               "gap_id INTEGER NOT NULL, run_id INTEGER NOT NULL)"),
                QStringLiteral(
                    "CREATE TABLE known_issues (gap_id INTEGER PRIMARY KEY, tracker TEXT NOT NULL, url TEXT)"),
            },
            // 2: shared triage (sharedtriage.h): each item's current value and version, and every edit with who
            // made it and when.
            {
                QStringLiteral("CREATE TABLE triage_values (run_id INTEGER NOT NULL, kind TEXT NOT NULL, "
                               "item_key TEXT NOT NULL, field TEXT NOT NULL, value TEXT, version INTEGER NOT NULL, "
                               "editor TEXT NOT NULL, edited_at TEXT NOT NULL, "
                               "PRIMARY KEY (run_id, kind, item_key, field))"),
                QStringLiteral("CREATE TABLE triage_edits (id %ID%, run_id INTEGER NOT NULL, kind TEXT NOT NULL, "
                               "item_key TEXT NOT NULL, field TEXT NOT NULL, old_value TEXT, new_value TEXT, "
                               "version INTEGER NOT NULL, editor TEXT NOT NULL, edited_at TEXT NOT NULL)"),
                QStringLiteral("CREATE INDEX triage_edits_by_run ON triage_edits (run_id, id)"),
            },
        };
        return steps;
    }

    bool exec(QSqlDatabase &db, const QString &sql, QString *error)
    {
        QSqlQuery q(db);
        if (q.exec(sql))
            return true;
        *error = sqlErrorText(q.lastError());
        return false;
    }

} // namespace

bool readSchemaVersion(QSqlDatabase &db, const SqlDialect &dialect, int *version, QString *error)
{
    QSqlQuery probe(db);
    if (!probe.exec(dialect.probeQuery()) || !probe.next()) {
        *error = sqlErrorText(probe.lastError());
        return false;
    }
    const int tables = probe.value(0).toInt();
    QSqlQuery exists(db);
    exists.prepare(dialect.tableExistsQuery());
    exists.addBindValue(QStringLiteral("schema_version"));
    if (!exists.exec()) {
        *error = sqlErrorText(exists.lastError());
        return false;
    }
    if (!exists.next()) {
        *version = tables == 0 ? 0 : -1;
        return true;
    }
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("SELECT max(version) FROM schema_version")) || !q.next()) {
        *error = sqlErrorText(q.lastError());
        return false;
    }
    *version = q.value(0).toInt();
    return true;
}

bool migrateSchema(QSqlDatabase &db, const SqlDialect &dialect, int from, QString *error)
{
    if (from >= HistorySchemaVersion)
        return true;
    const auto fail = [&db] {
        db.rollback();
        return false;
    };
    for (const QString &statement : dialect.beginWrite()) {
        if (!exec(db, statement, error))
            return fail();
    }
    // Another process (a teammate's, on a shared store) may have set the store up while this one waited.
    int version = from;
    if (!readSchemaVersion(db, dialect, &version, error))
        return fail();
    if (version < 0 || version > HistorySchemaVersion) {
        *error = version < 0 ? QStringLiteral("tables appeared that are not a Gapwise store")
                             : QStringLiteral("a newer Gapwise moved the store to schema %1").arg(version);
        return fail();
    }
    if (version == HistorySchemaVersion)
        return db.commit() || fail();
    for (const QString &statement : dialect.beforeMigration()) {
        if (!exec(db, statement, error))
            return fail();
    }
    for (int v = version; v < HistorySchemaVersion; ++v) {
        for (const QString &statement : migrations().at(v)) {
            if (!exec(db, dialect.ddl(statement), error))
                return fail();
        }
    }
    if (!exec(db, QStringLiteral("DELETE FROM schema_version"), error)
        || !exec(
            db, QStringLiteral("INSERT INTO schema_version (version) VALUES (%1)").arg(HistorySchemaVersion), error))
        return fail();
    if (!db.commit()) {
        *error = sqlErrorText(db.lastError());
        return fail();
    }
    return true;
}

} // namespace Gapwise
