// SPDX-License-Identifier: GPL-3.0-or-later
#include "treehistory.h"

#include <QFileInfo>

namespace Gapwise {

const JudgedTest *TreeHistory::testAt(int testIndex) const
{
    const int j = judgedOfTest.value(testIndex, -1);
    return j >= 0 ? &tests[j] : nullptr;
}

const GapTrend *TreeHistory::gapTrend(const QString &gapId) const
{
    const auto it = gaps.constFind(gapId);
    return it == gaps.cend() ? nullptr : &*it;
}

bool TreeHistory::matches(int testIndex, HistoryFilter filter) const
{
    if (filter == HistoryFilter::All)
        return true;
    const JudgedTest *t = testAt(testIndex);
    if (!t)
        return false;
    switch (filter) {
    case HistoryFilter::New:
        return t->verdict.newFailure && t->knownIssue.isEmpty();
    case HistoryFilter::Flaky:
        return t->verdict.kind == HistoryKind::Flaky;
    case HistoryFilter::Regression:
        return t->verdict.kind == HistoryKind::Regression;
    case HistoryFilter::All:
        break;
    }
    return true;
}

QString TreeHistory::strip(int testIndex) const
{
    const JudgedTest *t = testAt(testIndex);
    if (!t)
        return {};
    return outcomeStrip(t->timeline.outcomes);
}

QString TreeHistory::summaryText(int testIndex) const
{
    const JudgedTest *t = testAt(testIndex);
    if (!t)
        return {};
    const HistoryVerdict &v = t->verdict;
    if (v.newFailure && !t->knownIssue.isEmpty())
        return QStringLiteral("known (%1)").arg(t->knownIssue);
    switch (v.kind) {
    case HistoryKind::Flaky:
        return QStringLiteral("flaky");
    case HistoryKind::Regression:
        return v.newFailure ? QStringLiteral("new") : QStringLiteral("since %1").arg(t->failingSinceRun);
    case HistoryKind::Failing: // new in the newest run and failing there: new, as a regression would be
        return v.newFailure && v.failingSinceAppeared ? QStringLiteral("new")
                                                      : QStringLiteral("since %1").arg(t->failingSinceRun);
    default:
        break;
    }
    return v.newFailure ? QStringLiteral("new") : QString();
}

TestHistoryMarks testHistoryMarks(const TreeHistory &history)
{
    TestHistoryMarks m;
    const int n = int(history.judgedOfTest.size());
    m.strips.reserve(n);
    m.marks.reserve(n);
    m.toolTips.reserve(n);
    for (int i = 0; i < n; ++i) {
        m.strips.append(history.strip(i));
        unsigned char bits = 0;
        bits |= history.matches(i, HistoryFilter::New) ? TestHistoryMarks::NewMark : 0;
        bits |= history.matches(i, HistoryFilter::Flaky) ? TestHistoryMarks::FlakyMark : 0;
        bits |= history.matches(i, HistoryFilter::Regression) ? TestHistoryMarks::RegressionMark : 0;
        const JudgedTest *t = history.testAt(i);
        bits |= t && t->verdict.newFailure && !t->knownIssue.isEmpty() ? TestHistoryMarks::KnownMark : 0;
        m.marks.append(bits);
        QString tip;
        if (!t) {
            tip = QStringLiteral("not in the stored runs");
        } else {
            tip = historyKindName(t->verdict.kind) + QStringLiteral(": ") + t->verdict.explanation();
            if (!t->failingSinceRun.isEmpty())
                tip += QStringLiteral("\nfailing since %1").arg(t->failingSinceRun);
            if (t->verdict.newFailure && !t->knownIssue.isEmpty())
                tip += QStringLiteral("\nknown issue %1").arg(t->knownIssue);
        }
        m.toolTips.append(tip);
    }
    return m;
}

QVector<StoredRun> TreeHistory::runsWithoutItsTests() const
{
    QVector<bool> holds(window.size(), false);
    for (int judged : judgedOfTest) {
        if (judged < 0)
            continue;
        const QVector<RunOutcome> &outcomes = tests[judged].timeline.outcomes;
        for (int c = 0; c < outcomes.size() && c < holds.size(); ++c)
            holds[c] = holds[c] || outcomes[c] != RunOutcome::Absent;
    }
    QVector<StoredRun> out;
    for (int c = 0; c < window.size(); ++c) {
        if (!holds[c] && window[c].id != currentRunId)
            out.append(window[c]);
    }
    return out;
}

std::optional<TreeHistory> loadTreeHistory(const Report &report, const QString &sourceFile, const QString &contentHash,
    const QString &storePath, bool addRun, int windowRuns, QString *error, const QString &password,
    bool *passwordRequired, bool *unreachable)
{
    HistoryStore store;
    store.setPassword(password);
    if (!store.open(storePath, addRun, error)) {
        if (passwordRequired)
            *passwordRequired = store.passwordRequired();
        if (unreachable) // the store may come back (a server down, a file on a share): worth another try
            *unreachable = !store.passwordRequired();
        return std::nullopt;
    }
    TreeHistory h;
    h.storePath = storePath;
    if (addRun && holdsTestResults(report)) {
        const auto added = store.addRun(makeRunRecord(report, QFileInfo(sourceFile).absoluteFilePath(), contentHash,
                                            QFileInfo(sourceFile).lastModified()),
            error);
        if (!added)
            return std::nullopt;
    }
    const auto run = store.findRunByHash(contentHash, error);
    if (!run) {
        if (error->isEmpty())
            *error = QStringLiteral("this report is not in the history store %1").arg(storePath);
        return std::nullopt;
    }
    h.currentRunId = run->id;
    QVector<StoredRun> upToThis;
    bool found = false;
    for (const StoredRun &r : store.runs(error)) {
        upToThis.append(r);
        found = r.id == run->id;
        if (found)
            break;
    }
    // A list that failed to read, or a run deleted since it was found, leaves no window to judge in: the dock
    // says why instead of charting nothing.
    if (!found) {
        if (error->isEmpty())
            *error = QStringLiteral("run #%1 is no longer in the history store %2").arg(run->id).arg(storePath);
        return std::nullopt;
    }
    h.window = lastRuns(upToThis, windowRuns);
    const auto timelines = store.timelines(h.window, false, error, runBefore(upToThis, h.window));
    const auto gaps = store.gapTrends(h.window, error);
    const auto known = store.knownIssues(error);
    if (!timelines || !gaps || !known)
        return std::nullopt;
    QHash<QString, QString> trackerOfGap;
    for (const KnownIssue &k : *known)
        trackerOfGap.insert(k.gapKey, k.tracker);
    h.knownIssues = knownIssuesOf(*known);
    QHash<QString, int> judgedOfKey;
    h.tests.reserve(timelines->size());
    for (const TestTimeline &t : *timelines) {
        JudgedTest j = judgeTest(t, h.window);
        j.knownIssue = trackerOfGap.value(t.gaps.isEmpty() ? QString() : t.gaps.last());
        judgedOfKey.insert(t.key, int(h.tests.size()));
        h.tests.append(std::move(j));
    }
    const QVector<QString> keys = historyTestKeys(report);
    h.judgedOfTest.reserve(keys.size());
    for (const QString &key : keys)
        h.judgedOfTest.append(judgedOfKey.value(key, -1));
    for (const GapTrend &g : *gaps)
        h.gaps.insert(g.key, g);
    h.marks = testHistoryMarks(h);
    return h;
}

std::optional<KnownIssues> readKnownIssues(const QString &storePath, const QString &password, QString *error)
{
    HistoryStore store;
    store.setPassword(password);
    if (!store.open(storePath, false, error))
        return std::nullopt;
    const auto known = store.knownIssues(error);
    if (!known)
        return std::nullopt;
    return knownIssuesOf(*known);
}

} // namespace Gapwise
