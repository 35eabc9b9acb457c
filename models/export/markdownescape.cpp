// SPDX-License-Identifier: GPL-3.0-or-later
#include "markdownescape.h"

#include "displaytext.h"

#include <QRegularExpression>

namespace Gapwise {

QString markdownEscaped(const QString &text)
{
    static const QRegularExpression special(QStringLiteral("([\\\\`*_\\[\\]<>#|])"));
    QString s = text;
    s.replace(special, QStringLiteral("\\\\1")); // a backslash, then the character
    return s.simplified();
}

QString markdownEscapedLines(const QString &text)
{
    QString out;
    bool blankBefore = false;
    // What would start a list item, a thematic break or a setext heading at a line's start ("- item", "1. step",
    // "---" under a line) is escaped too, so the notes read as typed.
    static const QRegularExpression blockStart(QStringLiteral("^([-+=])|^(\\d{1,9})([.)])"));
    for (const QString &line : textLines(text)) {
        QString escaped = markdownEscaped(line);
        const QRegularExpressionMatch start = blockStart.match(escaped);
        if (start.hasMatch())
            escaped.insert(start.capturedStart(1) >= 0 ? 0 : start.capturedEnd(2), QLatin1Char('\\'));
        if (escaped.isEmpty()) {
            blankBefore = !out.isEmpty();
            continue;
        }
        if (!out.isEmpty())
            out += blankBefore ? QStringLiteral("\n\n") : QStringLiteral("\\\n");
        out += escaped;
        blankBefore = false;
    }
    return out;
}

QString markdownCode(const QString &text)
{
    // A code span needs a fence longer than any backtick run inside it.
    int longest = 0, run = 0;
    for (QChar c : text) {
        run = c == QLatin1Char('`') ? run + 1 : 0;
        longest = qMax(longest, run);
    }
    const QString fence(longest + 1, QLatin1Char('`'));
    const QString body = text.simplified();
    const bool pad
        = body.startsWith(QLatin1Char('`')) || body.endsWith(QLatin1Char('`')); // CommonMark strips one space
    return fence + (pad ? QStringLiteral(" ") : QString()) + body + (pad ? QStringLiteral(" ") : QString()) + fence;
}

} // namespace Gapwise
