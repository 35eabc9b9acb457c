// SPDX-License-Identifier: GPL-3.0-or-later
#include "displaytext.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace Gapwise {

QString cutForDisplay(const QString &text, int limit)
{
    if (text.size() <= limit)
        return text;
    const int cut = text.at(limit - 1).isHighSurrogate() ? limit - 1 : limit;
    return text.left(cut)
        + QCoreApplication::translate(
            "DisplayText", "… (%Ln more characters not shown)", nullptr, int(text.size() - cut));
}

QStringList textLines(const QString &text)
{
    static const QRegularExpression lineBreak(QStringLiteral("\\r\\n|[\\n\\r\\x{2028}\\x{2029}]"));
    return text.split(lineBreak);
}

QString onOneLine(const QString &text)
{
    if (!text.contains(QLatin1Char('\n')) && !text.contains(QLatin1Char('\r')) && !text.contains(QChar(0x2028))
        && !text.contains(QChar(0x2029)))
        return text; // the common case, without a regular expression
    return textLines(text).join(QStringLiteral(" \u21B5 "));
}

} // namespace Gapwise
