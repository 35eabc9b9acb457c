// SPDX-License-Identifier: GPL-3.0-or-later
#include "pytestlines.h"
#include "testidentifiers.h"

#include <QRegularExpression>

namespace Gapwise {
namespace {

    TestStatus statusWord(const QString &word, bool *xfail)
    {
        const QString w = word.toUpper();
        *xfail = w == QLatin1String("XFAIL");
        if (w == QLatin1String("PASSED") || w == QLatin1String("XPASS"))
            return TestStatus::Passed;
        if (w == QLatin1String("FAILED"))
            return TestStatus::Failed;
        if (w == QLatin1String("XFAIL"))
            return TestStatus::Skipped; // as pytest's tally and JUnit XML count it; expectedFailure says why
        if (w == QLatin1String("ERROR"))
            return TestStatus::Error;
        if (w == QLatin1String("SKIPPED"))
            return TestStatus::Skipped;
        return TestStatus::Unknown;
    }

} // namespace

int parseTally(const QString &text, PytestLine &into)
{
    static const QRegularExpression term(
        QStringLiteral("(\\d+)\\s+(passed|failed|errors?|skipped|deselected|xfailed|xpassed)\\b"),
        QRegularExpression::CaseInsensitiveOption);
    int found = 0;
    auto it = term.globalMatch(text);
    while (it.hasNext()) {
        const auto m = it.next();
        const int n = m.captured(1).toInt();
        const QString w = m.captured(2).toLower();
        if (w == QLatin1String("passed"))
            into.passed = n;
        else if (w == QLatin1String("failed"))
            into.failed = n;
        else if (w.startsWith(QLatin1String("error")))
            into.errors = n;
        else if (w == QLatin1String("skipped"))
            into.skipped = n;
        else if (w == QLatin1String("deselected"))
            into.deselected = n;
        else if (w == QLatin1String("xfailed"))
            into.xfailed = n;
        else if (w == QLatin1String("xpassed"))
            into.xpassed = n;
        ++found;
    }
    static const QRegularExpression in(QStringLiteral("\\bin\\s+([0-9.]+\\s*s\\b|[0-9.]+\\s*seconds?)"));
    const auto m = in.match(text);
    if (found && m.hasMatch())
        into.seconds = parseDuration(m.captured(1));
    return found;
}

namespace {

    // "2025-09-12 19:37:33 UTC", "03:04:36 PST", "12:07:00 - 13:00:00": when something happened, not how long
    // it took. Cut out so that only durations are left to read.
    QString withoutTimesOfDay(const QString &text)
    {
        static const QString clock = QStringLiteral("\\d{1,2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?");
        static const QString zone
            = QStringLiteral("(?:\\s*(?:UTC|GMT|[A-Z]{1,2}[SD]T|CES?T|BST|IST|JST|[AaPp]\\.?[Mm]\\.?)"
                             "(?![A-Za-z])|Z\\b|[+-]\\d{2}:?\\d{2}\\b)");
        static const QRegularExpression dated(QStringLiteral("\\b\\d{4}[-/.]\\d{1,2}[-/.]\\d{1,2}(?:[T ]") + clock
            + QStringLiteral(")?") + zone + QStringLiteral("?"));
        static const QRegularExpression range(
            QStringLiteral("\\b") + clock + QStringLiteral("\\s*(?:[-\u2013\u2014]|to)\\s*") + clock);
        static const QRegularExpression zoned(QStringLiteral("\\b") + clock + zone);
        QString rest = text;
        rest.replace(dated, QStringLiteral(" "))
            .replace(range, QStringLiteral(" "))
            .replace(zoned, QStringLiteral(" "));
        return rest;
    }

} // namespace

double parseDuration(const QString &rawText)
{
    const QString text = withoutTimesOfDay(rawText);
    static const QRegularExpression clock(QStringLiteral("\\b(\\d+):(\\d{2}):(\\d{2}(?:\\.\\d+)?)\\b"));
    if (const auto m = clock.match(text); m.hasMatch())
        return m.captured(1).toInt() * 3600 + m.captured(2).toInt() * 60 + m.captured(3).toDouble();
    static const QRegularExpression parts(
        QStringLiteral("(\\d+(?:\\.\\d+)?)\\s*(ms|milliseconds?|s|secs?|seconds?|m|mins?|minutes?|h|hours?)\\b"),
        QRegularExpression::CaseInsensitiveOption);
    double total = 0;
    bool any = false;
    auto it = parts.globalMatch(text);
    while (it.hasNext()) {
        const auto m = it.next();
        const double v = m.captured(1).toDouble();
        const QString u = m.captured(2).toLower();
        if (u.startsWith(QLatin1String("ms")) || u.startsWith(QLatin1String("milli")))
            total += v / 1000.0;
        else if (u.startsWith(QLatin1Char('h')))
            total += v * 3600;
        else if (u.startsWith(QLatin1Char('m')))
            total += v * 60;
        else
            total += v;
        any = true;
    }
    return any ? total : -1.0;
}

PytestLine parsePytestLine(const QString &rawLine)
{
    PytestLine out;
    const QString line = rawLine.trimmed();
    if (line.isEmpty())
        return out;
    static const QRegularExpression trailing(QStringLiteral("^(\\S+::\\S+)\\s+(PASSED|FAILED|ERROR|SKIPPED|XFAIL|XPASS)"
                                                            "\\b(?:\\s*\\[\\s*\\d+%\\])?(?:\\s*[-:]?\\s*(.*))?$"));
    static const QRegularExpression leading(
        QStringLiteral("^(PASSED|FAILED|ERROR|SKIPPED|XFAIL|XPASS)\\s+(\\S+::\\S+|\\S+\\.py)(?:\\s+-\\s+(.*))?$"));
    static const QRegularExpression collecting(QStringLiteral("^(?:_+\\s*)?ERROR collecting (\\S+)"));
    if (auto m = trailing.match(line); m.hasMatch() && isNodeId(m.captured(1))) {
        out.kind = PytestLine::Result;
        out.nodeId = m.captured(1);
        out.status = statusWord(m.captured(2), &out.expectedFailure);
        out.message = m.captured(3).trimmed();
        return out;
    }
    if (auto m = collecting.match(line); m.hasMatch()) {
        out.kind = PytestLine::CollectionError;
        out.nodeId = m.captured(1);
        out.status = TestStatus::Error;
        return out;
    }
    if (auto m = leading.match(line); m.hasMatch()) {
        const QString node = m.captured(2);
        out.status = statusWord(m.captured(1), &out.expectedFailure);
        out.message = m.captured(3).trimmed();
        out.nodeId = node;
        out.kind = isNodeId(node) ? PytestLine::Result : PytestLine::CollectionError;
        return out;
    }
    if (line.contains(QLatin1String(" in ")) || line.startsWith(QLatin1Char('='))) {
        PytestLine tally;
        if (parseTally(line, tally) > 0 && (line.startsWith(QLatin1Char('=')) || tally.seconds >= 0)) {
            tally.kind = PytestLine::Tally;
            return tally;
        }
    }
    return out;
}

} // namespace Gapwise
