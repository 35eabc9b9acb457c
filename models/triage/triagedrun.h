// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "report.h"

#include <QJsonObject>
#include <QString>
#include <QVector>

#include <optional>

namespace Gapwise {

// The old side of a comparison: a run as imported, its triage as it stood, and the edits that made it.
struct TriagedRun
{
    QString path; // the report, or the session it came from
    Report imported;
    Report triaged; // imported with the edits replayed
    QVector<QJsonObject> edits; // as saved in the .gapwise file; empty for a plain report
    QStringList notReplayed; // saved edits that did not apply even to their own report
};

bool isSessionPath(const QString &path); // *.gapwise

// Reads a report, or a .gapwise session with its report and triage. nullopt with a message naming the file
// when it cannot be read or imported.
std::optional<TriagedRun> loadTriagedRun(const QString &path, QString *error);

} // namespace Gapwise
