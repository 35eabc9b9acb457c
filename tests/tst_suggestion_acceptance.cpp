// SPDX-License-Identifier: GPL-3.0-or-later
// A gap Gapwise suggested stays marked (italic, with a tooltip) until the engineer accepts it or edits it;
// either is one undoable step that also confirms its tests, saved and replayed like any edit.
#include "triagefixtures.h"

#include "reportjson.h"
#include "reporttreemodel.h"
#include "sessionfile.h"
#include "triagecommands.h"
#include "triagesession.h"

#include <catch2/catch.hpp>

#include <QAbstractItemModelTester>
#include <QFont>
#include <QSignalSpy>

using namespace Gapwise;
using namespace TestSupport;

namespace {

// The synthetic report with its first gap turned into a suggestion, as suggestGaps() leaves one.
Report withSuggestedGap()
{
    Report r = syntheticReport(60, 4);
    r.gaps[0].suggested = true;
    for (TestCase &t : r.tests) {
        if (t.gapId == r.gaps[0].id)
            t.gapSuggested = true;
    }
    return r;
}

QVector<int> testsOf(const Report &r, const QString &gapId)
{
    QVector<int> tests;
    for (int i = 0; i < r.tests.size(); ++i) {
        if (r.tests[i].gapId == gapId)
            tests.append(i);
    }
    return tests;
}

bool italic(const QModelIndex &index)
{
    return index.data(Qt::FontRole).value<QFont>().italic();
}

} // namespace

TEST_CASE("accepting a suggested gap is one undoable step that confirms its tests", "[triage][suggestions]")
{
    TriageSession session;
    session.load(withSuggestedGap());
    const QString gapId = session.report().gaps[0].id;
    const QVector<int> tests = testsOf(session.report(), gapId);
    REQUIRE(tests.size() >= 2);
    const QJsonObject imported = stateOf(session);

    session.acceptSuggestedGap(session.report().gaps[1].id); // not a suggestion: nothing to accept
    CHECK(session.undoStack()->count() == 0);

    session.acceptSuggestedGap(gapId);
    CHECK(session.undoStack()->count() == 1);
    CHECK(session.undoStack()->undoText().contains(session.report().gaps[0].title));
    CHECK_FALSE(session.report().gaps[0].suggested);
    for (int i : tests) {
        CHECK(session.report().tests[i].gapId == gapId); // the tests stay where they are
        CHECK_FALSE(session.report().tests[i].gapSuggested);
    }
    const QJsonObject accepted = stateOf(session);
    session.acceptSuggestedGap(gapId); // accepted already
    CHECK(session.undoStack()->count() == 1);

    session.undoStack()->undo();
    CHECK(stateOf(session) == imported);
    session.undoStack()->redo();
    CHECK(stateOf(session) == accepted);
}

TEST_CASE(
    "editing a suggested gap accepts it in the same step, undo makes it a suggestion again", "[triage][suggestions]")
{
    TriageSession session;
    session.load(withSuggestedGap());
    const QString gapId = session.report().gaps[0].id;
    const QJsonObject imported = stateOf(session);

    session.renameGap(gapId, QStringLiteral("Gateway timeouts"));
    CHECK(session.undoStack()->count() == 1);
    CHECK(session.report().gaps[0].title == QStringLiteral("Gateway timeouts"));
    CHECK_FALSE(session.report().gaps[0].suggested);
    for (int i : testsOf(session.report(), gapId))
        CHECK_FALSE(session.report().tests[i].gapSuggested);

    session.setGapPriority(gapId, Priority::P1); // an accepted gap: a plain edit
    CHECK(session.undoStack()->count() == 2);
    session.undoStack()->undo();
    session.undoStack()->undo();
    CHECK(stateOf(session) == imported);
}

