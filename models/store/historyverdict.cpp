// SPDX-License-Identifier: GPL-3.0-or-later
#include "historyverdict.h"

namespace Gapwise {

QString runOutcomeName(RunOutcome outcome)
{
    switch (outcome) {
    case RunOutcome::Pass:
        return QStringLiteral("pass");
    case RunOutcome::Fail:
        return QStringLiteral("fail");
    case RunOutcome::Other:
        return QStringLiteral("other");
    case RunOutcome::Absent:
        break;
    }
    return QStringLiteral("absent");
}

QString historyKindName(HistoryKind kind)
{
    switch (kind) {
    case HistoryKind::Stable:
        return QStringLiteral("stable");
    case HistoryKind::Flaky:
        return QStringLiteral("flaky");
    case HistoryKind::Regression:
        return QStringLiteral("regression");
    case HistoryKind::Fixed:
        return QStringLiteral("fixed");
    case HistoryKind::Failing:
        return QStringLiteral("failing");
    case HistoryKind::Gone:
        return QStringLiteral("gone");
    case HistoryKind::NoData:
        break;
    }
    return QStringLiteral("no data");
}

QString HistoryVerdict::explanation() const
{
    return QStringLiteral("%1%2 %3 in %4 %5, failed %6 (%7%)")
        .arg(kind == HistoryKind::Gone ? QStringLiteral("not in the newest run; ") : QString())
        .arg(flips)
        .arg(flips == 1 ? QStringLiteral("flip") : QStringLiteral("flips"))
        .arg(counted)
        .arg(counted == 1 ? QStringLiteral("counted run") : QStringLiteral("counted runs"))
        .arg(failures)
        .arg(qRound(failureRate() * 100));
}

QString HistoryVerdict::newFailureReason() const
{
    if (!newFailure)
        return QString();
    switch (runBefore) {
    case RunOutcome::Pass:
        return QStringLiteral("new: passed in the run before");
    case RunOutcome::Other:
        return QStringLiteral("new: skipped or without a verdict in the run before");
    case RunOutcome::Fail: // not new
    case RunOutcome::Absent:
        break;
    }
    return QStringLiteral("new: no result in the run before");
}

HistoryVerdict judgeHistory(const QVector<RunOutcome> &outcomes, RunOutcome before)
{
    HistoryVerdict v;
    RunOutcome last = RunOutcome::Absent; // the latest counted result so far
    bool seen = before != RunOutcome::Absent; // a result of the test, counted or not, so far
    for (int i = 0; i < outcomes.size(); ++i) {
        const RunOutcome o = outcomes[i];
        // Where the window shows it absent first: in the window's first run a test may be as old as the store.
        const bool appears = !seen && o != RunOutcome::Absent && i > 0;
        seen = seen || o != RunOutcome::Absent;
        if (o != RunOutcome::Pass && o != RunOutcome::Fail)
            continue;
        ++v.counted;
        if (o == RunOutcome::Fail) {
            ++v.failures;
            if (last != RunOutcome::Fail) {
                v.failingSince = i;
                // The first counted result of the window, failing as in the run before it: the streak is older.
                v.failingBeforeWindow = last == RunOutcome::Absent && before == RunOutcome::Fail;
                v.failingSinceAppeared = appears;
            }
        } else {
            v.failingSince = -1;
            v.failingBeforeWindow = false;
            v.failingSinceAppeared = false;
        }
        if (last != RunOutcome::Absent && o != last)
            ++v.flips;
        last = o;
    }
    // "New" is about the newest run and the one before it, as compare judges the two.
    const RunOutcome runBefore = outcomes.size() >= 2 ? outcomes[outcomes.size() - 2] : before;
    v.newFailure = !outcomes.isEmpty() && outcomes.last() == RunOutcome::Fail && runBefore != RunOutcome::Fail;
    v.runBefore = runBefore;
    if (!outcomes.isEmpty() && outcomes.last() == RunOutcome::Absent) {
        // Passing over absent runs is for gaps in a test's history, not its end: a test the newest run lacks
        // does nothing now, so it is not failing (nor failing since), flaky, fixed or stable any more.
        v.kind = HistoryKind::Gone;
        v.failingSince = -1;
        v.failingBeforeWindow = false;
        v.failingSinceAppeared = false;
        return v;
    }
    if (v.counted == 0)
        v.kind = HistoryKind::NoData;
    else if (v.flips >= FlakyFlipThreshold)
        v.kind = HistoryKind::Flaky;
    else if (v.flips == 1)
        v.kind = last == RunOutcome::Fail ? HistoryKind::Regression : HistoryKind::Fixed;
    else
        v.kind = last == RunOutcome::Fail ? HistoryKind::Failing : HistoryKind::Stable;
    return v;
}

QString outcomeStrip(const QVector<RunOutcome> &outcomes)
{
    QString s;
    s.reserve(outcomes.size());
    for (RunOutcome o : outcomes)
        s += o == RunOutcome::Pass   ? QLatin1Char('.')
            : o == RunOutcome::Fail  ? QLatin1Char('F')
            : o == RunOutcome::Other ? QLatin1Char('s')
                                     : QLatin1Char(' ');
    return s;
}

} // namespace Gapwise
