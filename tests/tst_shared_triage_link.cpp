// SPDX-License-Identifier: GPL-3.0-or-later
// Two engineers' windows triage one stored run through the store (SharedTriageLink): one's edit reaches the
// other's session without going onto its undo stack; two edits of one field at once end in a conflict that is
// reported, never overwritten; an undo over someone else's later edit is a conflict too; edits made while the
// server is away are kept and shared when it is back. On SQLite and on the throwaway PostgreSQL cluster.
#include "historystore.h"
#include "sharedtriagefixture.h"
#include "sharedtriagelink.h"
#include "sharedtriagesetup.h"
#include "storebackends.h"
#include "storelocation.h"
#include "triagesession.h"

#include <catch2/catch.hpp>

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QProcess>
#include <QTemporaryDir>
#include <QThread>

#include <cstdio>
#include <functional>

using namespace Gapwise;
using SharedTriageSetup::storeRun;
using SharedTriageSetup::waitFor;
using StoreBackends::Backend;

namespace {

QString ownerIn(const TriageSession &session)
{
    return session.report().gaps[session.gapIndex(QStringLiteral("gap-1"))].owner;
}

QString storedOwner(const QString &location, qint64 runId)
{
    HistoryStore store;
    QString error;
    if (!store.open(location, false, &error))
        return QStringLiteral("<%1>").arg(error);
    const auto values = store.triageValues(runId, &error);
    for (const auto &[item, value] : *values) {
        if (item.kind == QLatin1String("gap") && item.key == QLatin1String("gap-1")
            && item.field == QLatin1String("owner"))
            return value.value;
    }
    return {};
}

struct Engineer
{
    TriageSession session;
    std::unique_ptr<SharedTriageLink> link;
    Engineer(const QString &location, qint64 runId, int tests = 20)
    {
        session.load(sharedTriageReport(tests));
        link = std::make_unique<SharedTriageLink>(&session, location, runId);
    }
};

// Two engineers' sessions linked to one new store's run, both ready. start() is false when the backend is
// skipped (PostgreSQL not installed: said with WARN).
struct TwoEngineers
{
    QTemporaryDir dir;
    QString location;
    qint64 runId = 0;
    std::unique_ptr<Engineer> ann, bob;

    bool start(Backend backend, int tests = 20)
    {
        QString skipped;
        location = StoreBackends::newStore(backend, dir.path(), &skipped);
        if (location.isEmpty()) {
            WARN("PostgreSQL half skipped: " << skipped.toStdString());
            return false;
        }
        runId = storeRun(location, tests);
        ann = std::make_unique<Engineer>(location, runId, tests);
        bob = std::make_unique<Engineer>(location, runId, tests);
        REQUIRE(waitFor([this] { return ann->link->isReady() && bob->link->isReady(); }));
        return true;
    }
};

} // namespace

// In a TEST_CASE: a new store on `backend` with its run of `tests` tests, and Ann and Bob (`two.ann`,
// `two.bob`, also as `ann` and `bob`) linked to it, ready.
#define TWO_ENGINEERS_OR_SKIP(backend, tests)                                                                          \
    INFO(StoreBackends::name(backend));                                                                                \
    TwoEngineers two;                                                                                                  \
    if (!two.start((backend), (tests)))                                                                                \
        return;                                                                                                        \
    Engineer &ann = *two.ann, &bob = *two.bob

