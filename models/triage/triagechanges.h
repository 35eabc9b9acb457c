// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "report.h"

#include <QHash>
#include <QJsonObject>
#include <QStringList>
#include <QVector>

namespace Gapwise {

class TriageSession;

// What the triage changed, as the plan's "What the triage changed" states it: the net effect of the edits
// in force (the undo stack up to its index, or a session file's edits), read from the edits themselves and
// never guessed from a before/after diff. A gap created then deleted, or renamed and renamed back, is no
// change. `movedTests` counts tests the engineer moved by hand that are in another gap now; tests that
// changed gap through a merge or a deletion are told by that merge or deletion.
struct TriageChanges
{
    int movedTests = 0;
    QStringList createdGaps; // titles as they are now
    // Gaps of an earlier run kept for their tests still failing when runs were compared (made by no one in
    // this run), titles as they are now; a rename the carried triage made is in renamedGaps.
    QStringList keptGaps;
    QStringList mergedGaps; // "A → B": A as imported, B the gap A's tests are in now
    QStringList deletedGaps;
    QStringList renamedGaps; // "old → new"
    // A gap of the report whose priority, status, owner or notes the triage changed, one entry per gap with the
    // net change of each field: "Title: priority P0 → P2, owner Zoë Müller, notes edited".
    QStringList editedGaps;
    bool any() const;
};

struct TriageSummary
{
    TriageChanges changes;
    // A merged report gap's id → the gap it lives on in (following merges of merges), so its remediation
    // items and actions follow it.
    QHash<QString, QString> mergedInto;
};

TriageSummary summarizeEdits(const Report &imported, const Report &triaged, const QVector<QJsonObject> &edits);
// The same for the session's edits in force; cheap enough to call after every edit.
TriageSummary summarizeEdits(const TriageSession &session);
// One line per change, as every plan format and the window state it ("2 tests moved to another gap",
// "Merged: A → B"): created, kept from the earlier run, merged, renamed, deleted, each in edit order.
QStringList changeLines(const TriageChanges &changes);
// "2 tests moved · 1 gap merged", empty when nothing changed.
QString changeCountsText(const TriageChanges &changes);
// The session's edits in force, oldest first, as saved.
QVector<QJsonObject> editsInForce(const TriageSession &session);

} // namespace Gapwise
