// SPDX-License-Identifier: GPL-3.0-or-later
// Shared triage in the store: two connections (two engineers' windows) edit the same gap; the second is told
// and gets the first one's value instead of overwriting it; every edit keeps who and when; on PostgreSQL the
// other connection hears about an edit within 2 s (LISTEN/NOTIFY).
#include "historyseries.h"
#include "historystore.h"
#include "storebackends.h"
#include "storelocation.h"

#include <catch2/catch.hpp>

#include <QElapsedTimer>
#include <QEventLoop>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTimer>

#include <pwd.h>
#include <unistd.h>

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

TEST_CASE("a team's database: two engineers' processes set one gap's owner at once, one is told",
    "[history][store][shared][concurrent]")
{
    QTemporaryDir dir;
    STORE_OR_SKIP(location, Backend::Postgres, dir.path());
    QString error;
    const auto parsed = parseStoreLocation(location, &error);
    REQUIRE(parsed);
    // README "A team's store": a team role owns the database, each engineer is a login role in it.
    const QString suffix = parsed->database.mid(3);
    const QString team = QStringLiteral("team_") + suffix, ann = QStringLiteral("ann_") + suffix,
                  bob = QStringLiteral("bob_") + suffix;
    REQUIRE(StoreBackends::execOnServer(location,
        QStringLiteral("CREATE ROLE %1 NOLOGIN; CREATE ROLE %2 LOGIN IN ROLE %1; CREATE ROLE %3 LOGIN IN ROLE %1; "
                       "ALTER DATABASE %4 OWNER TO %1")
            .arg(team, ann, bob, parsed->database),
        &error));
    const auto as = [&location](const QString &role) {
        return QString(location).replace(QStringLiteral("//gapwise@"), QStringLiteral("//%1@").arg(role));
    };
    qint64 runId = 0;
    {
        HistoryStore store; // Ann's Gapwise sets the store up: its tables belong to the team
        REQUIRE(store.open(as(ann), true, &error));
        const auto run = store.addRun(
            makeRunRecord(HistorySeries::report({}, 0), QStringLiteral("r0"), QStringLiteral("h0"), {}), &error);
        REQUIRE(run);
        runId = run->runId;
    }
    INFO(error.toStdString());
    REQUIRE(StoreBackends::execOnServer(location,
        QStringLiteral("DO $$ BEGIN IF (SELECT tableowner FROM pg_tables WHERE tablename = 'triage_values') <> '%1' "
                       "THEN RAISE 'not the team''s'; END IF; END $$")
            .arg(team),
        &error));

    // Both read version 0, both write at once.
    QProcess annWrites, bobWrites;
    const QStringList item { QString::number(runId), QStringLiteral("gap"), QStringLiteral("gap-1"),
        QStringLiteral("owner") };
    annWrites.start(QStringLiteral(GAPWISE_TRIAGE_WRITER_CHILD),
        QStringList { as(ann) } + item + QStringList { QStringLiteral("ann"), QStringLiteral("0") });
    bobWrites.start(QStringLiteral(GAPWISE_TRIAGE_WRITER_CHILD),
        QStringList { as(bob) } + item + QStringList { QStringLiteral("bob"), QStringLiteral("0") });
    REQUIRE(annWrites.waitForFinished(60000));
    REQUIRE(bobWrites.waitForFinished(60000));
    const QString annSays = QString::fromUtf8(annWrites.readAllStandardOutput()).trimmed();
    const QString bobSays = QString::fromUtf8(bobWrites.readAllStandardOutput()).trimmed();
    INFO("ann: " << annSays.toStdString() << "; bob: " << bobSays.toStdString());
    const bool annFirst = annSays.startsWith(QStringLiteral("written"));
    CHECK(annFirst != bobSays.startsWith(QStringLiteral("written"))); // exactly one went through
    // The other was told who wrote what, and nothing of theirs was stored.
    if (annFirst) {
        CHECK(annSays == QStringLiteral("written 1 %1").arg(ann));
        CHECK(bobSays == QStringLiteral("conflict 1 %1 ann").arg(ann));
    } else {
        CHECK(bobSays == QStringLiteral("written 1 %1").arg(bob));
        CHECK(annSays == QStringLiteral("conflict 1 %1 bob").arg(bob));
    }
    HistoryStore store;
    REQUIRE(store.open(as(bob), false, &error));
    const auto edits = store.triageEditsSince(runId, 0, &error);
    REQUIRE(edits);
    REQUIRE(edits->size() == 1);
    CHECK(edits->first().editor == (annFirst ? ann : bob));
}

TEST_CASE("on SQLite without $USER and $LOGNAME an edit is logged under the account's name, not \"unknown\"",
    "[history][store][shared]")
{
    QTemporaryDir dir;
    STORE_OR_SKIP(location, Backend::Sqlite, dir.path());
    const QByteArray user = qgetenv("USER"), logname = qgetenv("LOGNAME");
    qunsetenv("USER");
    qunsetenv("LOGNAME");
    QString error;
    HistoryStore store;
    REQUIRE(store.open(location, true, &error));
    const QString name = store.editorName();
    qputenv("USER", user);
    qputenv("LOGNAME", logname);
    CHECK(name != QStringLiteral("unknown"));
    CHECK_FALSE(name.isEmpty());
    const passwd *account = getpwuid(geteuid());
    REQUIRE(account);
    CHECK(name == QString::fromLocal8Bit(account->pw_name));
}