TEST_CASE("two engineers triage one stored run: edits arrive, undo stays yours", "[history][store][shared][link]")
{
    const Backend backend = GENERATE(Backend::Sqlite, Backend::Postgres);
    TWO_ENGINEERS_OR_SKIP(backend, 20);
    const QString &location = two.location;
    const qint64 runId = two.runId;

    // Ann's edit reaches Bob's window within 2 s (PostgreSQL notifies; SQLite is read every 1.5 s) ...
    ann.session.setGapOwner(QStringLiteral("gap-1"), QStringLiteral("ann"));
    ann.session.moveTests({ ann.session.report().tests[3].id }, QStringLiteral("gap-1"));
    REQUIRE(waitFor([&] { return ownerIn(bob.session) == QLatin1String("ann"); }, 2500));
    REQUIRE(waitFor([&] { return bob.session.report().tests[3].gapId == QLatin1String("gap-1"); }, 2500));
    // ... not as an edit of his: his undo stack is empty, so undo cannot take Ann's edit away.
    CHECK(bob.session.undoStack()->count() == 0);
    CHECK_FALSE(bob.session.undoStack()->canUndo());
    CHECK(ann.link->unsharedCount() == 0);
    CHECK(ann.link->conflicts().isEmpty());
    CHECK(bob.link->conflicts().isEmpty());

    // Who made it and when, as both windows list it.
    REQUIRE(waitFor([&] { return bob.link->edits().size() >= 2; }));
    const SharedTriageEdit &owned = bob.link->edits().first();
    CHECK(owned.item.field == QLatin1String("owner"));
    CHECK(owned.newValue == QLatin1String("ann"));
    CHECK(owned.editor == ann.link->editorName());
    CHECK(owned.editedAt.isValid());

    // Ann undoes her own edit: shared like an edit, since nobody changed the field after her.
    ann.session.undoStack()->undo(); // the test's move
    ann.session.undoStack()->undo(); // the owner
    REQUIRE(waitFor([&] { return ownerIn(bob.session).isEmpty(); }, 2500));
    REQUIRE(waitFor([&] { return bob.session.report().tests[3].gapId.isEmpty(); }, 2500));
    CHECK(storedOwner(location, runId).isEmpty());

    // Many tests moved in one step arrive as many edits, all of them, and none of them Bob's to undo.
    QStringList many;
    for (int i = 0; i < 15; ++i)
        many << ann.session.report().tests[i].id;
    ann.session.moveTests(many, QStringLiteral("gap-1"));
    const auto inGap = [&bob] {
        int n = 0;
        for (const TestCase &t : bob.session.report().tests)
            n += t.gapId == QLatin1String("gap-1") ? 1 : 0;
        return n;
    };
    REQUIRE(waitFor([&] { return inGap() == 15; }, 5000));
    CHECK(bob.session.undoStack()->count() == 0);
    CHECK(ann.link->unsharedCount() == 0);
}

TEST_CASE(
    "two engineers who create a gap at the same moment make two gaps, not a conflict", "[history][store][shared][link]")
{
    const Backend backend = GENERATE(Backend::Sqlite, Backend::Postgres);
    TWO_ENGINEERS_OR_SKIP(backend, 20);

    // Both create before either hears of the other's gap (same role here: the ids still differ).
    const QString annGap = ann.session.createGap(QStringLiteral("Timeouts"));
    const QString bobGap = bob.session.createGap(QStringLiteral("Currency"));
    CHECK(annGap != bobGap);
    CHECK_FALSE(annGap.startsWith(QLatin1String("user-")));
    ann.session.moveTests({ ann.session.report().tests[1].id }, annGap);
    bob.session.moveTests({ bob.session.report().tests[2].id }, bobGap);

    const auto hasBoth = [&](const TriageSession &s) {
        const int a = s.gapIndex(annGap), b = s.gapIndex(bobGap);
        return a >= 0 && b >= 0 && s.report().gaps[a].title == QLatin1String("Timeouts")
            && s.report().gaps[b].title == QLatin1String("Currency");
    };
    // The gap and the move are two undo steps, so two transactions that may arrive in two polls: wait for both.
    REQUIRE(waitFor(
        [&] {
            return hasBoth(ann.session) && hasBoth(bob.session) && ann.session.report().tests[2].gapId == bobGap
                && bob.session.report().tests[1].gapId == annGap;
        },
        5000));
    CHECK(ann.session.report().gaps.size() == 4); // gap-1, the suggestion, theirs, yours
    CHECK(bob.session.report().gaps.size() == 4);
    CHECK(ann.session.report().tests[2].gapId == bobGap);
    CHECK(bob.session.report().tests[1].gapId == annGap);
    CHECK(ann.link->conflicts().isEmpty());
    CHECK(bob.link->conflicts().isEmpty());
    CHECK(ann.link->unsharedCount() == 0);
    CHECK(bob.link->unsharedCount() == 0);

    // A session that is not shared (or no longer) names its gaps as before.
    ann.link.reset();
    CHECK(ann.session.createGap(QStringLiteral("Local")).startsWith(QLatin1String("user-")));
}

