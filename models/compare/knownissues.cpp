// SPDX-License-Identifier: GPL-3.0-or-later
#include "knownissues.h"

namespace Gapwise {
namespace {

    const Gap *gapOf(const Report &report, const TestCase &test, const QHash<QString, int> &gapIndex)
    {
        const int g = gapIndex.value(test.gapId, -1);
        return g < 0 ? nullptr : &report.gaps[g];
    }

    QHash<QString, int> indexGaps(const Report &report)
    {
        QHash<QString, int> index;
        for (int g = 0; g < report.gaps.size(); ++g)
            index.insert(report.gaps[g].id, g);
        return index;
    }

} // namespace

KnownIssues::KnownIssues(const QVector<KnownIssueMark> &marks)
    : m_marks(marks)
{
    for (int i = 0; i < m_marks.size(); ++i) {
        if (!m_marks[i].gapKey.isEmpty())
            m_byKey.insert(m_marks[i].gapKey, i);
        if (!m_marks[i].gapTitle.trimmed().isEmpty())
            m_byTitle.insert(m_marks[i].gapTitle.trimmed(), i);
    }
}

const KnownIssueMark *KnownIssues::of(const Gap &gap) const
{
    int i = m_byKey.value(gap.id, -1);
    if (i < 0)
        i = m_byTitle.value(gap.title.trimmed(), -1);
    return i < 0 ? nullptr : &m_marks[i];
}

int markKnownFailures(RunComparison &comparison, const Report &newTriaged, const KnownIssues &known)
{
    if (known.isEmpty())
        return 0;
    const QHash<QString, int> gapIndex = indexGaps(newTriaged);
    int marked = 0;
    for (TestChange &c : comparison.changes) {
        if (c.change != ChangeClass::NewFailure || c.newIndex < 0 || c.newIndex >= newTriaged.tests.size())
            continue;
        const Gap *gap = gapOf(newTriaged, newTriaged.tests[c.newIndex], gapIndex);
        if (gap && known.of(*gap)) {
            c.change = ChangeClass::KnownFailure;
            ++marked;
        }
    }
    comparison.counts[int(ChangeClass::NewFailure)] -= marked;
    comparison.counts[int(ChangeClass::KnownFailure)] += marked;
    return marked;
}

void noteKnownIssues(ComparisonDigest &digest, const Report &newTriaged, const KnownIssues &known)
{
    if (known.isEmpty())
        return;
    const QHash<QString, int> gapIndex = indexGaps(newTriaged);
    QHash<QString, int> testIndex;
    for (int t = 0; t < newTriaged.tests.size(); ++t)
        testIndex.insert(newTriaged.tests[t].id, t);
    for (ChangedTest &t : digest.tests) {
        if (t.change != ChangeClass::KnownFailure)
            continue;
        const int i = testIndex.value(t.id, -1);
        const Gap *gap = i < 0 ? nullptr : gapOf(newTriaged, newTriaged.tests[i], gapIndex);
        if (const KnownIssueMark *mark = gap ? known.of(*gap) : nullptr)
            t.knownIssue = mark->tracker;
    }
}

} // namespace Gapwise
