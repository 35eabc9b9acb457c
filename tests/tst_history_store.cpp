// SPDX-License-Identifier: GPL-3.0-or-later
// The history store on a generated run series with planted flaky tests and regressions (historyseries.h), on
// both backends: SQLite files and PostgreSQL databases (storebackends.h).
#include "historyseries.h"
#include "historystore.h"
#include "historysummary.h"
#include "storebackends.h"
#include "testsupport.h"

#include <catch2/catch.hpp>

#include <QCryptographicHash>
#include <QFile>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>

using namespace Gapwise;
using HistorySeries::Kind;
using StoreBackends::Backend;

namespace {

RunRecord seriesRecord(const HistorySeries::Spec &spec, int run)
{
    return makeRunRecord(HistorySeries::report(spec, run), QStringLiteral("run-%1.xml").arg(run),
        QStringLiteral("hash-%1").arg(run), {});
}

void fill(HistoryStore &store, const HistorySeries::Spec &spec)
{
    for (int run = 0; run < spec.runs; ++run) {
        QString error;
        const auto added = store.addRun(seriesRecord(spec, run), &error);
        INFO(error.toStdString());
        REQUIRE(added);
        REQUIRE(added->added);
    }
}

QSet<QString> keysOf(const QVector<JudgedTest> &tests)
{
    QSet<QString> keys;
    for (const JudgedTest &t : tests)
        keys.insert(t.timeline.key);
    return keys;
}

QSet<QString> plantedKeys(const HistorySeries::Spec &spec, Kind kind)
{
    QSet<QString> keys;
    for (int i = 0; i < spec.tests; ++i) {
        if (HistorySeries::kindOf(i) == kind)
            keys.insert(HistorySeries::testName(i));
    }
    return keys;
}

} // namespace

TEST_CASE("planted flaky tests and regressions are told apart over a run series", "[history][store]")
{
    STORE_ON_EACH_BACKEND(location, backend, dir);
    HistorySeries::Spec spec { 300, 24 }; // tests, runs
    HistoryStore store;
    QString error;
    REQUIRE(store.open(location, true, &error));
    fill(store, spec);

    const auto summary = summariseHistory(store, DefaultHistoryWindow, &error);
    INFO(error.toStdString());
    REQUIRE(summary);
    REQUIRE(summary->window.size() == DefaultHistoryWindow); // the last 20 of 24
    CHECK(keysOf(summary->flaky) == plantedKeys(spec, Kind::Flaky));
    CHECK(keysOf(summary->regressions) == plantedKeys(spec, Kind::Regression));
    CHECK(keysOf(summary->failing) == plantedKeys(spec, Kind::Failing));
    CHECK(keysOf(summary->fixed) == plantedKeys(spec, Kind::Fixed));
    REQUIRE_FALSE(summary->flaky.isEmpty());
    REQUIRE_FALSE(summary->regressions.isEmpty());

    // The numbers behind each verdict: a flaky test fails one run in four; a regression since its break.
    for (const JudgedTest &t : summary->flaky) {
        CHECK(t.verdict.flips >= FlakyFlipThreshold);
        CHECK(t.verdict.failures == 5);
        CHECK(t.verdict.counted == 20);
    }
    const int firstWindowRun = spec.runs - DefaultHistoryWindow;
    for (const JudgedTest &t : summary->regressions) {
        const int test = t.timeline.key.section(QLatin1Char('_'), -1).toInt();
        CHECK(t.verdict.flips == 1);
        CHECK(t.verdict.failingSince == HistorySeries::breakRun(spec, test) - firstWindowRun);
        CHECK(t.failingSinceRun.startsWith(QStringLiteral("#%1 ").arg(HistorySeries::breakRun(spec, test) + 1)));
    }
    // New failures: no regression broke in the newest run, but flaky tests that failed there and passed before.
    int newlyFailing = 0;
    for (int i = 0; i < spec.tests; ++i)
        newlyFailing
            += HistorySeries::failsIn(spec, i, spec.runs - 1) && !HistorySeries::failsIn(spec, i, spec.runs - 2);
    CHECK(newlyFailing == 3);
    CHECK(summary->newFailures == newlyFailing);

    // A shorter window that starts after the regressions broke sees them failing throughout.
    const auto late = summariseHistory(store, 5, &error);
    REQUIRE(late);
    CHECK(keysOf(late->regressions).isEmpty());
    CHECK(keysOf(late->failing) == (plantedKeys(spec, Kind::Regression) | plantedKeys(spec, Kind::Failing)));
}

