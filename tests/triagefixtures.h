// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "report.h"

#include <QJsonObject>

class QRandomGenerator;

namespace Gapwise {
class TriageSession;
}

namespace TestSupport {

// A report of `tests` tests over three phases and `gaps` gaps, about a third of the failures unassigned.
Gapwise::Report syntheticReport(int tests, int gaps);
// The session's current state as JSON, for exact comparisons.
QJsonObject stateOf(const Gapwise::TriageSession &session);
// A deterministic edit sequence every triage test can reproduce (moves, new gaps, renames, merges...).
void applyScriptedEdits(Gapwise::TriageSession &session);
// One random edit of any kind (moves of 1 to 40 tests, new gaps, renames, merges, deletes...).
void randomEdit(Gapwise::TriageSession &session, QRandomGenerator &rng);

} // namespace TestSupport
