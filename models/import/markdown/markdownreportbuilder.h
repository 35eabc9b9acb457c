// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "headingclassifier.h"
#include "importer.h"
#include "markdowndocument.h"

#include <QHash>
#include <QSet>

#include <optional>

namespace Gapwise {

struct CountReading;

// Walks a parsed Markdown report once, keeping the open headings as context, and fills a Report:
// phases with their counts and commands, gaps with evidence, tests with status and message, remediation
// items, recommended actions and diagnostics.
class MarkdownReportBuilder
{
public:
    MarkdownReportBuilder(const MarkdownDocument &document, Report &report, const ImportControl &control);
    bool run(); // false when cancelled

private:
    struct Section
    {
        int level = 0;
        int line = 0;
        int blockIndex = 0;
        HeadingInfo info;
        int phase = -1; // resolved phase index (Phase sections)
        int gap = -1; // resolved gap index (gap and failure groups)
        bool gapSuggested = false; // a failure group mapped onto a gap the report named elsewhere
        int listedTests = 0;
        QVector<int> headingTests; // "#### 5. `test_x`": the heading names the test its section describes
        // "#### 1. Cache Eviction Test": a test named in words; it becomes one when a Status field below
        // states a single outcome.
        QString proseTest;
    };
    struct LeadIn // a paragraph such as "**Failed Tests:**" that says what the list below holds
    {
        TestStatus status = TestStatus::Unknown;
        bool importErrors = false;
        bool evidence = false;
        bool expectation = false; // "The tests will pass when:": what should happen, not what did
    };
    struct TableColumns
    {
        int test = -1, status = -1, message = -1, number = -1; // number: a "Test #" column
    };
    struct StatedRate
    {
        int phase = -1;
        double percent = 0;
        int line = 0;
    };
    static constexpr int PendingPhase = -2; // results standing in no phase section
    static QString pendingPhaseId() { return QStringLiteral("\x01pending"); }

    void enterHeading(const MarkdownBlock &block);
    void promoteCauseHeading(const MarkdownBlock &block);
    void startCauseItem(const MarkdownBlock &block, const InlineLine &line, bool firstLine);
    bool handleCauseItemLine(const MarkdownBlock &block, const InlineLine &line, bool firstLine);
    int addGap(const HeadingInfo &info, int line);
    void closeSection();
    void addHeadingTests(const MarkdownBlock &block);
    void assignToGap(int testIndex, Section *gapSection);
    bool expectationContext() const;
    void handleText(const MarkdownBlock &block);
    void handleLine(const MarkdownBlock &block, const InlineLine &line, bool firstLine);
    bool handleTestsOn(const MarkdownBlock &block, const InlineLine &line);
    bool handleHeadingTestLine(const InlineLine &line);
    void startProseHeadingTest(const InlineLine &line);
    bool attachCodeToHeadingTest(const MarkdownBlock &block, const QVector<QPair<int, QString>> &lines);
    void readTypedSummaries(const QVector<QPair<int, QString>> &lines);
    bool attachErrorToLastTest(const InlineLine &line);
    bool isWithin(const MarkdownBlock &block, int itemBlock) const;
    void handleGapLine(const MarkdownBlock &block, const InlineLine &line);
    void handleCounts(const InlineLine &line);
    void handleRemediationLine(
        const MarkdownBlock &block, const InlineLine &line, bool firstLine, bool inPriorityGroup);
    void handleActionLine(const MarkdownBlock &block, const InlineLine &line, bool firstLine);
    void handleCode(const MarkdownBlock &block);
    void handleTableRow(const MarkdownBlock &block);
    void finish();
    void placePendingResults();
    void checkPhaseCounts();
    void linkRemediationToGaps();

    const Section *innermostClassified() const;
    Section *nearestGapSection();
    bool inResultsContext() const;
    int phaseForResults();
    bool inCommandsSection() const;
    void classifyHeadings();
    Phase &phaseAt(int index);
    int resolveGap(Section &section);
    TestStatus contextStatus() const;
    int addTest(const QString &name, TestStatus status, bool expected, const QString &message, const QString &history,
        int line);
    static constexpr int AmbiguousMention = -3; // a bare name several tests share
    int findMentionedTest(const QString &name, const QString &key, std::optional<int> &phaseIndex);
    int findByNodeId(const QString &key, const QString &phaseId) const;
    int findByBareName(const QString &key, std::optional<int> &phaseIndex);
    void indexTest(int index);
    void applyPhaseCounts(int phaseIndex, const CountReading &reading, int line);
    void addDiagnostic(Severity severity, int line, const QString &message);

    const MarkdownDocument &m_doc;
    Report &m_report;
    const ImportControl &m_control;
    int m_block = 0;
    QVector<Section> m_sections;
    LeadIn m_leadIn;
    Phase m_pending;
    QString m_firstHeading;
    QHash<QString, int> m_testsByKey; // normalised key → test
    // Tests by function ("test_y") and by the last part of their key ("test_y[1]"): a bare name or a
    // shortened node id ("x.py::T::test_y" for "tests/e2e/x.py::T::test_y") is matched against these.
    QHash<QString, QVector<int>> m_testsByFunction;
    QHash<QString, QVector<int>> m_testsByLastPart;
    QSet<QString> m_ambiguousNames; // said once each in a diagnostic
    QHash<QString, int> m_gapsById; // Report::gapIndex() is a linear scan: 20,000 gaps made the import quadratic
    QHash<int, TableColumns> m_tables;
    QVector<HeadingInfo> m_headings; // every heading of the document, in order, classified
    int m_nextHeading = 0;
    QHash<QString, int> m_genericPhaseTitles; // how often each test-type-less phase title heads a section
    int m_lastRemediation = -1;
    int m_headingRemediation = -1;
    int m_lastAction = -1;
    int m_lastRemediationBlock = -1;
    int m_lastActionBlock = -1;
    QVector<StatedRate> m_statedRates;
    int m_lastTest = -1;
    int m_lastTestSection = -1;
    // A cause group the report writes as a numbered item ("1. **Dual Router Implementation**" under "Root
    // Cause Analysis"): its gap, and the list item whose nested lines are its evidence and tests.
    int m_itemGap = -1;
    int m_itemGapBlock = -1;
    QHash<int, int> m_testNumbers; // "| 23 | streaming_real | ❌ |": test index by its number, for "Tests #23, #25"
    void placeNumberedTests(const QString &text, Section &gapSection);
};

} // namespace Gapwise