TEST_CASE("deleting, merging and accepting a gap are shared, and undone by their author only",
    "[history][store][shared][link]")
{
    const Backend backend = GENERATE(Backend::Sqlite, Backend::Postgres);
    TWO_ENGINEERS_OR_SKIP(backend, 20);
    const QString gap1 = QStringLiteral("gap-1"), suggested = QStringLiteral("suggested-1");
    const QString test3 = ann.session.report().tests[3].id, test4 = ann.session.report().tests[4].id;
    ann.session.moveTests({ test3 }, gap1);
    ann.session.setGapOwner(gap1, QStringLiteral("ann"));
    REQUIRE(waitFor([&] { return ownerIn(bob.session) == QLatin1String("ann"); }, 5000));

    // Ann deletes gap-1: gone from Bob's tree, its test unassigned there too; not on his undo stack.
    ann.session.deleteGap(gap1);
    REQUIRE(waitFor([&] { return bob.session.gapIndex(gap1) < 0; }, 5000));
    CHECK(bob.session.report().tests[3].gapId.isEmpty());
    CHECK(bob.session.undoStack()->count() == 0);
    // Her undo brings it back for Bob, with its owner and its test.
    ann.session.undoStack()->undo();
    REQUIRE(waitFor([&] { return bob.session.gapIndex(gap1) >= 0; }, 5000));
    REQUIRE(waitFor([&] { return bob.session.report().tests[3].gapId == gap1; }, 5000));
    CHECK(ownerIn(bob.session) == QLatin1String("ann"));

    // Bob makes a gap and merges it into gap-1: in Ann's tree the gap goes, its test lands in gap-1.
    const QString bobs = bob.session.moveTestsToNewGap({ test4 }, QStringLiteral("Flaky login"));
    REQUIRE(waitFor([&] { return ann.session.report().tests[4].gapId == bobs; }, 5000));
    bob.session.mergeGaps(bobs, gap1);
    REQUIRE(waitFor([&] { return ann.session.gapIndex(bobs) < 0; }, 5000));
    CHECK(ann.session.report().tests[4].gapId == gap1);

    // Bob accepts Gapwise's suggestion: in Ann's tree it is a person's gap now, its test placed by a person.
    bob.session.acceptSuggestedGap(suggested);
    REQUIRE(waitFor([&] { return !ann.session.report().gaps[ann.session.gapIndex(suggested)].suggested; }, 5000));
    CHECK_FALSE(ann.session.report().tests.last().gapSuggested);
    CHECK(ann.session.report().tests.last().gapId == suggested);
    CHECK(ann.link->conflicts().isEmpty());
    CHECK(bob.link->conflicts().isEmpty());
    CHECK(ann.session.report().gaps.size() == bob.session.report().gaps.size());

    // Ann's History pane reads them as sentences: who merged and accepted what.
    QStringList read;
    for (const SharedEditLine &line : ann.link->readable(ann.link->edits()))
        read << line.sentence;
    INFO(read.join(QLatin1Char('\n')).toStdString());
    const QString by = bob.link->editorName();
    CHECK(read.contains(QStringLiteral("%1 accepted the suggested gap \u201cLooks like a timeout\u201d").arg(by)));
    CHECK(read.contains(
        QStringLiteral("%1 merged the gap \u201cFlaky login\u201d into \u201cLogin fails\u201d (1 test)").arg(by)));
    CHECK(read.contains(QStringLiteral("%1 created the gap \u201cFlaky login\u201d").arg(by)));
    CHECK(read.contains(QStringLiteral("%1 deleted the gap \u201cLogin fails\u201d, leaving 1 test unassigned")
                            .arg(ann.link->editorName())));
}

