// SPDX-License-Identifier: GPL-3.0-or-later
#include "markdownescape.h"

#include <QRegularExpression>

namespace Gapwise {

QString markdownEscaped(const QString &text)
{
    static const QRegularExpression special(QStringLiteral("([\\\\`*_\\[\\]<>#|])"));
    QString s = text;
    s.replace(special, QStringLiteral("\\\\1")); // a backslash, then the character
    return s.simplified();
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
