// SPDX-License-Identifier: GPL-3.0-or-later
#include "historysummary.h"

#include <QJsonArray>

#include <algorithm>

namespace Gapwise {

QString historyRuleText()
{
    return QStringLiteral("Only pass and fail results count (skipped, expected failures and absent runs are passed "
                          "over). A flip is a change between pass and fail. Flaky: at least %1 flips in the window. "
                          "Regression: one flip, from pass to fail, failing since. Fixed: one flip, from fail to "
                          "pass. Failing: failed in every counted run of the window (listed as failed whenever run; "
                          "one that appeared in the window fails since it appeared). A test the newest run does "
                          "not have is gone (removed, or not run) and gets none of these verdicts.")
        .arg(FlakyFlipThreshold);
}

JudgedTest judgeTest(const TestTimeline &timeline, const QVector<StoredRun> &window)
{
    JudgedTest j { timeline, timeline.verdict(), {}, {} };
    if (j.verdict.failingSince >= 0 && j.verdict.failingSince < window.size()) {
        const QString run = window[j.verdict.failingSince].displayName();
        j.failingSinceRun = j.verdict.failingBeforeWindow ? QStringLiteral("before %1").arg(run)
            : j.verdict.failingSinceAppeared              ? QStringLiteral("%1, where it appeared").arg(run)
                                                          : run;
    }
    return j;
}

QJsonObject judgedTestJson(const JudgedTest &t, const QVector<StoredRun> &window)
{
    QJsonArray outcomes;
    for (int i = 0; i < t.timeline.outcomes.size(); ++i)
        outcomes.append(i < t.timeline.statuses.size() ? storedResultKey(t.timeline.statuses[i])
                                                       : runOutcomeName(t.timeline.outcomes[i]));
    QJsonObject o { { QStringLiteral("key"), t.timeline.key }, { QStringLiteral("name"), t.timeline.name },
        { QStringLiteral("verdict"), historyKindName(t.verdict.kind) }, { QStringLiteral("flips"), t.verdict.flips },
        { QStringLiteral("failures"), t.verdict.failures }, { QStringLiteral("countedRuns"), t.verdict.counted },
        { QStringLiteral("failureRate"), t.verdict.failureRate() },
        { QStringLiteral("newFailure"), t.verdict.newFailure }, { QStringLiteral("outcomes"), outcomes } };
    if (t.verdict.failingSince >= 0 && t.verdict.failingSince < window.size()) {
        o.insert(QStringLiteral("failingSinceRun"), window[t.verdict.failingSince].id);
        o.insert(QStringLiteral("failingSince"), t.failingSinceRun);
        if (t.verdict.failingBeforeWindow)
            o.insert(QStringLiteral("failingBeforeWindow"), true); // failingSinceRun is where the window starts
        if (t.verdict.failingSinceAppeared)
            o.insert(QStringLiteral("failingSinceAppeared"), true); // failingSinceRun is the test's first run
    }
    if (!t.knownIssue.isEmpty())
        o.insert(QStringLiteral("knownIssue"), t.knownIssue);
    return o;
}

std::optional<HistorySummary> summariseHistory(
    const HistoryStore &store, int windowRuns, QString *error, qint64 upToRunId)
{
    HistorySummary s;
    s.storePath = store.path();
    QString why;
    QVector<StoredRun> all = store.runs(&why);
    if (!why.isEmpty()) {
        *error = why;
        return std::nullopt;
    }
    for (int i = 0; upToRunId > 0 && i < all.size(); ++i) {
        if (all[i].id == upToRunId) {
            all.resize(i + 1);
            break;
        }
    }
    s.window = lastRuns(all, windowRuns);
    const auto timelines = store.timelines(s.window, true, error, runBefore(all, s.window));
    const auto gaps = store.gapTrends(s.window, error);
    const auto known = store.knownIssues(error);
    if (!timelines || !gaps || !known)
        return std::nullopt;
    s.gaps = *gaps;
    QHash<QString, QString> trackerOfGap;
    for (const KnownIssue &k : *known)
        trackerOfGap.insert(k.gapKey, k.tracker);
    for (const TestTimeline &t : *timelines) {
        JudgedTest j = judgeTest(t, s.window);
        if (!t.gaps.isEmpty())
            j.knownIssue = trackerOfGap.value(t.gaps.last());
        if (j.verdict.newFailure) {
            ++s.newFailures;
            s.knownFailures += j.knownIssue.isEmpty() ? 0 : 1;
        }
        switch (j.verdict.kind) {
        case HistoryKind::Flaky:
            s.flaky.append(j);
            break;
        case HistoryKind::Regression:
            s.regressions.append(j);
            break;
        case HistoryKind::Failing:
            s.failing.append(j);
            break;
        case HistoryKind::Fixed:
            s.fixed.append(j);
            break;
        default:
            break;
        }
    }
    // Most flips first for flaky tests; the oldest break first for regressions: those have waited longest.
    std::sort(s.flaky.begin(), s.flaky.end(), [](const JudgedTest &a, const JudgedTest &b) {
        return a.verdict.flips != b.verdict.flips ? a.verdict.flips > b.verdict.flips : a.timeline.key < b.timeline.key;
    });
    const auto byBreak = [](const JudgedTest &a, const JudgedTest &b) {
        return a.verdict.failingSince != b.verdict.failingSince ? a.verdict.failingSince < b.verdict.failingSince
                                                                : a.timeline.key < b.timeline.key;
    };
    std::sort(s.regressions.begin(), s.regressions.end(), byBreak);
    std::sort(s.failing.begin(), s.failing.end(), byBreak);
    std::sort(s.fixed.begin(), s.fixed.end(), byBreak);
    return s;
}

QJsonObject HistorySummary::toJson() const
{
    QJsonArray runs;
    for (const StoredRun &r : window)
        runs.append(QJsonObject { { QStringLiteral("id"), r.id }, { QStringLiteral("name"), r.displayName() },
            { QStringLiteral("time"), r.time.toString(Qt::ISODate) } });
    const auto list = [this](const QVector<JudgedTest> &tests) {
        QJsonArray a;
        for (const JudgedTest &t : tests)
            a.append(judgedTestJson(t, window));
        return a;
    };
    QJsonArray gapArray;
    for (const GapTrend &g : gaps) {
        QJsonArray failures;
        for (int f : g.failures)
            failures.append(f);
        QJsonObject o { { QStringLiteral("key"), g.key }, { QStringLiteral("title"), g.title },
            { QStringLiteral("failures"), failures } };
        if (!g.tracker.isEmpty()) {
            o.insert(QStringLiteral("tracker"), g.tracker);
            o.insert(QStringLiteral("url"), g.url);
        }
        gapArray.append(o);
    }
    return { { QStringLiteral("store"), storePath }, { QStringLiteral("rule"), historyRuleText() },
        { QStringLiteral("runs"), runs }, { QStringLiteral("newFailures"), newFailures },
        { QStringLiteral("knownFailures"), knownFailures }, { QStringLiteral("flaky"), list(flaky) },
        { QStringLiteral("regressions"), list(regressions) }, { QStringLiteral("failing"), list(failing) },
        { QStringLiteral("fixed"), list(fixed) }, { QStringLiteral("gaps"), gapArray } };
}

namespace {

