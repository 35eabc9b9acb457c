// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "report.h"

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

} // namespace Gapwise
