// SPDX-License-Identifier: GPL-3.0-or-later
// `gapwise history add` that does not get to finish: killed half-way through a big run, a full disk, a store it
// may not write. Each leaves the store without a half run (the runs, their results and the test keys agree)
// and still usable, on SQLite and on PostgreSQL.
#include "historycli.h"
#include "historyseries.h"
#include "storebackends.h"

#include <catch2/catch.hpp>

#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <QThread>

#include <chrono>

namespace {

using HistoryCli::gapwise;
using HistoryCli::historyAdd;
using HistoryCli::run;
using HistoryCli::Run;

qint64 scalar(const QString &store, const char *sql)
{
    QString error;
    const QVariant v = StoreBackends::valueOnStore(store, QString::fromLatin1(sql), &error);
    INFO(sql << ": " << error.toStdString());
    REQUIRE(v.isValid());
    return v.toLongLong();
}

// What a half run would break: every result belongs to a stored run, each run has as many results as it says it
// has tests, and no test key is there that no result names.
struct Counts
{
    qint64 runs = 0, results = 0, tests = 0;
};

Counts consistentCounts(const QString &store)
{
    Counts c;
    c.runs = scalar(store, "SELECT COUNT(*) FROM runs");
    c.results = scalar(store, "SELECT COUNT(*) FROM results");
    c.tests = scalar(store, "SELECT COUNT(*) FROM tests");
    CHECK(scalar(store, "SELECT COALESCE(SUM(tests), 0) FROM runs") == c.results);
    CHECK(scalar(store, "SELECT COUNT(*) FROM results WHERE run_id NOT IN (SELECT id FROM runs)") == 0);
    CHECK(scalar(store, "SELECT COUNT(*) FROM tests WHERE id NOT IN (SELECT test_id FROM results)") == 0);
    return c;
}

// A store with three runs of 200 tests, and one big run of `bigTests` tests (most of them new keys) as a file.
struct Fixture
{
    HistorySeries::Spec small;
    QStringList smallFiles;
    QString bigFile;
    int bigTests = 0;

    Fixture(const QString &dir, int bigTestCount)
        : bigTests(bigTestCount)
    {
        small.tests = 200;
        small.runs = 4;
        for (int r = 0; r < small.runs; ++r)
            smallFiles << HistorySeries::writeJUnit(small, r, dir);
        HistorySeries::Spec big;
        big.tests = bigTests;
        big.runs = 8;
        QDir(dir).mkpath(QStringLiteral("big"));
        bigFile = HistorySeries::writeJUnit(big, 7, dir + QStringLiteral("/big"));
    }
};

// Whether this sandbox lets an unprivileged user namespace mount a tmpfs (unshare -rm); when it does not, the
// SQLite half of a test that needs `what` is skipped with a warning that says why.
bool canMountInNamespace(const char *what)
{
    const QString probe = QDir::temp().filePath(QStringLiteral("gapwise-unshare-probe"));
    QDir().mkpath(probe);
    const Run r = run(QStringLiteral("unshare"),
        { QStringLiteral("-rm"), QStringLiteral("sh"), QStringLiteral("-c"),
            QStringLiteral("mount -t tmpfs -o size=64k tmpfs '%1'").arg(probe) });
    const bool can = r.exitStatus == QProcess::NormalExit && r.exitCode == 0;
    if (!can)
        WARN("SQLite half skipped: this sandbox cannot " << what << ": " << r.errText().trimmed().toStdString());
    return can;
}

// Runs a shell script in a new user and mount namespace; its mounts go away with it.
Run inNamespace(const QString &script)
{
    return run(
        QStringLiteral("unshare"), { QStringLiteral("-rm"), QStringLiteral("sh"), QStringLiteral("-c"), script });
}

QString quoted(const QString &s)
{
    return QLatin1Char('\'') + s + QLatin1Char('\'');
}

// A script line running this build's gapwise with `arguments` (quoted already) and printing its exit code as
// "<label>-exit=N", so that the test reads each command's outcome from the script's output.
QString gapwiseLine(const char *label, const QString &arguments)
{
    return QStringLiteral("%1 %2; echo \"%3-exit=$?\"\n")
        .arg(quoted(QStringLiteral(GAPWISE_BINARY)), arguments, QString::fromLatin1(label));
}

} // namespace

