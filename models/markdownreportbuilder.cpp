#include "markdownreportbuilder.h"

#include "countfields.h"
#include "markdowntext.h"
#include "pytestlines.h"
#include "pytestlog.h"
#include "testidentifiers.h"
#include "titlematcher.h"

#include <QRegularExpression>
#include <QSet>

namespace Gapwise {
namespace {

using RE = QRegularExpression;
constexpr auto CI = QRegularExpression::CaseInsensitiveOption;
const QString PendingPhaseId = QStringLiteral("\x01pending");

bool looksLikeCommand(const QString &text)
{
    static const RE command(QStringLiteral(
        "^\\s*(?:\\$\\s*|>\\s*)?(?:python3?(?:\\.\\d+)?|pytest|py\\.test|npm|npx|yarn|pnpm|jest|go\\s+test|mvn|"
        "gradlew?|ctest|make|cargo|tox|nox|uv|poetry|pipenv|docker|bash|sh|cd|export|set|\\./)\\b"));
    return command.match(text).hasMatch();
}

bool isPythonSource(const MarkdownBlock &block)
{
    static const RE source(QStringLiteral("^\\s*(?:def |class |async def |import |from \\S+ import |@)"), RE::MultilineOption);
    return source.match(block.text).hasMatch() && !block.text.contains(QLatin1String(" PASSED"))
        && !block.text.contains(QLatin1String("FAILED "));
}

// What follows a test's name on its line, without separators, status words and emoji.
QString messageAfter(const QString &plain, const QString &identifier)
{
    const int at = plain.indexOf(identifier);
    if (at < 0)
        return QString();
    QString rest = plain.mid(at + identifier.size());
    static const RE lead(QStringLiteral(
        "^(?:[\\s`*:|\\-–—>→,.]|\\((?:expected|as expected)\\)|\\b(?:PASSED|FAILED|ERROR|SKIPPED|XFAIL|XPASS|PASS|FAIL)\\b|"
        "\\[\\s*\\d+%\\])+"), CI);
    rest = MarkdownText::stripEmoji(rest);
    rest.remove(lead);
    rest = rest.trimmed();
    while (rest.endsWith(QLatin1Char('*')) || rest.endsWith(QLatin1Char('`')))
        rest.chop(1);
    return rest.trimmed();
}

bool labelIs(const QString &label, const char *pattern)
{
    return RE(QLatin1String(pattern), CI).match(label).hasMatch();
}

} // namespace

MarkdownReportBuilder::MarkdownReportBuilder(const MarkdownDocument &document, Report &report,
                                             const ImportControl &control)
    : m_doc(document)
    , m_report(report)
    , m_control(control)
{
}

bool MarkdownReportBuilder::run()
{
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
        case MarkdownBlock::Heading: enterHeading(block); break;
        case MarkdownBlock::Paragraph:
        case MarkdownBlock::ListItem: handleText(block); break;
        case MarkdownBlock::Code: handleCode(block); break;
        case MarkdownBlock::TableRow: handleTableRow(block); break;
        case MarkdownBlock::ThematicBreak: break;
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
    section.info = classifyHeading(block.text, block.level);
    if (m_report.title.isEmpty() && block.level == 1)
        m_report.title = MarkdownText::cleanTitle(block.text);
    if (m_firstHeading.isEmpty())
        m_firstHeading = MarkdownText::cleanTitle(block.text);
    m_leadIn = LeadIn();
    m_sections.append(section);
    m_headingRemediation = -1;

    addHeadingTests(block);
    const HeadingInfo &info = m_sections.last().info;
    if (info.priority != Priority::None && (info.kind == HeadingInfo::Phase || info.kind == HeadingInfo::Plain)) {
        // "### Phase 1: Import Path Consolidation (P0)": a prioritised plan step is a remediation item.
        m_report.remediation.append({info.priority, info.title, QString(), {}, block.line});
        m_headingRemediation = int(m_report.remediation.size()) - 1;
    }
}

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
    MarkdownText::StatedStatus stated = MarkdownText::statusStatedIn(rest);
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

bool MarkdownReportBuilder::handleHeadingTestLine(const InlineLine &line)
{
    if (m_sections.isEmpty() || m_sections.last().headingTests.isEmpty() || line.label.isEmpty())
        return false;
    const QVector<int> &tests = m_sections.last().headingTests;
    if (labelIs(line.label, "^(status|result|outcome|final status|test result|current status|final result)$")) {
        const MarkdownText::StatedStatus stated = MarkdownText::statusStatedIn(line.value);
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
    if (!gapSection || testIndex < 0)
        return;
    TestCase &test = m_report.tests[testIndex];
    if (!test.gapId.isEmpty())
        return;
    test.gapId = m_report.gaps[resolveGap(*gapSection)].id;
    test.gapSuggested = gapSection->gapSuggested;
    ++gapSection->listedTests;
}

void MarkdownReportBuilder::closeSection()
{
    const Section section = m_sections.takeLast();
    const HeadingInfo &info = section.info;
    if (info.declaredFailures >= 0 && section.listedTests > 0 && section.listedTests != info.declaredFailures) {
        addDiagnostic(Severity::Warning, section.line,
                      QStringLiteral("“%1” says %2 failures but lists %3 tests; the listed tests are kept")
                          .arg(info.title)
                          .arg(info.declaredFailures)
                          .arg(section.listedTests));
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
                                               "expected test (?:behaviou?r|outcomes?|results)|acceptance criteria|test plan|planned tests|tests? to (?:add|write|create))\\b"), CI);
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

int MarkdownReportBuilder::phaseForResults()
{
    for (auto it = m_sections.rbegin(); it != m_sections.rend(); ++it) {
        if (it->info.kind != HeadingInfo::Phase)
            continue;
        if (it->phase < 0) {
            const QString id = MarkdownText::slugify(it->info.title);
            it->phase = m_report.phaseIndex(id.isEmpty() ? QStringLiteral("phase") : id);
            if (it->phase < 0) {
                Phase phase;
                phase.id = id.isEmpty() ? QStringLiteral("phase") : id;
                phase.name = it->info.title;
                phase.line = it->line;
                m_report.phases.append(phase);
                it->phase = int(m_report.phases.size()) - 1;
            }
        }
        return it->phase;
    }
    return PendingPhase;
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
    const QString slugId = QStringLiteral("gap-") + MarkdownText::slugify(info.title);
    const QString id = info.gapKey.isEmpty() ? slugId : info.gapKey;
    int index = m_report.gapIndex(id);
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
        Gap gap;
        gap.id = id;
        gap.title = info.title.isEmpty() ? id : info.title;
        gap.priority = info.priority;
        gap.declaredFailures = info.declaredFailures;
        gap.line = section.line;
        m_report.gaps.append(gap);
        index = int(m_report.gaps.size()) - 1;
    } else if (!section.gapSuggested && m_report.gaps[index].priority == Priority::None) {
        m_report.gaps[index].priority = info.priority;
    }
    section.gap = index;
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
        const bool allStrong = l.strong.size() == 1 && MarkdownText::stripEmoji(l.plain).remove(QLatin1Char(':')).trimmed()
            == MarkdownText::stripEmoji(l.strong.first()).remove(QLatin1Char(':')).trimmed();
        if ((endsWithColon || allStrong) && l.value.isEmpty() && l.plain.size() < 120
            && findTestIdentifiers(l.plain).isEmpty()) {
            m_leadIn = LeadIn();
            m_leadIn.status = MarkdownText::statusOfGroupLabel(l.plain);
            m_leadIn.importErrors = labelIs(l.plain, "import errors?|collection errors?|modulenotfound|importerror");
            m_leadIn.evidence = labelIs(l.plain, "evidence|root cause|error messages?");
            m_leadIn.expectation = labelIs(l.plain, "\\b(will|should|would|success criteria|expected (?:behaviou?r|outcome)|once fixed)\\b");
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
    if (handleHeadingTestLine(line) || handleTestsOn(block, line) || attachErrorToLastTest(line))
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
            m_report.summaryFacts.append(MarkdownText::stripEmoji(line.plain));
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

void MarkdownReportBuilder::handleGapLine(const MarkdownBlock &block, const InlineLine &line)
{
    Section *section = nearestGapSection();
    if (!section)
        return;
    if (!line.label.isEmpty()) {
        if (labelIs(line.label, "^(priority|severity|priority level|business priority)$")) {
            const Priority p = priorityFromText(line.value);
            Gap &gap = m_report.gaps[resolveGap(*section)];
            if (p != Priority::None && !section->gapSuggested)
                gap.priority = p;
            return;
        }
        if (labelIs(line.label, "^(owner|assignee|assigned to|team)$")) {
            Gap &gap = m_report.gaps[resolveGap(*section)];
            if (gap.owner.isEmpty() && !section->gapSuggested)
                gap.owner = line.value;
            return;
        }
        if (labelIs(line.label, "^(evidence|root cause|cause|error|error message|symptoms?|failure|impact|finding)s?$")) {
            if (!line.value.isEmpty())
                m_report.gaps[resolveGap(*section)].evidence.append(line.value);
            return;
        }
    }
    if (block.kind == MarkdownBlock::ListItem || m_leadIn.evidence)
        m_report.gaps[resolveGap(*section)].evidence.append(MarkdownText::stripEmoji(line.plain));
}

bool MarkdownReportBuilder::attachErrorToLastTest(const InlineLine &line)
{
    // "AttributeError: 'X' object has no attribute 'y'" under a test is that test's failure message.
    static const RE errorClass(QStringLiteral("^(?:E\\s+)?((?:[A-Za-z_]\\w*\\.)*[A-Z]\\w*(?:Error|Exception|Timeout)(?::\\s.*)?)$"));
    const int section = m_sections.isEmpty() ? -1 : m_sections.last().blockIndex;
    if (m_lastTest < 0 || section != m_lastTestSection)
        return false;
    const auto m = errorClass.match(MarkdownText::stripEmoji(line.plain));
    if (!m.hasMatch())
        return false;
    QString &message = m_report.tests[m_lastTest].message;
    if (!message.contains(m.captured(1)))
        message = message.isEmpty() ? m.captured(1) : message + QStringLiteral(" — ") + m.captured(1);
    return true;
}

bool MarkdownReportBuilder::isWithin(const MarkdownBlock &block, int itemBlock) const
{
    if (itemBlock < 0)
        return false;
    if (&block == &m_doc.blocks[itemBlock])
        return true;
    for (int parent = block.parentItem; parent >= 0; parent = m_doc.blocks[parent].parentItem) {
        if (parent == itemBlock)
            return true;
    }
    return false;
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
    MarkdownText::StatedStatus stated = MarkdownText::statusStatedIn(rest);
    if (stated.status == TestStatus::Unknown)
        stated.status = contextStatus();
    if (m_leadIn.expectation || expectationContext())
        stated = {}; // what a test should do after a fix is no result
    const QString message = names.size() == 1 && stated.status != TestStatus::Unknown ? messageAfter(line.plain, names.first()) : QString();
    Section *gapSection = nearestGapSection();
    for (const QString &name : names)
        assignToGap(addTest(name, stated.status, stated.expectedFailure, message, stated.history, line.line), gapSection);
    return true;
}

void MarkdownReportBuilder::handleCounts(const InlineLine &line)
{
    const CountReading reading = readCounts(line.label, line.plain);
    const int phase = reading.any() || reading.failureRatePercent >= 0 ? phaseForResults() : PendingPhase;
    if (reading.failureRatePercent >= 0 && phase != PendingPhase)
        m_statedRates.append({phase, reading.failureRatePercent, line.line});
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

void MarkdownReportBuilder::handleRemediationLine(const MarkdownBlock &block, const InlineLine &line, bool firstLine,
                                                  bool inPriorityGroup)
{
    const Section *section = innermostClassified();
    const bool topLevel = block.kind == MarkdownBlock::ListItem && block.parentItem < section->blockIndex;
    const bool leadsWithStrong = !line.strong.isEmpty() && line.plain.startsWith(line.strong.first().left(1));
    Priority priority = inPriorityGroup ? section->info.priority : Priority::None;
    if (!inPriorityGroup && firstLine && topLevel) {
        static const RE code(QStringLiteral("^\\W*\\[?P([0-3])\\b"));
        const auto m = code.match(line.plain);
        if (m.hasMatch())
            priority = static_cast<Priority>(m.captured(1).toInt());
    }
    const bool startsItem = firstLine && priority != Priority::None
        && (topLevel || (block.kind == MarkdownBlock::Paragraph && leadsWithStrong && inPriorityGroup));
    if (startsItem) {
        RemediationItem item;
        item.priority = priority;
        item.line = line.line;
        if (!line.strong.isEmpty() && leadsWithStrong) {
            item.title = line.strong.first();
            item.details = messageAfter(line.plain, item.title);
        } else {
            const int dash = line.plain.indexOf(QLatin1String(" - "));
            item.title = dash > 0 ? line.plain.left(dash) : line.plain;
            item.details = dash > 0 ? line.plain.mid(dash + 3) : QString();
        }
        static const RE codePrefix(QStringLiteral("^\\W*\\[?P[0-3]\\]?\\s*[:\\-–]?\\s*"));
        item.title = MarkdownText::stripEmoji(item.title).remove(codePrefix).trimmed();
        while (item.title.endsWith(QLatin1Char(':')))
            item.title.chop(1);
        if (item.title.isEmpty())
            return;
        m_report.remediation.append(item);
        m_lastRemediation = int(m_report.remediation.size()) - 1;
        m_lastRemediationBlock = m_block;
        return;
    }
    if (m_lastRemediation >= 0 && isWithin(block, m_lastRemediationBlock)) {
        QString &details = m_report.remediation[m_lastRemediation].details;
        details += (details.isEmpty() ? QString() : QStringLiteral("; ")) + MarkdownText::stripEmoji(line.plain);
    }
}

void MarkdownReportBuilder::handleActionLine(const MarkdownBlock &block, const InlineLine &line, bool firstLine)
{
    if (block.kind != MarkdownBlock::ListItem)
        return;
    const Section &innermost = m_sections.last();
    const bool topLevel = block.parentItem < innermost.blockIndex;
    if (topLevel && firstLine) {
        RecommendedAction action;
        action.horizon = innermost.info.kind == HeadingInfo::Plain ? innermost.info.title : QString();
        action.title = line.strong.isEmpty() ? MarkdownText::stripEmoji(line.plain) : line.strong.first();
        while (action.title.endsWith(QLatin1Char(':')))
            action.title.chop(1);
        const QString rest = line.strong.isEmpty() ? QString() : messageAfter(line.plain, line.strong.first());
        if (!rest.isEmpty())
            action.steps.append(rest);
        action.line = line.line;
        m_report.actions.append(action);
        m_lastAction = int(m_report.actions.size()) - 1;
        m_lastActionBlock = m_block;
    } else if (m_lastAction >= 0 && isWithin(block, m_lastActionBlock)) {
        m_report.actions[m_lastAction].steps.append(MarkdownText::stripEmoji(line.plain));
    }
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
            if (results) {
                Phase &phase = phaseAt(phaseForResults());
                if (phase.command.isEmpty() && text.contains(QLatin1String("test"), Qt::CaseInsensitive))
                    phase.command = text.trimmed();
            }
            continue; // a node id inside a command names what to run, not a result
        }
        reader.addLine(text, lineNo);
        fed.append({lineNo, text});
    }
    QSet<QString> named;
    for (const PytestRun &run : reader.finish()) {
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
    // Node ids on lines that are no results ("5.73s teardown tests/x.py::T::t") still name tests.
    for (const auto &[lineNo, text] : std::as_const(fed)) {
        for (const QString &id : findTestIdentifiers(text)) {
            if (!isNodeId(id) || named.contains(normalisedTestKey(id)))
                continue;
            named.insert(normalisedTestKey(id));
            QString rest = text;
            rest.remove(id);
            const auto stated = MarkdownText::statusStatedIn(rest);
            assignToGap(addTest(id, stated.status, stated.expectedFailure, QString(), stated.history, lineNo), gapSection);
        }
    }
}

void MarkdownReportBuilder::handleTableRow(const MarkdownBlock &block)
{
    if (block.headerRow) {
        TableColumns columns;
        for (int i = 0; i < block.cells.size(); ++i) {
            const QString h = MarkdownText::stripEmoji(block.cells[i]).toLower();
            static const RE testHeader(QStringLiteral("^(?:test(?: name| case| function| method| id)?|name|failing test|failed test|node id)s?$"));
            static const RE notTests(QStringLiteral("categor|file|suite|count|type|area|component|module|run|total|coverage|class"));
            static const RE status(QStringLiteral("\\b(status|result|outcome)\\b"));
            static const RE message(QStringLiteral("\\b(notes?|findings|details|error|issue|analysis|description|reason|message|root cause|evidence|problem)\\b"));
            if (columns.test < 0 && (testHeader.match(h).hasMatch() || (h.contains(QLatin1String("test")) && !notTests.match(h).hasMatch())))
                columns.test = i;
            else if (status.match(h).hasMatch())
                columns.status = i; // the last status column is the latest state ("Final Status")
            else if (columns.message < 0 && message.match(h).hasMatch())
                columns.message = i;
        }
        m_tables.insert(block.table, columns);
        return;
    }
    const TableColumns columns = m_tables.value(block.table);
    QStringList names;
    if (columns.test >= 0 && columns.test < block.cells.size()) {
        names = findTestIdentifiers(block.cells[columns.test]);
        // A column headed "Test" names tests even when they are written as prose ("Wrong Import Fails"),
        // as long as the table also says how each one went.
        const QString cell = MarkdownText::stripEmoji(block.cells[columns.test]);
        static const RE totalRow(QStringLiteral("^(total|sum|overall|all tests)\\b"), CI);
        if (names.isEmpty() && columns.status >= 0 && columns.status < block.cells.size() && !cell.isEmpty()
            && cell.size() <= 120 && !totalRow.match(cell).hasMatch()
            && MarkdownText::statusStatedIn(block.cells[columns.status]).status != TestStatus::Unknown)
            names.append(cell);
    } else {
        for (const QString &cell : block.cells) {
            for (const QString &id : findTestIdentifiers(cell)) {
                if (isNodeId(id) && !names.contains(id))
                    names.append(id);
            }
        }
        if (!block.cells.isEmpty() && names.isEmpty())
            names = findTestIdentifiers(block.cells.first());
    }
    if (names.isEmpty())
        return;
    MarkdownText::StatedStatus stated;
    if (columns.status >= 0 && columns.status < block.cells.size())
        stated = MarkdownText::statusStatedIn(block.cells[columns.status]);
    if (stated.status == TestStatus::Unknown) {
        QString rest = block.text;
        for (const QString &n : names)
            rest.remove(n);
        stated = MarkdownText::statusStatedIn(rest);
    }
    if (stated.status == TestStatus::Unknown)
        stated.status = contextStatus();
    const QString message = columns.message >= 0 && columns.message < block.cells.size()
        ? MarkdownText::stripEmoji(block.cells[columns.message]) : QString();
    Section *gapSection = nearestGapSection();
    for (const QString &name : names) {
        assignToGap(addTest(name, stated.status, stated.expectedFailure, names.size() == 1 ? message : QString(),
                            stated.history, block.line),
                    gapSection);
    }
}

// ---- tests ---------------------------------------------------------------------------------------------

int MarkdownReportBuilder::addTest(const QString &name, TestStatus status, bool expected, const QString &message,
                                   const QString &history, int line)
{
    const int phaseIndex = phaseForResults();
    const QString phaseId = phaseIndex == PendingPhase ? PendingPhaseId : m_report.phases[phaseIndex].id;
    const QString key = normalisedTestKey(name);
    const QString function = testFunctionOf(key);
    int index = m_testsByKey.value(phaseId + QLatin1Char('|') + key, -1);
    if (index < 0)
        index = m_testsByKey.value(phaseId + QLatin1String("|fn|") + function, -1);
    if (index < 0 && phaseIndex == PendingPhase) {
        // A mention outside any phase ("fix test_x") speaks of the test where the results named it.
        index = m_testsByKey.value(QLatin1String("*|") + key, m_testsByKey.value(QLatin1String("*|fn|") + function, -1));
    }
    if (index >= 0) {
        TestCase &test = m_report.tests[index];
        if (status != TestStatus::Unknown && status != test.status) {
            if (test.status != TestStatus::Unknown)
                test.history += (test.history.isEmpty() ? QString() : QStringLiteral(" → ")) + statusName(test.status);
            test.status = status;
            test.expectedFailure = expected;
        }
        if (!message.isEmpty() && test.message != message)
            test.message = test.message.isEmpty() ? message : message;
        if (isNodeId(name) && !isNodeId(test.name))
            test.name = name;
        m_lastTest = index;
        m_lastTestSection = m_sections.isEmpty() ? -1 : m_sections.last().blockIndex;
        return index;
    }
    TestCase test;
    test.name = name;
    test.phaseId = phaseId;
    test.id = phaseId + QStringLiteral("::") + key;
    test.status = status;
    test.expectedFailure = expected;
    test.message = message;
    test.history = history;
    test.line = line;
    m_report.tests.append(test);
    index = int(m_report.tests.size()) - 1;
    m_lastTest = index;
    m_lastTestSection = m_sections.isEmpty() ? -1 : m_sections.last().blockIndex;
    m_testsByKey.insert(phaseId + QLatin1Char('|') + key, index);
    m_testsByKey.insert(QLatin1String("*|") + key, index);
    if (!m_testsByKey.contains(phaseId + QLatin1String("|fn|") + function))
        m_testsByKey.insert(phaseId + QLatin1String("|fn|") + function, index);
    if (!m_testsByKey.contains(QLatin1String("*|fn|") + function))
        m_testsByKey.insert(QLatin1String("*|fn|") + function, index);
    return index;
}

void MarkdownReportBuilder::addDiagnostic(Severity severity, int line, const QString &message)
{
    m_report.diagnostics.append({severity, line, message});
}

// ---- end of document -----------------------------------------------------------------------------------

void MarkdownReportBuilder::finish()
{
    while (!m_sections.isEmpty())
        closeSection();
    if (m_report.title.isEmpty())
        m_report.title = m_firstHeading;

    placePendingResults();
    checkPhaseCounts();
    linkRemediationToGaps();

    if (m_report.tests.isEmpty() && m_report.phases.isEmpty())
        addDiagnostic(Severity::Info, 0, QStringLiteral("no test results found: no phase counts, no named tests"));
}

void MarkdownReportBuilder::placePendingResults()
{
    const bool pendingTests = std::any_of(m_report.tests.cbegin(), m_report.tests.cend(),
                                          [](const TestCase &t) { return t.phaseId == PendingPhaseId; });
    const bool pendingCounts = m_pending.total >= 0 || m_pending.failed >= 0 || m_pending.passed >= 0;
    QString id;
    if (m_report.phases.isEmpty() && (pendingTests || pendingCounts)) {
        // A report without phase headings is one phase, named after the report.
        m_pending.name = m_report.title.isEmpty() ? QStringLiteral("Tests") : m_report.title;
        m_pending.id = MarkdownText::slugify(m_pending.name);
        if (m_pending.id.isEmpty())
            m_pending.id = QStringLiteral("tests");
        m_pending.line = 1;
        m_report.phases.append(m_pending);
        id = m_pending.id;
    } else if (pendingTests && m_report.phases.size() == 1) {
        id = m_report.phases.first().id; // one results section: the report's other tests belong to it
    } else if (pendingTests) {
        // Summary counts outside the phases repeat what the phases say; only the tests need a home.
        Phase other;
        other.id = QStringLiteral("other-tests");
        other.name = QStringLiteral("Other tests");
        other.importErrorMessages = m_pending.importErrorMessages;
        m_report.phases.append(other);
        id = other.id;
    }
    for (TestCase &t : m_report.tests) {
        if (t.phaseId == PendingPhaseId) {
            t.phaseId = id;
            t.id = id + t.id.mid(PendingPhaseId.size());
        }
    }
}

void MarkdownReportBuilder::checkPhaseCounts()
{
    for (Phase &p : m_report.phases) {
        if (p.importErrors < 0 && !p.importErrorMessages.isEmpty())
            p.importErrors = int(p.importErrorMessages.size());
        const int namedFailing = int(std::count_if(m_report.tests.cbegin(), m_report.tests.cend(), [&](const TestCase &t) {
            return t.phaseId == p.id && t.status == TestStatus::Failed;
        }));
        if (p.failed >= 0 && namedFailing > p.failed) {
            addDiagnostic(Severity::Warning, p.line,
                          QStringLiteral("phase “%1” states %2 failed but names %3 failing tests")
                              .arg(p.name).arg(p.failed).arg(namedFailing));
        }
        if (p.failed < 0 && namedFailing > 0)
            p.failed = namedFailing;
        const int outcomes = qMax(0, p.passed) + qMax(0, p.failed) + qMax(0, p.skipped);
        if (p.selected >= 0 && p.passed >= 0 && p.failed >= 0 && outcomes != p.selected) {
            addDiagnostic(Severity::Warning, p.line,
                          QStringLiteral("phase “%1”: %2 failed + %3 passed%4 = %5 results, but %6 tests were selected")
                              .arg(p.name).arg(p.failed).arg(p.passed)
                              .arg(p.skipped > 0 ? QStringLiteral(" + %1 skipped").arg(p.skipped) : QString())
                              .arg(outcomes).arg(p.selected));
        } else if (p.total >= 0 && p.passed >= 0 && p.failed >= 0 && outcomes != p.total
                   && outcomes + qMax(0, p.errors - qMax(0, p.importErrors)) != p.total
                   && outcomes + qMax(0, p.deselected) != p.total) {
            addDiagnostic(Severity::Warning, p.line,
                          QStringLiteral("phase “%1”: %2 failed + %3 passed%4 = %5, but the total is %6")
                              .arg(p.name).arg(p.failed).arg(p.passed)
                              .arg(p.skipped > 0 ? QStringLiteral(" + %1 skipped").arg(p.skipped) : QString())
                              .arg(outcomes).arg(p.total));
        }
        if (p.total < 0 && p.passed >= 0 && p.failed >= 0)
            p.total = outcomes + qMax(0, p.errors - qMax(0, p.importErrors));
    }
    // "Failure Rate: 54%" is a cross-check of the counts, never a count of its own.
    for (const StatedRate &rate : std::as_const(m_statedRates)) {
        const Phase &p = m_report.phases[rate.phase];
        const int base = p.selected > 0 ? p.selected : p.total;
        if (base <= 0 || (p.failed < 0 && p.passed < 0))
            continue;
        const double failing = p.failed >= 0 ? p.failed : base - p.passed;
        const double computed = 100.0 * failing / (p.selected > 0 ? qMax(base, p.failed + qMax(0, p.passed)) : base);
        if (qAbs(computed - rate.percent) > 1.5) {
            addDiagnostic(Severity::Warning, rate.line,
                          QStringLiteral("phase “%1”: the stated failure rate %2% does not match the counts (%3%)")
                              .arg(p.name, QString::number(rate.percent, 'f', 1), QString::number(computed, 'f', 1)));
        }
    }
}

void MarkdownReportBuilder::linkRemediationToGaps()
{
    if (m_report.gaps.isEmpty())
        return;
    TitleMatcher matcher;
    QStringList titles;
    QSet<QString> stated; // gaps whose priority the report gives
    for (const Gap &g : m_report.gaps) {
        titles.append(g.title);
        if (g.priority != Priority::None)
            stated.insert(g.id);
    }
    matcher.setTitles(titles);
    for (RemediationItem &item : m_report.remediation) {
        int gap = matcher.bestMatch(item.title);
        if (gap < 0)
            gap = matcher.bestMatch(item.title + QLatin1Char(' ') + item.details, 1.5);
        if (gap < 0)
            continue;
        item.gapIds.append(m_report.gaps[gap].id);
        // A gap the report gives no priority takes the most urgent remediation item that addresses it.
        Gap &g = m_report.gaps[gap];
        if (item.priority != Priority::None && (g.priority == Priority::None || item.priority < g.priority)
            && !stated.contains(g.id))
            g.priority = item.priority;
    }
}

} // namespace Gapwise
