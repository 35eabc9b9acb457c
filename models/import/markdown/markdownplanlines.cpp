// SPDX-License-Identifier: GPL-3.0-or-later
// The part of the Markdown report builder that reads gap evidence, remediation items and recommended actions.
#include "markdownreportbuilder.h"

#include "markdowntext.h"

#include <QRegularExpression>

namespace Gapwise {

using namespace MarkdownText;

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
        if (labelIs(line.label, "^(status|current status|resolution|state)$")) {
            // "**Status:** ✅ **RESOLVED** - no longer fails": how the gap stands, the latest statement wins.
            const GapStatus status = gapStatusStatedIn(line.value.left(60));
            if (status != GapStatus::Open && !section->gapSuggested)
                m_report.gaps[resolveGap(*section)].status = status;
            return;
        }
        if (labelIs(line.label, "^(owner|assignee|assigned to|team)$")) {
            Gap &gap = m_report.gaps[resolveGap(*section)];
            if (gap.owner.isEmpty() && !section->gapSuggested)
                gap.owner = line.value;
            return;
        }
        if (labelIs(
                line.label, "^(evidence|root cause|cause|error|error message|symptoms?|failure|impact|finding)s?$")) {
            if (!line.value.isEmpty())
                m_report.gaps[resolveGap(*section)].evidence.append(line.value);
            return;
        }
    }
    if (block.kind == MarkdownBlock::ListItem || m_leadIn.evidence)
        m_report.gaps[resolveGap(*section)].evidence.append(stripEmoji(line.plain));
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

void MarkdownReportBuilder::handleRemediationLine(
    const MarkdownBlock &block, const InlineLine &line, bool firstLine, bool inPriorityGroup)
{
    const Section *section = innermostClassified();
    const bool topLevel = block.kind == MarkdownBlock::ListItem && block.parentItem < section->blockIndex;
    const bool leadsWithStrong = !line.strong.isEmpty() && line.plain.startsWith(line.strong.first().left(1));
    Priority priority = inPriorityGroup ? section->info.priority : Priority::None;
    if (!inPriorityGroup && firstLine && topLevel) {
        static const QRegularExpression code(QStringLiteral("^\\W*\\[?P([0-3])\\b"));
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
        static const QRegularExpression codePrefix(QStringLiteral("^\\W*\\[?P[0-3]\\]?\\s*[:\\-–]?\\s*"));
        item.title = stripEmoji(item.title).remove(codePrefix).trimmed();
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
        details += (details.isEmpty() ? QString() : QStringLiteral("; ")) + stripEmoji(line.plain);
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
        action.title = line.strong.isEmpty() ? stripEmoji(line.plain) : line.strong.first();
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
        m_report.actions[m_lastAction].steps.append(stripEmoji(line.plain));
    }
}

} // namespace Gapwise