TEST_CASE("gapwise history add killed in the middle of a big run leaves no half run", "[history][cli][interrupted]")
{
    STORE_ON_EACH_BACKEND(store, backend, dir);
    const Fixture f(dir.path(), 60000);
    REQUIRE(historyAdd(store, f.smallFiles.mid(0, 3)).exitCode == 0);
    const Counts before = consistentCounts(store);
    REQUIRE(before.runs == 3);

    // Killed (SIGKILL) once the run's transaction is writing: on SQLite when the write-ahead log has grown past
    // what the page cache holds, on PostgreSQL once the writer holds the store's write lock (and a moment later).
    const auto adding = HistoryCli::startHistoryAdd(store, { f.bigFile });
    QProcess &p = *adding;
    REQUIRE(p.waitForStarted());
    bool writing = false;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::minutes(3);
    while (!writing && p.state() == QProcess::Running && std::chrono::steady_clock::now() < deadline) {
        if (backend == StoreBackends::Backend::Sqlite) {
            writing = QFileInfo(store + QStringLiteral("-wal")).size() > qint64(512) * 1024;
        } else {
            QString error;
            writing
                = StoreBackends::valueOnStore(store,
                      QStringLiteral("SELECT COUNT(*) FROM pg_locks WHERE locktype = 'advisory' AND granted"), &error)
                      .toLongLong()
                > 0;
            if (writing)
                QThread::msleep(300);
        }
        if (!writing)
            QThread::msleep(2);
    }
    INFO("the add finished before it could be killed: " << p.readAllStandardOutput().toStdString());
    REQUIRE(writing);
    REQUIRE(p.state() == QProcess::Running);
    p.kill();
    REQUIRE(p.waitForFinished(30000));
    CHECK(p.exitStatus() == QProcess::CrashExit);

    if (backend == StoreBackends::Backend::Postgres) {
        // The server rolls the dead client's transaction back when it notices; the lock goes with it.
        qint64 locks = 1;
        for (int i = 0; i < 300 && locks > 0; ++i) {
            locks = scalar(store, "SELECT COUNT(*) FROM pg_locks WHERE locktype = 'advisory' AND granted");
            if (locks > 0)
                QThread::msleep(100);
        }
        REQUIRE(locks == 0);
    }

    // Nothing of the killed run: no run, no results, no test keys it brought.
    const Counts after = consistentCounts(store);
    CHECK(after.runs == before.runs);
    CHECK(after.results == before.results);
    CHECK(after.tests == before.tests);

    // Still usable: the same file adds now, as a new run (it was not stored), and so does the next small run.
    const Run again = historyAdd(store, { f.bigFile, f.smallFiles.at(3) });
    INFO(again.errText().toStdString());
    REQUIRE(again.exitCode == 0);
    CHECK(again.outText().count(QStringLiteral("added as run #")) == 2);
    const Counts last = consistentCounts(store);
    CHECK(last.runs == before.runs + 2);
    CHECK(last.results == before.results + f.bigTests + f.small.tests);
    const Run flaky = gapwise({ QStringLiteral("history"), QStringLiteral("flaky"), QStringLiteral("--store"), store,
        QStringLiteral("--json") });
    CHECK(flaky.exitCode == 0);
}

TEST_CASE(
    "gapwise history add on a full disk fails naming the store and leaves no half run", "[history][cli][interrupted]")
{
    STORE_ON_EACH_BACKEND(store, backend, dir);
    const Fixture f(dir.path(), 20000);
    REQUIRE(historyAdd(store, f.smallFiles.mid(0, 2)).exitCode == 0);
    const Counts before = consistentCounts(store);

    if (backend == StoreBackends::Backend::Postgres) {
        // A server whose disk is full fails the insert with SQLSTATE 53100; a trigger says so on purpose.
        QString error;
        INFO(error.toStdString());
        REQUIRE(StoreBackends::execOnServer(store,
            QStringLiteral("CREATE FUNCTION gw_disk_full() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                           "RAISE EXCEPTION 'could not extend file: No space left on device' USING ERRCODE = "
                           "'disk_full'; END $$"),
            &error));
        REQUIRE(StoreBackends::execOnServer(store,
            QStringLiteral("CREATE TRIGGER gw_disk_full BEFORE INSERT ON results FOR EACH STATEMENT "
                           "EXECUTE FUNCTION gw_disk_full()"),
            &error));
        const Run full = historyAdd(store, { f.bigFile });
        CHECK(full.exitStatus == QProcess::NormalExit);
        CHECK(full.exitCode == 3);
        INFO(full.errText().toStdString());
        CHECK(full.errText().contains(store));
        CHECK(full.errText().contains(QStringLiteral("the run was not added")));
        CHECK(full.errText().contains(QStringLiteral("No space left on device")));
        CHECK(
            full.errText().startsWith(QStringLiteral("gapwise: ") + store + QStringLiteral(": the run was not added")));
        const Counts after = consistentCounts(store);
        CHECK(after.runs == before.runs);
        CHECK(after.results == before.results);
        CHECK(after.tests == before.tests);
        REQUIRE(StoreBackends::execOnServer(store, QStringLiteral("DROP TRIGGER gw_disk_full ON results"), &error));
    } else {
        if (!canMountInNamespace("mount a small tmpfs in a user namespace (unshare -rm)"))
            return;
        // The store copied onto a tmpfs with room for it and a little more; the big run does not fit. The
        // store is copied back out to be checked, since the tmpfs goes with the namespace.
        const QString mount = dir.filePath(QStringLiteral("full"));
        const QString out = dir.filePath(QStringLiteral("out"));
        QDir().mkpath(mount);
        QDir().mkpath(out);
        const qint64 size = QFileInfo(store).size();
        const QString onTmpfs = mount + QStringLiteral("/history.sqlite");
        const QString script = QStringLiteral("mount -t tmpfs -o size=%1k tmpfs %2 && cp %3 %4 || exit 99\n")
                                   .arg(size / 1024 + 160)
                                   .arg(quoted(mount), quoted(store), quoted(onTmpfs))
            + gapwiseLine("add", QStringLiteral("history add --store %1 %2").arg(quoted(onTmpfs), quoted(f.bigFile)))
            + gapwiseLine("list", QStringLiteral("history list --store %1 --json >/dev/null").arg(quoted(onTmpfs)))
            + QStringLiteral("cp %1* %2/").arg(quoted(onTmpfs), quoted(out));
        const Run r = inNamespace(script);
        INFO(r.outText().toStdString() << r.errText().toStdString());
        REQUIRE(r.exitCode == 0);
        CHECK(r.outText().contains(QStringLiteral("add-exit=3")));
        CHECK(r.outText().contains(QStringLiteral("list-exit=0"))); // it still reads on the full disk
        CHECK(r.errText().contains(onTmpfs));
        CHECK(r.errText().contains(QStringLiteral("full"), Qt::CaseInsensitive));
        CHECK_FALSE(r.errText().contains(QStringLiteral("added as run")));
        const QString copied = out + QStringLiteral("/history.sqlite");
        const Counts after = consistentCounts(copied);
        CHECK(after.runs == before.runs);
        CHECK(after.results == before.results);
        CHECK(after.tests == before.tests);
    }
    // With room again the same store takes the run.
    const Run again = historyAdd(store, { f.bigFile });
    INFO(again.errText().toStdString());
    CHECK(again.exitCode == 0);
    CHECK(consistentCounts(store).runs == before.runs + 1);
}