    QString cell(QString text)
    {
        // A table cell: no column breaks, and "<NUM>" of a message template is text, not an HTML tag.
        return text.replace(QLatin1Char('|'), QStringLiteral("\\|"))
            .replace(QLatin1Char('<'), QStringLiteral("&lt;"))
            .replace(QLatin1Char('\n'), QLatin1Char(' '));
    }

    QString stripText(const QVector<RunOutcome> &outcomes)
    {
        QString s;
        for (RunOutcome o : outcomes)
            s += o == RunOutcome::Pass   ? QStringLiteral("✓")
                : o == RunOutcome::Fail  ? QStringLiteral("✗")
                : o == RunOutcome::Other ? QStringLiteral("–")
                                         : QStringLiteral("·");
        return s;
    }

    void judgedTable(QString &md, const QString &heading, const QVector<JudgedTest> &tests, bool since)
    {
        md += QStringLiteral("\n### %1 (%2)\n\n").arg(heading).arg(tests.size());
        if (tests.isEmpty()) {
            md += QStringLiteral("None.\n");
            return;
        }
        md += since ? QStringLiteral(
                  "| test | last runs | flips | failed | failing since |\n| --- | --- | ---: | ---: | --- |\n")
                    : QStringLiteral("| test | last runs | flips | failed |\n| --- | --- | ---: | ---: |\n");
        for (const JudgedTest &t : tests) {
            md += QStringLiteral("| `%1` | %2 | %3 | %4 of %5 (%6%) |")
                      .arg(cell(t.timeline.name), stripText(t.timeline.outcomes))
                      .arg(t.verdict.flips)
                      .arg(t.verdict.failures)
                      .arg(t.verdict.counted)
                      .arg(qRound(t.verdict.failureRate() * 100));
            if (since)
                md += QStringLiteral(" %1%2 |").arg(cell(t.failingSinceRun),
                    t.knownIssue.isEmpty() ? QString() : QStringLiteral(" (known: %1)").arg(cell(t.knownIssue)));
            md += QLatin1Char('\n');
        }
    }

} // namespace

QByteArray historyToMarkdown(const HistorySummary &s)
{
    QString md = QStringLiteral("## History\n\n");
    if (s.window.isEmpty())
        return QString(md + QStringLiteral("The history store holds no runs.\n")).toUtf8();
    md += QStringLiteral("The last %1 runs in the history store, %2 to %3 (✓ pass, ✗ fail, – skipped, · absent; "
                         "oldest first).\n\n")
              .arg(s.window.size())
              .arg(cell(s.window.first().displayName()), cell(s.window.last().displayName()));
    md += QStringLiteral("- **New failures** in %1: %2 (%3 of them in known issues)\n")
              .arg(cell(s.window.last().displayName()))
              .arg(s.newFailures)
              .arg(s.knownFailures);
    md += QStringLiteral("- **Flaky**: %1 · **Regressions**: %2 · **Failed whenever run**: %3 · **Fixed**: %4\n")
              .arg(s.flaky.size())
              .arg(s.regressions.size())
              .arg(s.failing.size())
              .arg(s.fixed.size());
    md += QStringLiteral("- Rule: %1\n").arg(historyRuleText());
    judgedTable(md, QStringLiteral("Flaky tests"), s.flaky, false);
    judgedTable(md, QStringLiteral("Regressions"), s.regressions, true);
    judgedTable(md, QStringLiteral("Failed whenever run"), s.failing, true);
    md += QStringLiteral("\n### Failures per gap per run\n\n");
    if (s.gaps.isEmpty()) {
        md += QStringLiteral("No gaps in these runs.\n");
    } else {
        md += QStringLiteral("| gap | known issue | failures per run (oldest first) |\n| --- | --- | --- |\n");
        for (const GapTrend &g : s.gaps) {
            QStringList counts;
            for (int f : g.failures)
                counts << QString::number(f);
            md += QStringLiteral("| %1 | %2 | %3 |\n")
                      .arg(cell(g.title.isEmpty() ? g.key : g.title),
                          g.tracker.isEmpty()
                              ? QString()
                              : cell(g.url.isEmpty() ? g.tracker : QStringLiteral("[%1](%2)").arg(g.tracker, g.url)),
                          counts.join(QLatin1Char(' ')));
        }
    }
    return md.toUtf8();
}

KnownIssues knownIssuesOf(const QVector<KnownIssue> &issues)
{
    QVector<KnownIssueMark> marks;
    marks.reserve(issues.size());
    for (const KnownIssue &k : issues)
        marks.append({ k.gapKey, k.gapTitle, k.tracker, k.url });
    return KnownIssues(marks);
}

} // namespace Gapwise
