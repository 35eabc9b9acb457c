// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QVector>

namespace Gapwise {

// A test's result in one stored run, reduced to what history cares about.
enum class RunOutcome : char
{
    Pass, // passed
    Fail, // failed or error, and not an expected failure
    Other, // skipped, expected failure, unknown: neither proves nor disproves a break
    Absent, // the run did not have the test
};

QString runOutcomeName(RunOutcome outcome); // "pass", "fail", "other", "absent"
// A test's runs as one cell each, oldest first: '.' pass, 'F' fail, 's' skipped or expected, ' ' absent. The
// strip the tree and the history dock paint, the CLI prints and the PDF plan draws.
QString outcomeStrip(const QVector<RunOutcome> &outcomes);

// What a test's history in a window of runs says (docs in README.md, "Run history"):
// - only pass and fail results count; skipped, unknown and absent runs are passed over;
// - a flip is a fail after a pass or a pass after a fail, between consecutive counted results;
// - flaky: at least two flips in the window; it went back and forth, so a failure alone says little;
// - regression: exactly one flip, from pass to fail, and failing since: it broke and stayed broken;
// - fixed: exactly one flip, from fail to pass;
// - failing: failed in every counted run of the window (broken before the window began);
// - stable: passed in every counted run; no data: no counted run;
// - gone: the newest run of the window does not have it (removed, or not run). Every verdict above says what
//   the test does now, which no run shows for a gone test; it gets none of them, its strip shows its absences.
enum class HistoryKind
{
    NoData,
    Stable,
    Flaky,
    Regression,
    Fixed,
    Failing,
    Gone
};
// "no data", "stable", "flaky", "regression", "fixed", "failing", "gone"
QString historyKindName(HistoryKind kind);

struct HistoryVerdict
{
    HistoryKind kind = HistoryKind::NoData;
    int flips = 0;
    int failures = 0; // counted runs that failed
    int counted = 0; // runs with a pass or a fail
    int failingSince = -1; // index of the first run of the failing streak that reaches the newest run; -1 if none
    // The streak reaches back into the run before the window: it began before the window's run failingSince.
    bool failingBeforeWindow = false;
    // The streak began where the test appeared: absent from the window's earlier runs and the run before it.
    // Its "failing since" is then its first run, not a break: a new test, not one failing for long.
    bool failingSinceAppeared = false;
    // Fails in the newest run and did not in the run before it (passed, skipped, or lacked it), as `compare`
    // of those two runs says: whatever the window, even one of a single run.
    bool newFailure = false;
    RunOutcome runBefore = RunOutcome::Absent; // the test in the run before the newest one
    double failureRate() const { return counted == 0 ? 0.0 : double(failures) / counted; }
    // "3 flips in 20 counted runs, failed 6 (30%)" — the numbers behind the verdict; a gone test's say so first.
    QString explanation() const;
    // Why a new failure is new: "new: passed in the run before" (skipped there, not in it); empty when not new.
    QString newFailureReason() const;
};

// `outcomes` oldest first: one per run of the window. `before`: the test in the run just before the window
// (Absent when there is none): what "new" compares a window of one run with, and where a failing streak that
// starts the window may have begun. The verdict's counts are the window's alone.
HistoryVerdict judgeHistory(const QVector<RunOutcome> &outcomes, RunOutcome before = RunOutcome::Absent);

constexpr int DefaultHistoryWindow = 20;
constexpr int FlakyFlipThreshold = 2;

} // namespace Gapwise
