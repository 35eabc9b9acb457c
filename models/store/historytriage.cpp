// SPDX-License-Identifier: GPL-3.0-or-later
// Shared triage in the store (sharedtriage.h): versioned values, the edit log, notifications.
#include "historystore.h"

#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>

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
    return QStringLiteral("unknown");
}

std::optional<SharedTriageWrite> HistoryStore::writeTriage(
    qint64 runId, const SharedTriageItem &item, const QString &value, int baseVersion, QString *error)
{
    QSqlDatabase db = database();
    if (!beginWrite(error))
        return std::nullopt;
    // Queries live in this scope and are gone before the rollback or commit below runs on the connection.
    auto result = [&]() -> std::optional<SharedTriageWrite> { // not const: returned, so moved
        QSqlQuery current(db);
        current.prepare(QStringLiteral("SELECT value, version, editor, edited_at FROM triage_values "
                                       "WHERE run_id = ? AND kind = ? AND item_key = ? AND field = ?"));
        bindItem(current, runId, item);
        if (!current.exec()) {
            *error = current.lastError().text();
            return std::nullopt;
        }
        SharedTriageWrite out;
        SharedTriageValue stored;
        if (current.next())
            stored = { current.value(0).toString(), current.value(1).toInt(), current.value(2).toString(),
                timeFrom(current.value(3)) };
        current.finish();
        if (stored.version != baseVersion) {
            out.theirs = stored; // someone else's edit came first: keep it, tell the caller
            return out;
        }
        const QString editor = editorName();
        const QString now = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
        QSqlQuery upsert(db);
        upsert.prepare(m_dialect->upsert(QStringLiteral("triage_values"),
            { QStringLiteral("run_id"), QStringLiteral("kind"), QStringLiteral("item_key"), QStringLiteral("field"),
                QStringLiteral("value"), QStringLiteral("version"), QStringLiteral("editor"),
                QStringLiteral("edited_at") },
            { QStringLiteral("run_id"), QStringLiteral("kind"), QStringLiteral("item_key"), QStringLiteral("field") },
            { QStringLiteral("value"), QStringLiteral("version"), QStringLiteral("editor"),
                QStringLiteral("edited_at") }));
        bindItem(upsert, runId, item);
        for (const QVariant &v : { QVariant(value), QVariant(baseVersion + 1), QVariant(editor), QVariant(now) })
            upsert.addBindValue(v);
        QSqlQuery log(db);
        log.prepare(QStringLiteral("INSERT INTO triage_edits (run_id, kind, item_key, field, old_value, new_value, "
                                   "version, editor, edited_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"));
        bindItem(log, runId, item);
        for (const QVariant &v : { stored.version > 0 ? QVariant(stored.value) : QVariant(), QVariant(value),
                 QVariant(baseVersion + 1), QVariant(editor), QVariant(now) })
            log.addBindValue(v);
        if (!upsert.exec() || !log.exec()) {
            *error = (upsert.lastError().isValid() ? upsert : log).lastError().text();
            return std::nullopt;
        }
        const QString notify = m_dialect->notifyTriage(runId);
        QSqlQuery tell(db);
        if (!notify.isEmpty() && !tell.exec(notify)) {
            *error = tell.lastError().text();
            return std::nullopt;
        }
        out.written = true;
        out.version = baseVersion + 1;
        return out;
    }();
    if (!result || !result->written) {
        db.rollback();
        return result;
    }
    if (!db.commit()) {
        *error = db.lastError().text();
        db.rollback();
        return std::nullopt;
    }
    return result;
}

std::optional<QVector<QPair<SharedTriageItem, SharedTriageValue>>> HistoryStore::triageValues(
    qint64 runId, QString *error) const
{
    QSqlQuery q(database());
    q.prepare(QStringLiteral("SELECT kind, item_key, field, value, version, editor, edited_at FROM triage_values "
                             "WHERE run_id = ? ORDER BY kind, item_key, field"));
    q.addBindValue(runId);
    if (!q.exec()) {
        *error = q.lastError().text();
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
        *error = q.lastError().text();
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
    if (m_dialect->notifyTriage(0).isEmpty())
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
