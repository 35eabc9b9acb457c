// SPDX-License-Identifier: GPL-3.0-or-later
// Carrying the triage of one run over to the next (triagecarryover.h), and what the exports say about it.
#include "testsupport.h"

#include "comparisondigest.h"
#include "comparisonwriters.h"
#include "runcomparison.h"
#include "sessionfile.h"
#include "triagecarryover.h"
#include "triagecommands.h"
#include "triagedrun.h"
#include "triagesession.h"

#include <catch2/catch.hpp>

#include <QJsonArray>
#include <QRegularExpression>
#include <QTemporaryDir>

using namespace Gapwise;
using namespace TestSupport;

namespace {

const TestCase &named(const Report &report, const QString &name)
{
    const TestCase *t = testNamed(report, name);
    INFO("test " << name.toStdString());
    REQUIRE(t);
    return *t;
}

QString gapTitleOf(const Report &report, const QString &testName)
{
    const int gap = report.gapIndex(named(report, testName).gapId);
    return gap >= 0 ? report.gaps[gap].title : QStringLiteral("Unassigned");
}

} // namespace

TEST_CASE("A Markdown session made on run 1 carries over to run 2", "[compare][carryover]")
{
    QString error;
    const auto old = loadTriagedRun(dataPath(QStringLiteral("compare/md-run1.gapwise")), &error);
    INFO(error.toStdString());
    REQUIRE(old);
    CHECK(old->notReplayed.isEmpty()); // the session is whole on its own run
    const Report newRun = importOrFail(dataPath(QStringLiteral("compare/run2.md")));
    // Run 2 names one group; Gapwise suggests a gap for the three refused connections it leaves.
    const TestCase &importedDelete = named(newRun, QStringLiteral("tests/integration/test_db.py::test_delete"));
    REQUIRE(newRun.gapIndex(importedDelete.gapId) >= 0);
    const Gap &refused = newRun.gaps[newRun.gapIndex(importedDelete.gapId)];
    CHECK(refused.suggested);
    const RunComparison comparison = compareRuns(old->imported, newRun);
    TriageSession session;
    const CarryOverResult carry = carryOverTriage(session, newRun, *old, comparison);
    const Report &now = session.report();

    // The gap made by hand, its tests (under the renamed phase's ids), its notes; the report gap's priority.
    const Gap *db = gapTitled(now, QStringLiteral("Database outage"));
    REQUIRE(db);
    CHECK(db->priority == Priority::P0);
    CHECK(db->notes == QLatin1String("DBA paged"));
    CHECK(named(now, QStringLiteral("tests/integration/test_db.py::test_read")).gapId == db->id);
    CHECK_FALSE(named(now, QStringLiteral("tests/integration/test_db.py::test_read")).gapSuggested);
    CHECK(named(now, QStringLiteral("tests/integration/test_db.py::test_write")).gapId == db->id);
    const Gap *totals = gapTitled(now, QStringLiteral("Cart Totals Wrong"));
    REQUIRE(totals);
    CHECK(totals->priority == Priority::P1);

    // The new failure with the database signature is suggested into the gap, out of Gapwise's suggestion:
    // the last run's triage outranks it. The others stay unassigned; the report's own group keeps its test.
    CHECK(gapTitleOf(now, QStringLiteral("tests/unit/test_cart.py::test_total")) == QLatin1String("Cart Totals Wrong"));
    const TestCase &deleted = named(now, QStringLiteral("tests/integration/test_db.py::test_delete"));
    CHECK(deleted.gapId == db->id);
    CHECK(deleted.gapSuggested);
    REQUIRE(carry.suggested.size() == 1);
    CHECK(carry.suggested[0].testId == deleted.id);
    CHECK(carry.suggested[0].why == QLatin1String("the same failure as tests/integration/test_db.py::test_read"));
    CHECK(gapTitleOf(now, QStringLiteral("tests/unit/test_cart.py::test_add_item")) == QLatin1String("Unassigned"));
    CHECK(gapTitleOf(now, QStringLiteral("tests/unit/test_cart.py::test_gift_card")) == QLatin1String("Unassigned"));

    // What did not carry over, exactly: the owner of a gap that is gone, a move of a test that is gone.
    CHECK(carry.applied == 4);
    const QStringList expected {
        QStringLiteral("edit 5 (Set owner of “Legacy Tax Tables” to “tax-team”): gap “Legacy Tax Tables” is gone"),
        QStringLiteral("edit 6 (Move test to “Cart Totals Wrong”): test "
                       "tests/unit/test_cart.py::test_old_coupon is gone"),
    };
    CHECK(carry.notCarried == expected);
    CHECK(carry.restoredGaps.isEmpty()); // "Legacy Tax Tables" lost its only test

    // The carried edits and the suggestion are undoable like any other edit.
    // Undone, the new failure is back where the import put it: in Gapwise's suggestion (before run 2's
    // report got suggestions beside its own groups, that was Unassigned).
    session.undoStack()->undo();
    CHECK(named(session.report(), QStringLiteral("tests/integration/test_db.py::test_delete")).gapId == refused.id);
}

