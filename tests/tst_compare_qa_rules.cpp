// SPDX-License-Identifier: GPL-3.0-or-later
// What a comparison shows and carries (QA findings on comparing runs): a fixed test in the gap it failed in,
// no automatic grouping of the old run carried over a new run's own, evidence true of a gap's members now,
// one "what the triage changed" for the command line and the window, namesakes told apart in the plan, and
// tests that did not carry over named as everywhere else.
#include "testsupport.h"

#include "comparewithrun.h"
#include "comparisondigest.h"
#include "planwriters.h"
#include "remediationplan.h"
#include "runcomparison.h"
#include "sessionfile.h"
#include "triagecarryover.h"
#include "triagechanges.h"
#include "triagedrun.h"
#include "triagesession.h"

#include <catch2/catch.hpp>

#include <QJsonArray>
#include <QJsonDocument>

using namespace Gapwise;
using namespace TestSupport;

namespace {

QByteArray failing(const char *classname, const char *name, const char *message)
{
    return QByteArrayLiteral("  <testcase classname=\"") + classname + "\" name=\"" + name + "\"><failure message=\""
        + message + "\">" + message + "</failure></testcase>\n";
}

QByteArray passing(const char *classname, const char *name)
{
    return QByteArrayLiteral("  <testcase classname=\"") + classname + "\" name=\"" + name + "\"/>\n";
}

QByteArray suite(const QByteArray &cases)
{
    return "<?xml version=\"1.0\"?>\n<testsuites>\n<testsuite name=\"unit\">\n" + cases
        + "</testsuite>\n</testsuites>\n";
}

const char Timeout[] = "Error: Timeout - Async callback was not invoked within the 5000 ms timeout";
const char Range[] = "RangeError: Maximum call stack size exceeded";

// The earlier run: three assertion failures, two missing files, three snapshot timeouts, a test that will be
// gone, and a passing test with a passing namesake.
Report oldRun()
{
    return importBytesOrFail(
        suite(failing("calc", "adds", "AssertionError: expected 1 but got 2")
            + failing("calc", "subtracts", "AssertionError: expected 3 but got 4")
            + failing("calc", "matches", "AssertionError: expected 5 but got 6")
            + failing("files", "reads cache", "Error: ENOENT: no such file, open '/tmp/a'")
            + failing("files", "writes cache", "Error: ENOENT: no such file, open '/tmp/b'")
            + failing("snap", "writes inline", Timeout) + failing("snap", "updates inline", Timeout)
            + failing("snap", "removes inline", Timeout) + failing("gone", "vanishes", "TypeError: x is not a function")
            + passing("dup", "twice") + passing("dup", "twice")),
        QStringLiteral("old.xml"));
}

// The later run: "calc::matches" fails otherwise (alone: in no gap of its own), "files::reads cache" is
// fixed, the snapshot tests fail with another error (a new suggested gap), "gone::vanishes" is gone, and the
// second "dup::twice" fails.
Report newRun()
{
    return importBytesOrFail(
        suite(failing("calc", "adds", "AssertionError: expected 1 but got 2")
            + failing("calc", "subtracts", "AssertionError: expected 3 but got 4")
            + failing("calc", "matches", "Error: expect(received).toMatch(expected)") + passing("files", "reads cache")
            + failing("files", "writes cache", "Error: ENOENT: no such file, open '/tmp/b'")
            + failing("snap", "writes inline", Range) + failing("snap", "updates inline", Range)
            + failing("snap", "removes inline", Range) + passing("dup", "twice")
            + failing("dup", "twice", "TypeError: y is not a function")),
        QStringLiteral("new.xml"));
}

QString idOf(const Report &r, const char *name)
{
    return requireTest(r, name).id;
}

QString gapOf(const Report &r, const char *name)
{
    const int g = r.gapIndex(requireTest(r, name).gapId);
    return g >= 0 ? r.gaps[g].title : QStringLiteral("Unassigned");
}

TriagedRun plainRun(const Report &report)
{
    return TriagedRun { QStringLiteral("old.xml"), report, report, {}, {} };
}

// The earlier run triaged: the snapshot timeouts accepted as "Snapshot writer hangs" (P1), and the test that
// will be gone moved to a gap made by hand.
TriagedRun triagedOldRun()
{
    const Report imported = oldRun();
    const Gap *snap = gapTitled(imported, QStringLiteral("Timeout"));
    REQUIRE(snap);
    REQUIRE(snap->suggested);
    const QString snapId = snap->id;
    const QString json = QStringLiteral(R"([
        {"edit": "set", "gap": "%1", "field": "suggested", "value": "false"},
        {"edit": "move", "tests": ["%2", "%3", "%4"], "toGap": "%1"},
        {"edit": "set", "gap": "%1", "field": "title", "value": "Snapshot writer hangs"},
        {"edit": "set", "gap": "%1", "field": "priority", "value": "P1"},
        {"edit": "create", "id": "user-1", "title": "Vanishing tests", "priority": "", "status": "open",
         "owner": "", "notes": ""},
        {"edit": "move", "tests": ["%5"], "toGap": "user-1"}])")
                             .arg(snapId, idOf(imported, "snap::writes inline"), idOf(imported, "snap::updates inline"),
                                 idOf(imported, "snap::removes inline"), idOf(imported, "gone::vanishes"));
    QVector<QJsonObject> edits;
    const QJsonArray array = QJsonDocument::fromJson(json.toUtf8()).array();
    for (const auto &e : array)
        edits.append(e.toObject());
    REQUIRE(edits.size() == 6);
    TriageSession session;
    session.load(imported);
    const ReplayResult replay = replayEdits(session, edits);
    REQUIRE(replay.notApplied.isEmpty());
    return TriagedRun { QStringLiteral("old.gapwise"), imported, session.report(), edits, {} };
}

