// SPDX-License-Identifier: GPL-3.0-or-later
// The part of the Markdown report builder that reads the cause groups a report names in its own words:
// sub-headings of a cause section ("## Root Cause Analysis" > "### 1. Config loader ignores overrides") and
// numbered items led by a bold title ("1. **Dual Router Implementation Pattern**" with bullets below).
#include "markdownreportbuilder.h"

#include "markdowntext.h"
#include "testidentifiers.h"

#include <QRegularExpression>

namespace Gapwise {

using namespace MarkdownText;

namespace {

    // "Orchestrator Dependency Architecture ✅ ALREADY RESOLVED", "E2E Authentication Patterns ✅ AVAILABLE": the
    // capitals after a status emoji say how the group stands (its status is read from the heading), so the
    // ones cleanTitle() left are cut from its title.
    QString withoutShoutedStatus(const QString &heading, const QString &title)
    {
        static const QRegularExpression shouted(QStringLiteral(
            "[\\x{2705}\\x{274C}\\x{26A0}\\x{1F534}\\x{1F7E1}\\x{1F7E2}]\\x{FE0F}?\\s*([A-Z][A-Z' ]*?)\\s*$"));
        static const QRegularExpression capsEnd(QStringLiteral("\\s+([A-Z][A-Z']+(?:\\s+[A-Z][A-Z']+)*)$"));
        static const QRegularExpression lower(QStringLiteral("[a-z]"));
        const auto status = shouted.match(heading);
        const auto caps = capsEnd.match(title);
        if (!status.hasMatch() || !caps.hasMatch() || !lower.match(title.left(caps.capturedStart())).hasMatch())
            return title;
        const QString words = status.captured(1).simplified();
        return words.startsWith(caps.captured(1).simplified()) ? title.left(caps.capturedStart()).trimmed() : title;
    }

    // A heading in a cause section that is itself about something else: what to do, what went well.
    bool isOtherKindOfHeading(const QString &title)
    {
        static const QRegularExpression other(
            QStringLiteral(
                "\\b(?:summary|overview|impact|recommendations?|next steps|remediation|solutions?|fix(?:es)? "
                "applied|^fix(?:es)?\\b|atomic fixes|success(?:es)?|working|what "
                "works|conclusion|timeline|evidence|methodology|"
                "five whys|why #?\\d|status|strategy|action required|maintained|opportunit\\w*|^files? "
                "(?:fixed|modified|changed|created))\\b"),
            QRegularExpression::CaseInsensitiveOption);
        return other.match(title).hasMatch();
    }

