// SPDX-License-Identifier: GPL-3.0-or-later
// Two writers on one store at once (two connections, as two workstations would have): every run is stored
// exactly once, whoever gets there first, on both backends.
#include "historyseries.h"
#include "historystore.h"
#include "storebackends.h"

#include <catch2/catch.hpp>

#include <QSet>
#include <QTemporaryDir>
#include <QThread>

#include <memory>

using namespace Gapwise;
using StoreBackends::Backend;

namespace {

struct WriterResult
{
    QString error;
    int added = 0;
    int alreadyStored = 0;
    QSet<qint64> runIds;
};

// Adds every run of `records` through its own connection, in the given order.
WriterResult write(const QString &location, const QVector<RunRecord> &records, bool reversed)
{
    WriterResult out;
    HistoryStore store;
    if (!store.open(location, true, &out.error))
        return out;
    for (int i = 0; i < records.size(); ++i) {
        const RunRecord &run = records[reversed ? records.size() - 1 - i : i];
        const auto result = store.addRun(run, &out.error);
        if (!result)
            return out;
        ++(result->added ? out.added : out.alreadyStored);
        out.runIds.insert(result->runId);
    }
    return out;
}

} // namespace

TEST_CASE("two writers adding the same runs at once store each exactly once", "[history][store][concurrent]")
{
    STORE_ON_EACH_BACKEND(location, backend, dir);
    HistorySeries::Spec spec { 400, 12 }; // tests, runs
    QVector<RunRecord> records;
    for (int run = 0; run < spec.runs; ++run)
        records.append(makeRunRecord(HistorySeries::report(spec, run), QStringLiteral("run-%1.xml").arg(run),
            QStringLiteral("hash-%1").arg(run), {}));

    // One writer from the first run, one from the last, and one in the same order as the first: they meet in
    // the middle, and the same-order pair races on every run. All three also race on creating the schema.
    WriterResult a, b, c;
    std::unique_ptr<QThread> ta(QThread::create([&] { a = write(location, records, false); }));
    std::unique_ptr<QThread> tb(QThread::create([&] { b = write(location, records, true); }));
    std::unique_ptr<QThread> tc(QThread::create([&] { c = write(location, records, false); }));
    ta->start();
    tb->start();
    tc->start();
    REQUIRE(ta->wait(180000));
    REQUIRE(tb->wait(180000));
    REQUIRE(tc->wait(180000));
    INFO("writer a: " << a.error.toStdString() << "; b: " << b.error.toStdString() << "; c: " << c.error.toStdString());
    REQUIRE(a.error.isEmpty());
    REQUIRE(b.error.isEmpty());
    REQUIRE(c.error.isEmpty());
    CHECK(a.added + b.added + c.added == spec.runs);
    CHECK(a.alreadyStored + b.alreadyStored + c.alreadyStored == 2 * spec.runs);
    // Every writer was told the same run number for the same content.
    CHECK(a.runIds == b.runIds);
    CHECK(a.runIds == c.runIds);

    HistoryStore store;
    QString error;
    REQUIRE(store.open(location, false, &error));
    const QVector<StoredRun> runs = store.runs(&error);
    REQUIRE(runs.size() == spec.runs);
    QSet<QString> hashes;
    for (const StoredRun &r : runs) {
        hashes.insert(r.contentHash);
        CHECK(r.tests == spec.tests);
    }
    CHECK(hashes.size() == spec.runs);
    // Each test is one key with one result per run, not one per writer.
    const auto t = store.testHistory(HistorySeries::testName(52), &error);
    REQUIRE(t);
    CHECK(t->outcomes.size() == spec.runs);
    CHECK(t->verdict().kind == HistoryKind::Regression);
}
