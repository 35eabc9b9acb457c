// SPDX-License-Identifier: GPL-3.0-or-later
#include "markdownreportbuilder.h"
#include "phaseoutcome.h"

#include "countfields.h"
#include "counttext.h"
#include "markdowntext.h"
#include "testidentifiers.h"
#include "titlematcher.h"

#include <QRegularExpression>

namespace Gapwise {

using namespace MarkdownText;
using RE = QRegularExpression;
constexpr auto CI = QRegularExpression::CaseInsensitiveOption;

MarkdownReportBuilder::MarkdownReportBuilder(
    const MarkdownDocument &document, Report &report, const ImportControl &control)
    : m_doc(document)
    , m_report(report)
    , m_control(control)
{
}

bool MarkdownReportBuilder::run()
{
    classifyHeadings();
    const int n = int(m_doc.blocks.size());
    int lastPermille = -1;
    for (m_block = 0; m_block < n; ++m_block) {
        if ((m_block & 255) == 0) {
            if (m_control.cancelled())
                return false;
            const int permille = int(qint64(m_block) * 1000 / qMax(1, n));
            if (m_control.progress && permille != lastPermille) {
                m_control.progress(permille);
                lastPermille = permille;
            }
        }
        const MarkdownBlock &block = m_doc.blocks[m_block];
        switch (block.kind) {
        case MarkdownBlock::Heading:
            enterHeading(block);
            break;
        case MarkdownBlock::Paragraph:
        case MarkdownBlock::ListItem:
            handleText(block);
            break;
        case MarkdownBlock::Code:
            handleCode(block);
            break;
        case MarkdownBlock::TableRow:
            handleTableRow(block);
            break;
        case MarkdownBlock::ThematicBreak:
            break;
        }
    }
    finish();
    if (m_control.progress)
        m_control.progress(1000);
    return true;
}

// ---- context -------------------------------------------------------------------------------------------

void MarkdownReportBuilder::enterHeading(const MarkdownBlock &block)
{
    while (!m_sections.isEmpty() && m_sections.last().level >= block.level)
        closeSection();
    Section section;
    section.level = block.level;
    section.line = block.line;
    section.blockIndex = m_block;
    section.info = m_headings.value(m_nextHeading++);
    if (m_report.title.isEmpty() && block.level == 1)
        m_report.title = cleanTitle(block.text);
    if (m_firstHeading.isEmpty())
        m_firstHeading = cleanTitle(block.text);
    // "### [FAILED] tests/e2e/staging/test_x.py::T::test_y" describes one test; its path words are no phase.
    if (section.info.kind == HeadingInfo::Phase && !findTestIdentifiers(block.text).isEmpty()
        && !block.text.contains(QLatin1String("Phase"), Qt::CaseInsensitive))
        section.info.kind = HeadingInfo::Plain;
    m_leadIn = LeadIn();
    m_sections.append(section);
    m_headingRemediation = -1;
    m_itemGap = -1;

    addHeadingTests(block);
    promoteCauseHeading(block);
    // "#### 3. Circular Dependency Integration Test", "### Test 3: Factory SSOT Compliance": a numbered test
    // may stand for one test though its words name a test type; its Status field decides.
    static const RE numberedTest(QStringLiteral("^(?:\\d+[.)]\\s+.*\\bTest|Test\\s+\\d+\\s*:\\s+.+)$"));
    Section &added = m_sections.last();
    if (added.headingTests.isEmpty() && block.level >= 3
        && (added.info.kind == HeadingInfo::Plain
            || (added.info.kind == HeadingInfo::Phase && added.info.outcome.isEmpty()
                && numberedTest.match(cleanTitle(block.text)).hasMatch())))
        added.proseTest = proseTestName(block.text);
    const HeadingInfo &info = m_sections.last().info;
    if ((info.kind == HeadingInfo::Phase || info.kind == HeadingInfo::Summary) && !info.outcome.isEmpty()) {
        // "### Unit Tests: 5 FAILED, 2 PASSED": the heading gives the phase's counts.
        const CountReading reading = readCounts(QStringLiteral("Results"), info.outcome);
        if (reading.any())
            applyPhaseCounts(phaseForResults(), reading, block.line);
    }
    if (info.priority != Priority::None && (info.kind == HeadingInfo::Phase || info.kind == HeadingInfo::Plain)) {
        // "### Phase 1: Import Path Consolidation (P0)": a prioritised plan step is a remediation item.
        m_report.remediation.append({ info.priority, info.title, QString(), {}, block.line });
        m_headingRemediation = int(m_report.remediation.size()) - 1;
    }
}

void MarkdownReportBuilder::closeSection()
{
    const Section section = m_sections.takeLast();
    const HeadingInfo &info = section.info;
    if (info.declaredFailures >= 0 && section.listedTests > 0 && section.listedTests != info.declaredFailures) {
        addDiagnostic(Severity::Warning, section.line,
            QStringLiteral("“%1” says %2 but lists %3; the listed tests are kept")
                .arg(info.title,
                    countText(info.declaredFailures, QStringLiteral("%1 failure"), QStringLiteral("%1 failures"),
                        QLocale::c()),
                    countText(
                        section.listedTests, QStringLiteral("%1 test"), QStringLiteral("%1 tests"), QLocale::c())));
    }
}

const MarkdownReportBuilder::Section *MarkdownReportBuilder::innermostClassified() const
{
    for (auto it = m_sections.crbegin(); it != m_sections.crend(); ++it) {
        if (it->info.kind != HeadingInfo::Plain)
            return &*it;
    }
    return nullptr;
}

MarkdownReportBuilder::Section *MarkdownReportBuilder::nearestGapSection()
{
    for (auto it = m_sections.rbegin(); it != m_sections.rend(); ++it) {
        if (it->info.kind == HeadingInfo::GapGroup || it->info.kind == HeadingInfo::FailureGroup)
            return &*it;
        if (it->info.kind == HeadingInfo::Phase)
            return nullptr; // a gap heading above the phase groups other things
    }
    return nullptr;
}

bool MarkdownReportBuilder::expectationContext() const
{
    static const RE expectation(QStringLiteral("\\b(success criteria|expected (?:behaviou?r|outcomes?|results)|"
                                               "expected test (?:behaviou?r|outcomes?|results)|acceptance "
                                               "criteria|test plan|planned tests|tests? to (?:add|write|create))\\b"),
        CI);
    for (const Section &s : m_sections) {
        if (s.level > 1 && expectation.match(s.info.title).hasMatch()) // a title may say "Test Plan Execution"
            return true;
    }
    return false;
}

TestStatus MarkdownReportBuilder::contextStatus() const
{
    if (m_leadIn.status != TestStatus::Unknown)
        return m_leadIn.status;
    for (auto it = m_sections.crbegin(); it != m_sections.crend(); ++it) {
        if (it->info.groupStatus != TestStatus::Unknown)
            return it->info.groupStatus;
        if (it->info.kind == HeadingInfo::GapGroup || it->info.kind == HeadingInfo::FailureGroup)
            return TestStatus::Failed;
    }
    return TestStatus::Unknown;
}

// Every heading is classified once, up front: phaseForResults() needs to know which generic titles the
// report repeats before it reaches the second one.
void MarkdownReportBuilder::classifyHeadings()
{
    for (const MarkdownBlock &block : m_doc.blocks) {
        if (block.kind != MarkdownBlock::Heading)
            continue;
        m_headings.append(classifyHeading(block.text, block.level));
        const HeadingInfo &info = m_headings.constLast();
        if (info.kind == HeadingInfo::Phase && info.genericResults)
            ++m_genericPhaseTitles[slugify(info.title)];
    }
}

int MarkdownReportBuilder::phaseForResults()
{
    // A heading that names no test type reports on the phase heading around it when it says nothing but
    // "results" ("## Unit Tests" > "### Results Summary"), when the one around names no test type either
    // ("## Test Execution Results" > "### Results - 14:13"), or when the report repeats it under several
    // phase headings (otherwise their results would merge into one phase of that name).
    auto phaseSection = m_sections.rend();
    for (auto it = m_sections.rbegin(); it != m_sections.rend(); ++it) {
        if (it->info.kind != HeadingInfo::Phase)
            continue;
        if (phaseSection == m_sections.rend()) {
            phaseSection = it;
            continue;
        }
        const HeadingInfo &inner = phaseSection->info;
        const bool repeated = m_genericPhaseTitles.value(slugify(inner.title)) > 1;
        if (!inner.genericResults || !(inner.onlyResultWords || it->info.genericResults || repeated))
            break;
        phaseSection = it;
    }
    if (phaseSection == m_sections.rend())
        return PendingPhase;
    Section &section = *phaseSection;
    if (section.phase < 0) {
        const QString id = slugify(section.info.title);
        section.phase = m_report.phaseIndex(id.isEmpty() ? QStringLiteral("phase") : id);
        if (section.phase < 0) {
            Phase phase;
            phase.id = id.isEmpty() ? QStringLiteral("phase") : id;
            // The name without the status words closing the heading; those become the phase's outcome.
            const PhaseNameOutcome split = splitPhaseOutcome(
                m_doc.blocks.value(section.blockIndex).text, section.info.title, section.info.outcome);
            phase.name = split.name;
            phase.outcome = split.outcome;
            phase.line = section.line;
            m_report.phases.append(phase);
            section.phase = int(m_report.phases.size()) - 1;
        }
    }
    return section.phase;
}

// "## Execution Commands for Further Testing" > "### Unit Tests": what to run next, not what ran. A
// command heading inside a phase ("### Command Executed") is that phase's own.
bool MarkdownReportBuilder::inCommandsSection() const
{
    bool phaseSeen = false;
    for (auto it = m_sections.crbegin(); it != m_sections.crend(); ++it) {
        if (phaseSeen && it->info.isCommandHeading)
            return true;
        phaseSeen = phaseSeen || it->info.kind == HeadingInfo::Phase;
    }
    return false;
}

Phase &MarkdownReportBuilder::phaseAt(int index)
{
    return index == PendingPhase ? m_pending : m_report.phases[index];
}

bool MarkdownReportBuilder::inResultsContext() const
{
    const Section *s = innermostClassified();
    return !s || s->info.kind == HeadingInfo::Phase || s->info.kind == HeadingInfo::Summary;
}

int MarkdownReportBuilder::resolveGap(Section &section)
{
    if (section.gap >= 0)
        return section.gap;
    const HeadingInfo &info = section.info;
    const QString slugId = QStringLiteral("gap-") + slugify(info.title);
    const QString id = info.gapKey.isEmpty() ? slugId : info.gapKey;
    int index = m_gapsById.value(id, -1);
    if (index < 0 && info.kind == HeadingInfo::FailureGroup) {
        TitleMatcher matcher;
        QStringList titles;
        for (const Gap &g : m_report.gaps)
            titles.append(g.title);
        matcher.setTitles(titles);
        index = matcher.bestMatch(info.title);
        section.gapSuggested = index >= 0;
    }
    if (index < 0) {
        index = addGap(info, section.line);
    } else if (!section.gapSuggested) {
        Gap &gap = m_report.gaps[index];
        if (gap.priority == Priority::None)
            gap.priority = info.priority;
        if (info.gapStatus != GapStatus::Open)
            gap.status = info.gapStatus; // "Root Cause 1: X" again later, "- FIXED": the latest state
    }
    section.gap = index;
    return index;
}

// A gap the report names, or the one it already named under that id ("Root Cause 1" stated twice).
int MarkdownReportBuilder::addGap(const HeadingInfo &info, int line)
{
    const QString id = info.gapKey.isEmpty() ? QStringLiteral("gap-") + slugify(info.title) : info.gapKey;
    if (const int index = m_gapsById.value(id, -1); index >= 0)
        return index;
    Gap gap;
    gap.id = id;
    gap.title = info.title.isEmpty() ? id : info.title;
    gap.priority = info.priority;
    gap.status = info.gapStatus;
    gap.declaredFailures = info.declaredFailures;
    gap.line = line;
    const int index = int(m_report.gaps.size());
    m_gapsById.insert(gap.id, index);
    m_report.gaps.append(gap);
    return index;
}

// ---- blocks --------------------------------------------------------------------------------------------

void MarkdownReportBuilder::handleText(const MarkdownBlock &block)
{
    const QVector<InlineLine> lines = inlineLines(block);
    if (lines.isEmpty())
        return;
    // A lone paragraph such as "**Failed Tests by Coordination Gap:**" says what the list below holds.
    if (block.kind == MarkdownBlock::Paragraph && lines.size() == 1) {
        const InlineLine &l = lines.first();
        const bool endsWithColon = l.plain.endsWith(QLatin1Char(':'));
        const bool allStrong = l.strong.size() == 1
            && stripEmoji(l.plain).remove(QLatin1Char(':')).trimmed()
                == stripEmoji(l.strong.first()).remove(QLatin1Char(':')).trimmed();
        if ((endsWithColon || allStrong) && l.value.isEmpty() && l.plain.size() < 120
            && findTestIdentifiers(l.plain).isEmpty()) {
            m_leadIn = LeadIn();
            m_leadIn.status = statusOfGroupLabel(l.plain);
            m_leadIn.importErrors = labelIs(l.plain, "import errors?|collection errors?|modulenotfound|importerror");
            m_leadIn.evidence = labelIs(l.plain, "evidence|root cause|error messages?");
            m_leadIn.expectation = labelIs(
                l.plain, "\\b(will|should|would|success criteria|expected (?:behaviou?r|outcome)|once fixed)\\b");
            return;
        }
    }
    for (int i = 0; i < lines.size(); ++i)
        handleLine(block, lines[i], i == 0);
    if (m_headingRemediation >= 0 && block.kind == MarkdownBlock::Paragraph) {
        RemediationItem &item = m_report.remediation[m_headingRemediation];
        if (item.details.isEmpty())
            item.details = SpanMark::strip(block.text).simplified();
    }
}

void MarkdownReportBuilder::handleLine(const MarkdownBlock &block, const InlineLine &line, bool firstLine)
{
    if (!line.label.isEmpty()) {
        if (m_report.date.isEmpty() && labelIs(line.label, "^(date|run date|execution date|test date)$"))
            m_report.date = line.value;
        else if (m_report.environment.isEmpty() && labelIs(line.label, "^(environment|test environment|platform)$"))
            m_report.environment = line.value;
    }
    startCauseItem(block, line, firstLine);
    if (handleHeadingTestLine(line) || handleTestsOn(block, line) || attachErrorToLastTest(line)
        || handleCauseItemLine(block, line, firstLine))
        return;

    const Section *context = innermostClassified();
    const HeadingInfo::Kind kind = context ? context->info.kind : HeadingInfo::Plain;
    switch (kind) {
    case HeadingInfo::GapGroup:
    case HeadingInfo::FailureGroup:
        handleGapLine(block, line);
        return;
    case HeadingInfo::PriorityGroup:
    case HeadingInfo::Remediation:
        handleRemediationLine(block, line, firstLine, kind == HeadingInfo::PriorityGroup);
        return;
    case HeadingInfo::Actions:
        handleActionLine(block, line, firstLine);
        return;
    case HeadingInfo::Summary:
        if (block.kind == MarkdownBlock::ListItem && firstLine && block.level == 1)
            m_report.summaryFacts.append(stripEmoji(line.plain));
        break;
    case HeadingInfo::Phase:
    case HeadingInfo::Plain:
    case HeadingInfo::GapAnalysis:
        break;
    }
    if (m_leadIn.importErrors && block.kind == MarkdownBlock::ListItem && firstLine) {
        Phase &phase = phaseAt(phaseForResults());
        phase.importErrorMessages.append(line.plain);
        return;
    }
    if (inResultsContext())
        handleCounts(line);
}

void MarkdownReportBuilder::handleCounts(const InlineLine &line)
{
    const CountReading reading = readCounts(line.label, line.plain);
    const int phase = reading.any() || reading.failureRatePercent >= 0 ? phaseForResults() : PendingPhase;
    if (reading.failureRatePercent >= 0 && phase != PendingPhase)
        m_statedRates.append({ phase, reading.failureRatePercent, line.line });
    if (reading.any())
        applyPhaseCounts(phase, reading, line.line);
}

void MarkdownReportBuilder::applyPhaseCounts(int phaseIndex, const CountReading &reading, int line)
{
    Phase &phase = phaseAt(phaseIndex);
    const QStringList changed = applyCounts(reading, phase);
    if (!changed.isEmpty() && phaseIndex != PendingPhase) {
        addDiagnostic(Severity::Warning, line,
            QStringLiteral("the report restates counts of phase “%1” (%2); the later ones are kept")
                .arg(phase.name, changed.join(QLatin1String(", "))));
    }
}

void MarkdownReportBuilder::addDiagnostic(Severity severity, int line, const QString &message)
{
    m_report.diagnostics.append({ severity, line, message });
}

// ---- end of document -----------------------------------------------------------------------------------

} // namespace Gapwise
