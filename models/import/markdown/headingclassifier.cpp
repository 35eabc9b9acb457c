// SPDX-License-Identifier: GPL-3.0-or-later
#include "headingclassifier.h"
#include "markdowntext.h"

#include <QRegularExpression>

namespace Gapwise {
namespace {

    using RE = QRegularExpression;
    constexpr auto CI = QRegularExpression::CaseInsensitiveOption;

    int declaredFailures(QString &title)
    {
        static const RE count(
            QStringLiteral("\\s*\\((\\d+)\\s+(?:failures?|failed|failing|tests?|errors?)[^)]*\\)"), CI);
        const auto m = count.match(title);
        if (!m.hasMatch())
            return -1;
        title.remove(m.capturedStart(), m.capturedLength());
        return m.captured(1).toInt();
    }

    Priority takePriority(QString &title)
    {
        // "(P1 - High Priority)", "- P0", "[P2]", "(P0)", "HIGH -" at the start
        static const RE code(QStringLiteral("\\s*[\\(\\[]?\\s*\\bP([0-3])\\b(?:\\s*[-–:]?\\s*(?:critical|high|medium|"
                                            "low)\\b(?:\\s+priority)?)?\\s*[\\)\\]]?"),
            CI);
        const auto m = code.match(title);
        if (m.hasMatch()) {
            title.remove(m.capturedStart(), m.capturedLength());
            return static_cast<Priority>(m.captured(1).toInt());
        }
        // Words count only where they clearly state a priority: "HIGH", "High Priority", "(High)"; never
        // "Medium Term" or "high-level".
        static const RE word(
            QStringLiteral("\\s*(?:\\b(CRITICAL|HIGH|MEDIUM|LOW)\\b(?:\\s+PRIORITY)?|\\b(Critical|High|Medium|Low)\\s+"
                           "[Pp]riority\\b|\\((Critical|High|Medium|Low)\\))\\s*[-–:]?"));
        const auto w = word.match(title);
        if (w.hasMatch()) {
            const QString hit = w.captured(1) + w.captured(2) + w.captured(3);
            title.remove(w.capturedStart(), w.capturedLength());
            return priorityFromText(hit);
        }
        return Priority::None;
    }

    // "RESOLVED - False Alarm", "FIXED: Import path": a status stated before the title is the gap's, not its name.
    QString withoutLeadingStatus(const QString &title)
    {
        static const RE lead(QStringLiteral("^(?:RESOLVED|FIXED|CLOSED|DONE|PROCESSED|CONFIRMED|MITIGATED|REDIRECTED|"
                                            "IN PROGRESS|PENDING|OPEN|NEW|ACTIVE)\\s*[-–—:]\\s+(?=\\S)"));
        // "Config loader ignores overrides (RESOLVED)": a parenthesised status closes the title.
        static const RE note(QStringLiteral("\\s*\\((?:resolved|fixed|closed|done|processed|mitigated|confirmed|open|"
                                            "in progress|pending|won'?t fix)\\)\\s*$"),
            CI);
        QString t = title;
        t.remove(lead);
        t.remove(note);
        return t;
    }

    // "### 1. Config loader ignores overrides": the number orders the report's list, it is not part of the name.
    QString withoutNumbering(const QString &title)
    {
        static const RE number(QStringLiteral("^\\d+(?:\\.\\d+)*[.):]?\\s+(?=\\S)"));
        QString t = title;
        t.remove(number);
        return t;
    }

