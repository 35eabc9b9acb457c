// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QVector>

namespace Gapwise {

// What the tree filter's history choice keeps: failures new in this run (and not a known issue), flaky
// tests, regressions.
enum class HistoryFilter
{
    All,
    New,
    Flaky,
    Regression
};

// What the tree shows of the run history, per Report::tests index: each test's strip of last runs, its
// verdict as marks, a tooltip saying since when it fails. Plain data made with the history in a worker
// (the store's TreeHistory fills it) and handed to the tree model whole; empty strings where the store does
// not know the test.
struct TestHistoryMarks
{
    enum Mark : unsigned char
    {
        NewMark = 1, // failing now, passing before, no known issue
        FlakyMark = 2,
        RegressionMark = 4,
        KnownMark = 8, // failing now, passing before, in a gap marked as a known issue
    };
    QVector<QString> strips; // "..F.F": '.' pass, 'F' fail, 's' skipped or expected, ' ' absent; oldest first
    QVector<unsigned char> marks; // Mark bits
    QVector<QString> toolTips; // "regression: …\nfailing since #12"

    int size() const { return int(strips.size()); }
    QString strip(int testIndex) const { return strips.value(testIndex); }
    unsigned marksOf(int testIndex) const { return marks.value(testIndex, 0); }
    bool matches(int testIndex, HistoryFilter filter) const
    {
        switch (filter) {
        case HistoryFilter::New:
            return marksOf(testIndex) & NewMark;
        case HistoryFilter::Flaky:
            return marksOf(testIndex) & FlakyMark;
        case HistoryFilter::Regression:
            return marksOf(testIndex) & RegressionMark;
        case HistoryFilter::All:
            break;
        }
        return true;
    }
};

} // namespace Gapwise