TEST_CASE("a gap deleted by one engineer while another puts a test into it is a conflict, not a loss",
    "[history][store][shared][link]")
{
    const Backend backend = GENERATE(Backend::Sqlite, Backend::Postgres);
    TWO_ENGINEERS_OR_SKIP(backend, 20);
    const QString gap1 = QStringLiteral("gap-1");
    // At the same moment: Ann deletes gap-1, Bob moves a test into it.
    ann.session.deleteGap(gap1);
    bob.session.moveTests({ bob.session.report().tests[5].id }, gap1);
    REQUIRE(waitFor([&] { return !ann.link->conflicts().isEmpty() && !bob.link->conflicts().isEmpty(); }, 5000));
    // Bob's window keeps the gap and his test until he chooses; Ann's keeps it deleted until she does.
    CHECK(bob.session.gapIndex(gap1) >= 0);
    CHECK(bob.session.report().tests[5].gapId == gap1);
    CHECK(ann.session.gapIndex(gap1) < 0);
    CHECK(bob.link->conflicts().first().item.field == QLatin1String("deleted"));
    CHECK(bob.link->conflicts().first().theirs.editor == ann.link->editorName());
    CHECK(ann.link->conflicts().first().item.field == QLatin1String("deleted"));

    SECTION("Ann keeps Bob's: the gap is back for both, with Bob's test in it")
    {
        ann.link->keepTheirs(0);
        CHECK(ann.session.gapIndex(gap1) >= 0);
        CHECK(ann.session.report().tests[5].gapId == gap1);
        CHECK(ann.session.report().gaps[ann.session.gapIndex(gap1)].title == QLatin1String("Login fails"));
        REQUIRE(waitFor([&] { return bob.link->conflicts().isEmpty(); }, 5000));
        CHECK(bob.session.gapIndex(gap1) >= 0);
        CHECK(ann.link->conflicts().isEmpty());
    }
    SECTION("Bob keeps Ann's deletion: the gap is gone for both, his test unassigned in the store too")
    {
        bob.link->keepTheirs(0);
        CHECK(bob.session.gapIndex(gap1) < 0);
        CHECK(bob.session.report().tests[5].gapId.isEmpty());
        CHECK(bob.session.undoStack()->count() == 1); // his move, still his to undo
        REQUIRE(waitFor([&] { return bob.link->unsharedCount() == 0; }, 5000));
        ann.link->writeMineOver(0); // hers was the deletion: it stays
        REQUIRE(waitFor([&] { return ann.link->unsharedCount() == 0; }, 5000));
        CHECK(ann.session.gapIndex(gap1) < 0);
        CHECK(ann.session.report().tests[5].gapId.isEmpty());
    }
}

TEST_CASE("a move of 20,000 tests is written in one transaction and arrives whole; so is its undo",
    "[history][store][shared][link][big]")
{
    const Backend backend = GENERATE(Backend::Sqlite, Backend::Postgres);
    constexpr int Tests = 20000;
    TWO_ENGINEERS_OR_SKIP(backend, Tests);
    QStringList all;
    for (const TestCase &t : ann.session.report().tests)
        all << t.id;
    const auto inGap = [](const TriageSession &s) {
        int n = 0;
        for (const TestCase &t : s.report().tests)
            n += t.gapId == QLatin1String("gap-1") ? 1 : 0;
        return n;
    };

    QElapsedTimer timer;
    timer.start();
    ann.session.moveTests(all, QStringLiteral("gap-1"));
    REQUIRE(waitFor([&] { return ann.link->unsharedCount() == 0; }, 120000));
    const qint64 written = timer.elapsed();
    REQUIRE(waitFor([&] { return inGap(bob.session) == Tests; }, 60000));
    const qint64 arrived = timer.elapsed();
    CHECK(bob.session.undoStack()->count() == 0);
    CHECK(ann.link->conflicts().isEmpty());
    // One transaction: every edit of the move has the same time, and the store holds all of them.
    QString error;
    const QString edits = QStringLiteral("SELECT COUNT(*) FROM triage_edits WHERE run_id = %1").arg(two.runId);
    CHECK(StoreBackends::valueOnStore(two.location, edits, &error).toInt() == Tests);
    CHECK(StoreBackends::valueOnStore(two.location,
              QStringLiteral("SELECT COUNT(DISTINCT edited_at) FROM triage_edits WHERE run_id = %1").arg(two.runId),
              &error)
              .toInt()
        == 1);

    ann.session.undoStack()->undo();
    REQUIRE(waitFor([&] { return inGap(bob.session) == 0; }, 60000));
    CHECK(ann.link->conflicts().isEmpty());
    CHECK(StoreBackends::valueOnStore(two.location, edits, &error).toInt() == 2 * Tests);
    if (qEnvironmentVariableIsSet("GAPWISE_SHARED_MEASURE")) // a number for the README, not a timed test
        std::printf("%s: %d tests moved: written in %lld ms, in the other session after %lld ms\n",
            StoreBackends::name(backend), Tests, static_cast<long long>(written), static_cast<long long>(arrived));
}