const ChangedTest &row(const QVector<ChangedTest> &rows, const QString &name)
{
    const auto it = std::find_if(rows.cbegin(), rows.cend(), [&](const ChangedTest &t) { return t.name == name; });
    INFO("row " << name.toStdString());
    REQUIRE(it != rows.cend());
    return *it;
}

const PlanGap &planGap(const RemediationPlan &plan, const QString &titleContains)
{
    const auto it = std::find_if(
        plan.gaps.cbegin(), plan.gaps.cend(), [&](const PlanGap &g) { return g.gap.title.contains(titleContains); });
    INFO("gap " << titleContains.toStdString());
    REQUIRE(it != plan.gaps.cend());
    return *it;
}

} // namespace

TEST_CASE("A fixed test is shown in the gap it failed in, and triage since does not move it", "[compare][qa]")
{
    const Report before = oldRun();
    const QString enoent = gapOf(before, "files::reads cache");
    REQUIRE(enoent.contains(QLatin1String("ENOENT")));
    CarriedComparison carried = compareAndCarry(plainRun(before), newRun());
    const ChangedTest &fixed = row(carried.digest.tests, QStringLiteral("files::reads cache"));
    CHECK(fixed.change == ChangeClass::Fixed);
    CHECK(fixed.gap == enoent);
    // The window's rows follow triage: the fixed one stays where it failed.
    QVector<ChangedTest> rows = carried.digest.tests;
    followTriage(rows, carried.triaged);
    CHECK(row(rows, QStringLiteral("files::reads cache")).gap == enoent);
    // A test still failing is shown in its gap now, as before.
    CHECK(row(carried.digest.tests, QStringLiteral("calc::adds")).gap == gapOf(carried.triaged, "calc::adds"));
}

TEST_CASE(
    "Gapwise's grouping of a plain old report does not move a test out of the new run's grouping", "[compare][qa]")
{
    const Report after = newRun();
    REQUIRE(gapOf(after, "calc::matches") == QLatin1String("Unassigned"));
    const CarriedComparison carried = compareAndCarry(plainRun(oldRun()), after);
    CHECK(gapOf(carried.triaged, "calc::matches") == QLatin1String("Unassigned"));
    CHECK(row(carried.digest.tests, QStringLiteral("calc::matches")).gap == QLatin1String("Unassigned"));
    // The plan's evidence and its count agree.
    const RemediationPlan plan = buildPlan(after, carried.triaged, carried.edits, QDateTime());
    const PlanGap &assertion = planGap(plan, QStringLiteral("AssertionError"));
    CHECK(assertion.failures == 2);
    CHECK(assertion.gap.evidence.contains(QStringLiteral("Suggested by Gapwise: 2 failures share this signature")));
}