    // A title that names a cause, not a label or a stage of the analysis: two words or more, one of them not
    // a generic word ("Root Cause", "Secondary Issues", "Test 1-2" and "Why?" name nothing).
    bool namesACause(QString &title)
    {
        static const QRegularExpression labelPrefix(
            QStringLiteral("^(?:(?:primary|secondary|tertiary|main|key|root|underlying|actual|real)\\s+)?"
                           "(?:issue|cause|problem|root cause|finding)\\s*(?:#?\\d+)?\\s*[:\\-–—]\\s+(?=\\S)"),
            QRegularExpression::CaseInsensitiveOption);
        title.remove(labelPrefix);
        static const QStringList generic = { QStringLiteral("root"), QStringLiteral("cause"), QStringLiteral("causes"),
            QStringLiteral("issue"), QStringLiteral("issues"), QStringLiteral("primary"), QStringLiteral("secondary"),
            QStringLiteral("tertiary"), QStringLiteral("problem"), QStringLiteral("problems"),
            QStringLiteral("statement"), QStringLiteral("pattern"), QStringLiteral("patterns"),
            QStringLiteral("validation"), QStringLiteral("why"), QStringLiteral("warning"), QStringLiteral("warnings"),
            QStringLiteral("status"), QStringLiteral("symptom"), QStringLiteral("symptoms"), QStringLiteral("priority"),
            QStringLiteral("positive"), QStringLiteral("negative"), QStringLiteral("progress"), QStringLiteral("file"),
            QStringLiteral("files"), QStringLiteral("test"), QStringLiteral("tests"), QStringLiteral("resolved"),
            QStringLiteral("technical"), QStringLiteral("detail"), QStringLiteral("details"), QStringLiteral("finding"),
            QStringLiteral("findings"), QStringLiteral("evidence"), QStringLiteral("impact"), QStringLiteral("note"),
            QStringLiteral("notes"), QStringLiteral("result"), QStringLiteral("results"), QStringLiteral("analysis"),
            QStringLiteral("description"), QStringLiteral("solution"), QStringLiteral("fix"),
            QStringLiteral("location"), QStringLiteral("context"), QStringLiteral("background"), QStringLiteral("key"),
            QStringLiteral("main"), QStringLiteral("critical"), QStringLiteral("high"), QStringLiteral("medium"),
            QStringLiteral("low"), QStringLiteral("other"), QStringLiteral("additional"), QStringLiteral("minor"),
            QStringLiteral("major"), QStringLiteral("contributing"), QStringLiteral("factor"),
            QStringLiteral("factors"), QStringLiteral("the"), QStringLiteral("of"), QStringLiteral("and"),
            QStringLiteral("remaining"), QStringLiteral("identified"), QStringLiteral("area"), QStringLiteral("areas"),
            QStringLiteral("category"), QStringLiteral("item"), QStringLiteral("items"), QStringLiteral("current"),
            QStringLiteral("state") };
        static const QRegularExpression split(QStringLiteral("[^A-Za-z0-9]+"));
        static const QRegularExpression digits(QStringLiteral("^\\d+$"));
        const QStringList words = title.split(split, Qt::SkipEmptyParts);
        if (words.size() < 2 || title.endsWith(QLatin1Char('?'))
            || words.first().compare(QLatin1String("why"), Qt::CaseInsensitive) == 0)
            return false;
        return std::any_of(words.cbegin(), words.cend(),
            [](const QString &w) { return !digits.match(w).hasMatch() && !generic.contains(w.toLower()); });
    }

} // namespace

void MarkdownReportBuilder::promoteCauseHeading(const MarkdownBlock &block)
{
    if (m_sections.size() < 2 || block.level < 3)
        return;
    Section &section = m_sections.last();
    const Section &parent = m_sections[m_sections.size() - 2];
    const HeadingInfo::Kind kind = section.info.kind;
    if (!parent.info.causeSection || !section.headingTests.isEmpty()
        || (kind != HeadingInfo::Plain && kind != HeadingInfo::GapAnalysis && kind != HeadingInfo::Summary)
        || isOtherKindOfHeading(section.info.title))
        return;
    HeadingInfo info = causeGroupHeading(block.text);
    info.title = withoutShoutedStatus(block.text, info.title);
    if (!namesACause(info.title) || !findTestIdentifiers(info.title).isEmpty())
        return;
    info.causeSection = section.info.causeSection;
    section.info = info;
    section.proseTest.clear(); // the heading names a cause, not a test
    placeNumberedTests(block.text, section);
}

// "#### Infinite Hang Issues (Tests #23, #25)", "(Tests #1-2)": the failing tests of a numbered status
// table that the group names by number.
void MarkdownReportBuilder::placeNumberedTests(const QString &text, Section &gapSection)
{
    if (m_testNumbers.isEmpty())
        return;
    static const QRegularExpression refs(QStringLiteral("\\btests?\\s+(#?\\d+(?:\\s*(?:[-–,&]|and)\\s*#?\\d+)*)"),
        QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression range(QStringLiteral("#?(\\d+)(?:\\s*[-–]\\s*#?(\\d+))?"));
    auto it = refs.globalMatch(text);
    while (it.hasNext()) {
        auto parts = range.globalMatch(it.next().captured(1));
        while (parts.hasNext()) {
            const auto part = parts.next();
            const int from = part.captured(1).toInt();
            const int to = part.captured(2).isEmpty() ? from : qMin(part.captured(2).toInt(), from + 50);
            for (int n = from; n <= to; ++n) {
                const int index = m_testNumbers.value(n, -1);
                if (index >= 0 && isFailing(m_report.tests[index].status))
                    assignToGap(index, &gapSection);
            }
        }
    }
}

void MarkdownReportBuilder::startCauseItem(const MarkdownBlock &block, const InlineLine &line, bool firstLine)
{
    if (m_itemGap >= 0 && !isWithin(block, m_itemGapBlock))
        m_itemGap = -1;
    if (m_sections.isEmpty() || !firstLine || block.kind != MarkdownBlock::ListItem || line.strong.isEmpty())
        return;
    const Section &section = m_sections.last();
    if (!section.info.causeSection || block.parentItem >= section.blockIndex)
        return; // only the section's own top-level items; nested ones are evidence
    const QString lead = stripEmoji(line.strong.first());
    if (!stripEmoji(line.plain).startsWith(lead.left(qMin(8, int(lead.size())))))
        return; // the bold words must lead the item: "1. **Import Path Inconsistencies**"
    HeadingInfo info = causeGroupHeading(line.strong.first());
    if (!namesACause(info.title) || info.title.count(QLatin1Char(' ')) > 12
        || !findTestIdentifiers(info.title).isEmpty() || isOtherKindOfHeading(info.title))
        return;
    if (info.gapStatus == GapStatus::Open)
        info.gapStatus = gapStatusStatedIn(messageAfter(line.plain, line.strong.first()).left(40));
    m_itemGap = addGap(info, line.line);
    m_itemGapBlock = m_block;
    const QString rest = messageAfter(line.plain, line.strong.first());
    if (!rest.isEmpty())
        m_report.gaps[m_itemGap].evidence.append(stripEmoji(rest));
}

bool MarkdownReportBuilder::handleCauseItemLine(const MarkdownBlock &block, const InlineLine &line, bool firstLine)
{
    if (m_itemGap < 0 || !isWithin(block, m_itemGapBlock))
        return false;
    if (m_block == m_itemGapBlock && firstLine)
        return true; // the item's title line
    const QString text = stripEmoji(line.plain);
    if (!text.isEmpty())
        m_report.gaps[m_itemGap].evidence.append(text);
    return true;
}

} // namespace Gapwise
