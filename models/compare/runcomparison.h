// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "report.h"

#include <QHash>
#include <QLocale>
#include <QString>
#include <QVector>

namespace Gapwise {

// How a test changed between two runs. A test that appears for the first time and fails is a new
// failure (what CI gates on); "added" are the new tests that do not fail. A failure that no longer fails
// but does not pass either (skipped, now an expected failure, no status) is "newly skipped". A new failure in a
// gap marked as a known issue (a tracker id in the history store) is a "known failure" instead (knownissues.h).
enum class ChangeClass
{
    NewFailure,
    KnownFailure,
    Fixed,
    StillFailing,
    NewlyPassing,
    NewlySkipped,
    Added,
    Removed,
    Unchanged
};
constexpr int ChangeClassCount = 9;

QString changeClassName(ChangeClass change); // "new failure", "fixed", ... for people
// A count of one change with its name, "1 new failure", "2 known failures", "3 fixed", grouped by `locale`.
QString changeCountText(ChangeClass change, qint64 count, const QLocale &locale);
QString changeClassTitle(ChangeClass change); // "New failure", "Fixed", ...: a list entry of its own
QString changeClassKey(ChangeClass change); // "new-failure", "fixed", ... for JSON and CSV

// Failing and not expected to (an xfail that fails is not news).
bool failsInRun(const TestCase &test);

struct TestChange
{
    ChangeClass change = ChangeClass::Unchanged;
    int oldIndex = -1; // into the old run's tests; -1 for added tests
    int newIndex = -1; // into the new run's tests; -1 for removed tests
};

// Which test of the old run is which test of the new one, and what changed.
struct RunComparison
{
    QVector<TestChange> changes; // every new test in the new run's order, then removed ones in old order
    QHash<QString, QString> newIdForOld; // matched tests: old test id → new test id
    QHash<QString, QString> phaseMap; // old phase id → new phase id (renamed phases follow their tests)
    int counts[ChangeClassCount] = {};

    int count(ChangeClass change) const { return counts[int(change)]; }
};

// Matches tests by stable identity and classifies them, in passes from the surest to the loosest:
// 1. the same test id (same phase, same normalised key);
// 2. the same normalised key without the phase (node id, or classname::name for JUnit), unique on both sides;
// 3. a key several tests share: the one in the phase the other matches map the old phase to;
// 4. the same test function (`test_x` written bare in one run, as a node id in the other), unique on both
//    sides.
// Linear in the number of tests (hash lookups only).
RunComparison compareRuns(const Report &oldRun, const Report &newRun);

} // namespace Gapwise
