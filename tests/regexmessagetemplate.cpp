// SPDX-License-Identifier: GPL-3.0-or-later
// The placeholder rules of messageTemplate() as regular expressions, kept word for word from before the
// scanners replaced them: they define what the scanners must do.
#include "regexmessagetemplate.h"

#include <QRegularExpression>
#include <QVector>

#include <algorithm>

namespace Gapwise::Reference {
namespace {

    // What a message must contain for a rule to have a chance: most messages skip most regexes.
    enum class Needs
    {
        Scheme,
        Digit,
        Slash
    };

    struct Rule
    {
        QRegularExpression pattern;
        QLatin1String placeholder;
        Needs needs;
    };

    // Order matters: a URL holds a host:port and a path, a timestamp holds numbers, so the wider kinds go first.
    const QVector<Rule> &rules()
    {
        static const QVector<Rule> all = {
            { QRegularExpression(QStringLiteral("\\b[a-zA-Z][a-zA-Z0-9+.-]*://[^\\s'\"<>()\\[\\]]+")),
                QLatin1String("<URL>"), Needs::Scheme },
            { QRegularExpression(
                  QStringLiteral("\\b[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\\b")),
                QLatin1String("<UUID>"), Needs::Digit },
            { QRegularExpression(QStringLiteral(
                  "\\b\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}(?::\\d{2}(?:[.,]\\d+)?)?(?:Z|[+-]\\d{2}:?\\d{2})?")),
                QLatin1String("<TIMESTAMP>"), Needs::Digit },
            // syslog and ctime(3): "Fri Jun 17 07:07:00 2005", "Jun 17 07:07:00"
            { QRegularExpression(
                  QStringLiteral("\\b(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) +)?(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|"
                                 "Nov|Dec) +\\d{1,2} +\\d{2}:\\d{2}:\\d{2}(?: +\\d{4})?\\b")),
                QLatin1String("<TIMESTAMP>"), Needs::Digit },
            { QRegularExpression(QStringLiteral("\\b\\d{4}-\\d{2}-\\d{2}\\b|\\b\\d{2}:\\d{2}:\\d{2}(?:[.,]\\d+)?\\b")),
                QLatin1String("<TIMESTAMP>"), Needs::Digit },
            // Absolute paths (/var/x, C:\x, ~/x) and relative ones with a directory and an extension.
            { QRegularExpression(QStringLiteral(
                  "(?:(?<![\\w.])(?:[A-Za-z]:\\\\|~?/)[^\\s'\"<>():,;]+|\\b[\\w.-]+(?:/[\\w.-]+)+\\.\\w{1,5}\\b)")),
                QLatin1String("<PATH>"), Needs::Slash },
            // "main.cpp:58", "test_x.py:12": a source location, not a host and port.
            { QRegularExpression(QStringLiteral(
                  "\\b[\\w-]+\\.(?:py|java|kt|scala|cpp|cc|cxx|c|h|hpp|js|jsx|ts|tsx|go|rb|cs|php|rs|swift):\\d+\\b")),
                QLatin1String("<PATH>"), Needs::Digit },
            { QRegularExpression(QStringLiteral("\\b(?:\\d{1,3}(?:\\.\\d{1,3}){3}|\\[[0-9a-fA-F:]+\\]|localhost|[a-zA-"
                                                "Z][\\w-]*(?:\\.[\\w-]+)+):\\d{2,5}\\b")),
                QLatin1String("<HOST:PORT>"), Needs::Digit },
            { QRegularExpression(QStringLiteral("\\b\\d{1,3}(?:\\.\\d{1,3}){3}\\b")), QLatin1String("<HOST:PORT>"),
                Needs::Digit },
            { QRegularExpression(QStringLiteral("\\b0x[0-9a-fA-F]+\\b")), QLatin1String("<ADDR>"), Needs::Digit },
            // Hex ids: 6+ hex digits with at least one digit and one letter.
            { QRegularExpression(QStringLiteral("\\b(?=[0-9a-fA-F]*\\d)(?=[0-9a-fA-F]*[a-fA-F])[0-9a-fA-F]{6,}\\b")),
                QLatin1String("<HEX>"), Needs::Digit },
            // A number, with a unit glued to it ("30.5s", "100ms", "5%") left in place.
            { QRegularExpression(
                  QStringLiteral("(?<![\\w.])[-+]?\\d+(?:\\.\\d+)?(?:[eE][-+]?\\d+)?(?=[A-Za-z%]*(?!\\w))")),
                QLatin1String("<NUM>"), Needs::Digit },
            // Numbers glued to an id ("user-42", "run_7") are ids too.
            { QRegularExpression(QStringLiteral("(?<=[A-Za-z][-_])\\d+\\b")), QLatin1String("<NUM>"), Needs::Digit },
        };
        return all;
    }

} // namespace

QString regexMessageTemplate(const QString &message)
{
    QString out = message.simplified();
    const bool scheme = out.contains(QLatin1String("://"));
    const bool slash = out.contains(QLatin1Char('/')) || out.contains(QLatin1Char('\\'));
    const bool digit = std::any_of(out.cbegin(), out.cend(), [](QChar c) { return c.isDigit(); });
    for (const Rule &rule : rules()) {
        const bool possible = rule.needs == Needs::Scheme ? scheme : rule.needs == Needs::Slash ? slash : digit;
        if (possible)
            out.replace(rule.pattern, rule.placeholder);
    }
    return out;
}

} // namespace Gapwise::Reference
