// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "historyseries.h"

// The run the shared triage tests triage together: 20 tests of the history series and one gap, "gap-1".
inline Gapwise::Report sharedTriageReport()
{
    Gapwise::Report report = HistorySeries::report({ 20, 1 }, 0);
    Gapwise::Gap gap;
    gap.id = QStringLiteral("gap-1");
    gap.title = QStringLiteral("Login fails");
    report.gaps.append(gap);
    return report;
}
