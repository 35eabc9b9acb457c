// SPDX-License-Identifier: GPL-3.0-or-later
#include "sqldialect.h"

namespace Gapwise {

QString SqlDialect::upsert(const QString &table, const QStringList &columns, const QStringList &conflictColumns,
    const QStringList &updateColumns) const
{
    QStringList marks;
    for (int i = 0; i < columns.size(); ++i)
        marks << QStringLiteral("?");
    QString sql = QStringLiteral("INSERT INTO %1 (%2) VALUES (%3) ON CONFLICT (%4) ")
                      .arg(table, columns.join(QLatin1Char(',')), marks.join(QLatin1Char(',')),
                          conflictColumns.join(QLatin1Char(',')));
    if (updateColumns.isEmpty())
        return sql + QStringLiteral("DO NOTHING");
    QStringList sets;
    for (const QString &c : updateColumns)
        sets << QStringLiteral("%1 = excluded.%1").arg(c);
    return sql + QStringLiteral("DO UPDATE SET ") + sets.join(QLatin1Char(','));
}

QString SqliteDialect::ddl(const QString &text) const
{
    QString out = text;
    out.replace(QLatin1String("%ID%"), QLatin1String("INTEGER PRIMARY KEY"));
    out.replace(QLatin1String("%REAL%"), QLatin1String("REAL"));
    // Results are keyed by (run, test): without a rowid the table is its own index, half the size.
    out.replace(QLatin1String("%WITHOUT_ROWID%"), QLatin1String("WITHOUT ROWID"));
    return out;
}

QString SqliteDialect::tableExistsQuery() const
{
    return QStringLiteral("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?");
}

QString SqliteDialect::probeQuery() const
{
    // Reading the schema fails with "file is not a database" on anything that is not SQLite.
    return QStringLiteral("SELECT count(*) FROM sqlite_master");
}

QStringList SqliteDialect::writeSettings() const
{
    // WAL: readers (the window) go on while a run is added. NORMAL is durable enough with WAL and much
    // faster than FULL; a crash loses at most the last transaction, never half of one.
    return { QStringLiteral("PRAGMA journal_mode = WAL"), QStringLiteral("PRAGMA synchronous = NORMAL"),
        QStringLiteral("PRAGMA foreign_keys = ON") };
}

} // namespace Gapwise
