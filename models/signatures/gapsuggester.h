// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "report.h"

#include <QLocale>

namespace Gapwise {

struct SuggestOptions
{
    int minTests = 2; // a cause shared by fewer failures is not a gap of its own
    bool mine = true; // merge templates that differ only in their variable parts (templateminer.h)
};

// Groups the failing tests that have no gap by failure signature and adds a suggested gap per group
// (Gap::suggested, TestCase::gapSuggested). Deterministic: the same report gives the same gaps with the same
// ids (a hash of the signature with its variable words made one wildcard, so a gap keeps its id when other
// failures come and go, mined with its template or not). Expected failures
// (xfail) are left alone. Returns the number of gaps added.
int suggestGaps(Report &report, const SuggestOptions &options = {});

// A gap's evidence with the lines suggestGaps wrote of its failures (how many share the signature, the
// signature, the first of them) restated for its members now, `members` being its tests in report order: when
// runs are compared and a triage carried over, or tests moved, those lines may no longer hold. Then they say
// what the failing members share now (their signature, or how many signatures they have), or go when no member
// fails. Other lines stay; evidence whose lines still hold comes back as it is.
QStringList evidenceOfMembers(const QStringList &evidence, const QVector<TestCase> &members);

// An evidence line as shown to a person: the counts suggestGaps() writes with plain digits, so that the
// evidence reads back the same anywhere ("2000 failures share this signature"), grouped as `locale` groups
// them ("2,000 failures share this signature"), as every other count beside them is. Other lines stay.
QString evidenceLineForDisplay(const QString &line, const QLocale &locale);

} // namespace Gapwise
