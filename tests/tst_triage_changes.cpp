// SPDX-License-Identifier: GPL-3.0-or-later
// "What the triage changed" is read from the edits in force, never guessed from a before/after diff: the
// same in the plan, every writer and a saved session exported from the command line. Remediation items
// and actions follow a merged gap.
#include "testsupport.h"

#include "planformats.h"
#include "planwriters.h"
#include "sessionfile.h"
#include "triagechanges.h"
#include "triagesession.h"

#include <catch2/catch.hpp>

#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>

using namespace Gapwise;
using namespace TestSupport;

namespace {

QString gapIdTitled(const Report &r, const QString &prefix)
{
    for (const Gap &g : r.gaps) {
        if (g.title.startsWith(prefix))
            return g.id;
    }
    return {};
}

QStringList testsOf(const Report &r, const QString &gapId)
{
    QStringList ids;
    for (const TestCase &t : r.tests) {
        if (t.gapId == gapId)
            ids << t.id;
    }
    return ids;
}

QStringList jsonStrings(const QJsonValue &v)
{
    QStringList out;
    for (const QJsonValue &s : v.toArray())
        out << s.toString();
    return out;
}

} // namespace

TEST_CASE(
    "The seed triaged as in issue 14: created, moved, deleted and merged are told as they were made", "[plan][changes]")
{
    const QString seed = sharedPath(QStringLiteral("seeds/000_42158a470332176e.txt"));
    if (seed.isEmpty()) {
        WARN("../shared/seeds is absent: skipped");
        return;
    }
    TriageSession session;
    session.load(importOrFail(seed));
    const Report &imported = session.imported();
    const QString ws = gapIdTitled(imported, QStringLiteral("WebSocket Manager"));
    const QString quality = gapIdTitled(imported, QStringLiteral("Quality Router"));
    const QString router = gapIdTitled(imported, QStringLiteral("MessageRouter Fragmentation"));
    REQUIRE(!ws.isEmpty());
    REQUIRE(!quality.isEmpty());
    REQUIRE(!router.isEmpty());
    const QStringList wsTests = testsOf(imported, ws);
    REQUIRE(wsTests.size() == 2);

    const QString staging = session.createGap(QStringLiteral("Staging network timeouts"));
    session.moveTests(wsTests, staging);
    session.deleteGap(ws);
    session.mergeGaps(quality, router);

    const RemediationPlan plan = buildPlan(session);
    const TriageChanges &c = plan.changes;
    CHECK(c.createdGaps == QStringList { QStringLiteral("Staging network timeouts") });
    CHECK(c.movedTests == 2);
    CHECK(c.deletedGaps == QStringList { QStringLiteral("WebSocket Manager Interface Mismatches") });
    CHECK(c.mergedGaps
        == QStringList { QStringLiteral("Quality Router Fragmentation → MessageRouter Fragmentation Conflicts") });
    CHECK(c.renamedGaps.isEmpty());
    // The window's summary (only the moved tests looked up) says the same as the plan's.
    const TriageChanges window = summarizeEdits(session).changes;
    CHECK(window.movedTests == c.movedTests);
    CHECK(window.createdGaps == c.createdGaps);
    CHECK(window.mergedGaps == c.mergedGaps);
    CHECK(window.deletedGaps == c.deletedGaps);

    // The merged gap's remediation item follows it into the merge target; none is left "linked to no gap".
    bool followed = false;
    for (const PlanGap &g : plan.gaps) {
        for (const RemediationItem &item : g.remediation) {
            if (item.title.startsWith(QStringLiteral("Quality Router Refactoring")))
                followed = g.gap.id == router;
        }
    }
    CHECK(followed);
    for (const RemediationItem &item : plan.otherRemediation)
        CHECK_FALSE(item.title.startsWith(QStringLiteral("Quality Router")));

    // Every writer says the same.
    const QJsonObject changes = planToJson(plan).value(QStringLiteral("changes")).toObject();
    CHECK(changes.value(QStringLiteral("movedTests")).toInt() == 2);
    CHECK(jsonStrings(changes.value(QStringLiteral("deletedGaps"))) == c.deletedGaps);
    CHECK(jsonStrings(changes.value(QStringLiteral("mergedGaps"))) == c.mergedGaps);
    CHECK(jsonStrings(changes.value(QStringLiteral("createdGaps"))) == c.createdGaps);
    const QString markdown = QString::fromUtf8(planToMarkdown(plan));
    CHECK(markdown.contains(QStringLiteral("2 tests moved to another gap")));
    for (const QString &line : changeLines(c)) // escaped as Markdown, each line as the window shows it
        CHECK(markdown.contains(QStringLiteral("- ") + line.simplified()));
    CHECK(markdown.contains(QStringLiteral("WebSocket Manager Interface Mismatches")));
    CHECK_FALSE(markdown.contains(QStringLiteral("WebSocket Manager Interface Mismatches → ")));

    // The same session saved and exported headlessly (`gapwise export --session`) tells the same changes.
    QTemporaryDir dir;
    const QString sessionPath = dir.filePath(QStringLiteral("seed.gapwise"));
    QString error;
    REQUIRE(writeFileAtomically(
        sessionPath, SessionFile::fromSession(session, seed, QString()).toJson(sessionPath), &error));
    Report triaged;
    QVector<QJsonObject> edits;
    REQUIRE(loadTriagedReport(sessionPath, &triaged, &error, &edits));
    const RemediationPlan headless = buildPlan(imported, triaged, edits, QDateTime());
    CHECK(headless.changes.movedTests == c.movedTests);
    CHECK(headless.changes.createdGaps == c.createdGaps);
    CHECK(headless.changes.mergedGaps == c.mergedGaps);
    CHECK(headless.changes.deletedGaps == c.deletedGaps);
}

