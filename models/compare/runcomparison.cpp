// SPDX-License-Identifier: GPL-3.0-or-later
#include "runcomparison.h"

#include "counttext.h"
#include "testnamematch.h"

namespace Gapwise {
namespace {

    struct Matcher
    {
        using Groups = QVector<QPair<QVector<int>, QVector<int>>>; // (old tests, new tests) sharing a key

        const Report &oldRun;
        const Report &newRun;
        QVector<int> newForOld; // -1 while unmatched
        QVector<int> oldForNew;

        Matcher(const Report &o, const Report &n)
            : oldRun(o)
            , newRun(n)
            , newForOld(int(o.tests.size()), -1)
            , oldForNew(int(n.tests.size()), -1)
        {
        }

        void match(int o, int n)
        {
            newForOld[o] = n;
            oldForNew[n] = o;
        }

        void matchSameIds()
        {
            QHash<QString, int> newById;
            newById.reserve(newRun.tests.size());
            for (int n = 0; n < newRun.tests.size(); ++n)
                newById.insert(newRun.tests[n].id, n);
            for (int o = 0; o < oldRun.tests.size(); ++o) {
                const int n = newById.value(oldRun.tests[o].id, -1);
                if (n >= 0 && oldForNew[n] < 0)
                    match(o, n);
            }
        }

        // Unmatched tests of one run grouped by a key, in document order.
        template <typename KeyOf>
        static QHash<QString, QVector<int>> unmatchedBy(const Report &run, const QVector<int> &partner, KeyOf keyOf)
        {
            QHash<QString, QVector<int>> groups;
            for (int i = 0; i < run.tests.size(); ++i) {
                if (partner[i] < 0)
                    groups[keyOf(run.tests[i])].append(i);
            }
            return groups;
        }

        // Pairs the keys that name exactly one unmatched test on each side; returns the ambiguous rest.
        template <typename KeyOf> Groups matchUnique(KeyOf keyOf)
        {
            const auto olds = unmatchedBy(oldRun, newForOld, keyOf);
            const auto news = unmatchedBy(newRun, oldForNew, keyOf);
            Groups ambiguous;
            for (auto it = olds.cbegin(); it != olds.cend(); ++it) {
                const auto found = news.constFind(it.key());
                if (found == news.cend())
                    continue;
                if (it->size() == 1 && found->size() == 1)
                    match(it->first(), found->first());
                else
                    ambiguous.append({ *it, *found });
            }
            return ambiguous;
        }

        QHash<QString, QString> phaseMapFromMatches() const
        {
            QHash<QString, QHash<QString, int>> votes;
            for (int o = 0; o < newForOld.size(); ++o) {
                if (newForOld[o] >= 0)
                    ++votes[oldRun.tests[o].phaseId][newRun.tests[newForOld[o]].phaseId];
            }
            QHash<QString, QString> map;
            for (auto it = votes.cbegin(); it != votes.cend(); ++it) {
                QString best;
                int bestVotes = 0;
                for (auto v = it->cbegin(); v != it->cend(); ++v) {
                    if (v.value() > bestVotes || (v.value() == bestVotes && v.key() < best)) { // ties: stable choice
                        best = v.key();
                        bestVotes = v.value();
                    }
                }
                map.insert(it.key(), best);
            }
            return map;
        }

        void matchThroughPhases(const Groups &ambiguous, const QHash<QString, QString> &phaseMap)
        {
            for (const auto &group : ambiguous) {
                for (int o : group.first) {
                    const QString phase = phaseMap.value(oldRun.tests[o].phaseId, oldRun.tests[o].phaseId);
                    for (int n : group.second) {
                        if (oldForNew[n] < 0 && newRun.tests[n].phaseId == phase) {
                            match(o, n);
                            break;
                        }
                    }
                }
            }
        }
    };

    QString keyOf(const TestCase &t)
    {
        return testMatchKey(t.name);
    }

    QString functionOf(const TestCase &t)
    {
        return testMatchFunction(t.name);
    }