TEST_CASE("a test's history: status per run and failing since", "[history][store]")
{
    STORE_ON_EACH_BACKEND(location, backend, dir);
    HistorySeries::Spec spec { 60, 10 }; // tests, runs
    HistoryStore store;
    QString error;
    REQUIRE(store.open(location, true, &error));
    fill(store, spec);

    const int regression = 52; // 52 % 50 == 2
    const auto t = store.testHistory(HistorySeries::testName(regression), &error);
    REQUIRE(t);
    REQUIRE(t->outcomes.size() == spec.runs);
    for (int run = 0; run < spec.runs; ++run)
        CHECK(
            t->outcomes[run] == (HistorySeries::failsIn(spec, regression, run) ? RunOutcome::Fail : RunOutcome::Pass));
    CHECK(t->verdict().kind == HistoryKind::Regression);
    CHECK(t->verdict().failingSince == HistorySeries::breakRun(spec, regression));
    // By the bare name too, and an unknown test is not an error.
    CHECK(store.testHistory(QStringLiteral("tests/unit/test_mod1.py::test_case_51"), &error)->verdict().kind
        == HistoryKind::Flaky);
    CHECK_FALSE(store.testHistory(QStringLiteral("no_such_test"), &error));
    CHECK(error.isEmpty());
}

TEST_CASE("the same content twice is one run", "[history][store]")
{
    STORE_ON_EACH_BACKEND(location, backend, dir);
    HistoryStore store;
    QString error;
    REQUIRE(store.open(location, true, &error));
    const RunRecord run = seriesRecord({}, 0);
    const auto first = store.addRun(run, &error);
    REQUIRE(first);
    CHECK(first->added);
    const auto second = store.addRun(run, &error);
    REQUIRE(second);
    CHECK_FALSE(second->added);
    CHECK(second->runId == first->runId);
    CHECK(store.runs(&error).size() == 1);
}

TEST_CASE("one store object opened on a server, then on a file, writes SQLite to the file", "[history][store]")
{
    QTemporaryDir dir;
    STORE_OR_SKIP(server, Backend::Postgres, dir.path());
    HistoryStore store;
    QString error;
    REQUIRE(store.open(server, true, &error));
    REQUIRE(store.addRun(seriesRecord({}, 0), &error));

    // Opened again on another address, the same object takes that address's dialect.
    const QString file = dir.filePath(QStringLiteral("history.sqlite"));
    INFO(error.toStdString());
    REQUIRE(store.open(file, true, &error));
    const auto added = store.addRun(seriesRecord({}, 1), &error);
    REQUIRE(added);
    CHECK(added->added);
    CHECK(store.runs(&error).size() == 1);
    CHECK(TestSupport::fileContents(file).startsWith("SQLite format 3"));
}

TEST_CASE("a run that fails half-way leaves nothing of it behind", "[history][store][hostile]")
{
    STORE_ON_EACH_BACKEND(location, backend, dir);
    HistoryStore store;
    QString error;
    REQUIRE(store.open(location, true, &error));
    REQUIRE(store.addRun(seriesRecord({}, 0), &error));
    RunRecord broken = seriesRecord({}, 1);
    broken.results.append(broken.results.at(100)); // the same test twice: the insert fails at the end
    CHECK_FALSE(store.addRun(broken, &error));
    CHECK(error.contains(QStringLiteral("nothing of it is stored")));
    CHECK(store.runs(&error).size() == 1);
    const auto t = store.testHistory(HistorySeries::testName(7), &error);
    REQUIRE(t);
    CHECK(t->outcomes.size() == 1);
    // The store still works after the rollback.
    CHECK(store.addRun(seriesRecord({}, 2), &error));
    CHECK(store.runs(&error).size() == 2);
}