TEST_CASE("Edits that cancel out are no change, undone edits are none", "[plan][changes]")
{
    TriageSession session;
    session.load(importOrFail(QStringLiteral(GAPWISE_SAMPLE_REPORT)));
    const Report &r = session.report();
    const QString first = r.gaps[0].id;
    const QString title = r.gaps[0].title;

    SECTION("a gap created then deleted")
    {
        const QString id = session.createGap(QStringLiteral("Scratch"));
        session.deleteGap(id);
    }
    SECTION("a rename then a rename back")
    {
        session.renameGap(first, QStringLiteral("Something else"));
        session.renameGap(first, title);
    }
    SECTION("a test moved away and back")
    {
        const QString test = testsOf(r, first).first();
        session.moveTests({ test }, r.gaps[1].id);
        session.moveTests({ test }, first);
    }
    SECTION("a merge undone")
    {
        session.mergeGaps(r.gaps[2].id, first);
        session.undoStack()->undo();
    }
    SECTION("a priority and an owner set and set back")
    {
        const Priority before = r.gaps[0].priority;
        const QString owner = r.gaps[0].owner; // `r` is the session's report: read before it changes
        session.setGapPriority(first, before == Priority::P0 ? Priority::P2 : Priority::P0);
        session.setGapPriority(first, before);
        session.setGapOwner(first, QStringLiteral("someone"));
        session.setGapOwner(first, owner);
    }
    CHECK_FALSE(buildPlan(session).changes.any());
}

TEST_CASE("A gap's priority, status, owner and notes edited are told, once per gap, in every format", "[plan][changes]")
{
    // QA: P0 → P2, an owner and notes set on one gap, and "What the triage changed" listed none of it.
    TriageSession session;
    session.load(importOrFail(QStringLiteral(GAPWISE_SAMPLE_REPORT)));
    const Gap gap = session.report().gaps[0];
    REQUIRE(gap.owner.isEmpty());
    REQUIRE(gap.notes.isEmpty());
    const Priority to = gap.priority == Priority::P2 ? Priority::P1 : Priority::P2;
    session.setGapPriority(gap.id, Priority::P0);
    session.setGapPriority(gap.id, to); // only the net change is told
    session.setGapOwner(gap.id, QStringLiteral("Zoë Müller"));
    session.setGapNotes(gap.id, QStringLiteral("Ask the payments team first."));

    const RemediationPlan plan = buildPlan(session);
    const QString from = priorityName(gap.priority).isEmpty() ? QStringLiteral("none") : priorityName(gap.priority);
    const QString expected
        = gap.title + QStringLiteral(": priority %1 → %2, owner Zoë Müller, notes added").arg(from, priorityName(to));
    CHECK(plan.changes.editedGaps == QStringList { expected });
    CHECK(changeLines(plan.changes).contains(QStringLiteral("Edited: ") + expected));
    CHECK(changeCountsText(plan.changes) == QStringLiteral("1 gap edited"));
    CHECK(QString::fromUtf8(planToText(plan, PlanFormat::Markdown)).contains(QStringLiteral("Edited: ") + expected));
    const QJsonObject json = QJsonDocument::fromJson(planToText(plan, PlanFormat::Json)).object();
    CHECK(jsonStrings(json[QLatin1String("changes")][QLatin1String("editedGaps")]) == QStringList { expected });

    session.setGapOwner(gap.id, QString()); // removed again: no longer a change
    CHECK(buildPlan(session).changes.editedGaps
        == QStringList { gap.title + QStringLiteral(": priority %1 → %2, notes added").arg(from, priorityName(to)) });
}

TEST_CASE("Tests that change gap through a merge or a deletion are not counted as moved by hand", "[plan][changes]")
{
    TriageSession session;
    session.load(importOrFail(QStringLiteral(GAPWISE_SAMPLE_REPORT)));
    const Report &imported = session.imported();
    const QString rounding = gapIdTitled(imported, QStringLiteral("Currency Rounding"));
    const QString promotion = gapIdTitled(imported, QStringLiteral("Promotion Engine"));
    const QString inventory = gapIdTitled(imported, QStringLiteral("Inventory Reservation"));
    const QString gateway = gapIdTitled(imported, QStringLiteral("Payment Gateway"));
    REQUIRE(testsOf(imported, inventory).size() >= 1);
    session.moveTests({ testsOf(imported, rounding).first() }, promotion);
    session.renameGap(promotion, QStringLiteral("Promotion cache"));
    session.mergeGaps(inventory, promotion);
    session.deleteGap(gateway);

    const RemediationPlan plan = buildPlan(session);
    CHECK(plan.changes.movedTests == 1);
    CHECK(plan.changes.mergedGaps == QStringList { QStringLiteral("Inventory Reservation Races → Promotion cache") });
    CHECK(plan.changes.renamedGaps == QStringList { QStringLiteral("Promotion Engine Stale Cache → Promotion cache") });
    CHECK(plan.changes.deletedGaps == QStringList { QStringLiteral("Payment Gateway Timeouts") });
    CHECK(plan.changes.createdGaps.isEmpty());
    // "Inventory Reservation Locking" names the merged gap: it is the promotion gap's now.
    for (const PlanGap &g : plan.gaps) {
        const bool hasLocking = std::any_of(g.remediation.cbegin(), g.remediation.cend(), [](const RemediationItem &i) {
            return i.title.startsWith(QStringLiteral("Inventory Reservation Locking"));
        });
        CHECK(hasLocking == (g.gap.id == promotion));
    }
}