TEST_CASE(
    "two engineers set one gap's owner at once: one is told, neither is overwritten", "[history][store][shared][link]")
{
    const Backend backend = GENERATE(Backend::Sqlite, Backend::Postgres);
    TWO_ENGINEERS_OR_SKIP(backend, 20);
    const QString &location = two.location;
    const qint64 runId = two.runId;

    // Both edit before either hears of the other: both writes are based on version 0.
    ann.session.setGapOwner(QStringLiteral("gap-1"), QStringLiteral("ann"));
    bob.session.setGapOwner(QStringLiteral("gap-1"), QStringLiteral("bob"));
    REQUIRE(waitFor([&] { return ann.link->conflicts().size() + bob.link->conflicts().size() == 1; }));
    const bool annLost = !ann.link->conflicts().isEmpty();
    Engineer &loser = annLost ? ann : bob;
    Engineer &winner = annLost ? bob : ann;
    const QString loserValue = annLost ? QStringLiteral("ann") : QStringLiteral("bob");
    const QString winnerValue = annLost ? QStringLiteral("bob") : QStringLiteral("ann");
    const SharedTriageLink::Conflict conflict = loser.link->conflicts().first();
    CHECK(conflict.item.field == QLatin1String("owner"));
    CHECK(conflict.mine == loserValue);
    CHECK(conflict.theirs.value == winnerValue);
    CHECK(conflict.theirs.editor == winner.link->editorName());
    CHECK(conflict.theirs.editedAt.isValid());
    // Nothing was overwritten: the store has the winner's value, the loser's window still shows the loser's.
    CHECK(storedOwner(location, runId) == winnerValue);
    CHECK(ownerIn(loser.session) == loserValue);
    QThread::msleep(300);
    QCoreApplication::processEvents();
    CHECK(ownerIn(loser.session) == loserValue);

    SECTION("keep theirs: the loser's window takes the other value, not as an undoable edit")
    {
        const int undoable = loser.session.undoStack()->count();
        loser.link->keepTheirs(0);
        CHECK(loser.link->conflicts().isEmpty());
        CHECK(ownerIn(loser.session) == winnerValue);
        CHECK(loser.session.undoStack()->count() == undoable);
        QThread::msleep(300);
        QCoreApplication::processEvents();
        CHECK(storedOwner(location, runId) == winnerValue);
    }
    SECTION("write mine over: both windows end with the loser's value")
    {
        loser.link->writeMineOver(0);
        CHECK(loser.link->conflicts().isEmpty());
        REQUIRE(waitFor([&] { return ownerIn(winner.session) == loserValue; }, 2500));
        CHECK(storedOwner(location, runId) == loserValue);
        CHECK(winner.link->conflicts().isEmpty());
    }
}

TEST_CASE("an undo over someone else's later edit is a conflict, not an overwrite", "[history][store][shared][link]")
{
    const Backend backend = GENERATE(Backend::Sqlite, Backend::Postgres);
    TWO_ENGINEERS_OR_SKIP(backend, 20);
    const QString &location = two.location;
    const qint64 runId = two.runId;

    ann.session.setGapOwner(QStringLiteral("gap-1"), QStringLiteral("ann"));
    REQUIRE(waitFor([&] { return ownerIn(bob.session) == QLatin1String("ann"); }));
    bob.session.setGapOwner(QStringLiteral("gap-1"), QStringLiteral("bob")); // he saw Ann's: a deliberate edit
    REQUIRE(waitFor([&] { return ownerIn(ann.session) == QLatin1String("bob"); }));
    CHECK(bob.link->conflicts().isEmpty());
    CHECK(ann.link->conflicts().isEmpty());

    ann.session.undoStack()->undo(); // Ann's owner edit, made before Bob's
    REQUIRE(waitFor([&] { return ann.link->conflicts().size() == 1; }));
    const SharedTriageLink::Conflict conflict = ann.link->conflicts().first();
    CHECK(conflict.mine.isEmpty());
    CHECK(conflict.theirs.value == QLatin1String("bob"));
    CHECK(conflict.theirs.editor == bob.link->editorName());
    CHECK(storedOwner(location, runId) == QLatin1String("bob"));
    QThread::msleep(300);
    QCoreApplication::processEvents();
    CHECK(ownerIn(bob.session) == QLatin1String("bob"));
}

