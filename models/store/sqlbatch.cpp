// SPDX-License-Identifier: GPL-3.0-or-later
#include "sqlbatch.h"
#include "sqldialect.h"

#include <QSqlError>

namespace Gapwise {
namespace {

    bool failed(const QSqlQuery &q, QString *error)
    {
        *error = sqlErrorText(q.lastError());
        return false;
    }

    QString marks(int count)
    {
        QStringList m;
        for (int i = 0; i < count; ++i)
            m << QStringLiteral("?");
        return m.join(QLatin1Char(','));
    }

} // namespace

KeyIds::KeyIds(QSqlDatabase &db, const QString &table, const QString &keyColumn, const QString &textColumn)
    : m_db(db)
    , m_table(table)
    , m_keyColumn(keyColumn)
    , m_find(db)
    , m_insert(db)
{
    m_find.prepare(QStringLiteral("SELECT id FROM %1 WHERE %2 = ?").arg(table, keyColumn));
    // DO NOTHING: a key another writer stored meanwhile is looked up again rather than failing the run.
    m_insert.prepare(QStringLiteral("INSERT INTO %1 (%2, %3) VALUES (?, ?) ON CONFLICT (%2) DO NOTHING RETURNING id")
                         .arg(table, keyColumn, textColumn));
}

bool KeyIds::preload(const QStringList &keys, QString *error)
{
    constexpr int PerStatement = 500;
    for (int start = 0; start < keys.size(); start += PerStatement) {
        const int count = std::min(PerStatement, int(keys.size()) - start);
        QSqlQuery q(m_db);
        q.setForwardOnly(true);
        q.prepare(QStringLiteral("SELECT %2, id FROM %1 WHERE %2 IN (%3)").arg(m_table, m_keyColumn, marks(count)));
        for (int i = start; i < start + count; ++i)
            q.addBindValue(keys[i]);
        if (!q.exec())
            return failed(q, error);
        while (q.next())
            m_cache.insert(q.value(0).toString(), q.value(1).toLongLong());
    }
    return true;
}

qint64 KeyIds::idOf(const QString &key, const QString &text, QString *error)
{
    if (const auto cached = m_cache.constFind(key); cached != m_cache.cend())
        return *cached;
    m_find.addBindValue(key);
    if (!m_find.exec()) {
        failed(m_find, error);
        return -1;
    }
    qint64 id = m_find.next() ? m_find.value(0).toLongLong() : -1;
    m_find.finish();
    if (id < 0) {
        m_insert.addBindValue(key);
        m_insert.addBindValue(text);
        if (!m_insert.exec()) {
            failed(m_insert, error);
            return -1;
        }
        id = m_insert.next() ? m_insert.value(0).toLongLong() : -1;
        m_insert.finish();
    }
    if (id < 0) {
        m_find.addBindValue(key);
        if (!m_find.exec() || !m_find.next()) {
            failed(m_find, error);
            return -1;
        }
        id = m_find.value(0).toLongLong();
        m_find.finish();
    }
    m_cache.insert(key, id);
    return id;
}

BatchInsert::BatchInsert(QSqlDatabase &db, const QString &table, const QStringList &columns, const QString &tail)
    : m_db(db)
    , m_head(QStringLiteral("INSERT INTO %1 (%2) VALUES ").arg(table, columns.join(QLatin1Char(','))))
    , m_rowMarks(QStringLiteral("(%1)").arg(marks(int(columns.size()))))
    , m_tail(tail)
    , m_columns(int(columns.size()))
    , m_full(db)
{
    m_full.prepare(statement(RowsPerStatement));
}

QString BatchInsert::statement(int rows) const
{
    QStringList values;
    for (int i = 0; i < rows; ++i)
        values << m_rowMarks;
    QString sql = m_head + values.join(QLatin1Char(','));
    if (!m_tail.isEmpty())
        sql += QLatin1Char(' ') + m_tail;
    return sql;
}

bool BatchInsert::run(QSqlQuery &q, QString *error)
{
    for (const QVariant &v : std::as_const(m_pending))
        q.addBindValue(v);
    m_pending.clear();
    if (!q.exec())
        return failed(q, error);
    return true;
}

bool BatchInsert::add(const QVector<QVariant> &row, QString *error)
{
    Q_ASSERT(row.size() == m_columns);
    m_pending += row;
    if (m_pending.size() < qsizetype(RowsPerStatement) * m_columns)
        return true;
    return run(m_full, error);
}

bool BatchInsert::flush(QString *error)
{
    if (m_pending.isEmpty())
        return true;
    QSqlQuery rest(m_db);
    rest.prepare(statement(int(m_pending.size()) / m_columns));
    return run(rest, error);
}

} // namespace Gapwise
