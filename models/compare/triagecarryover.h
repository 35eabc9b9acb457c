// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "report.h"
#include "runcomparison.h"
#include "triagedrun.h"

#include <QHash>
#include <QJsonObject>
#include <QStringList>
#include <QVector>

namespace Gapwise {

class TriageSession;

struct CarrySuggestion
{
    QString testId; // in the new run
    QString gapId;
    QString why; // "same failure as tests/x.py::test_y"
};

struct CarryOverResult
{
    int applied = 0; // saved edits replayed onto the new run
    int appliedChanges = 0; // those edits as the engineer's changes (a rename that accepted a suggestion is one)
    QStringList notCarried; // one line per edit (or part of one) that did not carry over
    QStringList restoredGaps; // gaps of the old report the new one lacks, kept for their tests
    QVector<CarrySuggestion> suggested; // new failures proposed into an existing gap
    QHash<QString, QString> gapMap; // old gap id → new gap id
};

// Old gap id → gap id in the new run: the same id, else the same title (case and spacing ignored).
QHash<QString, QString> mapGaps(const Report &oldRun, const Report &newRun);

// The saved edits in terms of the new run: test and gap ids replaced through the maps. Ids without a
// counterpart stay as they are, so replaying names them as gone.
QVector<QJsonObject> rewriteEdits(
    const QVector<QJsonObject> &edits, const QHash<QString, QString> &testMap, const QHash<QString, QString> &gapMap);

// Loads `newImported` into `session` and carries the old run's triage onto it:
// - a gap of the old report that the new one lacks is restored ("kept") when one of its tests still fails,
//   unless it was a suggestion no one accepted;
// - a failing test the old report placed in a gap of its own (not one Gapwise suggested: that is no one's
//   decision), and the new one places nowhere or only in a gap Gapwise suggested, stays in that gap;
// - the saved edits are rewritten (rewriteEdits) and replayed; what does not apply is listed;
// - each new failure that is unassigned (or only suggested into a gap by the importer) and whose failure
//   signature matches tests of an existing gap in the old run is suggested into that gap, one undoable
//   command per gap; into a gap the old run only suggested, an unassigned one only. The rest stay Unassigned.
// Every part of it is an edit on `session` (a kept gap a "kept" create, placements suggested moves), made by
// the same code as carryOverEdits: the command line and the window carry over alike.
// So the last run's triage outranks Gapwise's suggestions, never the new report's groups nor a person's
// placement. A suggested gap emptied by it stays, without tests, as one emptied by hand does.
CarryOverResult carryOverTriage(
    TriageSession &session, const Report &newImported, const TriagedRun &oldRun, const RunComparison &comparison);

// The same carry-over onto a run that is open and perhaps triaged already (the window's session), as a list
// of edits: computed on a scratch session (a worker thread may do it) and replayed into the real one with
// applyCarriedEdits. Restored gaps become "create" edits and the old report's placements suggested moves,
// so all of it is undoable. A gap the old triage created is the open run's gap of the same title when there
// is one (comparing twice adds no second copy); otherwise it gets a fresh id if its id is taken.
struct CarriedEdits
{
    CarryOverResult result;
    QVector<QJsonObject> edits; // to replay, oldest first
    Report triaged; // `current` with the edits applied, for the digest
};
CarriedEdits carryOverEdits(const Report &current, const TriagedRun &oldRun, const RunComparison &comparison);

// Pushes `edits` onto the session as one undo step named `text`; returns the edits that did not apply
// (the session changed since they were computed), one readable line each, naming a gap the session lacks
// by its title in `gapTitles` (CarriedEdits::triaged's).
QStringList applyCarriedEdits(TriageSession &session, const QVector<QJsonObject> &edits, const QString &text,
    const QHash<QString, QString> &gapTitles = {});

} // namespace Gapwise
