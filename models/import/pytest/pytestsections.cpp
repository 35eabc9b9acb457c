// SPDX-License-Identifier: GPL-3.0-or-later
#include "pytestsections.h"

#include <QRegularExpression>

namespace Gapwise {

QString cleanPytestLine(const QString &raw)
{
    QString line = raw;
    if (line.contains(QLatin1Char('\x1b'))) {
        static const QRegularExpression ansi(QStringLiteral("\\x1b\\[[0-9;]*[A-Za-z]"));
        line.remove(ansi);
    }
    if (line.size() > 20 && line.at(0).isDigit()) {
        static const QRegularExpression stamp(QStringLiteral("^\\d{4}-\\d\\d-\\d\\dT[0-9:.]+Z? "));
        line.remove(stamp);
    }
    if (line.startsWith(QLatin1String("[gw"))) {
        static const QRegularExpression xdist(QStringLiteral("^\\[gw\\d+\\]\\s*(?:\\[\\s*\\d+%\\]\\s*)?"));
        line.remove(xdist);
    }
    while (!line.isEmpty() && line.back().isSpace())
        line.chop(1);
    return line;
}

bool isSessionBanner(const QString &line)
{
    return line.startsWith(QLatin1Char('=')) && line.contains(QLatin1String(" test session starts "));
}

QString sectionTitle(const QString &line)
{
    static const QRegularExpression rule(QStringLiteral("^={3,}\\s+(.*?)\\s+={3,}$"));
    if (!line.startsWith(QLatin1String("===")))
        return QString();
    const auto m = rule.match(line);
    return m.hasMatch() ? m.captured(1) : QString();
}

QString blockTitle(const QString &line)
{
    static const QRegularExpression header(QStringLiteral("^_{3,}\\s+(.*?)\\s+_{3,}$"));
    if (!line.startsWith(QLatin1String("___")))
        return QString();
    const auto m = header.match(line);
    return m.hasMatch() ? m.captured(1) : QString();
}

int collectedCount(const QString &line)
{
    static const QRegularExpression collected(QStringLiteral("^(?:collecting \\.\\.\\. )?collected (\\d+) items?\\b"));
    const auto m = collected.match(line);
    return m.hasMatch() ? m.captured(1).toInt() : -1;
}

QString exceptionLineText(const QString &line)
{
    if (!line.startsWith(QLatin1Char('E')) || line.size() < 2 || !line.at(1).isSpace())
        return QString();
    return line.mid(1).trimmed();
}

QString locationLineException(const QString &line)
{
    static const QRegularExpression location(
        QStringLiteral("^\\S+:\\d+: ([A-Za-z_][\\w.]*(?:Error|Exception|Exit|Interrupt|Warning|Failed|Failure))$"));
    const auto m = location.match(line);
    return m.hasMatch() ? m.captured(1) : QString();
}

bool isImportErrorMessage(const QString &message)
{
    static const QRegularExpression import(QStringLiteral("\\b(?:ModuleNotFoundError|ImportError)\\b"));
    return import.match(message).hasMatch();
}

} // namespace Gapwise