TEST_CASE("A JUnit triage made in the app carries over, and what is gone is listed", "[compare][carryover]")
{
    const Report run1 = importOrFail(dataPath(QStringLiteral("compare/run1.xml")));
    const Report run2 = importOrFail(dataPath(QStringLiteral("compare/run2.xml")));
    // Triage run 1 as an engineer would, and save it.
    TriageSession first;
    first.load(run1);
    const QString db = first.moveTestsToNewGap({ named(run1, QStringLiteral("shop.DbTest::test_read")).id,
                                                   named(run1, QStringLiteral("shop.DbTest::test_write")).id },
        QStringLiteral("Database down"));
    first.setGapNotes(db, QStringLiteral("ops ticket 42"));
    first.moveTests({ named(run1, QStringLiteral("shop.PayTest::test_crypto")).id }, db);
    QTemporaryDir dir;
    const QString sessionPath = dir.filePath(QStringLiteral("run1.gapwise"));
    QString error;
    REQUIRE(writeFileAtomically(sessionPath,
        SessionFile::fromSession(first, dataPath(QStringLiteral("compare/run1.xml")), QString()).toJson(sessionPath),
        &error));

    const auto old = loadTriagedRun(sessionPath, &error);
    REQUIRE(old);
    const RunComparison comparison = compareRuns(old->imported, run2);
    TriageSession session;
    const CarryOverResult carry = carryOverTriage(session, run2, *old, comparison);
    const Report &now = session.report();
    CHECK(gapTitleOf(now, QStringLiteral("shop.DbTest::test_read")) == QLatin1String("Database down"));
    CHECK(gapTitleOf(now, QStringLiteral("shop.DbTest::test_write")) == QLatin1String("Database down"));
    // The importer groups the three refused connections of run 2; the triage's gap wins for the new one.
    CHECK(gapTitleOf(now, QStringLiteral("shop.DbTest::test_delete")) == QLatin1String("Database down"));
    CHECK(named(now, QStringLiteral("shop.DbTest::test_delete")).gapSuggested);
    CHECK(gapTitleOf(now, QStringLiteral("shop.PayTest::test_google")) == QLatin1String("Unassigned"));
    CHECK(gapTitled(now, QStringLiteral("Database down"))->notes == QLatin1String("ops ticket 42"));
    REQUIRE(carry.notCarried.size() == 1);
    INFO(carry.notCarried[0].toStdString());
    CHECK(carry.notCarried[0].startsWith(QStringLiteral("edit 4 (Move test to “Database down”): test ")));
    CHECK(carry.notCarried[0].endsWith(QLatin1String("shop.PayTest::test_crypto is gone")));
}

TEST_CASE(
    "The last run's groups outrank Gapwise's suggestions, never the new report's own groups", "[compare][carryover]")
{
    // Run 1 names a group of two override failures. Run 2 lists only one of them in it, and a third override
    // failure is new: Gapwise suggests a gap for the two it leaves, and one for the pool failures.
    const Report run1 = importOrFail(dataPath(QStringLiteral("compare/groups-run1.md")));
    const Report run2 = importOrFail(dataPath(QStringLiteral("compare/groups-run2.md")));
    const auto settings = [](const char *name) -> QString { // QString, not a dangling QStringBuilder
        return QStringLiteral("tests/integration/test_settings.py::") + QLatin1String(name);
    };
    const TestCase &fromFile = named(run2, settings("test_override_from_file"));
    REQUIRE(run2.gapIndex(fromFile.gapId) >= 0);
    const Gap &overrides = run2.gaps[run2.gapIndex(fromFile.gapId)];
    REQUIRE(overrides.suggested);
    CHECK(named(run2, settings("test_override_from_cli")).gapId == overrides.id);
    const QString pool = named(run2, QStringLiteral("tests/integration/test_pool.py::test_pool_checkout")).gapId;

    TriagedRun old;
    old.imported = run1;
    old.triaged = run1;
    const RunComparison comparison = compareRuns(run1, run2);
    const auto check = [&](const Report &now) {
        // The report's own group keeps its test as run 2 placed it.
        CHECK(
            gapTitleOf(now, settings("test_override_from_env")) == QLatin1String("Settings loader ignores overrides"));
        CHECK_FALSE(named(now, settings("test_override_from_env")).gapSuggested);
        // Run 1's group takes back the test it held, and the new failure like it, out of the suggestion.
        for (const char *name : { "test_override_from_file", "test_override_from_cli" }) {
            INFO(name);
            CHECK(gapTitleOf(now, settings(name)) == QLatin1String("Settings loader ignores overrides"));
            CHECK(named(now, settings(name)).gapSuggested);
        }
        // The emptied suggestion stays, without tests, as a gap emptied by hand does.
        CHECK(now.gapIndex(overrides.id) >= 0);
        // A suggestion the last run has nothing to say about is left alone.
        CHECK(named(now, QStringLiteral("tests/integration/test_pool.py::test_pool_release")).gapId == pool);
    };
    SECTION("carried onto a newly loaded run")
    {
        TriageSession session;
        carryOverTriage(session, run2, old, comparison);
        check(session.report());
    }
    SECTION("carried onto the open run as edits")
    {
        TriageSession session;
        session.load(run2);
        const CarriedEdits carried = carryOverEdits(session.report(), old, comparison);
        CHECK(applyCarriedEdits(session, carried.edits, QStringLiteral("Carry over")).isEmpty());
        check(session.report());
        check(carried.triaged);
    }
}