    enum class State
    {
        Failing,
        Passed,
        Skipped,
        Other
    }; // Other: unknown, or an expected failure

    State stateOf(const TestCase &t)
    {
        if (failsInRun(t))
            return State::Failing;
        if (t.expectedFailure)
            return State::Other;
        if (t.status == TestStatus::Passed)
            return State::Passed;
        return t.status == TestStatus::Skipped ? State::Skipped : State::Other;
    }

    ChangeClass classify(const TestCase &before, const TestCase &now)
    {
        const State was = stateOf(before);
        const State is = stateOf(now);
        if (is == State::Failing)
            return was == State::Failing ? ChangeClass::StillFailing : ChangeClass::NewFailure;
        if (was == State::Failing) // no longer a failure: fixed only when it passes
            return is == State::Passed ? ChangeClass::Fixed : ChangeClass::NewlySkipped;
        if (was == is || was == State::Other || is == State::Other)
            return ChangeClass::Unchanged;
        return is == State::Passed ? ChangeClass::NewlyPassing : ChangeClass::NewlySkipped;
    }

} // namespace

QString changeCountText(ChangeClass change, qint64 count, const QLocale &locale)
{
    const QString one = QStringLiteral("%1 ") + changeClassName(change);
    const bool noun = change == ChangeClass::NewFailure || change == ChangeClass::KnownFailure;
    return countText(count, one, noun ? one + QLatin1Char('s') : one, locale);
}

QString changeClassName(ChangeClass change)
{
    switch (change) {
    case ChangeClass::NewFailure:
        return QStringLiteral("new failure");
    case ChangeClass::KnownFailure:
        return QStringLiteral("known failure");
    case ChangeClass::Fixed:
        return QStringLiteral("fixed");
    case ChangeClass::StillFailing:
        return QStringLiteral("still failing");
    case ChangeClass::NewlyPassing:
        return QStringLiteral("newly passing");
    case ChangeClass::NewlySkipped:
        return QStringLiteral("newly skipped");
    case ChangeClass::Added:
        return QStringLiteral("added");
    case ChangeClass::Removed:
        return QStringLiteral("removed");
    case ChangeClass::Unchanged:
        break;
    }
    return QStringLiteral("unchanged");
}

QString changeClassTitle(ChangeClass change)
{
    QString title = changeClassName(change);
    title[0] = title[0].toUpper();
    return title;
}

QString changeClassKey(ChangeClass change)
{
    return changeClassName(change).replace(QLatin1Char(' '), QLatin1Char('-'));
}

bool failsInRun(const TestCase &test)
{
    return isFailing(test.status) && !test.expectedFailure;
}

RunComparison compareRuns(const Report &oldRun, const Report &newRun)
{
    Matcher m(oldRun, newRun);
    m.matchSameIds();
    const auto ambiguous = m.matchUnique(keyOf);
    RunComparison result;
    result.phaseMap = m.phaseMapFromMatches();
    m.matchThroughPhases(ambiguous, result.phaseMap);
    m.matchUnique(functionOf);
    result.phaseMap = m.phaseMapFromMatches(); // the last passes may have found phases the first did not

    result.changes.reserve(newRun.tests.size());
    for (int n = 0; n < newRun.tests.size(); ++n) {
        TestChange c;
        c.newIndex = n;
        c.oldIndex = m.oldForNew[n];
        if (c.oldIndex >= 0) {
            c.change = classify(oldRun.tests[c.oldIndex], newRun.tests[n]);
            result.newIdForOld.insert(oldRun.tests[c.oldIndex].id, newRun.tests[n].id);
        } else {
            c.change = failsInRun(newRun.tests[n]) ? ChangeClass::NewFailure : ChangeClass::Added;
        }
        result.changes.append(c);
    }
    for (int o = 0; o < oldRun.tests.size(); ++o) {
        if (m.newForOld[o] < 0)
            result.changes.append({ ChangeClass::Removed, o, -1 });
    }
    for (const TestChange &c : std::as_const(result.changes))
        ++result.counts[int(c.change)];
    return result;
}

} // namespace Gapwise
