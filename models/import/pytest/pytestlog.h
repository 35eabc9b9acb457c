// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "importer.h"
#include "pytestlines.h"
#include "report.h"

#include <QStringList>
#include <QVector>

#include <memory>

namespace Gapwise {

// One pytest run as read from terminal output: from "test session starts" (or the first result) to its
// final tally. Tests are named by node id; their phaseId is left empty for the caller to set.
struct PytestRun
{
    int line = 0; // the session banner, else the first line that belonged to the run
    PytestLine tally; // the final "N failed, M passed in Xs"; kind == Tally when one was read
    int tallyLine = 0;
    int collected = -1; // "collected N items"
    QString platform; // "platform linux -- Python 3.11.2, pytest-7.4.0, pluggy-1.2.0"
    QVector<TestCase> tests; // -v result lines, short-summary lines, failure sections, collection errors
    int importErrors = 0; // collection errors raised by ImportError / ModuleNotFoundError
    QStringList importErrorMessages; // "tests/unit/test_b.py: ModuleNotFoundError: No module named 'x'"
    QVector<Diagnostic> diagnostics;
    bool hasVerboseResults = false; // at least one "node PASSED/FAILED" line (pytest -v)
};

class PytestLogReaderPrivate;

// Reads pytest terminal output line by line, independent of where the lines come from: a log file, or a
// code block in a Markdown report (pass the block's first line number so lines point into the report).
class PytestLogReader
{
public:
    PytestLogReader();
    ~PytestLogReader();
    PytestLogReader(const PytestLogReader &) = delete;
    PytestLogReader &operator=(const PytestLogReader &) = delete;

    void addLine(const QString &line, int lineNumber);
    void addLines(const QStringList &lines, int firstLineNumber);
    void addBlock(const QString &block, int firstLineNumber);

    // The runs read so far, failure sections attached to their tests. The reader is empty afterwards.
    QVector<PytestRun> finish();

private:
    std::unique_ptr<PytestLogReaderPrivate> d;
};

// Adds runs to `report`: one phase per run, named after the phase word its node ids share ("tests/unit/…"
// → "Unit"), else "pytest" (or "pytest run N" when there are several). Phase counts come from the tally
// when there is one, else from the tests.
void addPytestRuns(const QVector<PytestRun> &runs, Report &report);

// True when the start of a text is pytest terminal output rather than a Markdown document.
bool looksLikePytestLog(const QByteArray &utf8Head);

ImportResult importPytestLog(const QByteArray &utf8, const QString &displayName, const ImportControl &control = {});

} // namespace Gapwise
