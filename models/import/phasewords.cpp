// SPDX-License-Identifier: GPL-3.0-or-later
#include "phasewords.h"

#include <QStringList>

namespace Gapwise {
namespace {

    struct PhaseWord
    {
        const char *word;
        const char *id;
    };

    // Directory names that people use for test phases, mapped to one canonical id each.
    constexpr PhaseWord Words[] = {
        { "unit", "unit" },
        { "integration", "integration" },
        { "integ", "integration" },
        { "e2e", "e2e" },
        { "end2end", "e2e" },
        { "end_to_end", "e2e" },
        { "end-to-end", "e2e" },
        { "functional", "functional" },
        { "system", "system" },
        { "acceptance", "acceptance" },
        { "smoke", "smoke" },
        { "performance", "performance" },
        { "perf", "performance" },
        { "regression", "regression" },
        { "component", "component" },
        { "contract", "contract" },
    };

    QString canonical(QString segment)
    {
        segment = segment.toLower();
        // "unit_tests", "integration-tests", "unittests", "tests_unit" name the same phase as "unit".
        for (const char *affix : { "_tests", "-tests", "tests", "_test", "-test" }) {
            if (segment.endsWith(QLatin1String(affix)) && segment.size() > int(qstrlen(affix))) {
                segment.chop(int(qstrlen(affix)));
                break;
            }
        }
        for (const char *affix : { "tests_", "test_" }) {
            if (segment.startsWith(QLatin1String(affix)) && segment.size() > int(qstrlen(affix))) {
                segment.remove(0, int(qstrlen(affix)));
                break;
            }
        }
        for (const PhaseWord &w : Words) {
            if (segment == QLatin1String(w.word))
                return QLatin1String(w.id);
        }
        return QString();
    }

} // namespace

QString phaseWordOfPath(const QString &path, QChar separator)
{
    QString p = path;
    p.replace(QLatin1Char('\\'), separator);
    const QStringList segments = p.split(separator, Qt::SkipEmptyParts);
    // The last segment is the file (or class); a phase word there is a test name, not a phase.
    for (int i = segments.size() - 2; i >= 0; --i) {
        QString id = canonical(segments[i]); // not const: returned, so moved
        if (!id.isEmpty())
            return id;
    }
    return QString();
}

QString phaseWordTitle(const QString &id)
{
    if (id == QLatin1String("e2e"))
        return QStringLiteral("E2E");
    if (id.isEmpty())
        return id;
    return id.at(0).toUpper() + id.mid(1);
}

QString slugify(const QString &text)
{
    QString out;
    out.reserve(text.size());
    bool dash = false;
    for (const QChar c : text) {
        if (c.isLetterOrNumber() && c.unicode() < 128) {
            out += c.toLower();
            dash = false;
        } else if (!out.isEmpty() && !dash) {
            out += QLatin1Char('-');
            dash = true;
        }
    }
    while (out.endsWith(QLatin1Char('-')))
        out.chop(1);
    return out.isEmpty() ? QStringLiteral("phase") : out;
}

} // namespace Gapwise