TEST_CASE("gapwise history add to a read-only store fails cleanly and changes nothing", "[history][cli][interrupted]")
{
    STORE_ON_EACH_BACKEND(store, backend, dir);
    const Fixture f(dir.path(), 500);
    REQUIRE(historyAdd(store, f.smallFiles.mid(0, 2)).exitCode == 0);
    const Counts before = consistentCounts(store);

    if (backend == StoreBackends::Backend::Postgres) {
        // A database the role may only read (a replica, or a read-only role's default).
        const QString database = store.section(QLatin1Char('/'), 3).section(QLatin1Char('?'), 0, 0);
        QString error;
        INFO(error.toStdString());
        REQUIRE(StoreBackends::execOnServer(
            store, QStringLiteral("ALTER DATABASE %1 SET default_transaction_read_only = on").arg(database), &error));
        const Run ro = historyAdd(store, { f.smallFiles.at(2) });
        INFO(ro.errText().toStdString());
        CHECK(ro.exitStatus == QProcess::NormalExit);
        CHECK(ro.exitCode == 3);
        CHECK(ro.errText().contains(store));
        CHECK(ro.errText().contains(QStringLiteral("read-only")));
        CHECK(consistentCounts(store).runs == before.runs);
        // From another database of the cluster: a session on this one could not write the change.
        QString postgres = store;
        postgres.replace(QLatin1Char('/') + database + QLatin1Char('?'), QStringLiteral("/postgres?"));
        REQUIRE(StoreBackends::execOnServer(postgres,
            QStringLiteral("ALTER DATABASE %1 SET default_transaction_read_only = off").arg(database), &error));
    } else {
        if (!canMountInNamespace("remount a folder read-only in a user namespace"))
            return;
        // The store's folder mounted read-only (as root, file modes alone would not stop the write), and a new
        // store asked for in a read-only folder.
        const QString folder = QFileInfo(store).absolutePath();
        const QString fresh = folder + QStringLiteral("/sub/new.sqlite");
        const QString script
            = QStringLiteral("mount --bind %1 %1 && mount -o remount,bind,ro %1 || exit 99\n").arg(quoted(folder))
            + gapwiseLine(
                "add", QStringLiteral("history add --store %1 %2").arg(quoted(store), quoted(f.smallFiles.at(2))))
            + gapwiseLine("list", QStringLiteral("history list --store %1 >/dev/null").arg(quoted(store)))
            + gapwiseLine(
                "new", QStringLiteral("history add --store %1 %2").arg(quoted(fresh), quoted(f.smallFiles.at(2))));
        const Run r = inNamespace(script);
        INFO(r.outText().toStdString() << r.errText().toStdString());
        REQUIRE(r.exitCode == 0);
        CHECK(r.outText().contains(QStringLiteral("add-exit=3")));
        CHECK(r.outText().contains(QStringLiteral("new-exit=3")));
        CHECK(r.errText().contains(store));
        CHECK(r.errText().contains(fresh));
        CHECK_FALSE(r.outText().contains(QStringLiteral("added as run")));
        CHECK_FALSE(QFileInfo::exists(fresh));
        CHECK(consistentCounts(store).runs == before.runs);
    }
    const Run again = historyAdd(store, { f.smallFiles.at(2) });
    INFO(again.errText().toStdString());
    CHECK(again.exitCode == 0);
    CHECK(consistentCounts(store).runs == before.runs + 1);
}
