// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "junitdocument.h"
#include "report.h"

#include <QString>

#include <initializer_list>

namespace Gapwise {

// What the TRX, NUnit, xUnit.net and CTRF readers share: they describe each test as a JUnitCase inside
// JUnitSuites, so the JUnit report builder gives them the same names, phases (a path word of the class or
// file, else the assembly or outermost suite), stable ids and counts as JUnit.

// One word of a format's result vocabulary ("failed", "notexecuted") and the Gapwise status it means.
struct StatusWord
{
    const char *word; // lower case
    TestStatus status;
};
// `result` looked up in a format's vocabulary without regard to case; `otherwise` for a word it does not name.
TestStatus statusOfWord(const QString &result, std::initializer_list<StatusWord> vocabulary, TestStatus otherwise);

// "C:\build\Acme.Integration.Tests.dll" → "Acme.Integration.Tests"; names without a path stay as they are.
QString assemblyName(const QString &pathOrName);

// .NET durations: "00:00:01.2345678" (TimeSpan) or plain seconds ("0.0123"); -1 when unreadable.
double dotnetSeconds(QStringView text);

// "Ns.Class.Method(1)" with class "Ns.Class" → "Method(1)"; a name that does not start with the class stays.
QString withoutClassPrefix(const QString &testName, const QString &className);

// The class of "Ns.Class.Method(a.b)": everything before the last dot outside the parentheses; empty if none.
QString classOfFullName(const QString &fullName);

// Details the signatures read: the exception type (when the text does not name it), the message, the trace.
QString failureDetails(const QString &type, const QString &message, const QString &trace);

// A test's second and later failures (NUnit and xUnit.net <failure>, TRX ErrorInfo; their schemas allow one, as
// JUnit's does, but writers repeat them). As the JUnit reader keeps several <failure> elements: the first is
// the message and heads the details, each further one follows in order under furtherOutcomeHeading().
struct FurtherFailure
{
    QString type;
    QString message;
    QString trace;
    int line = 0;
};
void appendFurtherFailures(JUnitCase &c, const QVector<FurtherFailure> &further);

// Appends a suite to `doc` under `parent` (-1: a top-level suite) and returns its index.
int addSuite(JUnitDocument &doc, const QString &name, int line, int parent = -1);

// Places `c` in suite `index` of `doc` (or none when -1), as the JUnit reader does.
void placeCase(const JUnitDocument &doc, int index, JUnitCase &c);

// Captured output appended to a failing test's details, bounded.
void appendOutput(JUnitCase &c, const QString &label, const QString &text);

// A count the file states beside the count its tests give: a warning when they differ.
struct StatedCount
{
    const char *what; // "tests", "passed"
    int stated; // -1: the file does not say
    int present;
    const char *one = nullptr; // the word for a count of one where it is another ("test"); null: the same
};
void warnOnStatedCounts(Report &report, int line, const QString &who, std::initializer_list<StatedCount> counts);

} // namespace Gapwise
