// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "report.h"

#include <QString>
#include <QVector>

namespace Gapwise {

// Reading a test's failure text (TestCase::message and ::details) for the details pane: the trace apart
// from captured output, the frames of the trace, and the expected and actual values where the text
// states both. Widget-free, so the rules are unit-tested here and the pane only draws.

struct FailureSections
{
    QString trace; // the failure body: assertion detail and stack trace
    QString stdOut; // captured output (JUnit <system-out>, pytest "Captured stdout")
    QString stdErr;
};
FailureSections splitFailureDetails(const QString &details);

struct TraceFrame
{
    int lineIndex = 0; // 0-based line of the trace this frame is on
    QString file; // as the trace writes it ("tests/test_auth.py", "/home/x/app.test.js", "FooTest.java")
    int line = 0;
    bool project = false; // the project's own code, not a library, the runtime or the test runner
};
// Python tracebacks (File "x", line N), pytest long output (x.py:N: in f), Java (at a.B.c(B.java:N)),
// JavaScript (at f (/x.js:N:C)), and Go/Catch2-style "x_test.go:N:" lines.
QVector<TraceFrame> traceFrames(const QString &trace);
bool isLibraryPath(const QString &file);

// Where a test's source is: the trace frame in the test's own file (from its node id), else the first
// frame of the project's own code, else the test's file at line 0; empty file when nothing names one.
struct SourceLocation
{
    QString file;
    int line = 0;
};
SourceLocation testSourceLocation(const QString &testName, const QString &details);
// The same for a test whose report states its source (TestCase::sourceFile and sourceLine): that, else as above.
SourceLocation testSourceLocation(const TestCase &test);

struct ExpectedActual
{
    QString expected;
    QString actual;
    QString source; // which form was read: "junit", "hamcrest", "assertj", "jest", "pytest"
    bool isValid() const { return !source.isEmpty(); }
};
// JUnit/AssertJ "expected:<x> but was:<y>", Hamcrest "Expected: … but: was …", AssertJ "Expecting … to be
// equal to …", jest "Expected: … Received: …", pytest "assert a == b" (left is the actual value).
ExpectedActual extractExpectedActual(const QString &message, const QString &details);

// The differing middle of two one-line values: [prefix, prefix + length) of each differs. For highlighting.
struct DiffSpan
{
    int start = 0;
    int expectedLength = 0;
    int actualLength = 0;
};
DiffSpan differingSpan(const QString &expected, const QString &actual);

} // namespace Gapwise