TEST_CASE("A gap kept from the earlier session states what is true of its tests in this run", "[compare][qa]")
{
    const Report after = newRun();
    const CarriedComparison carried = compareAndCarry(triagedOldRun(), after);
    REQUIRE(gapOf(carried.triaged, "snap::writes inline") == QLatin1String("Snapshot writer hangs"));
    const RemediationPlan plan = buildPlan(after, carried.triaged, carried.edits, QDateTime());
    const PlanGap &kept = planGap(plan, QStringLiteral("Snapshot writer hangs"));
    CHECK(kept.failures == 3);
    const QString evidence = kept.gap.evidence.join(QLatin1Char('\n'));
    INFO(evidence.toStdString());
    CHECK(evidence.contains(QLatin1String("3 failures share this signature")));
    CHECK(evidence.contains(QLatin1String("Exception: RangeError\nMessage: Maximum call stack size exceeded")));
    CHECK_FALSE(evidence.contains(QLatin1String("Timeout")));
    CHECK(evidence.contains(QLatin1String("First: snap::writes inline")));
    // The new run's own gap for those failures is empty now: it no longer says what its failures share.
    const PlanGap &range = planGap(plan, QStringLiteral("RangeError"));
    CHECK(range.failures == 0);
    CHECK_FALSE(range.gap.evidence.join(QLatin1Char('\n')).contains(QLatin1String("share this signature")));
    // A plain run keeps the evidence Gapwise wrote.
    const RemediationPlan plain = buildPlan(after, after, {}, QDateTime());
    CHECK(planGap(plain, QStringLiteral("RangeError")).gap.evidence
        == after.gaps[after.gapIndex(requireTest(after, "snap::writes inline").gapId)].evidence);
}

TEST_CASE("The command line and the window say the same of what the carried triage changed", "[compare][qa]")
{
    const Report after = newRun();
    const TriagedRun old = triagedOldRun();
    const CarriedComparison cli = compareAndCarry(old, after);
    const QStringList cliLines = changeLines(buildPlan(after, cli.triaged, cli.edits, QDateTime()).changes);

    TriageSession window;
    window.load(after);
    const CarriedEdits carried = carryOverEdits(window.report(), old, compareRuns(old.imported, after));
    CHECK(applyCarriedEdits(window, carried.edits, QStringLiteral("Carry over triage")).isEmpty());
    const TriageChanges windowChanges = buildPlan(window, QDateTime()).changes;

    INFO(cliLines.join(QLatin1Char('\n')).toStdString());
    CHECK(changeLines(windowChanges) == cliLines);
    CHECK(cliLines.contains(QStringLiteral("Kept from the earlier run: Snapshot writer hangs")));
    CHECK(cliLines.contains(QStringLiteral("Created gap: Vanishing tests")));
    CHECK_FALSE(cliLines.contains(QStringLiteral("Created gap: Snapshot writer hangs")));
    const auto renamed = std::find_if(cliLines.cbegin(), cliLines.cend(),
        [](const QString &l) { return l.startsWith(QLatin1String("Renamed: Error: Timeout")); });
    REQUIRE(renamed != cliLines.cend());
    CHECK(renamed->endsWith(QStringLiteral(" → Snapshot writer hangs")));
    CHECK(changeCountsText(windowChanges).contains(QLatin1String("1 gap kept from the earlier run")));
}

TEST_CASE("A test gone from the run is named as everywhere else in what did not carry over", "[compare][qa]")
{
    const CarriedComparison carried = compareAndCarry(triagedOldRun(), newRun());
    const QString lines = carried.digest.notCarried.join(QLatin1Char('\n'));
    INFO(lines.toStdString());
    CHECK(lines.contains(QLatin1String("test gone::vanishes is gone")));
    CHECK_FALSE(lines.contains(QLatin1String(":gone::vanishes")));
}

TEST_CASE("The plan names a namesake with its number in every format", "[compare][qa][export]")
{
    const Report after = newRun();
    const TestCase *second = nullptr;
    for (const TestCase &t : after.tests) {
        if (t.name == QLatin1String("dup::twice") && t.id.endsWith(QLatin1String("#2")))
            second = &t;
    }
    REQUIRE(second);
    REQUIRE(failsInRun(*second));
    const RemediationPlan plan = buildPlan(after, after, {}, QDateTime());
    CHECK(QString::fromUtf8(planToCsv(plan)).contains(QLatin1String("dup::twice #2,")));
    CHECK(QString::fromUtf8(planToMarkdown(plan)).contains(QLatin1String("dup::twice #2")));
    const QJsonArray unassigned = planToJson(plan).value(QStringLiteral("unassigned")).toArray();
    QStringList names;
    for (const auto &t : unassigned)
        names << t.toObject().value(QStringLiteral("name")).toString();
    CHECK(names.contains(QStringLiteral("dup::twice #2")));
    CHECK_FALSE(names.contains(QStringLiteral("dup::twice")));
}
