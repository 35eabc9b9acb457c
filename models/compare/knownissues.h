// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "comparisondigest.h"
#include "report.h"
#include "runcomparison.h"

#include <QHash>
#include <QString>
#include <QVector>

namespace Gapwise {

// A gap a person marked as a known issue (`gapwise history known GAP TRACKER`; the history store keeps them):
// its new failures are expected news, "known", not "new".
struct KnownIssueMark
{
    QString gapKey; // the gap's id as runs name it ("gap-3")
    QString gapTitle;
    QString tracker; // "PROJ-123"
    QString url;
};

// The known issues a comparison is judged with. A gap of the new run is known when its id or its title is one a
// known issue names (ids are per run, titles are what a person wrote: either finds it again).
class KnownIssues
{
public:
    KnownIssues() = default;
    explicit KnownIssues(const QVector<KnownIssueMark> &marks);
    bool isEmpty() const { return m_byKey.isEmpty() && m_byTitle.isEmpty(); }
    const KnownIssueMark *of(const Gap &gap) const; // nullptr when the gap is no known issue

private:
    QVector<KnownIssueMark> m_marks;
    QHash<QString, int> m_byKey, m_byTitle;
};

// Turns the new failures of `comparison` whose gap in `newTriaged` (the new run with its triage, carried over
// or not) is a known issue into known failures, and counts them so. Returns how many it turned.
int markKnownFailures(RunComparison &comparison, const Report &newTriaged, const KnownIssues &known);

// Fills each known failure's tracker in `digest` (ChangedTest::knownIssue).
void noteKnownIssues(ComparisonDigest &digest, const Report &newTriaged, const KnownIssues &known);

} // namespace Gapwise
