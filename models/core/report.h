// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "diagnostic.h"
#include "enums.h"

#include <QDateTime>
#include <QMetaType>
#include <QString>
#include <QStringList>
#include <QVector>

namespace Gapwise {

// Counts are -1 where the report does not state them, so "0 failed" and "not said" stay apart.
struct Phase
{
    QString id; // stable: derived from the name ("unit", "integration", ...), unique within a report
    QString name;
    QString command; // the test command of its section, if any
    // How the run went in the report's own words, kept out of its name: "CRITICAL FAILURE BLOCKING CHECKOUT" of
    // "Payment Tests - CRITICAL FAILURE BLOCKING CHECKOUT". Empty when the report states none.
    QString outcome;
    int total = -1;
    int collected = -1;
    int selected = -1;
    int passed = -1;
    int failed = -1;
    int errors = -1;
    int skipped = -1;
    int deselected = -1;
    int importErrors = -1;
    QStringList importErrorMessages;
    double durationSeconds = -1.0;
    int line = 0;
    int file = 0; // index into Report::files of the file `line` is in (the first that had this phase)

    // Failures the phase counts but whose tests the report does not name (the seed's 7 E2E failures).
    int unnamedFailures(int namedFailing) const { return failed < 0 ? 0 : qMax(0, failed - namedFailing); }
};

struct Gap
{
    QString id; // stable: "gap-<n>" from the report's own numbering, or a slug of the title
    QString title;
    QStringList evidence;
    Priority priority = Priority::None;
    GapStatus status = GapStatus::Open;
    QString owner;
    QString notes;
    int declaredFailures = -1; // "(6 failures)" in the heading; unreliable, kept for diagnostics
    bool suggested = false; // proposed by Gapwise, not by the report
    int line = 0;
    int file = 0; // index into Report::files
};

struct TestCase
{
    QString id; // stable: phase id + normalised node id or name
    QString name; // node id where the report gives one, else the test name
    QString phaseId; // empty when the report places it in no phase
    QString gapId; // empty when unassigned
    bool gapSuggested = false; // the gap was inferred (a category heading mapped to a named gap)
    TestStatus status = TestStatus::Unknown;
    bool expectedFailure = false; // the report says it fails on purpose (proves a bug)
    QString message;
    QString history; // earlier states the report gives ("Before Fix: FAILED")
    QString details; // full failure text: trace, assertion detail, captured output (JUnit, pytest logs)
    double durationSeconds = -1.0;
    int line = 0;
    int file = 0; // index into Report::files of the file `line` is in
    // Where the report says the test's source is (CTRF's filePath and line); empty and 0 when it does not.
    QString sourceFile;
    int sourceLine = 0;
};

struct RemediationItem
{
    Priority priority = Priority::None;
    QString title;
    QString details;
    QStringList gapIds;
    int line = 0;
};

struct RecommendedAction
{
    QString horizon; // "Immediate (This Week)"
    QString title;
    QStringList steps;
    int line = 0;
};

struct Report
{
    QString title;
    QString date;
    QString environment;
    QStringList summaryFacts;
    QString sourceFile; // the file, or the folder of a run read from several files
    // Every file the report was read from (absolute), in import order: one for a one-file report. Tests,
    // phases and gaps name theirs by index (their `file`), so a line number always has its file.
    QStringList files;
    QString format; // "markdown", "junit", "pytest-log"
    // A run of several files: each file that could not be imported, as "name: why" (name relative to the folder).
    QStringList unreadFiles;
    QVector<Phase> phases;
    QVector<Gap> gaps;
    QVector<TestCase> tests;
    QVector<RemediationItem> remediation;
    QVector<RecommendedAction> actions;
    QVector<Diagnostic> diagnostics;

    int phaseIndex(const QString &phaseId) const;
    int gapIndex(const QString &gapId) const;
    int countTests(TestStatus status) const;
    // The title, else the name of the file it was read from (what inspect says of an untitled report).
    QString shownTitle() const;
    // Nothing read from it: no title, phase, test, gap, remediation item or action (a text file that is no report).
    bool holdsNothing() const;
    // The file at `index` of `files`; empty when out of range.
    QString fileAt(int index) const { return index >= 0 && index < files.size() ? files.at(index) : QString(); }
};

// "2 files not imported: a.xml (line 9: why); b.xml (why)", empty when every file was read: what a run of several files
// says wherever it is shown (inspect, the plan, the window), so a file left out is never left out silently.
QString unreadFilesText(const QStringList &unreadFiles);

// The report's date as a time, when it is written in a way that says one ("2026-11-30", "2026-11-30 02:00",
// "November 30, 2026", "30 Nov 2026", ISO 8601, RFC 2822; read as UTC, a date alone as its midnight);
// invalid otherwise.
QDateTime reportDateTime(const QString &date);

} // namespace Gapwise

// Only implicitly shared Qt types and scalars: vectors of 100,000 tests grow by moving memory, not objects.
Q_DECLARE_TYPEINFO(Gapwise::TestCase, Q_RELOCATABLE_TYPE);

Q_DECLARE_METATYPE(Gapwise::Report)
