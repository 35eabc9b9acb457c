// SPDX-License-Identifier: GPL-3.0-or-later
#include "labelwrap.h"

#include <QFontMetrics>
#include <QStringList>

namespace Gapwise {

namespace {

    bool breaksAfter(QChar c)
    {
        static const QString marks = QStringLiteral("/._:-,\\");
        return marks.contains(c);
    }

    // Where a line breaks: words first ("Integration Tests" / "(Non-Docker)"), or as late as anything fits, for a
    // label that would be elided otherwise ("Integration" / "Tests (Non-" / "Docker)").
    enum class Breaks
    {
        WordsFirst,
        Latest
    };

    // How many characters of `text` go on a line of `width`: up to the last space or identifier mark that
    // fits, else as many characters as fit (at least one).
    int lineLength(const QString &text, const QFontMetrics &metrics, int width, Breaks breaks)
    {
        // Words stay whole where they can ("Integration Tests" / "(Non-Docker)", not "… (Non-" / "Docker)").
        // Within an identifier, a path stays whole up to its last '/' ("src/auth/__tests__/" / "login.test.js").
        int space = -1;
        int slash = -1;
        int mark = -1;
        for (int i = 1; i < text.size(); ++i) {
            const bool atSpace = text[i].isSpace();
            const bool atMark = breaksAfter(text[i - 1]) && !atSpace;
            if (!atSpace && !atMark)
                continue;
            if (metrics.horizontalAdvance(text.left(i).trimmed()) > width)
                break;
            if (atSpace)
                space = i;
            else if (text[i - 1] == QLatin1Char('/'))
                slash = i;
            else
                mark = i;
        }
        if (breaks == Breaks::Latest && qMax(space, qMax(slash, mark)) > 0)
            return qMax(space, qMax(slash, mark));
        for (int at : { space, slash, mark }) {
            if (at > 0)
                return at;
        }
        int fit = 1;
        while (fit < text.size() && metrics.horizontalAdvance(text.left(fit + 1)) <= width)
            ++fit;
        return fit;
    }

    QString wrapInto(
        const QString &text, const QFontMetrics &metrics, int width, int lines, Breaks breaks, bool *elided)
    {
        QString rest = text.simplified();
        QStringList out;
        *elided = false;
        while (!rest.isEmpty()) {
            if (metrics.horizontalAdvance(rest) <= width) {
                out << rest;
                break;
            }
            if (out.size() + 1 >= lines) {
                out << metrics.elidedText(rest, Qt::ElideRight, width);
                *elided = true;
                break;
            }
            const int n = lineLength(rest, metrics, width, breaks);
            out << rest.left(n).trimmed();
            rest = rest.mid(n).trimmed();
        }
        return out.join(QLatin1Char('\n'));
    }

} // namespace

int widestUnbreakable(const QString &text, const QFontMetrics &metrics)
{
    int widest = 0;
    int start = 0;
    const QString simple = text.simplified();
    for (int i = 1; i <= simple.size(); ++i) {
        if (i < simple.size() && !simple[i].isSpace() && !breaksAfter(simple[i - 1]))
            continue;
        widest = qMax(widest, metrics.horizontalAdvance(simple.mid(start, i - start).trimmed()));
        start = i;
    }
    return widest;
}

QString wrapLabel(const QString &text, const QFontMetrics &metrics, int width, int lines, bool *elided)
{
    bool cut = false;
    QString label = wrapInto(text, metrics, width, lines, Breaks::WordsFirst, &cut);
    if (cut) {
        // Each line as full as it goes, kept only where that fits the whole label.
        QString latest = wrapInto(text, metrics, width, lines, Breaks::Latest, &cut);
        if (!cut)
            label = std::move(latest);
    }
    if (elided)
        *elided = cut;
    return label;
}

} // namespace Gapwise
