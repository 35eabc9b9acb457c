// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <QVector>

#include <optional>

namespace Gapwise {

class TriageSession;

// A `.gapwise` session: which report (path and SHA-256 of its bytes) and the triage as edits over the
// imported state, oldest first. JSON, versioned; the schema is in README.md.
struct SessionFile
{
    static constexpr int Version = 1;
    QString reportPath; // absolute
    QString reportSha256; // hex
    QString relativeReportPath; // relative to the session file, when it was saved with one
    // A run read from several files named one by one: those files (absolute, and relative to the session
    // file), reopened as that run; `reportPath` is then their folder. Empty for one file or a folder.
    QStringList reportFiles;
    QStringList relativeReportFiles;
    QString sessionPath; // where it was read from
    // Oldest first. Edits made as one undo step (a macro: the carried-over triage of a comparison, accepting a
    // suggestion while renaming it) carry "step" (the step's number) and "stepText" (its name): replaying
    // makes them one step again.
    QVector<QJsonObject> edits;
    // The earlier run the window was comparing with (recovery files): a restore says the comparison is not
    // restored with the triage. Empty when none was.
    QString comparedWith;
    // A shared window's recovery file: what its link to the store kept of the sharing (which of these edits the
    // store did not have yet), so that a restore writes or asks about only those. Empty otherwise.
    QJsonObject shared;
    // A recovery file: the session file the triage was last saved to or opened from, so that a restore saves
    // there again (the window's title names it, Ctrl+S writes it). Empty when there was none.
    QString savedAs;

    static SessionFile fromSession(const TriageSession &session, const QString &reportPath, const QString &reportSha256,
        const QStringList &reportFiles = {});
    // `sessionPath` (where it will be written) lets the file also name the report relative to itself, so a
    // folder of report and session can move.
    QByteArray toJson(const QString &sessionPath = QString()) const;
    // The report's path: as saved, or relative to the session file when the saved one is gone.
    QString resolvedReportPath() const;
    // What to import to reopen the run: the report (file or folder), or each of its files.
    QStringList resolvedReportPaths() const;
    // nullopt with a message naming what is wrong; the file is never modified.
    static std::optional<SessionFile> parse(const QByteArray &json, QString *error);
};

QString sha256Hex(const QByteArray &bytes);
std::optional<QString> fileSha256(const QString &path, QString *error);
// Of a run: fileSha256 of its one file or folder, or of several files' names and bytes in order.
std::optional<QString> runSha256(const QStringList &paths, QString *error);

// Writes atomically (QSaveFile): the old file stays whole until the new one is complete.
bool writeFileAtomically(const QString &path, const QByteArray &bytes, QString *error);
std::optional<SessionFile> readSessionFile(const QString &path, QString *error);
// How many changes the engineer made in `edits`: the edits of one undo step (a rename that also accepted a
// suggestion is three) count once, as the Undo menu lists them.
int changeCount(const QVector<QJsonObject> &edits);

struct ReplayResult
{
    int applied = 0;
    int appliedChanges = 0; // of those, as the Undo menu counts them: the edits of one saved step once (changeCount)
    QStringList notApplied; // one readable line per edit (or part of one) that no longer applies
};

// Pushes the saved edits onto the session's undo stack (so they can be undone) and marks it clean.
// Edits whose tests or gaps no longer exist are listed, never dropped silently: a gap by its title in the
// session, else in `gapTitles` (gap id → title where the edits were made), else by its id; a test likewise by
// its name in the session, else in `testNames` (test id → name where the edits were made), else by its id.
ReplayResult replayEdits(TriageSession &session, const QVector<QJsonObject> &edits,
    const QHash<QString, QString> &gapTitles = {}, const QHash<QString, QString> &testNames = {});

struct Report;
// Opens a session headlessly: imports its report and replays the edits. Edits that no longer apply and a
// report that changed since saving become diagnostics of the returned report.
// `applied` (optional) receives the edits that applied, as saved: what the plan's change summary reads.
// The first of `candidates` (session files) that triages `reportPath`; empty when none does. Each is a
// small JSON file; unreadable ones are skipped.
QString savedSessionFor(const QString &reportPath, const QStringList &candidates);

bool loadTriagedReport(
    const QString &sessionPath, Report *report, QString *error, QVector<QJsonObject> *applied = nullptr);

} // namespace Gapwise