TEST_CASE("edits made while the server is away are kept, counted and shared when it is back",
    "[history][store][shared][link][offline]")
{
    qputenv("GAPWISE_SHARED_RETRY_MS", "300");
    TWO_ENGINEERS_OR_SKIP(Backend::Postgres, 20);
    const QString &location = two.location;
    const qint64 runId = two.runId;

    // The server goes away for this database: new connections refused, the open ones ended.
    QString error;
    INFO(error.toStdString());
    REQUIRE(SharedTriageSetup::setServerReachable(location, false, &error));

    ann.session.setGapOwner(QStringLiteral("gap-1"), QStringLiteral("ann"));
    ann.session.setGapStatus(QStringLiteral("gap-1"), GapStatus::InProgress);
    REQUIRE(waitFor([&] { return !ann.link->isOnline(); }));
    CHECK(ann.link->unsharedCount() == 2);
    CHECK_FALSE(ann.link->lastError().isEmpty());
    QThread::msleep(1000); // a few retries fail meanwhile
    QCoreApplication::processEvents();
    CHECK(ann.link->unsharedCount() == 2);
    CHECK(ownerIn(bob.session).isEmpty());

    REQUIRE(SharedTriageSetup::setServerReachable(location, true, &error));
    REQUIRE(waitFor([&] { return ann.link->isOnline() && ann.link->unsharedCount() == 0; }));
    CHECK(storedOwner(location, runId) == QLatin1String("ann"));
    REQUIRE(waitFor([&] { return ownerIn(bob.session) == QLatin1String("ann"); }));
    REQUIRE(waitFor([&] {
        return bob.session.report().gaps[bob.session.gapIndex(QStringLiteral("gap-1"))].status == GapStatus::InProgress;
    }));
    CHECK(ann.link->conflicts().isEmpty());
    qunsetenv("GAPWISE_SHARED_RETRY_MS");
}

namespace {

// The next line a child printed (trimmed); empty after `ms` without one.
QString nextLine(QProcess &child, int ms = 15000)
{
    const QDeadlineTimer deadline(ms);
    while (!child.canReadLine()) {
        if (deadline.hasExpired() || !child.waitForReadyRead(int(qMax<qint64>(1, deadline.remainingTime()))))
            return {};
    }
    return QString::fromUtf8(child.readLine()).trimmed();
}

void startChild(QProcess &child, const QString &location, qint64 runId)
{
    child.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    child.start(QStringLiteral(GAPWISE_SHARED_TRIAGE_CHILD), { location, QString::number(runId) });
    REQUIRE(child.waitForStarted(10000));
}

// Ann's and Bob's processes (the shared-triage child) on one stored run, each started, ready and named.
struct TwoEngineerProcesses
{
    QProcess ann, bob;
    QString annName, bobName;

    TwoEngineerProcesses(const QString &location, qint64 runId)
    {
        startChild(ann, location, runId);
        startChild(bob, location, runId);
        const QString annReady = nextLine(ann), bobReady = nextLine(bob);
        REQUIRE(annReady.startsWith(QStringLiteral("ready ")));
        REQUIRE(bobReady.startsWith(QStringLiteral("ready ")));
        annName = annReady.mid(6);
        bobName = bobReady.mid(6);
    }
    // The end of their input ends both; each must exit by itself.
    void finish()
    {
        ann.closeWriteChannel();
        bob.closeWriteChannel();
        CHECK(ann.waitForFinished(10000));
        CHECK(bob.waitForFinished(10000));
    }
};

} // namespace

// A store on each backend (a section each, skipped with a message where PostgreSQL is absent) holding one run.
#define STORED_RUN_ON_EACH_BACKEND(location, runId)                                                                    \
    QTemporaryDir dir;                                                                                                 \
    const Backend backend = GENERATE(Backend::Sqlite, Backend::Postgres);                                              \
    INFO(StoreBackends::name(backend));                                                                                \
    STORE_OR_SKIP(location, backend, dir.path());                                                                      \
    const qint64 runId = storeRun(location)

