// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "enums.h"
#include "importer.h"

#include <QIODevice>
#include <QString>
#include <QStringList>
#include <QVector>

namespace Gapwise {

// JUnit XML as written, before it is mapped onto the domain model: what the streaming reader collects.
enum JUnitCount
{
    CountTests,
    CountFailures,
    CountErrors,
    CountSkipped,
    CountKinds
};

struct JUnitSuite
{
    QString name;
    QString timestamp;
    QString hostname;
    int line = 0;
    int parent = -1; // index in JUnitDocument::suites, -1 for a top-level suite
    int topLevel = -1; // the outermost suite this one sits in (itself when top-level)
    int stated[CountKinds] = { -1, -1, -1, -1 }; // the suite's own attributes, -1 when absent
    double seconds = -1.0;
};

struct JUnitCase
{
    int suite = -1; // innermost enclosing suite, -1 when none
    // Copied from the suites: the builder maps a case without looking anything up.
    QString suiteName;
    int topLevel = -1;
    QString topLevelName;
    int topLevelLine = 0;
    QString classname;
    QString name;
    QString file;
    int line = 0; // the XML line of the <testcase> start tag
    int sourceLine = 0; // the line of the test in `file`, where the report states one (CTRF)
    double seconds = -1.0;
    TestStatus status = TestStatus::Passed;
    bool expectedFailure = false; // pytest's xfail, written as <skipped type="pytest.xfail">
    bool synthetic = false; // made from a <failure>/<error> directly inside a <testsuite>
    QString message; // first line of the outcome's message
    QString details; // full failure text, trace and (for failing tests) captured output
    QStringList history; // flaky and rerun outcomes, oldest first
    int failureElements = 0; // <failure> children: a testcase may hold several
    int errorElements = 0;
};

struct JUnitDocument
{
    QString rootName; // name attribute of the root element
    bool rootIsSuite = false;
    int rootLine = 0;
    int rootStated[CountKinds] = { -1, -1, -1, -1 };
    QVector<JUnitSuite> suites;
    int negativeTimes = 0; // time attributes below zero, left out
    int firstNegativeTimeLine = 0;
    QString firstNegativeTime; // as written: "-345345"
};

// The heading of a testcase's further <failure> or <error> in its details (the first is its message):
// "--- failure 2 of 3 in this testcase (line 11) ---". The TRX, NUnit and xUnit.net readers use it too.
QString furtherOutcomeHeading(bool failure, int index, int total, int line);

// Receives each testcase as soon as it is read, so 100,000 of them are never held twice.
class JUnitCaseSink
{
public:
    virtual ~JUnitCaseSink() = default;
    virtual void addCase(JUnitCase &&c) = 0;
};

// Streams `xml` (an open device of raw bytes, a file or a buffer; libxml2 honours the BOM and the encoding
// declaration) into `doc` and `sink`. Refuses entity declarations, never reads external entities. On failure
// fills `error` (line and column), returns false.
bool readJUnitDocument(QIODevice *xml, const QString &displayName, const ImportControl &control, JUnitDocument *doc,
    JUnitCaseSink *sink, ImportError *error);

} // namespace Gapwise
