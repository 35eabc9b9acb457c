// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sharedtriage.h"

#include <QVector>

#include <functional>

namespace Gapwise {

// The shared-edit log as people read it (the History pane's "Shared triage" list): each line a sentence that
// says who did what, "ana accepted the suggested gap “Timeouts in payment”", and when.
struct SharedEditLine
{
    QString editor;
    QDateTime editedAt;
    QString sentence;
    int edits = 1; // the log's edits the line stands for (a merge, or tests moved together, is one line)
};

// What the sentences need from the window: a gap's title and a test's name by id (the id itself when unknown),
// and, for a field's first edit through the store (whose old value the log does not hold), its value in the
// report as imported; `importedGap` says whether a gap was there at all (when not, its first title is its
// creation).
struct SharedEditNames
{
    std::function<QString(const QString &gapId)> gapTitle;
    std::function<QString(const QString &testId)> testName;
    std::function<QString(const SharedTriageItem &item)> importedValue;
    std::function<bool(const QString &gapId)> importedGap;
};

// One step (consecutive edits by one person written together: one transaction, one time) reads as one or a
// few lines: a gap's deletion and its tests' moves into another gap are "merged … into …", tests moved to one
// gap are one line, a new gap's title is "created" (tests moved into it in the step: "moved … to the new gap …").
// A gap is named by the title it had when the edit was made, as the log's renames tell. Oldest first, like `edits`;
// the lines of the edits from `from` on (the earlier ones tell the titles and where tests came from).
QVector<SharedEditLine> sharedEditLines(
    const QVector<SharedTriageEdit> &edits, const SharedEditNames &names, qsizetype from = 0);

} // namespace Gapwise