TEST_CASE("two engineers' processes on one store: an edit arrives within 2 s, a conflicting one is reported",
    "[history][store][shared][link][process]")
{
    STORED_RUN_ON_EACH_BACKEND(location, runId);
    TwoEngineerProcesses engineers(location, runId);
    QProcess &ann = engineers.ann, &bob = engineers.bob;

    // Ann's process edits; Bob's sees it within 2 s (PostgreSQL notifies; SQLite is read every 1.5 s).
    QElapsedTimer timer;
    timer.start();
    ann.write("owner ann\n");
    CHECK(nextLine(ann) == QStringLiteral("written"));
    CHECK(nextLine(bob) == QStringLiteral("owner ann"));
    CHECK(timer.elapsed() < 2000);

    // Both set the owner at once, each on top of version 1: one is written, the other told whose value won.
    ann.write("owner ann2\n");
    bob.write("owner bob2\n");
    const QString annSays = nextLine(ann), bobSays = nextLine(bob);
    INFO("ann: " << annSays.toStdString() << "; bob: " << bobSays.toStdString());
    const bool annWon = annSays == QLatin1String("written");
    CHECK(annWon != (bobSays == QLatin1String("written")));
    if (annWon)
        CHECK(bobSays == QStringLiteral("conflict ann2 %1").arg(engineers.annName));
    else
        CHECK(annSays == QStringLiteral("conflict bob2 %1").arg(engineers.bobName));
    CHECK(storedOwner(location, runId) == (annWon ? QStringLiteral("ann2") : QStringLiteral("bob2")));

    engineers.finish();
}

namespace {

// The first line a child printed about a conflict ("told …" or "conflict …"), past others' edits arriving.
QString nextConflict(QProcess &child)
{
    for (QString line = nextLine(child); !line.isEmpty(); line = nextLine(child)) {
        if (line.startsWith(QLatin1String("told ")) || line.startsWith(QLatin1String("conflict ")))
            return line;
    }
    return {};
}

} // namespace

TEST_CASE("a deletion that crosses another engineer's rename of the gap is shown to both, nothing lost",
    "[history][store][shared][link][process]")
{
    STORED_RUN_ON_EACH_BACKEND(location, runId);
    TwoEngineerProcesses engineers(location, runId);
    QProcess &ann = engineers.ann, &bob = engineers.bob;
    const QString &annName = engineers.annName, &bobName = engineers.bobName;

    // At the same moment: Ann deletes gap-1, Bob renames it. Different fields: the store takes both.
    ann.write("delete\n");
    bob.write("title Login fails on Safari\n");
    const QString annSays = nextLine(ann), bobSays = nextLine(bob);
    INFO("ann: " << annSays.toStdString() << "; bob: " << bobSays.toStdString());
    // Each is told about the other's edit: as the answer to their own write when the other's arrived while it
    // was under way, or as soon as it arrives after.
    const QString annTold = annSays.startsWith(QLatin1String("conflict")) ? annSays : nextConflict(ann);
    const QString bobTold = bobSays.startsWith(QLatin1String("conflict")) ? bobSays : nextConflict(bob);
    INFO("ann told: " << annTold.toStdString() << "; bob told: " << bobTold.toStdString());
    // Ann: her deletion against Bob's edit of the gap (he keeps it).
    CHECK((annTold == QStringLiteral("told deleted|deleted|kept|%1").arg(bobName)
        || annTold == QStringLiteral("conflict  %1").arg(bobName)));
    // Bob, whose gap was deleted under him: his kept gap against Ann's deletion, not a silent loss.
    CHECK((bobTold == QStringLiteral("told deleted|kept|deleted|%1").arg(annName)
        || bobTold == QStringLiteral("conflict yes %1").arg(annName)));
    // Both values are still in the store: the deletion and Bob's title, each with its author.
    QString error;
    const QVariant title = StoreBackends::valueOnStore(location,
        QStringLiteral("SELECT value || '|' || editor FROM triage_values WHERE item_key = 'gap-1' AND field = 'title'"),
        &error);
    INFO(error.toStdString());
    CHECK(title.toString() == QStringLiteral("Login fails on Safari|%1").arg(bobName));
    CHECK(StoreBackends::valueOnStore(location,
              QStringLiteral("SELECT value FROM triage_values WHERE item_key = 'gap-1' AND field = 'deleted'"), &error)
              .toString()
        == QLatin1String("yes"));

    engineers.finish();
}

