// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QStringList>
#include <QVariant>
#include <QVector>

namespace Gapwise {

// Writing a run is thousands of rows. SQLite runs in-process, but every statement to PostgreSQL is a round
// trip (about 0.3 ms on a local socket): these helpers put many rows in one statement.

// Numbers for keys (tests, signatures, gaps): known ones read in batches (preload) or one by one, new ones
// inserted one by one (a key is new once in the life of a store).
class KeyIds
{
public:
    KeyIds(QSqlDatabase &db, const QString &table, const QString &keyColumn, const QString &textColumn);
    // Reads the ids of those of `keys` the store holds, a few hundred per statement.
    bool preload(const QStringList &keys, QString *error);
    // The id of `key`, inserting it with `text` when new; -1 with `error`.
    qint64 idOf(const QString &key, const QString &text, QString *error);

private:
    QSqlDatabase m_db;
    QString m_table, m_keyColumn;
    QSqlQuery m_find;
    QSqlQuery m_insert;
    QHash<QString, qint64> m_cache;
};

// INSERT of many rows, `RowsPerStatement` per statement; add() flushes when a statement is full, flush() the
// rest. Fails like the single-row INSERTs would (a duplicate key fails its batch, and the caller rolls back).
class BatchInsert
{
public:
    static constexpr int RowsPerStatement = 256;
    // `tail` follows the rows of every statement (an upsert's ON CONFLICT clause).
    BatchInsert(QSqlDatabase &db, const QString &table, const QStringList &columns, const QString &tail = QString());
    bool add(const QVector<QVariant> &row, QString *error);
    bool flush(QString *error);

private:
    QString statement(int rows) const;
    bool run(QSqlQuery &q, QString *error);

    QSqlDatabase m_db;
    QString m_head, m_rowMarks, m_tail;
    int m_columns;
    QVector<QVariant> m_pending;
    QSqlQuery m_full; // prepared once for full batches
};

} // namespace Gapwise
