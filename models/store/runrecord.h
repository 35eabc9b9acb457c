// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "historyverdict.h"
#include "report.h"

#include <QDateTime>
#include <QString>
#include <QVector>

#include <optional>

namespace Gapwise {

// One test's row for the store, made off the GUI thread and off the database connection.
struct ResultRecord
{
    QString key; // the test's key across runs (historyTestKey)
    QString name; // as the report names it
    int status = 0; // TestStatus, plus ExpectedFailureBit
    double durationSeconds = -1.0;
    QString signatureKey; // failing tests only
    QString signatureTitle; // "ModuleNotFoundError: No module named 'x'"
    QString gapKey; // the gap the run puts it in; empty when none
};

struct GapRecord
{
    QString key; // the report's gap id ("gap-1", or a suggested gap's signature-derived id)
    QString title;
    QString priority;
    QString status;
    QString owner;
    bool suggested = false; // proposed by Gapwise and not accepted: not a triage decision
    int failures = 0;
};

// A run as the store keeps it.
struct RunRecord
{
    QString sourceFile;
    QString contentHash; // SHA-256 of the file's bytes: the same file is one run
    QDateTime time; // from the report's date where it gives one, else the file's modification time
    QString label;
    QString branch;
    QString commit;
    QString title;
    QVector<ResultRecord> results;
    QVector<GapRecord> gaps;
};

constexpr int ExpectedFailureBit = 8;
RunOutcome outcomeOfStatus(int storedStatus);
// A stored result as people read it: "pass", "fail" (failed or error), "skipped", "expected failure", "unknown";
// "absent" for -1. What the strips' 's' (skipped or expected) stands for, said of one run.
QString storedResultName(int storedStatus);
QString storedResultKey(int storedStatus); // the same for JSON: "expected-failure"

// The key a test keeps across runs, as compare matches tests: its normalised node id (or JUnit
// classname::name) without the phase, so renamed phases still match; the k-th test of that name in its phase
// (a namesake the importer kept apart, id "…#k") gets "#k", so every test of the run has a key of its own;
// where several phases of one run share the name, the phase id is kept in front to tell them apart.
QVector<QString> historyTestKeys(const Report &report);

// Whether `report` may be added to the history: a run with no test results would be stored as the newest run and
// hide every earlier one's verdicts. Every caller of HistoryStore::addRun asks this first.
inline bool holdsTestResults(const Report &report)
{
    return !report.tests.isEmpty();
}

// The record of `report` (imported from `sourceFile` whose bytes hash to `contentHash`). Signatures are
// computed for failing tests here, so the store only writes.
RunRecord makeRunRecord(
    const Report &report, const QString &sourceFile, const QString &contentHash, const QDateTime &fileTime);

// reportDateTime() is in report.h.

} // namespace Gapwise

namespace Gapwise {
// Reads a report or a .gapwise session (its triage applied) from `path` into a record; nullopt with a message
// naming the file when it cannot be read or imported. Off the GUI thread: this imports the file.
std::optional<RunRecord> readRunRecord(const QString &path, QString *error);
} // namespace Gapwise
