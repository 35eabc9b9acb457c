// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "comparisondigest.h"
#include "knownissues.h"
#include "report.h"
#include "triagedrun.h"

#include <QJsonObject>
#include <QVector>

namespace Gapwise {

// A run compared with an earlier one, the earlier run's triage carried over onto it.
struct CarriedComparison
{
    Report triaged; // the run with the carried triage applied
    QVector<QJsonObject> edits; // the carried triage as edits in force: the plan's "what the triage changed"
    ComparisonDigest digest; // what changed, and what of the triage carried over
};

// The pipeline the command line and the window's comparison view share: match `imported` against the
// earlier run (read with loadTriagedRun), carry its triage onto `imported` (triagecarryover.h) in a scratch
// session, and digest the result; new failures in a gap that is a known issue come out as known failures.
// Safe on a worker thread.
// The session file `oldRun` was read from (absolute), for ComparisonDigest::oldSession; empty for a report.
QString sessionPathOf(const TriagedRun &oldRun);

CarriedComparison compareAndCarry(
    const TriagedRun &oldRun, const Report &imported, const KnownIssues &known = KnownIssues());

} // namespace Gapwise