TEST_CASE("Saved edits are rewritten to the new run's ids, unknown ids are kept to be reported", "[compare][carryover]")
{
    const QVector<QJsonObject> edits {
        { { QStringLiteral("edit"), QStringLiteral("move") },
            { QStringLiteral("tests"), QJsonArray { QStringLiteral("old::a"), QStringLiteral("old::gone") } },
            { QStringLiteral("toGap"), QStringLiteral("gap-1") } },
        { { QStringLiteral("edit"), QStringLiteral("merge") }, { QStringLiteral("gap"), QStringLiteral("gap-1") },
            { QStringLiteral("into"), QStringLiteral("gap-2") } },
    };
    const QHash<QString, QString> tests { { QStringLiteral("old::a"), QStringLiteral("new::a") } };
    const QHash<QString, QString> gaps { { QStringLiteral("gap-1"), QStringLiteral("gap-7") } };
    const QVector<QJsonObject> out = rewriteEdits(edits, tests, gaps);
    CHECK(out[0].value(QStringLiteral("tests")).toArray()
        == QJsonArray { QStringLiteral("new::a"), QStringLiteral("old::gone") });
    CHECK(out[0].value(QStringLiteral("toGap")).toString() == QLatin1String("gap-7"));
    CHECK(out[1].value(QStringLiteral("gap")).toString() == QLatin1String("gap-7"));
    CHECK(out[1].value(QStringLiteral("into")).toString() == QLatin1String("gap-2"));
}

TEST_CASE("The since-last-run lines and the exports of a comparison", "[compare][export]")
{
    QString error;
    const auto old = loadTriagedRun(dataPath(QStringLiteral("compare/md-run1.gapwise")), &error);
    REQUIRE(old);
    const Report newRun = importOrFail(dataPath(QStringLiteral("compare/run2.md")));
    const RunComparison comparison = compareRuns(old->imported, newRun);
    TriageSession session;
    const CarryOverResult carry = carryOverTriage(session, newRun, *old, comparison);
    const ComparisonDigest digest = digestComparison(old->triaged, session.report(), comparison, &carry);

    const QStringList expected {
        QStringLiteral("3 new failures"),
        QStringLiteral("1 fixed"),
        QStringLiteral("3 still failing"),
        QStringLiteral("1 newly passing"),
        QStringLiteral("1 newly skipped"),
        QStringLiteral("1 added"),
        QStringLiteral("2 removed"),
        QStringLiteral("Gap “Cart Totals Wrong”: 2 → 1 (−1)"),
        QStringLiteral("Gap “Database outage”: 2 → 3 (+1)"),
        QStringLiteral("Gap “Legacy Tax Tables”: 1 → 0 (−1)"),
        QStringLiteral("Gap “Unassigned”: 0 → 2 (+2)"),
        QStringLiteral("Phase “Integration Tests - Database”: 2 → 3 (+1)"),
        QStringLiteral("Triage carried over: 4 changes, 2 edits not carried"),
        QStringLiteral("New failures suggested into existing gaps: 1"),
    };
    CHECK(sinceLastRunLines(digest) == expected);

    const QJsonObject json = comparisonToJson(digest);
    CHECK(json.value(QStringLiteral("counts")).toObject().value(QStringLiteral("new-failure")).toInt() == 3);
    CHECK(json.value(QStringLiteral("tests")).toArray().size() == 12);
    const QByteArray md = comparisonToMarkdown(digest);
    CHECK(md.startsWith("## Since last run\n"));
    CHECK(md.contains("| new failure | `tests/integration/test_db.py::test_delete` | Integration Tests - Database | "
                      "Database outage | passed | failed |"));
    CHECK(md.contains("| added | `tests/unit/test_cart.py::test_wishlist` | Unit Tests - Cart and Pricing | Unassigned "
                      "| — | passed |"));
    const QByteArray csv = comparisonToCsv(digest);
    // The last column, known issue, is empty: no store was asked.
    CHECK(csv.startsWith("change,test,phase,gap,old status,new status,known issue\r\n"));
    CHECK(csv.contains("removed,tests/unit/test_cart.py::test_old_coupon,Unit Tests,Cart Totals Wrong,passed,,\r\n"));
}

