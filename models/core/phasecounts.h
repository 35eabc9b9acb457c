// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "report.h"

namespace Gapwise {

// Tests a phase counts with no verdict (an NUnit or TRX Inconclusive): what its total holds beyond the split, so
// that the parts shown add up to it; 0 unless the total and every part are stated.
inline int unknownCount(const Phase &p)
{
    if (p.total < 0 || p.passed < 0 || p.failed < 0 || p.errors < 0 || p.skipped < 0)
        return 0;
    return qMax(0, p.total - p.passed - p.failed - p.errors - p.skipped);
}

// What the parts a phase states add up to (those of passed, failed, errors and skipped it states): a stated total
// below it (the seed's "17 tests" beside 5 passed, 12 failed and 4 errors) is not the number of its results: the
// tree's phase row shows the larger one. (The phase chart and the plan take each status's larger of stated and named,
// PhaseBar::total(), which is the same where the report names no more of a status than it states.)
inline int statedPartsSum(const Phase &p)
{
    return qMax(0, p.passed) + qMax(0, p.failed) + qMax(0, p.errors) + qMax(0, p.skipped);
}

} // namespace Gapwise