TEST_CASE("a gap you renamed and someone else deleted after stays in your window until you choose",
    "[history][store][shared][link]")
{
    const Backend backend = GENERATE(Backend::Sqlite, Backend::Postgres);
    TWO_ENGINEERS_OR_SKIP(backend, 20);
    const QString gap1 = QStringLiteral("gap-1");
    // Bob's rename is written and known to the store before Ann's deletion arrives in his window.
    bob.session.renameGap(gap1, QStringLiteral("Login fails on Safari"));
    REQUIRE(waitFor([&] { return bob.link->unsharedCount() == 0; }, 5000));
    // Ann even saw it: the store cannot tell, so Bob is told all the same.
    REQUIRE(waitFor(
        [&] { return ann.session.report().gaps[ann.session.gapIndex(gap1)].title.endsWith(QLatin1String("Safari")); },
        5000));
    ann.session.deleteGap(gap1);
    REQUIRE(waitFor([&] { return !bob.link->conflicts().isEmpty(); }, 5000));
    const SharedTriageLink::Conflict told = bob.link->conflicts().first();
    CHECK(told.item.field == QLatin1String("deleted"));
    CHECK(told.mine.isEmpty()); // kept, in his window
    CHECK(told.theirs.value == QLatin1String("yes"));
    CHECK(told.theirs.editor == ann.link->editorName());
    CHECK(bob.link->describe(told.item) == QStringLiteral("Deletion of gap \u201cLogin fails on Safari\u201d"));
    REQUIRE(bob.session.gapIndex(gap1) >= 0);

    SECTION("he keeps Ann's deletion: gone for him too")
    {
        bob.link->keepTheirs(0);
        CHECK(bob.session.gapIndex(gap1) < 0);
    }
    SECTION("he writes his over: the gap is back for Ann, with his title")
    {
        bob.link->writeMineOver(0);
        REQUIRE(waitFor([&] { return ann.session.gapIndex(gap1) >= 0; }, 5000));
        CHECK(ann.session.report().gaps[ann.session.gapIndex(gap1)].title == QLatin1String("Login fails on Safari"));
    }
}

TEST_CASE("edits made before sharing started are written, or are conflicts where the store has another value",
    "[history][store][shared][link]")
{
    STORED_RUN_ON_EACH_BACKEND(location, runId);
    {
        HistoryStore store;
        QString error;
        REQUIRE(store.open(location, false, &error));
        REQUIRE(store
                    .writeTriage(runId, { QStringLiteral("gap"), QStringLiteral("gap-1"), QStringLiteral("title") },
                        QStringLiteral("Login fails on Safari"), 0, &error)
                    ->written);
    }
    // A restored recovery file: the owner and the title changed while the window was not sharing.
    TriageSession session;
    session.load(sharedTriageReport());
    session.setGapOwner(QStringLiteral("gap-1"), QStringLiteral("carol"));
    session.renameGap(QStringLiteral("gap-1"), QStringLiteral("Login fails everywhere"));
    SharedTriageLink link(&session, location, runId);
    REQUIRE(waitFor([&] { return link.isReady() && link.unsharedCount() == 0; }));
    CHECK(storedOwner(location, runId) == QLatin1String("carol"));
    REQUIRE(link.conflicts().size() == 1);
    CHECK(link.conflicts().first().item.field == QLatin1String("title"));
    CHECK(link.conflicts().first().mine == QLatin1String("Login fails everywhere"));
    CHECK(link.conflicts().first().theirs.value == QLatin1String("Login fails on Safari"));
    CHECK(session.report().gaps[session.gapIndex(QStringLiteral("gap-1"))].title
        == QLatin1String("Login fails everywhere"));
}

TEST_CASE("a window that starts sharing while the server is away links up when it is back",
    "[history][store][shared][link][offline]")
{
    QTemporaryDir dir;
    STORE_OR_SKIP(location, Backend::Postgres, dir.path());
    qputenv("GAPWISE_SHARED_RETRY_MS", "300");
    const qint64 runId = storeRun(location);
    QString error;
    INFO(error.toStdString());
    REQUIRE(SharedTriageSetup::setServerReachable(location, false, &error));

    Engineer ann(location, runId);
    REQUIRE(waitFor([&] { return !ann.link->isOnline(); }));
    CHECK_FALSE(ann.link->isReady());
    ann.session.setGapOwner(QStringLiteral("gap-1"), QStringLiteral("ann"));
    QThread::msleep(700);
    QCoreApplication::processEvents();
    CHECK_FALSE(ann.link->isOnline());

    REQUIRE(SharedTriageSetup::setServerReachable(location, true, &error));
    REQUIRE(waitFor([&] { return ann.link->isReady() && ann.link->isOnline() && ann.link->unsharedCount() == 0; }));
    CHECK(storedOwner(location, runId) == QLatin1String("ann"));
    qunsetenv("GAPWISE_SHARED_RETRY_MS");
}