    // In a heading only a shouted or parenthesised status counts ("- FIXED", "✅ RESOLVED", "(Resolved)"): a
    // title's own words ("8 files fixed") describe the gap.
    GapStatus headingGapStatus(const QString &text)
    {
        static const RE open(QStringLiteral("\\b(?:NOT (?:YET )?(?:RESOLVED|FIXED)|UNRESOLVED|OPEN)\\b"));
        static const RE progress(QStringLiteral("\\bIN PROGRESS\\b|\\((?:in progress)\\)"), CI);
        static const RE resolved(QStringLiteral("\\b(?:RESOLVED|FIXED|CLOSED|DONE|PROCESSED|MITIGATED|COMPLETED?)\\b|"
                                                "\\((?:resolved|fixed|closed|done)\\)"));
        if (open.match(text).hasMatch())
            return GapStatus::Open;
        if (progress.match(text).hasMatch())
            return GapStatus::InProgress;
        return resolved.match(text).hasMatch() ? GapStatus::Resolved : GapStatus::Open;
    }

} // namespace

HeadingInfo causeGroupHeading(const QString &text)
{
    HeadingInfo info;
    QString title = MarkdownText::cleanTitle(text);
    info.declaredFailures = declaredFailures(title);
    info.priority = takePriority(title);
    info.gapStatus = headingGapStatus(text);
    info.title = withoutLeadingStatus(withoutNumbering(title.trimmed())).trimmed();
    while (info.title.endsWith(QLatin1Char(':')))
        info.title.chop(1);
    info.kind = HeadingInfo::GapGroup;
    return info;
}

GapStatus gapStatusStatedIn(const QString &text)
{
    static const RE negated(QStringLiteral("\\bnot\\s+(?:yet\\s+)?(?:resolved|fixed|closed|done)\\b"), CI);
    static const RE resolved(QStringLiteral("\\b(?:resolved|fixed|closed|done|processed|mitigated|completed?)\\b"), CI);
    static const RE progress(QStringLiteral("\\b(?:in progress|investigating|partially fixed|partial fix)\\b"), CI);
    static const RE wontFix(QStringLiteral("\\b(?:won'?t fix|wontfix|not a bug|by design)\\b"), CI);
    if (wontFix.match(text).hasMatch())
        return GapStatus::WontFix;
    if (progress.match(text).hasMatch())
        return GapStatus::InProgress;
    if (negated.match(text).hasMatch())
        return GapStatus::Open;
    return resolved.match(text).hasMatch() ? GapStatus::Resolved : GapStatus::Open;
}

HeadingInfo classifyHeading(const QString &text, int level)
{
    HeadingInfo info;
    QString title = MarkdownText::cleanTitle(text);
    info.declaredFailures = declaredFailures(title);
    static const RE causeSection(
        QStringLiteral(
            "\\b(?:root[- ]?causes?|issues? (?:identified|found|discovered|detected)|(?:identified|known|critical|open|"
            "discovered) (?:issues|problems|failures)|critical (?:\\w+ )?findings|technical findings|failure "
            "(?:categories|"
            "analysis|patterns|modes|groups)|violations? (?:discovered|detected|found|identified)|problems? "
            "(?:identified|"
            "found|discovered)|fragmentation points|areas requiring attention|blocking issues)\\b"),
        CI);
    info.causeSection = causeSection.match(title).hasMatch();

    static const RE gapHead(
        QStringLiteral(
            "^(gap|issue|category|root[- ]cause|failure(?:\\s+(?:group|category|pattern|mode))?|problem|bug|finding|"
            "failure\\s+type)\\s*#?\\s*(\\d+)?\\s*[:.\\-–—)]\\s*(.+)$"),
        CI);
    static const RE phaseNumber(
        QStringLiteral("^(?:phase|stage|step)\\s*(\\d+(?:\\.\\d+)*)\\s*[:.\\-–—]?\\s*(.*)$"), CI);
    static const RE testType(
        QStringLiteral(
            "\\b(unit|integration|e2e|end[- ]to[- ]end|staging|smoke|mission[- ]critical|regression|performance|"
            "acceptance|functional|golden[- ]path|compliance|contract|load|api|frontend|backend|system)\\b"),
        CI);
    static const RE testWord(QStringLiteral("\\b(tests?|testing|suites?|results?|run|validation|execution)\\b"), CI);
    static const RE genericResults(
        QStringLiteral("^(?:test\\s+)?(?:execution\\s+)?results?\\b|\\btest (?:results|execution|run|outcomes?)\\b"),
        CI);

    // "# Issue #1196 - SSOT Import Path Fragmentation Test Results" is the report's title, not a gap.
    if (const auto m = gapHead.match(title); level > 1 && m.hasMatch()) {
        const QString kindWord = m.captured(1).toLower();
        info.priority = Priority::None;
        QString rest = m.captured(3);
        info.priority = takePriority(rest);
        // The status words cleanTitle() dropped ("- FIXED", "✅ RESOLVED") still say how the gap stands.
        info.gapStatus = headingGapStatus(text);
        info.title = withoutLeadingStatus(rest.trimmed());
        info.kind = HeadingInfo::GapGroup;
        if (!m.captured(2).isEmpty())
            info.gapKey
                = MarkdownText::slugify(kindWord.section(QLatin1Char(' '), 0, 0)) + QLatin1Char('-') + m.captured(2);
        if (kindWord == QLatin1String("category"))
            info.kind = HeadingInfo::FailureGroup; // categories map onto gaps when they can
        return info;
    }

    const Priority priority = takePriority(title);
    info.priority = priority;
    static const RE remediation(QStringLiteral("\\b(remediation|recommendations?|priority matrix|fix plan|action plan|"
                                               "prioriti[sz]ed fixes|resolution plan)\\b"),
        CI);
    static const RE actions(QStringLiteral("\\b(recommended actions|next steps|action items|follow[- ]ups?)\\b"), CI);
    static const RE summary(QStringLiteral("^(executive summary|summary|key findings|overview|tl;?dr)\\b"), CI);
    static const RE analysis(
        QStringLiteral("\\b(gaps? analysis|root[- ]cause analysis|failure analysis|root causes)\\b"), CI);
    static const RE command(QStringLiteral("\\bcommands?\\b"), CI);

    if (priority != Priority::None) {
        // What is left after the priority: little more than urgency words means a group of items.
        static const RE filler(QStringLiteral("\\b(priority|immediate|urgent|action|actions|required|address|after|"
                                              "before|next|sprint|this|week|following|short|medium|long|term|"
                                              "fixes|items|must|should|could|fix|now|today|blocking|do|first|critical|"
                                              "high|medium|low|p[0-3])\\b|[^A-Za-z]+"),
            CI);
        static const RE parenthesised(QStringLiteral("\\([^)]*\\)"));
        QString rest = title;
        rest.remove(parenthesised); // "(Release Blocker)", "(Next Sprint)": a note on the group
        rest.remove(filler);
        if (rest.trimmed().size() < 3) {
            info.kind = HeadingInfo::PriorityGroup;
            info.title = title.trimmed();
            return info;
        }
    }
    info.title = title.trimmed();
    info.isCommandHeading = command.match(title).hasMatch() && title.size() < 40;

    if (info.declaredFailures >= 0) {
        info.kind = HeadingInfo::FailureGroup;
        return info;
    }
    if (const auto m = phaseNumber.match(title); m.hasMatch()) {
        // "Phase 5: Immediate Action Plan", "Phase 7: Final Assessment & Recommendations": a step of the work
        // that plans or sums up is no phase, whatever its number; it is what its words say without it.
        static const RE plansOrSumsUp(QStringLiteral("\\b(?:action plan|recommendations?|next steps|summary|final "
                                                     "assessment|conclusions?|lessons learned)\\b"),
            CI);
        const QString rest = m.captured(2).trimmed();
        if (plansOrSumsUp.match(rest).hasMatch()
            && !(testType.match(rest).hasMatch() && testWord.match(rest).hasMatch())
            && !genericResults.match(rest).hasMatch()) {
            info.title = rest;
            // A step that sums up ("Summary and Next Steps") is a summary first: what it lists happened.
            static const RE sumsUpFirst(
                QStringLiteral("\\b(?:summary|assessment|conclusions?|lessons learned)\\b"), CI);
            info.kind = sumsUpFirst.match(rest).hasMatch() ? HeadingInfo::Summary
                : actions.match(rest).hasMatch()           ? HeadingInfo::Actions
                                                           : HeadingInfo::Remediation;
            return info;
        }
        info.kind = HeadingInfo::Phase;
        info.title = m.captured(2).trimmed().isEmpty() ? title : m.captured(2).trimmed();
        return info;
    }
    if (actions.match(title).hasMatch()) {
        info.kind = HeadingInfo::Actions;
        return info;
    }
    if (remediation.match(title).hasMatch()) {
        info.kind = HeadingInfo::Remediation;
        return info;
    }
    if (analysis.match(title).hasMatch()) {
        info.kind = HeadingInfo::GapAnalysis;
        return info;
    }
    if (summary.match(title).hasMatch()) {
        info.kind = HeadingInfo::Summary;
        return info;
    }
    info.groupStatus = MarkdownText::statusOfGroupLabel(title);
    // "#### `test_issue_1186_validation_simple.py`" heads the results of one test file: a phase of its own.
    static const RE testFile(QStringLiteral("^(?:[\\w.-]+[/\\\\])*(?:test_\\w+|\\w+_test)\\.py$"));
    if (level > 1 && testFile.match(title).hasMatch()) {
        info.kind = HeadingInfo::Phase;
        return info;
    }
    // "Payment Tests - CRITICAL FAILURE": a few words naming what a suite tests, before how it went; never a
    // status group such as "Failed Tests" or "Affected Tests".
    static const RE namedSuite(
        QStringLiteral("^(?!(?:failed|failing|passed|passing|skipped|new|affected|flaky|remaining|"
                       "other|all|key|related|existing|additional|missing|broken|planned|"
                       "proposed|recommended|created|updated|fixed|running|run|implemented|full|normal|priority)\\b)[A-"
                       "Za-z][\\w-]*"
                       "(?:\\s+[\\w-]+){0,3}\\s+(?:tests|test suite|suite)$"),
        CI);
    auto isPhaseTitle = [&](const QString &t) {
        return (testType.match(t).hasMatch() && testWord.match(t).hasMatch()) || genericResults.match(t).hasMatch();
    };
    static const RE rateTail(QStringLiteral("\\s*[-–—:|]?\\s*(?:\\d+(?:\\.\\d+)?\\s*%\\+?|\\(?\\d+\\s*/\\s*\\d+\\)?)"
                                            "(?:\\s+[A-Za-z]+)?\\s*$"));
    static const RE capsTail(QStringLiteral("\\s+[-–—:|]\\s*[A-Z][A-Z0-9']*(?:[\\s,/&+]+[A-Z][A-Z0-9']*)*\\s*$"));
    static const RE lower(QStringLiteral("[a-z]"));
    // The title without how the run went: "… ✅ 95.2% SUCCESS", "… - CRITICAL FAILURE BLOCKING CHECKOUT".
    auto withoutOutcome = [&](QString t) {
        for (QString before; before != t;) {
            before = t;
            t.remove(rateTail);
            if (lower.match(t).hasMatch())
                t.remove(capsTail);
            t = MarkdownText::cleanTitle(t);
        }
        return t;
    };
    // "Results by Priority", "Test Execution Summary", "Test Execution Commands": a section that sums up or
    // plans is no phase. Its counts belong to the phase around it, else to the report's summary.
    static const RE sumsUp(QStringLiteral("\\b(?:summary|by (?:priority|severity|category|status)|commands?|"
                                          "next steps|recommendations?|to run|overview)\\b"),
        CI);
    const bool summarises = sumsUp.match(title).hasMatch();
    if (const QString core = withoutOutcome(title); level > 1 && !summarises && !isPhaseTitle(title) && !core.isEmpty()
        && core != title
        && (isPhaseTitle(core)
            || (MarkdownText::statusOfGroupLabel(core) == TestStatus::Unknown && namedSuite.match(core).hasMatch()))) {
        info.kind = HeadingInfo::Phase;
        info.outcome = title.mid(core.size()).trimmed();
        info.title = core;
        info.genericResults = !testType.match(core).hasMatch() && !namedSuite.match(core).hasMatch();
        return info;
    }
    if (level > 1 && isPhaseTitle(title)) {
        info.kind
            = summarises ? (info.isCommandHeading ? HeadingInfo::Plain : HeadingInfo::Summary) : HeadingInfo::Phase;
        // "Unit Tests: 5 FAILED, 2 PASSED (Expected: Initial Failures)", "E2E Tests: Not Executed (…)"
        static const RE named(QStringLiteral("^(.+?)\\s*:\\s*(.+)$"));
        static const RE outcome(
            QStringLiteral(
                "^(?:\\d+\\s*/"
                "\\s*\\d+\\b|\\d+\\s+(?:tests?\\s+)?(?:passed|failed|errors?|skipped)\\b|\\d+(?:\\.\\d+)?\\s*%|"
                "all\\s+(?:\\d+\\s+)?(?:tests?\\s+)?(?:passed|failed|skipped)\\b|not\\s+(?:executed|run|started)\\b|"
                "(?:passed|failed|skipped|pending|blocked|success|partial)\\b)"),
            CI);
        const QString whole = MarkdownText::stripEmoji(text); // the title lost a closing "2 PASSED"
        if (const auto m = named.match(whole);
            m.hasMatch() && outcome.match(m.captured(2)).hasMatch() && isPhaseTitle(m.captured(1))) {
            info.title = MarkdownText::cleanTitle(m.captured(1));
            info.outcome = m.captured(2).trimmed();
        }
        // "Mission Critical Suite ✅ 95.2% SUCCESS", "Payment Tests - CRITICAL FAILURE BLOCKING CHECKOUT": how
        // the phase went follows its name; the name is what stays the same from run to run.
        for (bool changed = true; changed;) {
            const QString before = info.title;
            QString cut = info.title;
            cut.remove(rateTail);
            if (lower.match(cut).hasMatch())
                cut.remove(capsTail);
            cut = MarkdownText::cleanTitle(cut);
            if (!cut.isEmpty() && isPhaseTitle(cut) && cut != before) {
                if (info.outcome.isEmpty())
                    info.outcome = info.title.mid(cut.size()).trimmed();
                info.title = cut;
            }
            changed = info.title != before;
        }
        info.genericResults = !testType.match(info.title).hasMatch() && !namedSuite.match(info.title).hasMatch();
        static const RE resultWords(
            QStringLiteral(
                "^(?:\\W*\\b(?:tests?|execution|executed|results?|summary|overview|outcomes?|runs?|details|detailed|"
                "breakdown|analysis|status|report|by|category|categories|the|of|and|overall|final|key)\\b)+\\W*$"),
            CI);
        info.onlyResultWords = info.genericResults && resultWords.match(info.title).hasMatch();
        return info;
    }
    return info;
}

} // namespace Gapwise
