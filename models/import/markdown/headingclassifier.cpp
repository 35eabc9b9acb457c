#include "headingclassifier.h"
#include "markdowntext.h"

#include <QRegularExpression>

namespace Gapwise {
namespace {

using RE = QRegularExpression;
constexpr auto CI = QRegularExpression::CaseInsensitiveOption;

int declaredFailures(QString &title)
{
    static const RE count(QStringLiteral("\\s*\\((\\d+)\\s+(?:failures?|failed|failing|tests?|errors?)[^)]*\\)"), CI);
    const auto m = count.match(title);
    if (!m.hasMatch())
        return -1;
    title.remove(m.capturedStart(), m.capturedLength());
    return m.captured(1).toInt();
}

Priority takePriority(QString &title)
{
    // "(P1 - High Priority)", "- P0", "[P2]", "(P0)", "HIGH -" at the start
    static const RE code(QStringLiteral("\\s*[\\(\\[]?\\s*\\bP([0-3])\\b(?:\\s*[-–:]?\\s*(?:critical|high|medium|low)\\b(?:\\s+priority)?)?\\s*[\\)\\]]?"),
                         CI);
    const auto m = code.match(title);
    if (m.hasMatch()) {
        title.remove(m.capturedStart(), m.capturedLength());
        return static_cast<Priority>(m.captured(1).toInt());
    }
    // Words count only where they clearly state a priority: "HIGH", "High Priority", "(High)"; never
    // "Medium Term" or "high-level".
    static const RE word(QStringLiteral("\\s*(?:\\b(CRITICAL|HIGH|MEDIUM|LOW)\\b(?:\\s+PRIORITY)?|\\b(Critical|High|Medium|Low)\\s+"
                                        "[Pp]riority\\b|\\((Critical|High|Medium|Low)\\))\\s*[-–:]?"));
    const auto w = word.match(title);
    if (w.hasMatch()) {
        const QString hit = w.captured(1) + w.captured(2) + w.captured(3);
        title.remove(w.capturedStart(), w.capturedLength());
        return priorityFromText(hit);
    }
    return Priority::None;
}

} // namespace

HeadingInfo classifyHeading(const QString &text, int level)
{
    HeadingInfo info;
    QString title = MarkdownText::cleanTitle(text);
    info.declaredFailures = declaredFailures(title);

    static const RE gapHead(QStringLiteral(
        "^(gap|issue|category|root[- ]cause|failure(?:\\s+(?:group|category|pattern|mode))?|problem|bug|finding|"
        "failure\\s+type)\\s*#?\\s*(\\d+)?\\s*[:.\\-–—)]\\s*(.+)$"), CI);
    static const RE phaseNumber(QStringLiteral("^(?:phase|stage|step)\\s*(\\d+(?:\\.\\d+)*)\\s*[:.\\-–—]?\\s*(.*)$"), CI);
    static const RE testType(QStringLiteral(
        "\\b(unit|integration|e2e|end[- ]to[- ]end|staging|smoke|mission[- ]critical|regression|performance|"
        "acceptance|functional|golden[- ]path|compliance|contract|load|api|frontend|backend|system)\\b"), CI);
    static const RE testWord(QStringLiteral("\\b(tests?|testing|suites?|results?|run|validation|execution)\\b"), CI);
    static const RE genericResults(QStringLiteral("^(?:test\\s+)?(?:execution\\s+)?results?\\b|\\btest (?:results|execution|run|outcomes?)\\b"), CI);

    // "# Issue #1196 - SSOT Import Path Fragmentation Test Results" is the report's title, not a gap.
    if (const auto m = gapHead.match(title); level > 1 && m.hasMatch()) {
        const QString kindWord = m.captured(1).toLower();
        info.priority = Priority::None;
        QString rest = m.captured(3);
        info.priority = takePriority(rest);
        info.title = rest.trimmed();
        info.kind = HeadingInfo::GapGroup;
        if (!m.captured(2).isEmpty())
            info.gapKey = MarkdownText::slugify(kindWord.section(QLatin1Char(' '), 0, 0)) + QLatin1Char('-') + m.captured(2);
        if (kindWord == QLatin1String("category"))
            info.kind = HeadingInfo::FailureGroup; // categories map onto gaps when they can
        return info;
    }

    const Priority priority = takePriority(title);
    info.priority = priority;
    static const RE remediation(QStringLiteral("\\b(remediation|recommendations?|priority matrix|fix plan|action plan|"
                                               "prioriti[sz]ed fixes|resolution plan)\\b"), CI);
    static const RE actions(QStringLiteral("\\b(recommended actions|next steps|action items|follow[- ]ups?)\\b"), CI);
    static const RE summary(QStringLiteral("^(executive summary|summary|key findings|overview|tl;?dr)\\b"), CI);
    static const RE analysis(QStringLiteral("\\b(gaps? analysis|root[- ]cause analysis|failure analysis|root causes)\\b"), CI);
    static const RE command(QStringLiteral("\\bcommands?\\b"), CI);

    if (priority != Priority::None) {
        // What is left after the priority: little more than urgency words means a group of items.
        static const RE filler(QStringLiteral("\\b(priority|immediate|urgent|action|actions|required|address|after|"
                                              "before|next|sprint|this|week|following|short|medium|long|term|"
                                              "fixes|items|must|should|could|fix|now|today|blocking|do|first|critical|high|medium|low|p[0-3])\\b|[^A-Za-z]+"), CI);
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
    auto isPhaseTitle = [&](const QString &t) {
        return (testType.match(t).hasMatch() && testWord.match(t).hasMatch()) || genericResults.match(t).hasMatch();
    };
    if (level > 1 && isPhaseTitle(title)) {
        info.kind = HeadingInfo::Phase;
        // "Unit Tests: 5 FAILED, 2 PASSED (Expected: Initial Failures)", "E2E Tests: Not Executed (…)"
        static const RE named(QStringLiteral("^(.+?)\\s*:\\s*(.+)$"));
        static const RE outcome(QStringLiteral(
            "^(?:\\d+\\s*/\\s*\\d+\\b|\\d+\\s+(?:tests?\\s+)?(?:passed|failed|errors?|skipped)\\b|\\d+(?:\\.\\d+)?\\s*%|"
            "all\\s+(?:\\d+\\s+)?(?:tests?\\s+)?(?:passed|failed|skipped)\\b|not\\s+(?:executed|run|started)\\b|"
            "(?:passed|failed|skipped|pending|blocked|success|partial)\\b)"), CI);
        const QString whole = MarkdownText::stripEmoji(text); // the title lost a closing "2 PASSED"
        if (const auto m = named.match(whole); m.hasMatch() && outcome.match(m.captured(2)).hasMatch()
            && isPhaseTitle(m.captured(1))) {
            info.title = MarkdownText::cleanTitle(m.captured(1));
            info.outcome = m.captured(2).trimmed();
        }
        info.genericResults = !testType.match(info.title).hasMatch();
        static const RE resultWords(QStringLiteral(
            "^(?:\\W*\\b(?:tests?|execution|executed|results?|summary|overview|outcomes?|runs?|details|detailed|"
            "breakdown|analysis|status|report|by|category|categories|the|of|and|overall|final|key)\\b)+\\W*$"), CI);
        info.onlyResultWords = info.genericResults && resultWords.match(info.title).hasMatch();
        return info;
    }
    return info;
}

} // namespace Gapwise
