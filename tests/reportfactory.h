// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "report.h"

// Reports built in code, so model and window tests do not depend on what an importer makes of a file.
namespace ReportFactory {

// Shaped like the seed report: phases Unit / Integration / E2E with stated counts (E2E counts failures it
// does not name), five gaps with priorities, 25 named tests of which some are unassigned (their table is
// tests/data/seedlike-tests.tsv).
Gapwise::Report seedLike();

// A large deterministic report: `tests` tests over `phases` phases and `gaps` gaps (about a tenth unassigned).
Gapwise::Report generated(int tests, int phases = 4, int gaps = 40, quint32 seed = 1);

} // namespace ReportFactory
