// SPDX-License-Identifier: GPL-3.0-or-later
// Two engineers' windows triage one stored run through the store (SharedTriageLink): one's edit reaches the
// other's session without going onto its undo stack, however it was made (an edit, an undo, a deletion, a merge,
// a move of 20,000 tests); edits made while the server is away are kept and shared when it is back. Conflicts:
// tst_shared_triage_conflicts.cpp. On SQLite and on the throwaway PostgreSQL cluster.
#include "sharedtriageengineers.h"
#include "storebackends.h"

#include <catch2/catch.hpp>

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QThread>

#include <cstdio>

using namespace Gapwise;
using namespace SharedTriageEngineers;
using SharedTriageSetup::storeRun;
using SharedTriageSetup::waitFor;
using StoreBackends::Backend;

TEST_CASE("two engineers triage one stored run: edits arrive, undo stays yours", "[history][store][shared][link]")
{
    const Backend backend = GENERATE(Backend::Sqlite, Backend::Postgres);
    TWO_ENGINEERS_OR_SKIP(backend, 20);

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
    CHECK(read.contains(QStringLiteral("%1 moved the test %2 to the new gap \u201cFlaky login\u201d")
                            .arg(by, ann.session.report().tests[4].name)));
    CHECK(read.count(QStringLiteral("%1 moved the test %2 to the new gap \u201cFlaky login\u201d")
                         .arg(by, ann.session.report().tests[4].name))
        == 1);
    CHECK(read.contains(QStringLiteral("%1 deleted the gap \u201cLogin fails\u201d, leaving 1 test unassigned")
                            .arg(ann.link->editorName())));
}

TEST_CASE("a move of 20,000 tests is written in one transaction and arrives whole, so is its undo",
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
    const QString edits = QStringLiteral("SELECT COUNT(*) FROM triage_edits WHERE run_id = %1").arg(runId);
    CHECK(StoreBackends::valueOnStore(location, edits, &error).toInt() == Tests);
    CHECK(StoreBackends::valueOnStore(location,
              QStringLiteral("SELECT COUNT(DISTINCT edited_at) FROM triage_edits WHERE run_id = %1").arg(runId), &error)
              .toInt()
        == 1);

    ann.session.undoStack()->undo();
    REQUIRE(waitFor([&] { return inGap(bob.session) == 0; }, 60000));
    CHECK(ann.link->conflicts().isEmpty());
    CHECK(StoreBackends::valueOnStore(location, edits, &error).toInt() == 2 * Tests);
    if (qEnvironmentVariableIsSet("GAPWISE_SHARED_MEASURE")) // a number for the README, not a timed test
        std::printf("%s: %d tests moved: written in %lld ms, in the other session after %lld ms\n",
            StoreBackends::name(backend), Tests, static_cast<long long>(written), static_cast<long long>(arrived));
}

TEST_CASE("edits made while the server is away are kept, counted and shared when it is back",
    "[history][store][shared][link][offline]")
{
    const SharedTriageSetup::QuickRetries quickRetries;
    TWO_ENGINEERS_OR_SKIP(Backend::Postgres, 20);

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
}

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

TEST_CASE("a window that starts sharing while the server is away links up when it is back",
    "[history][store][shared][link][offline]")
{
    STORE_TO_TAKE_AWAY_OR_SKIP(location, dir);
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
}
