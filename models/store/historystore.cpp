// SPDX-License-Identifier: GPL-3.0-or-later
#include "historystore.h"

#include "historyschema.h"
#include "sqlbatch.h"
#include "sqldialect.h"
#include "storelocation.h"

#include <QAtomicInt>
#include <QDir>
#include <QFileInfo>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>

namespace Gapwise {
namespace {

    QString nextConnectionName()
    {
        static QAtomicInt counter;
        return QStringLiteral("gapwise-history-%1").arg(counter.fetchAndAddRelaxed(1));
    }

    bool failed(const QSqlQuery &q, QString *error)
    {
        *error = sqlErrorText(q.lastError());
        return false;
    }

    QVariant nullable(qint64 id)
    {
        return id > 0 ? QVariant(id) : QVariant(QMetaType::fromType<qint64>());
    }

} // namespace

QString StoredRun::displayName() const
{
    const QString name = label.isEmpty() ? QFileInfo(source).fileName() : label;
    return QStringLiteral("#%1 %2").arg(id).arg(name);
}

QVector<StoredRun> lastRuns(const QVector<StoredRun> &runs, int count)
{
    if (count <= 0 || count >= runs.size())
        return runs;
    return runs.mid(runs.size() - count);
}

qint64 runBefore(const QVector<StoredRun> &runs, const QVector<StoredRun> &window)
{
    const qsizetype i = runs.size() - window.size() - 1;
    return i >= 0 ? runs[i].id : 0;
}

HistoryStore::HistoryStore()
    : m_connection(nextConnectionName())
{
}

HistoryStore::~HistoryStore()
{
    if (QSqlDatabase::contains(m_connection)) {
        QSqlDatabase::database(m_connection, false).close();
        QSqlDatabase::removeDatabase(m_connection);
    }
}

void HistoryStore::setPassword(const QString &password)
{
    m_password = password;
}

QString HistoryStore::defaultPath()
{
    QString env = qEnvironmentVariable("GAPWISE_STORE"); // not const: returned, so moved
    if (!env.isEmpty())
        return env;
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/history.sqlite");
}

QSqlDatabase HistoryStore::database() const
{
    return QSqlDatabase::database(m_connection, false);
}

bool HistoryStore::open(const QString &path, bool create, QString *error)
{
    m_path = path;
    m_passwordRequired = false;
    const auto location = parseStoreLocation(path, error);
    if (!location)
        return false;
    m_location = *location;
    // A store object may be opened again on another address: the dialect follows the address.
    m_dialect = location->isServer() ? SqlDialect::postgresql() : SqlDialect();
    if (location->isServer())
        return openServer(create, error);
    const QFileInfo info(path);
    if (!info.exists()) {
        if (!create) {
            *error = QStringLiteral("%1: no history store there (add runs with `gapwise history add`)").arg(path);
            return false;
        }
        if (!QDir().mkpath(info.absolutePath())) {
            *error = QStringLiteral("%1: cannot create the folder %2").arg(path, info.absolutePath());
            return false;
        }
    } else if (info.isDir()) {
        *error = QStringLiteral("%1: is a folder, not a history store").arg(path);
        return false;
    }
    QSqlDatabase db = QSqlDatabase::addDatabase(m_dialect.driverName(), m_connection);
    if (!db.isValid()) {
        *error = QStringLiteral("%1: the Qt SQL driver %2 is not installed").arg(path, m_dialect.driverName());
        return false;
    }
    db.setDatabaseName(path);
    if (!db.open()) {
        *error = QStringLiteral("%1: cannot open the history store: %2").arg(path, sqlErrorText(db.lastError()));
        return false;
    }
    return setUp(create, error);
}

bool HistoryStore::openServer(bool create, QString *error)
{
    QSqlDatabase db = QSqlDatabase::addDatabase(m_dialect.driverName(), m_connection);
    if (!db.isValid()) {
        *error = QStringLiteral("%1: the Qt SQL driver %2 is not installed (Debian: libqt6sql6-psql)")
                     .arg(m_path, m_dialect.driverName());
        return false;
    }
    db.setDatabaseName(m_location.database);
    if (!m_location.host.isEmpty())
        db.setHostName(m_location.host);
    if (m_location.port > 0)
        db.setPort(m_location.port);
    if (!m_location.user.isEmpty())
        db.setUserName(m_location.user);
    if (!m_password.isEmpty())
        db.setPassword(m_password);
    db.setConnectOptions(
        QStringLiteral("connect_timeout=%1;application_name=gapwise").arg(m_location.connectTimeoutSeconds));
    if (!db.open()) {
        // libpq's own words ("connection to server … failed: …"), without Qt's "QPSQL: Unable to connect".
        QString why = db.lastError().databaseText().simplified();
        if (why.isEmpty())
            why = sqlErrorText(db.lastError());
        // libpq found no password in ~/.pgpass or PGPASSFILE: the window asks; the command line says where to put it.
        m_passwordRequired = why.contains(QLatin1String("no password supplied"))
            || why.contains(QLatin1String("password authentication failed"));
        *error = QStringLiteral("%1: cannot connect to the history store: %2%3")
                     .arg(m_path, why,
                         m_passwordRequired ? QStringLiteral(" (put the password in ~/.pgpass or PGPASSFILE)")
                                            : QString());
        return false;
    }
    return setUp(create, error);
}

bool HistoryStore::setUp(bool create, QString *error)
{
    const QString &path = m_path;
    QSqlDatabase db = database();
    int version = 0;
    QString why;
    if (!readSchemaVersion(db, m_dialect, &version, &why)) {
        *error = QStringLiteral("%1: not a readable history store (damaged, or not a database): %2; left as it is")
                     .arg(path, why);
        db.close();
        return false;
    }
    if (version < 0) {
        *error = QStringLiteral("%1: a database, but not a Gapwise history store; left as it is").arg(path);
        db.close();
        return false;
    }
    if (version == 0 && !create && m_location.isServer()) {
        *error = QStringLiteral("%1: the database holds no history store yet (add runs with `gapwise history add`)")
                     .arg(path);
        db.close();
        return false;
    }
    if (version > HistorySchemaVersion) {
        *error = QStringLiteral("%1: written by a newer Gapwise (store schema %2; this one reads up to %3); "
                                "left as it is")
                     .arg(path)
                     .arg(version)
                     .arg(HistorySchemaVersion);
        db.close();
        return false;
    }
    for (const QString &setting : m_dialect.writeSettings()) {
        QSqlQuery q(db);
        q.exec(setting); // best effort: a read-only store still reads without WAL
    }
    if (version < HistorySchemaVersion && !migrateSchema(db, m_dialect, version, &why)) {
        *error = QStringLiteral("%1: cannot set up the history store: %2").arg(path, why);
        db.close();
        return false;
    }
    return true;
}

std::optional<AddRunResult> HistoryStore::addRun(const RunRecord &run, QString *error)
{
    QString why;
    if (const auto existing = findRunByHash(run.contentHash, &why)) {
        AddRunResult result;
        result.runId = existing->id;
        return result;
    }
    if (!why.isEmpty()) {
        *error = why;
        return std::nullopt;
    }
    QSqlDatabase db = database();
    if (!beginWrite(&why)) {
        *error = QStringLiteral("%1: cannot write: %2").arg(m_path, why);
        return std::nullopt;
    }
    // Under the write lock: a writer that was waiting for it finds the run the other one just stored.
    if (const auto existing = findRunByHash(run.contentHash, &why)) {
        db.rollback();
        AddRunResult result;
        result.runId = existing->id;
        return result;
    }
    AddRunResult result;
    if (!why.isEmpty() || !insertRun(run, &result, &why) || !db.commit()) {
        if (why.isEmpty())
            why = sqlErrorText(db.lastError());
        db.rollback();
        *error = QStringLiteral("%1: the run was not added (nothing of it is stored): %2").arg(m_path, why);
        return std::nullopt;
    }
    result.added = true;
    return result;
}

bool HistoryStore::beginWrite(QString *error)
{
    QSqlDatabase db = database();
    for (const QString &statement : m_dialect.beginWrite()) {
        QSqlQuery q(db);
        if (!q.exec(statement)) {
            *error = sqlErrorText(q.lastError());
            db.rollback();
            return false;
        }
    }
    return true;
}

bool HistoryStore::insertRun(const RunRecord &run, AddRunResult *result, QString *error)
{
    QSqlDatabase db = database();
    // Rolled back here, while this function's prepared statements still exist: PostgreSQL refuses to free them
    // inside a failed transaction.
    const auto fail = [&db, error](const QSqlQuery *q) {
        if (q)
            *error = sqlErrorText(q->lastError());
        db.rollback();
        return false;
    };
    int failing = 0;
    for (const ResultRecord &r : run.results)
        failing += outcomeOfStatus(r.status) == RunOutcome::Fail ? 1 : 0;
    QSqlQuery insertRunRow(db);
    insertRunRow.prepare(QStringLiteral(
        "INSERT INTO runs (source, content_hash, run_time, added_at, label, branch, commit_id, title, tests, failing) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id"));
    for (const QVariant &v :
        { QVariant(run.sourceFile), QVariant(run.contentHash), QVariant(run.time.toUTC().toString(Qt::ISODate)),
            QVariant(QDateTime::currentDateTimeUtc().toString(Qt::ISODate)), QVariant(run.label), QVariant(run.branch),
            QVariant(run.commit), QVariant(run.title), QVariant(int(run.results.size())), QVariant(failing) })
        insertRunRow.addBindValue(v);
    if (!insertRunRow.exec() || !insertRunRow.next())
        return fail(&insertRunRow);
    const qint64 runId = insertRunRow.value(0).toLongLong();
    insertRunRow.finish();
    result->runId = runId;

    KeyIds tests(db, QStringLiteral("tests"), QStringLiteral("test_key"), QStringLiteral("name"));
    KeyIds signatures(db, QStringLiteral("signatures"), QStringLiteral("sig_key"), QStringLiteral("title"));
    KeyIds gaps(db, QStringLiteral("gaps"), QStringLiteral("gap_key"), QStringLiteral("title"));
    QHash<QString, const GapRecord *> gapByKey;
    for (const GapRecord &g : run.gaps)
        gapByKey.insert(g.key, &g);

    // The gap a person put earlier failures of a signature in, for failures this run leaves unplaced.
    QSqlQuery triaged(db);
    triaged.prepare(QStringLiteral("SELECT gap_id, run_id FROM triaged_signatures WHERE signature_id = ?"));
    BatchInsert insertResults(db, QStringLiteral("results"),
        { QStringLiteral("run_id"), QStringLiteral("test_id"), QStringLiteral("status"), QStringLiteral("duration"),
            QStringLiteral("signature_id"), QStringLiteral("gap_id"), QStringLiteral("carried_from") });
    // Tests a run names were mostly stored by the runs before it: their ids in a few statements.
    QStringList testKeys;
    testKeys.reserve(run.results.size());
    for (const ResultRecord &r : run.results)
        testKeys << r.key;
    if (!tests.preload(testKeys, error))
        return fail(nullptr);
    QSqlQuery remember(db);
    remember.prepare(m_dialect.upsert(QStringLiteral("triaged_signatures"),
        { QStringLiteral("signature_id"), QStringLiteral("gap_id"), QStringLiteral("run_id") },
        { QStringLiteral("signature_id") }, { QStringLiteral("gap_id"), QStringLiteral("run_id") }));
    QHash<qint64, int> failuresPerGap;
    // What this run's triage teaches is remembered after all of its results are stored: a run carries only
    // from earlier runs, never from itself (a namesake a person left in a proposed gap stays there).
    QVector<QPair<qint64, qint64>> triagedHere; // signature, gap
    for (const ResultRecord &r : run.results) {
        const qint64 testId = tests.idOf(r.key, r.name, error);
        if (testId < 0)
            return fail(nullptr);
        qint64 signatureId = -1, gapId = -1, carriedFrom = -1;
        if (!r.signatureKey.isEmpty()) {
            signatureId = signatures.idOf(r.signatureKey, r.signatureTitle, error);
            if (signatureId < 0)
                return fail(nullptr);
        }
        const GapRecord *gap = gapByKey.value(r.gapKey);
        if (!r.gapKey.isEmpty()) {
            gapId = gaps.idOf(r.gapKey, gap ? gap->title : r.gapKey, error);
            if (gapId < 0)
                return fail(nullptr);
        }
        const bool placedByPerson = gap && !gap->suggested;
        if (signatureId > 0 && !placedByPerson) {
            triaged.addBindValue(signatureId);
            if (!triaged.exec())
                return fail(&triaged);
            if (triaged.next()) {
                gapId = triaged.value(0).toLongLong();
                carriedFrom = triaged.value(1).toLongLong();
                ++result->carried;
            }
            triaged.finish();
        }
        if (signatureId > 0 && placedByPerson)
            triagedHere.append({ signatureId, gapId });
        if (signatureId > 0 && gapId > 0)
            ++failuresPerGap[gapId];
        if (!insertResults.add(
                { QVariant(runId), QVariant(testId), QVariant(r.status),
                    r.durationSeconds >= 0 ? QVariant(r.durationSeconds) : QVariant(QMetaType::fromType<double>()),
                    nullable(signatureId), nullable(gapId), nullable(carriedFrom) },
                error))
            return fail(nullptr);
    }
    if (!insertResults.flush(error))
        return fail(nullptr);
    for (const auto &signatureGap : triagedHere) {
        remember.addBindValue(signatureGap.first);
        remember.addBindValue(signatureGap.second);
        remember.addBindValue(runId);
        if (!remember.exec())
            return fail(&remember);
    }

    QSqlQuery insertGap(db);
    insertGap.prepare(QStringLiteral("INSERT INTO run_gaps (run_id, gap_id, failures, title, priority, status, owner, "
                                     "suggested) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
    QSet<qint64> written;
    for (const GapRecord &g : run.gaps) {
        const qint64 gapId = gaps.idOf(g.key, g.title, error);
        if (gapId < 0)
            return fail(nullptr);
        written.insert(gapId);
        for (const QVariant &v :
            { QVariant(runId), QVariant(gapId), QVariant(failuresPerGap.value(gapId)), QVariant(g.title),
                QVariant(g.priority), QVariant(g.status), QVariant(g.owner), QVariant(g.suggested ? 1 : 0) })
            insertGap.addBindValue(v);
        if (!insertGap.exec())
            return fail(&insertGap);
    }
    // Gaps this run does not name but that carried failures went into.
    for (auto it = failuresPerGap.cbegin(); it != failuresPerGap.cend(); ++it) {
        if (written.contains(it.key()))
            continue;
        for (const QVariant &v : { QVariant(runId), QVariant(it.key()), QVariant(it.value()), QVariant(), QVariant(),
                 QVariant(), QVariant(), QVariant(0) })
            insertGap.addBindValue(v);
        if (!insertGap.exec())
            return fail(&insertGap);
    }
    return true;
}

std::optional<StoredRun> HistoryStore::removeRun(qint64 runId, QString *error)
{
    QString why;
    if (!beginWrite(&why)) {
        *error = QStringLiteral("%1: cannot write: %2").arg(m_path, why);
        return std::nullopt;
    }
    QSqlDatabase db = database();
    const auto fail = [&db, error, this](const QString &reason) -> std::optional<StoredRun> {
        db.rollback();
        *error = QStringLiteral("%1: the run was not removed (nothing changed): %2").arg(m_path, reason);
        return std::nullopt;
    };
    // Under the write lock: found and removed with nothing in between.
    auto run = findRun(runId, &why); // not const: returned, so moved
    if (!run) {
        db.rollback();
        *error = why.isEmpty() ? QStringLiteral("%1: no run #%2 (see `gapwise history list`)").arg(m_path).arg(runId)
                               : QStringLiteral("%1: %2").arg(m_path, why);
        return std::nullopt;
    }
    // The signatures this run's triage is what later runs carry from: they carry from an earlier triage instead.
    QVector<qint64> signatures;
    {
        QSqlQuery q(db);
        q.prepare(QStringLiteral("SELECT signature_id FROM triaged_signatures WHERE run_id = ?"));
        q.addBindValue(runId);
        if (!q.exec())
            return fail(sqlErrorText(q.lastError()));
        while (q.next())
            signatures.append(q.value(0).toLongLong());
    }
    for (const QString &table : { QStringLiteral("results"), QStringLiteral("run_gaps"),
             QStringLiteral("triaged_signatures"), QStringLiteral("triage_values"), QStringLiteral("triage_edits") }) {
        QSqlQuery q(db);
        q.prepare(QStringLiteral("DELETE FROM %1 WHERE run_id = ?").arg(table));
        q.addBindValue(runId);
        if (!q.exec())
            return fail(sqlErrorText(q.lastError()));
    }
    {
        QSqlQuery q(db);
        q.prepare(QStringLiteral("DELETE FROM runs WHERE id = ?"));
        q.addBindValue(runId);
        if (!q.exec())
            return fail(sqlErrorText(q.lastError()));
    }
    // The newest other run where a person put a failure of the signature in a gap (not carried, not proposed).
    QSqlQuery earlier(db);
    earlier.prepare(QStringLiteral(
        "SELECT r.gap_id, r.run_id FROM results r JOIN run_gaps g ON g.run_id = r.run_id AND g.gap_id = r.gap_id "
        "WHERE r.signature_id = ? AND r.carried_from IS NULL AND g.suggested = 0 AND g.title IS NOT NULL "
        "ORDER BY r.run_id DESC LIMIT 1"));
    QSqlQuery remember(db);
    remember.prepare(QStringLiteral("INSERT INTO triaged_signatures (signature_id, gap_id, run_id) VALUES (?, ?, ?)"));
    for (const qint64 signature : signatures) {
        earlier.addBindValue(signature);
        if (!earlier.exec())
            return fail(sqlErrorText(earlier.lastError()));
        if (!earlier.next())
            continue;
        remember.addBindValue(signature);
        remember.addBindValue(earlier.value(0).toLongLong());
        remember.addBindValue(earlier.value(1).toLongLong());
        earlier.finish();
        if (!remember.exec())
            return fail(sqlErrorText(remember.lastError()));
    }
    earlier.finish();
    remember.finish();
    if (!db.commit())
        return fail(sqlErrorText(db.lastError()));
    return run;
}

bool HistoryStore::setKnownIssue(const QString &gapKey, const QString &tracker, const QString &url, QString *error)
{
    QSqlDatabase db = database();
    QSqlQuery find(db);
    find.prepare(QStringLiteral("SELECT id FROM gaps WHERE gap_key = ?"));
    find.addBindValue(gapKey);
    if (!find.exec())
        return failed(find, error);
    if (!find.next()) {
        *error = QStringLiteral("no stored run has a gap \"%1\" (see `gapwise history gaps`)").arg(gapKey);
        return false;
    }
    const qint64 gapId = find.value(0).toLongLong();
    QSqlQuery q(db);
    q.prepare(m_dialect.upsert(QStringLiteral("known_issues"),
        { QStringLiteral("gap_id"), QStringLiteral("tracker"), QStringLiteral("url") }, { QStringLiteral("gap_id") },
        { QStringLiteral("tracker"), QStringLiteral("url") }));
    q.addBindValue(gapId);
    q.addBindValue(tracker);
    q.addBindValue(url);
    if (!q.exec())
        return failed(q, error);
    return true;
}

} // namespace Gapwise
