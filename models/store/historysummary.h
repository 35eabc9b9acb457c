// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "historystore.h"
#include "knownissues.h"

#include <QJsonObject>

namespace Gapwise {

struct JudgedTest
{
    TestTimeline timeline;
    HistoryVerdict verdict;
    // Display name of the run where the current failing streak began, "before #4 nightly.xml" when it failed in
    // the run before the window too (the window does not show where it began).
    QString failingSinceRun;
    QString knownIssue; // tracker id when its gap (in the newest run) is a known issue
};

// `timeline` judged over `window` (its runs), with its failing since. No known issue: the caller knows them.
JudgedTest judgeTest(const TestTimeline &timeline, const QVector<StoredRun> &window);

// What the last runs of a store say: flaky tests, regressions, new failures, tests that failed whenever they ran, and
// each gap's failures per run. Made by one call from a worker or the command line; plain data after that.
struct HistorySummary
{
    QString storePath;
    QVector<StoredRun> window; // oldest first
    QVector<JudgedTest> flaky;
    QVector<JudgedTest> regressions;
    QVector<JudgedTest> failing; // failing in every counted run of the window
    QVector<JudgedTest> fixed;
    int newFailures = 0; // fail in the newest run and did not before (in any of the lists above)
    int knownFailures = 0; // of those, in a gap that is a known issue
    QVector<GapTrend> gaps;

    QJsonObject toJson() const;
};

// Over the last `windowRuns` runs, ending with the run `upToRunId` (0: the newest).
std::optional<HistorySummary> summariseHistory(
    const HistoryStore &store, int windowRuns, QString *error, qint64 upToRunId = 0);
// The "History" section of a Markdown plan: the window, the rule, new and known failures, flaky tests,
// regressions with "failing since", failures per gap per run.
QByteArray historyToMarkdown(const HistorySummary &summary);

// The store's known issues as compare judges new failures with them.
KnownIssues knownIssuesOf(const QVector<KnownIssue> &issues);

QJsonObject judgedTestJson(const JudgedTest &t, const QVector<StoredRun> &window);
QString historyRuleText(); // the rule, for people, as the CLI and exports print it

} // namespace Gapwise
