// SPDX-License-Identifier: GPL-3.0-or-later
// The flaky / regression rule on hand-written outcome sequences (historyverdict.h).
#include "historyverdict.h"
#include "runrecord.h"

#include <catch2/catch.hpp>

using namespace Gapwise;

namespace {

// "..F.F" → outcomes: '.' pass, 'F' fail, 's' other (skipped), ' ' absent.
QVector<RunOutcome> seq(const char *text)
{
    QVector<RunOutcome> out;
    for (const char *c = text; *c; ++c)
        out.append(*c == '.' ? RunOutcome::Pass
                : *c == 'F'  ? RunOutcome::Fail
                : *c == 's'  ? RunOutcome::Other
                             : RunOutcome::Absent);
    return out;
}

} // namespace

TEST_CASE("a test that broke and stayed broken is a regression, not flaky", "[history][verdict]")
{
    const HistoryVerdict v = judgeHistory(seq("......FFFF"));
    CHECK(v.kind == HistoryKind::Regression);
    CHECK(v.flips == 1);
    CHECK(v.failures == 4);
    CHECK(v.counted == 10);
    CHECK(v.failingSince == 6);
    CHECK_FALSE(v.newFailure); // it broke four runs ago
    CHECK(v.failureRate() == Approx(0.4));
}

TEST_CASE("two flips in the window make a test flaky, however it ends", "[history][verdict]")
{
    CHECK(judgeHistory(seq("...F......")).kind == HistoryKind::Flaky);
    const HistoryVerdict v = judgeHistory(seq(".F.F..F.FF"));
    CHECK(v.kind == HistoryKind::Flaky);
    CHECK(v.flips == 7);
    CHECK(v.failures == 5);
    CHECK(v.failingSince == 8);
    CHECK(v.explanation() == QStringLiteral("7 flips in 10 counted runs, failed 5 (50%)"));
}

TEST_CASE("skipped and absent runs neither flip nor count", "[history][verdict]")
{
    // Pass, skipped, absent, pass: no flip; then it breaks.
    const HistoryVerdict v = judgeHistory(seq(".s .FsF"));
    CHECK(v.kind == HistoryKind::Regression);
    CHECK(v.flips == 1);
    CHECK(v.counted == 4);
    CHECK(v.failingSince == 4); // the streak goes on across the skipped run
    CHECK(judgeHistory(seq("ss  s")).kind == HistoryKind::NoData);
}

TEST_CASE("fixed, failing, stable and new failures", "[history][verdict]")
{
    CHECK(judgeHistory(seq("FFF...")).kind == HistoryKind::Fixed);
    const HistoryVerdict failing = judgeHistory(seq("FFFFF"));
    CHECK(failing.kind == HistoryKind::Failing);
    CHECK(failing.failingSince == 0);
    CHECK_FALSE(failing.newFailure);
    CHECK(judgeHistory(seq(".....")).kind == HistoryKind::Stable);

    const HistoryVerdict broke = judgeHistory(seq("....F"));
    CHECK(broke.kind == HistoryKind::Regression);
    CHECK(broke.newFailure);
    CHECK(judgeHistory(seq("    F")).newFailure); // a test that first appears failing is new
    CHECK(judgeHistory(seq("...Fs")).newFailure == false); // the newest run did not fail
}

TEST_CASE("a test the newest run lacks is gone: no verdict says what it does now", "[history][verdict]")
{
    // QA's t_removed: failed in three runs, then left the suite. Not "failing throughout", not failing since.
    const HistoryVerdict removed = judgeHistory(seq("FFF  "));
    CHECK(removed.kind == HistoryKind::Gone);
    CHECK(removed.failingSince == -1);
    CHECK_FALSE(removed.newFailure);
    CHECK(removed.failures == 3); // the numbers stay: it failed where it ran
    CHECK(removed.counted == 3);
    CHECK(historyKindName(removed.kind) == QStringLiteral("gone"));
    CHECK(removed.explanation() == QStringLiteral("not in the newest run; 0 flips in 3 counted runs, failed 3 (100%)"));
    CHECK(judgeHistory(seq("..FF ")).kind == HistoryKind::Gone); // not a regression
    CHECK(judgeHistory(seq(".F.F ")).kind == HistoryKind::Gone); // not flaky
    CHECK(judgeHistory(seq("FF.. ")).kind == HistoryKind::Gone); // not fixed
    CHECK(judgeHistory(seq("ss  ")).kind == HistoryKind::Gone);

    // Absent in between is passed over as before: the newest run has it, failing.
    const HistoryVerdict paused = judgeHistory(seq("FF FF"));
    CHECK(paused.kind == HistoryKind::Failing);
    CHECK(paused.failingSince == 0);
    // Skipped in the newest run is not absent: the run has the test.
    CHECK(judgeHistory(seq("FFFs")).kind == HistoryKind::Failing);
}

