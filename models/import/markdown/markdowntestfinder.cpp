// SPDX-License-Identifier: GPL-3.0-or-later
// The part of the Markdown report builder that finds tests: in list items and paragraphs, headings, tables
// and pasted pytest output, and merges repeated mentions of one test.
#include "markdownreportbuilder.h"

#include "countfields.h"
#include "markdowntext.h"
#include "pytestlog.h"
#include "pytestsections.h"
#include "testidentifiers.h"

#include <QRegularExpression>
#include <QSet>

#include <algorithm>

namespace Gapwise {

using namespace MarkdownText;
using RE = QRegularExpression;
constexpr auto CI = QRegularExpression::CaseInsensitiveOption;

namespace {

    bool isPythonSource(const MarkdownBlock &block)
    {
        static const QRegularExpression source(
            QStringLiteral("^\\s*(?:def |class |async def |import |from \\S+ import |@)"),
            QRegularExpression::MultilineOption);
        return source.match(block.text).hasMatch() && !block.text.contains(QLatin1String(" PASSED"))
            && !block.text.contains(QLatin1String("FAILED "));
    }

} // namespace

void MarkdownReportBuilder::addHeadingTests(const MarkdownBlock &block)
{
    QStringList names;
    for (const QString &span : block.codeSpans + block.strongSpans) {
        if (!looksLikeCommand(span))
            names += findTestIdentifiers(span);
    }
    if (names.isEmpty())
        names = findTestIdentifiers(block.text);
    if (names.isEmpty() || looksLikeCommand(block.text))
        return;
    QString rest = block.text;
    for (const QString &n : std::as_const(names))
        rest.replace(n, QStringLiteral(" "));
    StatedStatus stated = statusStatedIn(rest);
    if (stated.status == TestStatus::Unknown) {
        // The heading's own words ("Failed Tests") were read as a group status: look above it.
        const Section self = m_sections.takeLast();
        stated.status = contextStatus();
        m_sections.append(self);
    }
    Section *gapSection = nearestGapSection();
    for (const QString &name : std::as_const(names)) {
        const int index = addTest(name, stated.status, stated.expectedFailure, QString(), stated.history, block.line);
        if (index < 0)
            continue;
        m_sections.last().headingTests.append(index);
        assignToGap(index, gapSection);
    }
}

// "- **Status**: ❌ **FAILED** (Expected)" under a test named in words makes it a test; a Status that counts
// ("4/4 tests PASSED", "ALL 5 TESTS FAILED") speaks of a group, not of one test.
void MarkdownReportBuilder::startProseHeadingTest(const InlineLine &line)
{
    Section &section = m_sections.last();
    if (section.proseTest.isEmpty() || !section.headingTests.isEmpty()
        || !labelIs(line.label, "^(status|result|outcome|final status|test result|final result)$"))
        return;
    // The first Status field decides, whatever it says.
    const QString name = std::exchange(section.proseTest, QString());
    static const RE counted(QStringLiteral("\\d+\\s*/\\s*\\d+|\\b\\d+\\s+(?:tests?|passed|failed|errors?|skipped)\\b|"
                                           "\\ball\\s+(?:\\d+\\s+)?tests?\\b|\\btests\\b|%"),
        CI);
    // A word before any explanation says the outcome: "✅ COMPLETE" or "RESOLVED - no more errors" under a
    // heading is a task's state, not a test's.
    static const RE outcomeWord(QStringLiteral("\\b(?:pass(?:ed|es)?|fail(?:ed|s|ing)?|errors?|skipped|xfail(?:ed)?|"
                                               "xpass(?:ed)?)\\b"),
        CI);
    static const RE explanation(QStringLiteral("\\s[-–—(]\\s?"));
    const QString verdict = line.value.section(explanation, 0, 0);
    const StatedStatus stated = statusStatedIn(line.value);
    if (expectationContext() || counted.match(line.value).hasMatch() || !outcomeWord.match(verdict).hasMatch()
        || stated.status == TestStatus::Unknown)
        return;
    // A test named by its id in the section ("**Test:** `test_x`", a command running one node id) is the
    // one the Status speaks of, when nothing said how it went yet.
    if (section.listedTests > 0 || m_lastTestSection == section.blockIndex) {
        if (m_lastTestSection != section.blockIndex || m_lastTest < 0)
            return;
        TestCase &test = m_report.tests[m_lastTest];
        if (test.status != TestStatus::Unknown)
            return;
        test.status = stated.status;
        test.expectedFailure = stated.expectedFailure;
        if (test.message.isEmpty())
            test.message = messageAfter(line.value, line.value.section(QLatin1Char(' '), 0, 0));
        return;
    }
    if (section.phase >= 0)
        return; // the heading already holds results as a phase
    section.info.kind = HeadingInfo::Plain; // one test of the phase around it, not a phase
    const int index = addTest(name, TestStatus::Unknown, false, QString(), QString(), section.line);
    if (index < 0)
        return;
    section.headingTests.append(index);
    assignToGap(index, nearestGapSection());
}

bool MarkdownReportBuilder::handleHeadingTestLine(const InlineLine &line)
{
    if (m_sections.isEmpty() || line.label.isEmpty())
        return false;
    startProseHeadingTest(line);
    if (m_sections.last().headingTests.isEmpty())
        return false;
    const QVector<int> &tests = m_sections.last().headingTests;
    if (labelIs(line.label, "^(status|result|outcome|final status|test result|current status|final result)$")) {
        const StatedStatus stated = statusStatedIn(line.value);
        if (stated.status == TestStatus::Unknown)
            return false;
        for (int index : tests) {
            TestCase &test = m_report.tests[index];
            if (test.status != TestStatus::Unknown && test.status != stated.status)
                test.history += (test.history.isEmpty() ? QString() : QStringLiteral(" → ")) + statusName(test.status);
            test.status = stated.status;
            test.expectedFailure = stated.expectedFailure;
            if (test.message.isEmpty() && tests.size() == 1)
                test.message = messageAfter(line.value, line.value.section(QLatin1Char(' '), 0, 0));
        }
        return true;
    }
    if (labelIs(line.label, "^(error|failure|finding|reason|message|issue|root cause|error message)s?$")) {
        for (int index : tests) {
            if (m_report.tests[index].message.isEmpty())
                m_report.tests[index].message = line.value;
        }
        return true;
    }
    return false;
}

void MarkdownReportBuilder::assignToGap(int testIndex, Section *gapSection)
{
    if (testIndex < 0)
        return;
    TestCase &test = m_report.tests[testIndex];
    if (!test.gapId.isEmpty())
        return;
    if (m_itemGap >= 0 && isWithin(m_doc.blocks[m_block], m_itemGapBlock)) {
        test.gapId = m_report.gaps[m_itemGap].id; // named inside a numbered cause item
        return;
    }
    if (!gapSection)
        return;
    test.gapId = m_report.gaps[resolveGap(*gapSection)].id;
    test.gapSuggested = gapSection->gapSuggested;
    ++gapSection->listedTests;
}

bool MarkdownReportBuilder::attachErrorToLastTest(const InlineLine &line)
{
    // "AttributeError: 'X' object has no attribute 'y'" under a test is that test's failure message.
    static const RE errorClass(
        QStringLiteral("^(?:E\\s+)?((?:[A-Za-z_]\\w*\\.)*[A-Z]\\w*(?:Error|Exception|Timeout)(?::\\s.*)?)$"));
    const int section = m_sections.isEmpty() ? -1 : m_sections.last().blockIndex;
    if (m_lastTest < 0 || section != m_lastTestSection)
        return false;
    const auto m = errorClass.match(stripEmoji(line.plain));
    if (!m.hasMatch())
        return false;
    QString &message = m_report.tests[m_lastTest].message;
    if (!message.contains(m.captured(1)))
        message = message.isEmpty() ? m.captured(1) : message + QStringLiteral(" — ") + m.captured(1);
    return true;
}

bool MarkdownReportBuilder::handleTestsOn(const MarkdownBlock &block, const InlineLine &line)
{
    QStringList names;
    auto take = [&names](const QString &candidate) {
        if (!names.contains(candidate))
            names.append(candidate);
    };
    for (const QString &span : line.code + line.strong) {
        if (looksLikeCommand(span))
            continue;
        for (const QString &id : findTestIdentifiers(span))
            take(id);
    }
    for (const QString &id : findTestIdentifiers(line.plain)) {
        // In prose only node ids count; a list item may name a bare test function as well.
        if (isNodeId(id) || block.kind == MarkdownBlock::ListItem)
            take(id);
    }
    if (names.isEmpty())
        return false;
    if (looksLikeCommand(line.plain))
        return true; // "python -m pytest tests/x.py::T::t" names what to run, not a result

    QString rest = line.plain;
    for (const QString &n : names)
        rest.replace(n, QStringLiteral(" "));
    StatedStatus stated = statusStatedIn(rest);
    if (stated.status == TestStatus::Unknown)
        stated.status = contextStatus();
    if (m_leadIn.expectation || expectationContext())
        stated = {}; // what a test should do after a fix is no result
    const QString message = names.size() == 1 && stated.status != TestStatus::Unknown
        ? messageAfter(line.plain, names.first())
        : QString();
    Section *gapSection = nearestGapSection();
    for (const QString &name : names)
        assignToGap(
            addTest(name, stated.status, stated.expectedFailure, message, stated.history, line.line), gapSection);
    return true;
}

void MarkdownReportBuilder::handleCode(const MarkdownBlock &block)
{
    if (isPythonSource(block))
        return;
    const QStringList lines = block.text.split(QLatin1Char('\n'));
    const bool results = inResultsContext();
    Section *gapSection = nearestGapSection();
    // Pasted pytest output is read by the pytest-log reader, the same one that reads log files.
    PytestLogReader reader;
    QVector<QPair<int, QString>> fed;
    for (int i = 0; i < lines.size(); ++i) {
        const QString &text = lines[i];
        const int lineNo = block.line + i;
        if (text.trimmed().isEmpty() || text.trimmed().startsWith(QLatin1Char('#')))
            continue;
        if (looksLikeCommand(text)) {
            if (results && !inCommandsSection()) {
                Phase &phase = phaseAt(phaseForResults());
                if (phase.command.isEmpty() && text.contains(QLatin1String("test"), Qt::CaseInsensitive))
                    phase.command = text.trimmed();
            }
            continue; // a node id inside a command names what to run, not a result
        }
        reader.addLine(text, lineNo);
        fed.append({ lineNo, text });
    }
    QSet<QString> named;
    bool tallied = false;
    for (const PytestRun &run : reader.finish()) {
        tallied = tallied || run.tally.kind == PytestLine::Tally;
        for (const TestCase &t : run.tests) {
            if (!t.name.contains(QLatin1String("::")))
                continue; // a module that failed to collect: an import error of the phase, not a test
            named.insert(normalisedTestKey(t.name));
            assignToGap(addTest(t.name, t.status, t.expectedFailure, t.message, t.history, t.line), gapSection);
        }
        if (!results)
            continue;
        const int phaseIndex = phaseForResults();
        Phase &phase = phaseAt(phaseIndex);
        for (const QString &message : run.importErrorMessages) {
            if (!phase.importErrorMessages.contains(message))
                phase.importErrorMessages.append(message);
        }
        if (run.collected >= 0 && phase.collected < 0)
            phase.collected = run.collected;
        if (run.tally.kind == PytestLine::Tally) {
            CountReading reading;
            reading.passed = run.tally.passed;
            reading.failed = run.tally.failed;
            reading.errors = run.tally.errors;
            reading.skipped = run.tally.skipped;
            reading.deselected = run.tally.deselected;
            reading.durationSeconds = run.tally.seconds;
            applyPhaseCounts(phaseIndex, reading, run.tallyLine);
        }
    }
    if (named.isEmpty() && attachCodeToHeadingTest(block, fed))
        return;
    if (results && !tallied)
        readTypedSummaries(fed);
    // Node ids on lines that are no results ("5.73s teardown tests/x.py::T::t") still name tests. So does a
    // list typed into the block, one test per line after its status ("- ❌ test_x (generic error message)").
    static const RE statusFirst(QStringLiteral(
        "^\\s*(?:[-*]\\s+)?(?:✅|❌|⏭️?|⚠️?|✔|✗|PASSED\\b|FAILED\\b|ERROR\\b|SKIPPED\\b)"));
    for (const auto &[lineNo, text] : std::as_const(fed)) {
        const QStringList ids = findTestIdentifiers(text);
        const bool listed = ids.size() == 1 && statusFirst.match(text).hasMatch() && !expectationContext();
        for (const QString &id : ids) {
            if ((!isNodeId(id) && !listed) || named.contains(normalisedTestKey(id)))
                continue;
            named.insert(normalisedTestKey(id));
            QString rest = text;
            rest.remove(id);
            const auto stated = statusStatedIn(rest);
            const QString message = listed ? messageAfter(text, id) : QString();
            assignToGap(
                addTest(id, stated.status, stated.expectedFailure, message, stated.history, lineNo), gapSection);
        }
    }
}

// "### [FAILED] tests/x.py::T::test_y" > "**Error:**" > a fenced traceback: a code block that names no test
// under a heading that names one test is that test's failure text. Its message is the exception pytest marks
// with "E" (the first, as the pytest-log reader takes it), else the last line that names an exception.
bool MarkdownReportBuilder::attachCodeToHeadingTest(
    const MarkdownBlock &block, const QVector<QPair<int, QString>> &lines)
{
    if (m_sections.isEmpty() || m_sections.last().headingTests.size() != 1 || lines.isEmpty())
        return false;
    static const RE exceptionLine(
        QStringLiteral("^((?:[A-Za-z_]\\w*\\.)*[A-Z]\\w*(?:Error|Exception|Timeout|Failure|Exit)(?::\\s.*)?)$"));
    QString firstMarked, lastTyped;
    for (const auto &entry : lines) {
        const QString line = entry.second.trimmed();
        const QStringList ids = findTestIdentifiers(line);
        if (std::any_of(ids.cbegin(), ids.cend(), [](const QString &id) { return isNodeId(id); }))
            return false; // pytest output naming tests: results, not one test's trace
        if (const QString e = exceptionLineText(line); !e.isEmpty()) {
            if (firstMarked.isEmpty())
                firstMarked = e;
        } else if (const auto m = exceptionLine.match(line); m.hasMatch()) {
            lastTyped = m.captured(1);
        }
    }
    const QString message = firstMarked.isEmpty() ? lastTyped : firstMarked;
    TestCase &test = m_report.tests[m_sections.last().headingTests.first()];
    const QString details = block.text.trimmed();
    if (!test.details.contains(details))
        test.details = test.details.isEmpty() ? details : test.details + QStringLiteral("\n\n") + details;
    if (test.message.isEmpty())
        test.message = message;
    return true;
}

// A summary the writer or a test runner typed into a code block ("Results: ✅ 3 PASSED, 30 deselected",
// "Total: 2", "Failed: 2 (EXPECTED)"), read where pytest's own tally is not there.
void MarkdownReportBuilder::readTypedSummaries(const QVector<QPair<int, QString>> &lines)
{
    static const RE summary(QStringLiteral("^\\s*((?:test\\s+)?(?:results?|summary|outcome|totals?)|passed|failed|"
                                           "errors?|skipped)\\s*:\\s*(.+)$"),
        CI);
    for (const auto &[lineNo, text] : lines) {
        const auto m = summary.match(text);
        if (!m.hasMatch())
            continue;
        const CountReading reading = readCounts(m.captured(1), m.captured(2));
        if (reading.any())
            applyPhaseCounts(phaseForResults(), reading, lineNo);
    }
}

} // namespace Gapwise
