// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "historyseries.h"

// The run the shared triage tests triage together: 20 tests (or `tests`) of the history series, one gap,
// "gap-1", and a gap Gapwise suggested, "suggested-1", holding the last test as a suggestion.
inline Gapwise::Report sharedTriageReport(int tests = 20)
{
    Gapwise::Report report = HistorySeries::report({ tests, 1 }, 0);
    Gapwise::Gap gap;
    gap.id = QStringLiteral("gap-1");
    gap.title = QStringLiteral("Login fails");
    report.gaps.append(gap);
    Gapwise::Gap suggestion;
    suggestion.id = QStringLiteral("suggested-1");
    suggestion.title = QStringLiteral("Looks like a timeout");
    suggestion.suggested = true;
    report.gaps.append(suggestion);
    report.tests.last().gapId = suggestion.id;
    report.tests.last().gapSuggested = true;
    return report;
}
