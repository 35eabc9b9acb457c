// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "historysummary.h"
#include "knownissues.h"
#include "report.h"
#include "testhistorymarks.h"

#include <QHash>

#include <optional>

namespace Gapwise {

// The open report's tests and gaps as the history store knows them: each test's outcomes in the runs up to
// and including this one (the window), its verdict, and each gap's failures per run. Plain data, made in a
// worker (loadTreeHistory) and handed to the tree model whole.
struct TreeHistory
{
    QString storePath;
    qint64 currentRunId = 0;
    QVector<StoredRun> window; // oldest first; the open run is the last
    QVector<int> judgedOfTest; // per Report::tests index: index into `tests`, -1 when the store lacks it
    QVector<JudgedTest> tests;
    QHash<QString, GapTrend> gaps; // by gap id
    KnownIssues knownIssues; // the store's: what a comparison in the window judges new failures with

    const JudgedTest *testAt(int testIndex) const;
    const GapTrend *gapTrend(const QString &gapId) const;
    bool matches(int testIndex, HistoryFilter filter) const;
    // "F.F..F" with '.' pass, 'F' fail, 's' skipped or expected, ' ' absent: what the strip paints.
    QString strip(int testIndex) const;
    QString summaryText(int testIndex) const; // "flaky", "regression, failing since #12 …", "new", ""
    // The runs of the window that hold none of the open run's tests: another suite's, kept in the same store.
    // The window is the store's runs by date up to the open one, whatever they ran; in these every test of
    // this run is absent.
    QVector<StoredRun> runsWithoutItsTests() const;
    // What the tree shows and filters by (strips, verdict marks, tooltips): made with the history, in the worker.
    TestHistoryMarks marks;
};

// The tree's share of a history: every test's strip, marks and tooltip.
TestHistoryMarks testHistoryMarks(const TreeHistory &history);

// Opens the store at `storePath`; with `addRun`, adds the report first (created when missing). Finds the
// report's run by `contentHash` and reads `windowRuns` runs up to it. nullopt with `error` when the store
// cannot be read or does not hold this run. Runs in a worker thread: it opens its own connection.
// `password`: for a PostgreSQL store whose password libpq did not find (the window asked for it; never saved);
// `passwordRequired` tells the window to ask.
std::optional<TreeHistory> loadTreeHistory(const Report &report, const QString &sourceFile, const QString &contentHash,
    const QString &storePath, bool addRun, int windowRuns, QString *error, const QString &password = QString(),
    bool *passwordRequired = nullptr, bool *unreachable = nullptr);

// The known issues in the store at `storePath` as they are now (`gapwise history known` may have marked one since
// the window read its history). Off the GUI thread: this opens the store.
std::optional<KnownIssues> readKnownIssues(const QString &storePath, const QString &password, QString *error);

} // namespace Gapwise