TEST_CASE("a merge is the engineer's placement: merged tests are no suggestion, a suggested target is accepted",
    "[triage][suggestions]")
{
    // QA: tests merged from a suggested gap into the engineer's own still read "(inferred)" in Details.
    TriageSession session;
    session.load(withSuggestedGap());
    const QString suggested = session.report().gaps[0].id;
    const QString own = session.report().gaps[1].id;
    const QVector<int> moved = testsOf(session.report(), suggested);
    REQUIRE_FALSE(moved.isEmpty());
    const QJsonObject imported = stateOf(session);

    session.mergeGaps(suggested, own);
    for (int i : moved) {
        CHECK(session.report().tests[i].gapId == own);
        CHECK_FALSE(session.report().tests[i].gapSuggested);
    }
    session.undoStack()->undo();
    CHECK(stateOf(session) == imported); // the suggestion and its placements come back as they were

    // Merging into a suggestion makes it the engineer's, in the same undo step.
    const QVector<int> target = testsOf(session.report(), suggested);
    session.mergeGaps(own, suggested);
    CHECK(session.undoStack()->count() == 1);
    const int merged = session.gapIndex(suggested);
    REQUIRE(merged >= 0);
    CHECK_FALSE(session.report().gaps[merged].suggested);
    for (int i : target)
        CHECK_FALSE(session.report().tests[i].gapSuggested);
    session.undoStack()->undo();
    CHECK(stateOf(session) == imported);
}

TEST_CASE("an accepted suggestion is saved and replayed like any edit", "[triage][suggestions][session]")
{
    TriageSession session;
    session.load(withSuggestedGap());
    session.acceptSuggestedGap(session.report().gaps[0].id);
    session.setGapOwner(session.report().gaps[0].id, QStringLiteral("dana"));
    const QJsonObject triaged = stateOf(session);

    const SessionFile saved
        = SessionFile::fromSession(session, QStringLiteral("/tmp/report.xml"), QStringLiteral("sha"));
    // Three edits (the gap's flag, its tests' placements, the owner) in two changes, as the Undo menu lists them.
    CHECK(saved.edits.size() == 3);
    CHECK(changeCount(saved.edits) == 2);
    QString error;
    const auto loaded = SessionFile::parse(saved.toJson(), &error);
    INFO(error.toStdString());
    REQUIRE(loaded);
    TriageSession reopened;
    reopened.load(withSuggestedGap());
    const ReplayResult replay = replayEdits(reopened, loaded->edits);
    CHECK(replay.notApplied.isEmpty());
    // QA: a carried-over triage said "5 edits" where the engineer had made 3 changes.
    CHECK(replay.applied == 3);
    CHECK(replay.appliedChanges == 2);
    CHECK(stateOf(reopened) == triaged);
}

TEST_CASE("the tree shows suggestions in italics until they are accepted, in both groupings",
    "[triage][suggestions][treemodel]")
{
    for (const Grouping grouping : { Grouping::ByPhase, Grouping::ByGap }) {
        DYNAMIC_SECTION((grouping == Grouping::ByPhase ? "by phase" : "by gap"))
        {
            TriageSession session;
            ReportTreeModel model;
            QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
            model.setGrouping(grouping);
            session.load(withSuggestedGap());
            model.setSession(&session);
            const QString gapId = session.report().gaps[0].id;
            const QVector<int> tests = testsOf(session.report(), gapId);
            const int plain = testsOf(session.report(), session.report().gaps[1].id).value(0, -1);
            REQUIRE(plain >= 0);

            const QModelIndex test = model.indexForTest(tests.first());
            QModelIndex gapRow = test.parent();
            while (gapRow.isValid() && gapRow.data(NodeKindRole).toInt() != int(NodeKind::Gap))
                gapRow = gapRow.parent();
            REQUIRE(gapRow.isValid());
            CHECK(italic(gapRow));
            CHECK(gapRow.data(Qt::ToolTipRole).toString().contains(QStringLiteral("Suggested by Gapwise")));
            CHECK(italic(test));
            CHECK(test.data(Qt::ToolTipRole).toString().contains(QStringLiteral("a suggestion")));
            CHECK_FALSE(italic(model.indexForTest(plain)));

            QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
            session.acceptSuggestedGap(gapId);
            CHECK_FALSE(italic(gapRow));
            for (int i : tests)
                CHECK_FALSE(italic(model.indexForTest(i)));
            // The views were told: a dataChanged covers each test row that lost its italics.
            for (int i : tests) {
                const QModelIndex row = model.indexForTest(i);
                const bool told = std::any_of(changed.cbegin(), changed.cend(), [&row](const QList<QVariant> &args) {
                    const QModelIndex from = args.at(0).toModelIndex(), to = args.at(1).toModelIndex();
                    return from.parent() == row.parent() && from.row() <= row.row() && row.row() <= to.row();
                });
                CHECK(told);
            }
            session.undoStack()->undo();
            CHECK(italic(gapRow));
            CHECK(italic(model.indexForTest(tests.first())));
        }
    }
}