TEST_CASE("a damaged, foreign or newer store is refused and left as it is", "[history][store][hostile]")
{
    QTemporaryDir dir;
    QString error;
    SECTION("not a database")
    {
        const QString path = dir.filePath(QStringLiteral("garbage.sqlite"));
        QFile f(path);
        REQUIRE(f.open(QIODevice::WriteOnly));
        f.write(QByteArray(8192, 'x'));
        f.close();
        HistoryStore store;
        CHECK_FALSE(store.open(path, true, &error));
        CHECK(error.contains(QStringLiteral("not a readable history store")));
        CHECK(TestSupport::fileContents(path) == QByteArray(8192, 'x'));
        CHECK_FALSE(QFile::exists(path + QStringLiteral("-wal")));
    }
    SECTION("a newer schema")
    {
        const QString path = dir.filePath(QStringLiteral("newer.sqlite"));
        {
            HistoryStore store;
            REQUIRE(store.open(path, true, &error));
            REQUIRE(store.addRun(seriesRecord({}, 0), &error));
        }
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("bump"));
            db.setDatabaseName(path);
            REQUIRE(db.open());
            QSqlQuery q(db);
            REQUIRE(q.exec(QStringLiteral("PRAGMA journal_mode = DELETE"))); // one file to compare
            REQUIRE(q.exec(QStringLiteral("UPDATE schema_version SET version = 99")));
            q.finish();
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("bump"));
        const QByteArray before = TestSupport::fileContents(path);
        HistoryStore store;
        CHECK_FALSE(store.open(path, true, &error));
        CHECK(error.contains(QStringLiteral("newer Gapwise")));
        CHECK(error.contains(QStringLiteral("schema 99")));
        CHECK(TestSupport::fileContents(path) == before);
    }
    SECTION("another program's database")
    {
        const QString path = dir.filePath(QStringLiteral("other.sqlite"));
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("other"));
            db.setDatabaseName(path);
            REQUIRE(db.open());
            QSqlQuery q(db);
            REQUIRE(q.exec(QStringLiteral("CREATE TABLE contacts (name TEXT)")));
            q.finish();
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("other"));
        const QByteArray before = TestSupport::fileContents(path);
        HistoryStore store;
        CHECK_FALSE(store.open(path, true, &error));
        CHECK(error.contains(QStringLiteral("not a Gapwise history store")));
        CHECK(TestSupport::fileContents(path) == before);
    }
    SECTION("a path that cannot be written")
    {
        HistoryStore store;
        CHECK_FALSE(store.open(QStringLiteral("/proc/gapwise-no/history.sqlite"), true, &error));
        CHECK(error.contains(QStringLiteral("/proc/gapwise-no")));
    }
    SECTION("a missing store is not created by a read")
    {
        HistoryStore store;
        const QString path = dir.filePath(QStringLiteral("none.sqlite"));
        CHECK_FALSE(store.open(path, false, &error));
        CHECK(error.contains(QStringLiteral("no history store")));
        CHECK_FALSE(QFile::exists(path));
    }
}

TEST_CASE("triage sticks: failures of a triaged signature go to that gap, known issues are not new",
    "[history][store][sticky]")
{
    STORE_ON_EACH_BACKEND(location, backend, dir);
    HistoryStore store;
    QString error;
    REQUIRE(store.open(location, true, &error));
    HistorySeries::Spec spec;
    spec.tests = 100;
    // Run 0: a person put the always-failing tests (one cause: the missing module) into a gap.
    Report first = HistorySeries::report(spec, 0);
    Gap gap;
    gap.id = QStringLiteral("gap-legacy");
    gap.title = QStringLiteral("Legacy billing module removed");
    first.gaps.append(gap);
    for (TestCase &t : first.tests) {
        if (HistorySeries::kindOf(t.name.section(QLatin1Char('_'), -1).toInt()) == Kind::Failing)
            t.gapId = gap.id;
    }
    REQUIRE(store.addRun(makeRunRecord(first, QStringLiteral("r0"), QStringLiteral("h0"), {}), &error));
    // Run 1 places nothing: its failures of that cause are carried into the gap.
    const auto second = store.addRun(seriesRecord(spec, 1), &error);
    REQUIRE(second);
    CHECK(second->carried == 2); // tests 3 and 53
    const auto t = store.testHistory(HistorySeries::testName(53), &error);
    REQUIRE(t);
    CHECK(t->gaps.last() == gap.id);
    CHECK(t->carriedFrom.last() == 1);
    CHECK(t->carriedFrom.first() == 0); // run 0 placed it itself
    // Failures of other causes are not carried.
    CHECK(store.testHistory(HistorySeries::testName(52), &error)->gaps.last().isEmpty());

    const auto trends = store.gapTrends(store.runs(&error), &error);
    REQUIRE(trends);
    REQUIRE(trends->size() == 1);
    CHECK(trends->first().failures == QVector<int> { 2, 2 });

    // A new failure in a known issue's gap is known, not new: test 10 breaks with the legacy cause.
    REQUIRE(store.setKnownIssue(gap.id, QStringLiteral("BILL-42"), QStringLiteral("https://tracker/BILL-42"), &error));
    CHECK_FALSE(store.setKnownIssue(QStringLiteral("gap-none"), QStringLiteral("X-1"), QString(), &error));
    Report third = HistorySeries::report(spec, 2);
    third.tests[10].status = TestStatus::Failed;
    third.tests[10].message = QStringLiteral("ModuleNotFoundError: No module named 'legacy_billing'");
    REQUIRE(store.addRun(makeRunRecord(third, QStringLiteral("r2"), QStringLiteral("h2"), {}), &error));
    const auto summary = summariseHistory(store, 20, &error);
    REQUIRE(summary);
    CHECK(summary->newFailures == 1);
    CHECK(summary->knownFailures == 1);
    REQUIRE(summary->regressions.size() == 1);
    CHECK(summary->regressions.first().timeline.key == HistorySeries::testName(10));
    CHECK(summary->regressions.first().knownIssue == QStringLiteral("BILL-42"));
    const auto issues = store.knownIssues(&error);
    REQUIRE(issues);
    REQUIRE(issues->size() == 1);
    CHECK(issues->first().tracker == QStringLiteral("BILL-42"));
    CHECK(summary->gaps.first().tracker == QStringLiteral("BILL-42"));
}