TEST_CASE("new compares the newest run with the run before it, also when that run is outside the window",
    "[history][verdict]")
{
    // A window of one run: the run before it says whether the failure is new (QA: --runs 1 made every failure new).
    CHECK_FALSE(judgeHistory(seq("F"), RunOutcome::Fail).newFailure);
    CHECK(judgeHistory(seq("F"), RunOutcome::Pass).newFailure);
    CHECK(judgeHistory(seq("F"), RunOutcome::Other).newFailure);
    CHECK(judgeHistory(seq("F")).newFailure); // the store's first run: nothing before it
    // Skipped in the run before the newest: new, as `compare` of those two runs says.
    CHECK(judgeHistory(seq("FsF")).newFailure);
    CHECK_FALSE(judgeHistory(seq(".FF"), RunOutcome::Pass).newFailure);
    // The counts stay the window's own.
    const HistoryVerdict one = judgeHistory(seq("F"), RunOutcome::Pass);
    CHECK(one.flips == 0);
    CHECK(one.counted == 1);
}

TEST_CASE("a failing streak that reaches back past the window began before it", "[history][verdict]")
{
    const HistoryVerdict older = judgeHistory(seq("FF"), RunOutcome::Fail);
    CHECK(older.failingSince == 0);
    CHECK(older.failingBeforeWindow);
    CHECK(judgeHistory(seq("sFF"), RunOutcome::Fail).failingBeforeWindow); // skipped runs are passed over
    CHECK_FALSE(judgeHistory(seq("FF"), RunOutcome::Pass).failingBeforeWindow); // it broke where the window starts
    CHECK_FALSE(judgeHistory(seq("FF")).failingBeforeWindow);
    const HistoryVerdict broke = judgeHistory(seq("F.F"), RunOutcome::Fail);
    CHECK(broke.failingSince == 2); // a pass in the window: the streak began after it
    CHECK_FALSE(broke.failingBeforeWindow);
    CHECK_FALSE(judgeHistory(seq("FF "), RunOutcome::Fail).failingBeforeWindow); // gone: no streak
}

TEST_CASE(
    "a test failing since it appeared in the window is failing since then, not failing for long", "[history][verdict]")
{
    // QA: a brand-new failing test was listed as "failing throughout", as if it had failed all along.
    const HistoryVerdict fresh = judgeHistory(seq("  F"));
    CHECK(fresh.kind == HistoryKind::Failing);
    CHECK(fresh.failingSince == 2);
    CHECK(fresh.failingSinceAppeared);
    CHECK(fresh.newFailure);
    CHECK(judgeHistory(seq(" FF")).failingSinceAppeared); // appeared in run 2, failing since
    CHECK_FALSE(judgeHistory(seq("FF")).failingSinceAppeared); // in the window's first run: maybe older than that
    CHECK_FALSE(judgeHistory(seq(" FF"), RunOutcome::Pass).failingSinceAppeared); // the run before had it
    CHECK_FALSE(judgeHistory(seq("sFF")).failingSinceAppeared); // there, skipped, before it failed
    CHECK_FALSE(judgeHistory(seq(".FF")).failingSinceAppeared); // a regression
    CHECK_FALSE(judgeHistory(seq("F.F")).failingSinceAppeared); // the streak began after a pass
    CHECK_FALSE(judgeHistory(seq("FF "), RunOutcome::Absent).failingSinceAppeared); // gone
}

TEST_CASE("a stored result is named what it is", "[history][verdict]")
{
    CHECK(storedResultName(int(TestStatus::Passed)) == QStringLiteral("pass"));
    CHECK(storedResultName(int(TestStatus::Error)) == QStringLiteral("fail"));
    CHECK(storedResultName(int(TestStatus::Skipped)) == QStringLiteral("skipped"));
    CHECK(storedResultName(int(TestStatus::Failed) | ExpectedFailureBit) == QStringLiteral("expected failure"));
    CHECK(storedResultKey(int(TestStatus::Failed) | ExpectedFailureBit) == QStringLiteral("expected-failure"));
    CHECK(storedResultName(int(TestStatus::Unknown)) == QStringLiteral("unknown"));
    CHECK(storedResultName(-1) == QStringLiteral("absent"));
}

TEST_CASE("a verdict over one counted run says run, not runs", "[history][verdict]")
{
    // QA: with one stored run the dock said "failing: 0 flips in 1 counted runs".
    CHECK(judgeHistory(seq("F")).explanation() == QStringLiteral("0 flips in 1 counted run, failed 1 (100%)"));
    CHECK(judgeHistory(seq("s.s")).explanation() == QStringLiteral("0 flips in 1 counted run, failed 0 (0%)"));
    CHECK(judgeHistory(seq("F.")).explanation() == QStringLiteral("1 flip in 2 counted runs, failed 1 (50%)"));
}

TEST_CASE("a new failure says why it is new: what the run before had of it", "[history][verdict]")
{
    // QA: a test that passed in the run before and fails now was listed with only "flaky: 3 flips …".
    CHECK(judgeHistory(seq(".F.F")).newFailureReason() == QStringLiteral("new: passed in the run before"));
    CHECK(judgeHistory(seq("..sF")).newFailureReason()
        == QStringLiteral("new: skipped or without a verdict in the run before"));
    CHECK(judgeHistory(seq(".. F")).newFailureReason() == QStringLiteral("new: no result in the run before"));
    CHECK(judgeHistory(seq("F"), RunOutcome::Pass).newFailureReason()
        == QStringLiteral("new: passed in the run before")); // a window of one run: the run before it
    CHECK(judgeHistory(seq("..FF")).newFailureReason().isEmpty()); // failing since the run before: not new
    CHECK(judgeHistory(seq("..F.")).newFailureReason().isEmpty());
}
