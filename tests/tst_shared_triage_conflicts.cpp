// SPDX-License-Identifier: GPL-3.0-or-later
// Two engineers' edits of one stored run that meet (SharedTriageLink): two edits of one field at once, an undo
// over someone else's later edit, a deletion against an edit of the gap, edits made before sharing started. Each
// is a conflict reported to the engineer, never an overwrite; keeping theirs or writing yours over resolves it.
// On SQLite and on the throwaway PostgreSQL cluster.
#include "historystore.h"
#include "sharedtriageengineers.h"
#include "sharedtriagefixture.h"
#include "storebackends.h"

#include <catch2/catch.hpp>

#include <QCoreApplication>
#include <QThread>

using namespace Gapwise;
using namespace SharedTriageEngineers;
using SharedTriageSetup::waitFor;
using StoreBackends::Backend;

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

TEST_CASE(
    "two engineers set one gap's owner at once: one is told, neither is overwritten", "[history][store][shared][link]")
{
    const Backend backend = GENERATE(Backend::Sqlite, Backend::Postgres);
    TWO_ENGINEERS_OR_SKIP(backend, 20);

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
