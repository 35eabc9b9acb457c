// SPDX-License-Identifier: GPL-3.0-or-later
#include "comparewithrun.h"

#include "runcomparison.h"
#include "triagecarryover.h"
#include "triagechanges.h"
#include "triagesession.h"

#include <QFileInfo>

namespace Gapwise {

QString sessionPathOf(const TriagedRun &oldRun)
{
    return isSessionPath(oldRun.path) ? QFileInfo(oldRun.path).absoluteFilePath() : QString();
}

CarriedComparison compareAndCarry(const TriagedRun &oldRun, const Report &imported, const KnownIssues &known)
{
    RunComparison comparison = compareRuns(oldRun.imported, imported);
    TriageSession session; // a scratch session: only values leave this function
    const CarryOverResult carried = carryOverTriage(session, imported, oldRun, comparison);
    CarriedComparison result;
    result.triaged = session.report();
    result.edits = editsInForce(session);
    // After the carry-over: it is the carried triage that puts a new failure into a known issue's gap.
    markKnownFailures(comparison, result.triaged, known);
    result.digest = digestComparison(oldRun.triaged, result.triaged, comparison, &carried);
    result.digest.oldSession = sessionPathOf(oldRun);
    noteKnownIssues(result.digest, result.triaged, known);
    return result;
}

} // namespace Gapwise