TEST_CASE("Since last run in Markdown escapes titles and names as the rest of the plan does", "[compare][export]")
{
    ComparisonDigest digest;
    digest.oldSource = QStringLiteral("runs/`odd` name.md");
    const QString title = QStringLiteral("Pipe | title *star* <img src=x> _x_");
    digest.gaps.append({ QStringLiteral("gap-1"), title, 2, 4 });
    ChangedTest test;
    test.change = ChangeClass::NewFailure;
    test.name = QStringLiteral("tests/a.py::test_x[a|b]");
    test.phase = QStringLiteral("Unit <b>tests</b>");
    test.gap = title;
    test.inNew = true;
    test.newStatus = TestStatus::Failed;
    digest.tests.append(test);
    digest.notCarried.append(QStringLiteral("edit 3 (Rename “*bold*”): gap is gone"));

    const QString md = QString::fromUtf8(comparisonToMarkdown(digest));
    INFO(md.toStdString());
    CHECK(md.contains(QStringLiteral("Compared with ``runs/`odd` name.md``.")));
    CHECK(md.contains(QStringLiteral("- Gap “Pipe \\| title \\*star\\* \\<img src=x\\> \\_x\\_”: 2 → 4 (+2)\n")));
    CHECK(md.contains(QStringLiteral("| new failure | `tests/a.py::test_x[a\\|b]` | Unit \\<b\\>tests\\</b\\> | "
                                     "Pipe \\| title \\*star\\* \\<img src=x\\> \\_x\\_ | — | failed |\n")));
    CHECK(md.contains(QStringLiteral("- edit 3 (Rename “\\*bold\\*”): gap is gone\n")));
    CHECK_FALSE(md.contains(QRegularExpression(QStringLiteral("(?<!\\\\)<")))); // no HTML tag left unescaped
}

TEST_CASE("A run compared with itself has no changes and keeps its own gaps", "[compare][carryover]")
{
    const Report run = importOrFail(dataPath(QStringLiteral("compare/run2.xml")));
    const RunComparison comparison = compareRuns(run, run);
    const auto failing = std::count_if(run.tests.cbegin(), run.tests.cend(), failsInRun);
    CHECK(failing == 5);
    CHECK(comparison.count(ChangeClass::StillFailing) == failing);
    CHECK(comparison.count(ChangeClass::Unchanged) == run.tests.size() - failing);
    TriageSession session;
    const CarryOverResult carry = carryOverTriage(session, run, TriagedRun { QString(), run, run, {}, {} }, comparison);
    CHECK(carry.notCarried.isEmpty());
    CHECK(carry.suggested.isEmpty());
    CHECK(carry.restoredGaps.isEmpty());
    CHECK(session.report().gaps.size() == run.gaps.size());
}

TEST_CASE("A session whose report is gone cannot be the old run, the message names both", "[compare][carryover]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("lost.gapwise"));
    QString error;
    REQUIRE(writeFileAtomically(path,
        R"({"format": "gapwise-session", "version": 1,
                                    "report": {"path": "/nonexistent/run.xml"}, "edits": []})",
        &error));
    CHECK_FALSE(loadTriagedRun(path, &error));
    CHECK(error.startsWith(path + QLatin1String(": its report /nonexistent/run.xml")));
}

TEST_CASE("The carried-over triage is counted in changes, as the Undo menu lists them", "[compare][export]")
{
    // QA: "Triage carried over: 5 edits" after a rename (which accepted a suggestion), an owner and a note.
    ComparisonDigest digest;
    digest.carriedEdits = 5;
    digest.carriedChanges = 3;
    digest.notCarried = { QStringLiteral("edit 6 (Move test to “Cart”): test t is gone") };
    CHECK(sinceLastRunLines(digest).contains(QStringLiteral("Triage carried over: 3 changes, 1 edit not carried")));
    const QJsonObject json = comparisonToJson(digest);
    CHECK(json.value(QStringLiteral("carriedEdits")).toInt() == 5);
    CHECK(json.value(QStringLiteral("carriedChanges")).toInt() == 3);
}
