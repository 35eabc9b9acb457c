// SPDX-License-Identifier: GPL-3.0-or-later
#include "placeholderscanner.h"
#include "placeholderkinds.h"

#include <QChar>

namespace Gapwise {
namespace {

    using namespace Placeholders;

    // Where a match may start, from the character there and the one before: checked inline for every
    // character, so that a kind's matcher runs at a few positions of a message only.
    // (Lambdas, not functions: apply() is made for each, with the check inlined.)
    const auto wordStart = [](char16_t prev, char16_t c) { return isWord(c) && !isWord(prev); };
    const auto digitStart = [](char16_t prev, char16_t c) { return isDigit(c) && !isWord(prev); };

    // Leftmost matches, each scan going on after the previous match, as QString::replace(QRegularExpression).
    template <typename Start>
    void apply(QString *text, Start canStart, int (*match)(const Text &, int), const char *placeholder)
    {
        const Text t { reinterpret_cast<const char16_t *>(text->constData()), int(text->size()) };
        QString out;
        int copied = 0;
        char16_t prev = 0;
        for (int i = 0; i < t.n;) {
            const char16_t c = t.s[i];
            const int end = canStart(prev, c) ? match(t, i) : NoMatch;
            if (end == NoMatch) {
                prev = c;
                ++i;
                continue;
            }
            if (out.isNull())
                out.reserve(t.n);
            out.append(QStringView(t.s + copied, i - copied));
            out.append(QLatin1String(placeholder));
            copied = i = end;
            prev = t.s[end - 1];
        }
        if (out.isNull())
            return;
        out.append(QStringView(t.s + copied, t.n - copied));
        *text = out;
    }

    // What a message holds that the kinds need, found once: most messages skip most kinds. Replacing only
    // takes these characters away, except ':' (of "<HOST:PORT>"), which no later kind needs.
    struct Contents
    {
        bool scheme = false; // "://"
        bool anyDigit = false; // QChar::isDigit anywhere: the regexes' own condition, kept so templates stay the same
        bool asciiDigit = false;
        bool slash = false; // '/' or '\'
        bool underscore = false;
        bool lowerX = false;
        int dashes = 0, colons = 0, dots = 0;
    };

    Contents contentsOf(const QString &text)
    {
        Contents has;
        const auto *s = reinterpret_cast<const char16_t *>(text.constData());
        const qsizetype n = text.size();
        for (qsizetype i = 0; i < n; ++i) {
            const char16_t c = s[i];
            if (isDigit(c)) {
                has.asciiDigit = has.anyDigit = true;
            } else if (c < 0x80) {
                switch (c) {
                case ':':
                    ++has.colons;
                    has.scheme = has.scheme || (i + 2 < n && s[i + 1] == '/' && s[i + 2] == '/');
                    break;
                case '-':
                    ++has.dashes;
                    break;
                case '.':
                    ++has.dots;
                    break;
                case '/':
                case '\\':
                    has.slash = true;
                    break;
                case '_':
                    has.underscore = true;
                    break;
                case 'x':
                    has.lowerX = true;
                    break;
                default:
                    break;
                }
            } else if (QChar(c).isDigit()) {
                has.anyDigit = true;
            }
        }
        return has;
    }

} // namespace

QString withPlaceholders(const QString &simplified)
{
    QString out = simplified;
    const Contents has = contentsOf(out);
    const bool digits = has.asciiDigit; // every kind but URL, UUID and path needs an ASCII digit
    // Order matters: a URL holds a host:port and a path, a timestamp holds numbers, so the wider kinds go first.
    // Each kind is applied to the whole text before the next, as the regular expressions were.
    if (has.scheme)
        apply(&out, wordStart, url, "<URL>");
    if (has.anyDigit && has.dashes >= 4)
        apply(&out, wordStart, uuid, "<UUID>");
    if (digits && has.dashes >= 2 && has.colons >= 1)
        apply(&out, digitStart, isoTimestamp, "<TIMESTAMP>");
    if (digits && has.colons >= 2) // "Fri Jun 17 07:07:00 2005", "Jun 17 07:07:00": a capital starts it
        apply(
            &out, [](char16_t prev, char16_t c) { return unsigned(c) - 'A' < 26u && !isWord(prev); }, syslogTimestamp,
            "<TIMESTAMP>");
    if (digits && (has.dashes >= 2 || has.colons >= 2))
        apply(&out, digitStart, dateOrTime, "<TIMESTAMP>");
    if (has.slash)
        apply(
            &out,
            [](char16_t prev, char16_t c) {
                return (isPathChar(c) && isWord(prev) != isWord(c))
                    || ((c == '/' || c == '~' || isLetter(c)) && !isWord(prev) && prev != '.');
            },
            path, "<PATH>");
    if (digits && has.dots >= 1 && has.colons >= 1) // "main.cpp:58": a source location, not a host and port
        apply(
            &out, [](char16_t prev, char16_t c) { return isWord(c) ? !isWord(prev) : c == '-' && isWord(prev); },
            sourceLocation, "<PATH>");
    if (digits && has.colons >= 1)
        apply(
            &out, [](char16_t prev, char16_t c) { return isWord(c) ? !isWord(prev) : c == '[' && isWord(prev); },
            hostAndPort, "<HOST:PORT>");
    if (digits && has.dots >= 3)
        apply(&out, digitStart, bareIpv4, "<HOST:PORT>");
    if (digits && has.lowerX)
        apply(&out, digitStart, address, "<ADDR>");
    if (digits) // 6+ hex digits with at least one digit and one letter
        apply(&out, wordStart, hexId, "<HEX>");
    if (digits) // a unit glued to a number ("30.5s", "100ms", "5%") stays
        apply(
            &out,
            [](char16_t prev, char16_t c) {
                return (isDigit(c) || c == '-' || c == '+') && !isWord(prev) && prev != '.';
            },
            number, "<NUM>");
    if (digits && (has.dashes > 0 || has.underscore))
        apply(
            &out, [](char16_t prev, char16_t c) { return isDigit(c) && (prev == '-' || prev == '_'); }, gluedNumber,
            "<NUM>");
    return out;
}

} // namespace Gapwise
