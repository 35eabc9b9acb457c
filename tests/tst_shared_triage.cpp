// SPDX-License-Identifier: GPL-3.0-or-later
// Shared triage in the store: two connections (two engineers' windows) edit the same gap; the second is told
// and gets the first one's value instead of overwriting it; every edit keeps who and when; on PostgreSQL the
// other connection hears about an edit within 2 s (LISTEN/NOTIFY).
#include "historyseries.h"
#include "historystore.h"
#include "storebackends.h"

#include <catch2/catch.hpp>

#include <QElapsedTimer>
#include <QEventLoop>
#include <QSqlDatabase>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTimer>

using namespace Gapwise;
using StoreBackends::Backend;

TEST_CASE("two writers of one gap: the second is told and shown both values", "[history][store][shared]")
{
    QTemporaryDir dir;
    const Backend backend = GENERATE(Backend::Sqlite, Backend::Postgres);
    INFO(StoreBackends::name(backend));
    STORE_OR_SKIP(location, backend, dir.path());
    QString error;
    HistoryStore ann, bob;
    REQUIRE(ann.open(location, true, &error));
    const auto run = ann.addRun(
        makeRunRecord(HistorySeries::report({}, 0), QStringLiteral("r0"), QStringLiteral("h0"), {}), &error);
    REQUIRE(run);
    REQUIRE(bob.open(location, false, &error));
    const SharedTriageItem owner { QStringLiteral("gap"), QStringLiteral("gap-1"), QStringLiteral("owner") };

    // Both read the gap before anyone edited it (version 0), then both set its owner.
    const auto first = ann.writeTriage(run->runId, owner, QStringLiteral("ann"), 0, &error);
    REQUIRE(first);
    CHECK(first->written);
    CHECK(first->version == 1);
    const auto second = bob.writeTriage(run->runId, owner, QStringLiteral("bob"), 0, &error);
    REQUIRE(second);
    CHECK_FALSE(second->written); // not silently overwritten
    CHECK(second->theirs.value == QStringLiteral("ann"));
    CHECK(second->theirs.version == 1);
    CHECK(second->theirs.editor == ann.editorName());
    CHECK(second->theirs.editedAt.isValid());

    // Bob has seen Ann's value and decides: his write on top of version 1 goes through.
    const auto third = bob.writeTriage(run->runId, owner, QStringLiteral("bob"), second->theirs.version, &error);
    REQUIRE(third);
    CHECK(third->written);
    CHECK(third->version == 2);

    const auto values = ann.triageValues(run->runId, &error);
    REQUIRE(values);
    REQUIRE(values->size() == 1);
    CHECK(values->first().second.value == QStringLiteral("bob"));
    CHECK(values->first().second.version == 2);

    // Who and when, per edit, oldest first; the refused write left no trace.
    const auto edits = ann.triageEditsSince(run->runId, 0, &error);
    REQUIRE(edits);
    REQUIRE(edits->size() == 2);
    CHECK(edits->at(0).newValue == QStringLiteral("ann"));
    CHECK(edits->at(0).oldValue.isEmpty());
    CHECK(edits->at(1).oldValue == QStringLiteral("ann"));
    CHECK(edits->at(1).newValue == QStringLiteral("bob"));
    CHECK(edits->at(1).editor == bob.editorName());
    CHECK(edits->at(0).editedAt <= edits->at(1).editedAt);
    const auto later = ann.triageEditsSince(run->runId, edits->at(0).id, &error);
    REQUIRE(later);
    CHECK(later->size() == 1);
}

TEST_CASE("a PostgreSQL store tells other connections about a triage edit within 2 s", "[history][store][shared]")
{
    QTemporaryDir dir;
    STORE_OR_SKIP(location, Backend::Postgres, dir.path());
    QString error;
    HistoryStore watcher, editor;
    REQUIRE(watcher.open(location, true, &error));
    const auto run = watcher.addRun(
        makeRunRecord(HistorySeries::report({}, 0), QStringLiteral("r0"), QStringLiteral("h0"), {}), &error);
    REQUIRE(run);
    REQUIRE(editor.open(location, false, &error));
    REQUIRE(watcher.subscribeToTriage());

    QString payload;
    QEventLoop loop;
    auto *driver = qobject_cast<QSqlDriver *>(watcher.notifier());
    REQUIRE(driver);
    QObject::connect(driver, &QSqlDriver::notification, &loop,
        [&](const QString &name, QSqlDriver::NotificationSource source, const QVariant &value) {
            if (name == sharedTriageChannel() && source == QSqlDriver::OtherSource) {
                payload = value.toString();
                loop.quit();
            }
        });
    QTimer::singleShot(2000, &loop, &QEventLoop::quit);
    QElapsedTimer timer;
    timer.start();
    const SharedTriageItem status { QStringLiteral("gap"), QStringLiteral("gap-1"), QStringLiteral("status") };
    REQUIRE(editor.writeTriage(run->runId, status, QStringLiteral("in progress"), 0, &error)->written);
    loop.exec();
    CHECK(payload == QString::number(run->runId));
    CHECK(timer.elapsed() < 2000);
    // The watcher reads what changed since it last looked.
    const auto edits = watcher.triageEditsSince(run->runId, 0, &error);
    REQUIRE(edits);
    REQUIRE(edits->size() == 1);
    CHECK(edits->first().newValue == QStringLiteral("in progress"));
    // SQLite has no notifications: subscribing says so rather than pretending.
    HistoryStore file;
    REQUIRE(file.open(dir.filePath(QStringLiteral("s.sqlite")), true, &error));
    CHECK_FALSE(file.subscribeToTriage());
}

namespace {

bool execOn(const QString &location, const QString &sql, QString *error)
{
    if (location.startsWith(QLatin1String("postgresql:")))
        return StoreBackends::execOnServer(location, sql, error);
    bool ok = false;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("v1"));
        db.setDatabaseName(location);
        ok = db.open();
        QSqlQuery q(db);
        ok = ok && q.exec(sql);
        if (!ok)
            *error = q.lastError().text();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("v1"));
    return ok;
}

} // namespace

TEST_CASE("a store of schema 1 gains shared triage in place, its runs kept", "[history][store][shared]")
{
    QTemporaryDir dir;
    const Backend backend = GENERATE(Backend::Sqlite, Backend::Postgres);
    INFO(StoreBackends::name(backend));
    STORE_OR_SKIP(location, backend, dir.path());
    QString error;
    {
        HistoryStore store;
        REQUIRE(store.open(location, true, &error));
        REQUIRE(store.addRun(
            makeRunRecord(HistorySeries::report({}, 0), QStringLiteral("r0"), QStringLiteral("h0"), {}), &error));
    }
    // What a Gapwise of schema 1 left behind.
    for (const char *sql :
        { "DROP TABLE triage_edits", "DROP TABLE triage_values", "UPDATE schema_version SET version = 1" }) {
        INFO(sql << ": " << error.toStdString());
        REQUIRE(execOn(location, QString::fromLatin1(sql), &error));
    }
    HistoryStore store;
    REQUIRE(store.open(location, false, &error));
    const QVector<StoredRun> runs = store.runs(&error);
    REQUIRE(runs.size() == 1);
    const auto written = store.writeTriage(runs.first().id,
        { QStringLiteral("test"), QStringLiteral("unit::t1"), QStringLiteral("gap") }, QStringLiteral("gap-2"), 0,
        &error);
    INFO(error.toStdString());
    REQUIRE(written);
    CHECK(written->written);
}
