// SPDX-License-Identifier: GPL-3.0-or-later
// Shared triage in the store (sharedtriage.h): versioned values, the edit log, notifications.
#include "historystore.h"
#include "sqldialect.h"

#include "sqlbatch.h"

#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>

#ifdef Q_OS_UNIX
#include <pwd.h>
#include <unistd.h>
#endif

namespace Gapwise {
namespace {

    QDateTime timeFrom(const QVariant &v)
    {
        return QDateTime::fromString(v.toString(), Qt::ISODateWithMs);
    }

    void bindItem(QSqlQuery &q, qint64 runId, const SharedTriageItem &item)
    {
        q.addBindValue(runId);
        q.addBindValue(item.kind);
        q.addBindValue(item.key);
        q.addBindValue(item.field);
    }

} // namespace

QString HistoryStore::editorName() const
{
    if (m_location.isServer()) {
        // The role the server knows this engineer by (libpq defaults it to the login name).
        QSqlQuery q(database());
        if (q.exec(QStringLiteral("SELECT session_user")) && q.next())
            return q.value(0).toString();
    }
    for (const char *variable : { "USER", "LOGNAME" }) {
        QString login = qEnvironmentVariable(variable); // not const: returned, so moved
        if (!login.isEmpty())
            return login;
    }
#ifdef Q_OS_UNIX
    // Neither set (a service, `env -i`): the account's own name, so two engineers are still told apart.
    if (const passwd *account = getpwuid(geteuid()); account && account->pw_name && *account->pw_name)
        return QString::fromLocal8Bit(account->pw_name);
#endif
    return QStringLiteral("unknown");
}

std::optional<SharedTriageWrite> HistoryStore::writeTriage(
    qint64 runId, const SharedTriageItem &item, const QString &value, int baseVersion, QString *error)
{
    const auto results = writeTriage(runId, QVector<SharedTriageOutgoing> { { item, value, baseVersion } }, error);
    if (!results)
        return std::nullopt;
    return results->first();
}

std::optional<QVector<SharedTriageWrite>> HistoryStore::writeTriage(
    qint64 runId, const QVector<SharedTriageOutgoing> &writes, QString *error)
{
    QSqlDatabase db = database();
    if (writes.isEmpty())
        return QVector<SharedTriageWrite>();
    if (!beginWrite(error))
        return std::nullopt;
    // Queries live in this scope and are gone before the rollback or commit below runs on the connection.
    bool anyWritten = false;
    auto results = [&]() -> std::optional<QVector<SharedTriageWrite>> { // not const: returned, so moved
        // The stored values the writes were based on: one by one for a few, the run's all at once for many
        // (one statement instead of thousands of round trips).
        QHash<QString, SharedTriageValue> stored;
        const auto keyOf = [](const QString &kind, const QString &key, const QString &field) -> QString {
            return kind + QChar(0x1f) + key + QChar(0x1f) + field;
        };
        QSqlQuery current(db);
        const bool all = writes.size() > 32;
        current.prepare(QStringLiteral("SELECT kind, item_key, field, value, version, editor, edited_at FROM "
                                       "triage_values WHERE run_id = ?")
            + (all ? QString() : QStringLiteral(" AND kind = ? AND item_key = ? AND field = ?")));
        for (qsizetype i = 0; i < (all ? 1 : writes.size()); ++i) {
            if (all)
                current.addBindValue(runId);
            else
                bindItem(current, runId, writes[i].item);
            if (!current.exec()) {
                *error = sqlErrorText(current.lastError());
                return std::nullopt;
            }
            while (current.next())
                stored.insert(
                    keyOf(current.value(0).toString(), current.value(1).toString(), current.value(2).toString()),
                    { current.value(3).toString(), current.value(4).toInt(), current.value(5).toString(),
                        timeFrom(current.value(6)) });
        }
        current.finish();

        const QString editor = editorName();
        const QString now = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
        const QStringList key { QStringLiteral("run_id"), QStringLiteral("kind"), QStringLiteral("item_key"),
            QStringLiteral("field") };
        const QStringList updated { QStringLiteral("value"), QStringLiteral("version"), QStringLiteral("editor"),
            QStringLiteral("edited_at") };
        // The dialect's single-row upsert gives the ON CONFLICT clause the many-row statements end with.
        const QString single = m_dialect.upsert(QStringLiteral("triage_values"), key + updated, key, updated);
        BatchInsert upsert(db, QStringLiteral("triage_values"), key + updated,
            single.mid(single.indexOf(QLatin1String("ON CONFLICT"))));
        BatchInsert log(db, QStringLiteral("triage_edits"),
            key
                + QStringList { QStringLiteral("old_value"), QStringLiteral("new_value"), QStringLiteral("version"),
                    QStringLiteral("editor"), QStringLiteral("edited_at") });
        QVector<SharedTriageWrite> out;
        out.reserve(writes.size());
        for (const SharedTriageOutgoing &w : writes) {
            SharedTriageWrite result;
            const SharedTriageValue before = stored.value(keyOf(w.item.kind, w.item.key, w.item.field));
            if (before.version != w.baseVersion) {
                result.theirs = before; // someone else's edit came first: keep it, tell the caller
                out.append(result);
                continue;
            }
            const QVariant run(runId), kind(w.item.kind), item(w.item.key), field(w.item.field);
            const int version = w.baseVersion + 1;
            if (!upsert.add({ run, kind, item, field, w.value, version, editor, now }, error)
                || !log.add({ run, kind, item, field, before.version > 0 ? QVariant(before.value) : QVariant(), w.value,
                                version, editor, now },
                    error))
                return std::nullopt;
            result.written = true;
            result.version = version;
            anyWritten = true;
            out.append(result);
        }
        if (!upsert.flush(error) || !log.flush(error))
            return std::nullopt;
        const QString notify = m_dialect.notifyTriage(runId);
        QSqlQuery tell(db);
        if (anyWritten && !notify.isEmpty() && !tell.exec(notify)) {
            *error = sqlErrorText(tell.lastError());
            return std::nullopt;
        }
        return out;
    }();
    if (!results || !anyWritten) {
        db.rollback();
        return results;
    }
    if (!db.commit()) {
        *error = sqlErrorText(db.lastError());
        db.rollback();
        return std::nullopt;
    }
    return results;
}

std::optional<QVector<QPair<SharedTriageItem, SharedTriageValue>>> HistoryStore::triageValues(
    qint64 runId, QString *error) const
{
    QSqlQuery q(database());
    q.prepare(QStringLiteral("SELECT kind, item_key, field, value, version, editor, edited_at FROM triage_values "
                             "WHERE run_id = ? ORDER BY kind, item_key, field"));
    q.addBindValue(runId);
    if (!q.exec()) {
        *error = sqlErrorText(q.lastError());
        return std::nullopt;
    }
    QVector<QPair<SharedTriageItem, SharedTriageValue>> out;
    while (q.next())
        out.append({ { q.value(0).toString(), q.value(1).toString(), q.value(2).toString() },
            { q.value(3).toString(), q.value(4).toInt(), q.value(5).toString(), timeFrom(q.value(6)) } });
    return out;
}

std::optional<QVector<SharedTriageEdit>> HistoryStore::triageEditsSince(
    qint64 runId, qint64 afterId, QString *error) const
{
    QSqlQuery q(database());
    q.prepare(QStringLiteral("SELECT id, kind, item_key, field, old_value, new_value, version, editor, edited_at "
                             "FROM triage_edits WHERE run_id = ? AND id > ? ORDER BY id"));
    q.addBindValue(runId);
    q.addBindValue(afterId);
    if (!q.exec()) {
        *error = sqlErrorText(q.lastError());
        return std::nullopt;
    }
    QVector<SharedTriageEdit> out;
    while (q.next()) {
        SharedTriageEdit e;
        e.id = q.value(0).toLongLong();
        e.item = { q.value(1).toString(), q.value(2).toString(), q.value(3).toString() };
        e.oldValue = q.value(4).toString();
        e.newValue = q.value(5).toString();
        e.version = q.value(6).toInt();
        e.editor = q.value(7).toString();
        e.editedAt = timeFrom(q.value(8));
        out.append(e);
    }
    return out;
}

bool HistoryStore::subscribeToTriage()
{
    // QSQLITE "notifies" too, but of its own connection's table updates: no news from other writers.
    if (!m_dialect.hasNotifications())
        return false;
    QSqlDriver *driver = database().driver();
    return driver && driver->hasFeature(QSqlDriver::EventNotifications)
        && driver->subscribeToNotification(sharedTriageChannel());
}

QObject *HistoryStore::notifier() const
{
    return database().driver();
}

} // namespace Gapwise
