// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QVector>

namespace Gapwise {

// The "History" page of a PDF plan, as plain text and numbers: what the history store says about the last runs
// (made by planHistoryOf in models/store; the export library itself reads no store).
struct PlanHistoryTest
{
    QString name;
    QString strip; // the last runs, oldest first: '.' pass, 'F' fail, 's' skipped or expected, ' ' absent
    QString numbers; // "7 flips in 20 counted runs, failed 5 (25%)"
    QString failingSince; // "#12 run-011.xml"; empty when not failing
    bool newFailure = false;
    QString knownIssue; // tracker id when its gap is a known issue
};

struct PlanHistoryGap
{
    QString title;
    QString tracker; // known issue, else empty
    QVector<int> failures; // per run of the window, oldest first
};

struct PlanHistory
{
    QString store; // the store's name as messages give it
    QString firstRun, lastRun; // display names of the window's ends
    int runs = 0;
    QString rule;
    int newFailures = 0;
    int knownFailures = 0; // of the new failures, in a gap that is a known issue
    QVector<PlanHistoryTest> flaky, regressions, failing;
    QVector<PlanHistoryGap> gaps;
};

} // namespace Gapwise
