// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "report.h"
#include "runcomparison.h"
#include "triagecarryover.h"

#include <QLocale>
#include <QStringList>
#include <QVector>

namespace Gapwise {

// Failing tests of one phase or gap in the old and the new run.
struct GroupDelta
{
    QString id; // the new run's id; the old one's for a group that is gone
    QString title;
    int oldFailing = 0;
    int newFailing = 0;
    int delta() const { return newFailing - oldFailing; }
};

struct ChangedTest
{
    ChangeClass change = ChangeClass::Unchanged;
    QString id; // new id (old id for removed tests)
    QString name;
    QString phase; // phase name in the run that has the test (the new one when both do)
    QString gap; // gap title in the new run; in the old run for removed tests and ones failing no more (fixed)
    TestStatus oldStatus = TestStatus::Unknown;
    TestStatus newStatus = TestStatus::Unknown;
    bool inOld = false; // false for added tests and new failures that are new tests
    bool inNew = false; // false for removed tests
    QString oldGap = QString(); // gap title in the old run; empty for a test in no gap there, or not in the old run
    QString knownIssue = QString(); // a known failure's tracker id ("PROJ-123"; knownissues.h)
    int newIndex = -1; // into the new run's tests (its triaged session's, indexed alike); -1 for removed tests
};

// Everything the views and exports show about a comparison, computed once from the triaged runs.
struct ComparisonDigest
{
    QString oldSource; // the earlier run's report
    QString oldSession; // the session the earlier run was read from, which triages oldSource; empty for a report
    QString newSource;
    int counts[ChangeClassCount] = {};
    QVector<GroupDelta> phases;
    QVector<GroupDelta> gaps;
    QVector<ChangedTest> tests; // every test whose class is not "unchanged", in the comparison's order
    int carriedEdits = 0;
    int carriedChanges = 0; // carriedEdits as the engineer's changes, what the words say (changeCount)
    QStringList notCarried;
    QStringList restoredGaps;
    QStringList suggested; // "test → gap (why)"

    int count(ChangeClass change) const { return counts[int(change)]; }
};

// `carry` may be null (a plain report on the old side): then gaps match by id and title.
ComparisonDigest digestComparison(const Report &oldTriaged, const Report &newTriaged, const RunComparison &comparison,
    const CarryOverResult *carry = nullptr);

// The rows' gap titles as the new run is triaged now: a person's moves and renames after the comparison
// (the window's session) reach the per-test rows as they reach the per-gap deltas. Removed tests, and
// tests that failed then and fail no more, keep the gap they failed in. Returns the rows whose gap changed.
QVector<int> followTriage(QVector<ChangedTest> &tests, const Report &nowTriaged);

// The earlier side as people read it: its report, or "run1.gapwise (triage of run1.xml)" for a session
// (paths in full, or file names only when `fileNames`); what every header, banner and export says.
QString oldSideText(const ComparisonDigest &digest, bool fileNames = false);

// Numbers are written in `locale`: the C locale (the default) writes them plain, for files and scripts; the
// window passes QLocale() so that its comparison texts group digits as its tree and filters do ("+3,329").
QString deltaText(int delta, const QLocale &locale = QLocale::c()); // "+3", "−5", "±0"
QString groupDeltaText(const GroupDelta &g, const QLocale &locale = QLocale::c()); // "“DB down”: 4 → 6 (+2)"

// The number of tests per change class, most important first ("3 new failures", "1 fixed", …); new failures
// and fixed always, the other classes when there are any.
QStringList changeCountLines(const ComparisonDigest &digest, const QLocale &locale = QLocale::c());

// The "since last run" block for the first page of the PDF and the head of the Markdown plan: short lines,
// most important first ("3 new failures", "5 fixed", "Gap “DB down”: 4 → 6 (+2)").
QStringList sinceLastRunLines(const ComparisonDigest &digest, const QLocale &locale = QLocale::c());

} // namespace Gapwise
