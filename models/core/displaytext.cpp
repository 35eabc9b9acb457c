// SPDX-License-Identifier: GPL-3.0-or-later
#include "displaytext.h"

#include <QCoreApplication>
#include <QRegularExpression>

#include <cmath>

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

QString middleElidedPath(const QString &path, int limit)
{
    if (path.size() <= limit)
        return path;
    const auto separatorBefore = [&path](qsizetype end) { // the last '/' or '\\' before `end`, or -1
        for (qsizetype i = end - 1; i >= 0; --i) {
            if (path.at(i) == QLatin1Char('/') || path.at(i) == QLatin1Char('\\'))
                return i;
        }
        return qsizetype(-1);
    };
    const qsizetype keep = limit - 1; // the characters besides the ellipsis
    // The end: the file name with the separator before it, or a long name's last two thirds of the room; then
    // whole folders above it while the start keeps half the room.
    qsizetype tail = separatorBefore(path.size());
    if (tail < 0 || path.size() - tail > keep * 2 / 3) {
        tail = path.size() - keep * 2 / 3;
    } else {
        for (qsizetype above = separatorBefore(tail); above > 0 && path.size() - above <= keep / 2;
             above = separatorBefore(above))
            tail = above;
    }
    // The start: what room is left, back to its last separator (a root's alone is no place to cut).
    qsizetype head = keep - (path.size() - tail);
    if (const qsizetype separator = separatorBefore(head); separator > 0)
        head = separator + 1;
    if (head > 0 && path.at(head - 1).isHighSurrogate())
        --head;
    if (tail < path.size() && path.at(tail).isLowSurrogate())
        ++tail;
    return path.left(head) + QChar(0x2026) + path.mid(tail);
}

namespace {

    // `value` with at most `decimals` decimals, trailing zeros dropped: "0.704", "28", "12.5".
    QString shortNumber(double value, int decimals, const QLocale &locale)
    {
        QString text = locale.toString(value, 'f', decimals);
        const QString point = locale.decimalPoint();
        if (decimals > 0 && text.contains(point)) {
            while (text.endsWith(locale.zeroDigit()))
                text.chop(1);
            if (text.endsWith(point))
                text.chop(point.size());
        }
        return text;
    }

} // namespace

QString durationText(double seconds, const QLocale &locale)
{
    if (seconds < 1.0) {
        const double ms = seconds * 1000.0;
        return shortNumber(ms, ms < 1.0 ? 3 : ms < 100.0 ? 1 : 0, locale) + QLatin1String(" ms");
    }
    if (seconds < 60.0)
        return shortNumber(seconds, seconds < 10.0 ? 3 : 1, locale) + QLatin1String(" s");
    const auto whole = qint64(std::llround(seconds));
    if (whole < 3600) {
        const qint64 s = whole % 60;
        return locale.toString(whole / 60) + QLatin1String(" min")
            + (s > 0 ? QLatin1Char(' ') + locale.toString(s) + QLatin1String(" s") : QString());
    }
    const qint64 minutes = (whole + 30) / 60;
    const qint64 m = minutes % 60;
    return locale.toString(minutes / 60) + QLatin1String(" h")
        + (m > 0 ? QLatin1Char(' ') + locale.toString(m) + QLatin1String(" min") : QString());
}

} // namespace Gapwise
