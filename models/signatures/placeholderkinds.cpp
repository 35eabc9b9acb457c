// SPDX-License-Identifier: GPL-3.0-or-later
#include "placeholderkinds.h"

#include <algorithm>
#include <initializer_list>
#include <iterator>

namespace Gapwise::Placeholders {

// \b[a-zA-Z][a-zA-Z0-9+.-]*://[^\s'"<>()\[\]]+
int url(const Text &t, int i)
{
    if (!isLetter(t.s[i]) || !t.boundary(i))
        return NoMatch;
    const int scheme
        = t.run(i, [](char16_t c) { return isLetter(c) || isDigit(c) || c == '+' || c == '.' || c == '-'; });
    if (!t.startsWith(scheme, "://"))
        return NoMatch;
    const int end = t.run(scheme + 3, [](char16_t c) { return !isSpace(c) && !isOneOf(c, "'\"<>()[]"); });
    return end > scheme + 3 ? end : NoMatch;
}

// \b[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\b
int uuid(const Text &t, int i)
{
    if (!isHex(t.s[i]) || !t.boundary(i))
        return NoMatch;
    int k = i;
    for (const int length : { 8, 4, 4, 4, 12 }) {
        if (k > i && t.at(k++) != '-')
            return NoMatch;
        for (int e = k + length; k < e; ++k) {
            if (!isHex(t.at(k)))
                return NoMatch;
        }
    }
    return isWord(t.at(k)) ? NoMatch : k;
}

// \b\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?
int isoTimestamp(const Text &t, int i)
{
    if (!isDigit(t.s[i]) || !t.boundary(i))
        return NoMatch;
    if (!(t.fixedDigits(i, 4) && t.at(i + 4) == '-' && t.fixedDigits(i + 5, 2) && t.at(i + 7) == '-'
            && t.fixedDigits(i + 8, 2) && (t.at(i + 10) == 'T' || t.at(i + 10) == ' ') && t.fixedDigits(i + 11, 2)
            && t.at(i + 13) == ':' && t.fixedDigits(i + 14, 2)))
        return NoMatch;
    int end = i + 16;
    if (t.at(end) == ':' && t.fixedDigits(end + 1, 2)) {
        end += 3;
        if ((t.at(end) == '.' || t.at(end) == ',') && isDigit(t.at(end + 1)))
            end = t.digits(end + 1);
    }
    if (t.at(end) == 'Z')
        return end + 1;
    if ((t.at(end) == '+' || t.at(end) == '-') && t.fixedDigits(end + 1, 2)) {
        const int minutes = end + 3;
        if (t.at(minutes) == ':' && t.fixedDigits(minutes + 1, 2))
            return minutes + 3;
        if (t.fixedDigits(minutes, 2))
            return minutes + 2;
    }
    return end;
}

namespace {

    int spaces(const Text &t, int i)
    {
        return t.run(i, [](char16_t c) { return c == ' '; });
    }

} // namespace

namespace {

    bool oneOf(const Text &t, int i, std::initializer_list<const char *> words)
    {
        return std::any_of(words.begin(), words.end(), [&](const char *w) { return t.startsWith(i, w); });
    }

} // namespace

namespace {

    // The part of a syslog date after the weekday: (?:Jan|…|Dec) +\d{1,2} +\d{2}:\d{2}:\d{2}(?: +\d{4})?\b
    int syslogFromMonth(const Text &t, int i)
    {
        if (!oneOf(t, i, { "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" }))
            return NoMatch;
        int k = spaces(t, i + 3);
        if (k == i + 3 || !isDigit(t.at(k)))
            return NoMatch;
        k += isDigit(t.at(k + 1)) ? 2 : 1;
        const int clock = spaces(t, k);
        if (clock == k
            || !(t.fixedDigits(clock, 2) && t.at(clock + 2) == ':' && t.fixedDigits(clock + 3, 2)
                && t.at(clock + 5) == ':' && t.fixedDigits(clock + 6, 2)))
            return NoMatch;
        const int end = clock + 8;
        const int year = spaces(t, end);
        if (year > end && t.fixedDigits(year, 4) && !isWord(t.at(year + 4)))
            return year + 4;
        return isWord(t.at(end)) ? NoMatch : end;
    }

} // namespace

// \b(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) +)?(?:Jan|…|Dec) +\d{1,2} +\d{2}:\d{2}:\d{2}(?: +\d{4})?\b
int syslogTimestamp(const Text &t, int i)
{
    if (!isLetter(t.s[i]) || !t.boundary(i))
        return NoMatch;
    if (oneOf(t, i, { "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun" }) && t.at(i + 3) == ' ') {
        if (const int end = syslogFromMonth(t, spaces(t, i + 3)); end != NoMatch)
            return end;
    }
    return syslogFromMonth(t, i);
}

// \b\d{4}-\d{2}-\d{2}\b|\b\d{2}:\d{2}:\d{2}(?:[.,]\d+)?\b
int dateOrTime(const Text &t, int i)
{
    if (!isDigit(t.s[i]) || !t.boundary(i))
        return NoMatch;
    if (t.fixedDigits(i, 4) && t.at(i + 4) == '-' && t.fixedDigits(i + 5, 2) && t.at(i + 7) == '-'
        && t.fixedDigits(i + 8, 2) && !isWord(t.at(i + 10)))
        return i + 10;
    if (!(t.fixedDigits(i, 2) && t.at(i + 2) == ':' && t.fixedDigits(i + 3, 2) && t.at(i + 5) == ':'
            && t.fixedDigits(i + 6, 2)))
        return NoMatch;
    const int end = i + 8;
    if ((t.at(end) == '.' || t.at(end) == ',') && isDigit(t.at(end + 1))) {
        if (const int fraction = t.digits(end + 1); !isWord(t.at(fraction)))
            return fraction;
    }
    return isWord(t.at(end)) ? NoMatch : end;
}

// (?<![\w.])(?:[A-Za-z]:\\|~?/)[^\s'"<>():,;]+            an absolute path
// |\b[\w.-]+(?:/[\w.-]+)+\.\w{1,5}\b                     a relative one with a directory and an extension
int path(const Text &t, int i)
{
    const char16_t c = t.s[i];
    if (!isWord(t.at(i - 1)) && t.at(i - 1) != '.') {
        int rest = NoMatch;
        if (isLetter(c) && t.at(i + 1) == ':' && t.at(i + 2) == '\\')
            rest = i + 3;
        else if (c == '~' && t.at(i + 1) == '/')
            rest = i + 2;
        else if (c == '/')
            rest = i + 1;
        if (rest != NoMatch) {
            const int end = t.run(rest, [](char16_t x) { return !isSpace(x) && !isOneOf(x, "'\"<>():,;"); });
            if (end > rest)
                return end;
        }
    }
    if (!isPathChar(c) || !t.boundary(i))
        return NoMatch;
    // The first segment is whole (a shorter one is not followed by '/'); the regex then backtracks from the
    // last segment to the first, each from its end: the match ends after the rightmost ".ext" (1-5 word
    // characters, then no word character) that is not the first character of a segment after the first.
    const int firstSlash = t.run(i, isPathChar);
    int end = firstSlash;
    while (t.at(end) == '/' && isPathChar(t.at(end + 1)))
        end = t.run(end + 1, isPathChar);
    for (int k = end - 1; k > firstSlash + 1; --k) {
        if (t.s[k] != '.' || t.s[k - 1] == '/')
            continue;
        const int ext = t.run(k + 1, isWord) - (k + 1);
        if (ext >= 1 && ext <= 5)
            return k + 1 + ext;
    }
    return NoMatch;
}

// \b[\w-]+\.(?:py|java|kt|scala|cpp|cc|cxx|c|h|hpp|js|jsx|ts|tsx|go|rb|cs|php|rs|swift):\d+\b
int sourceLocation(const Text &t, int i)
{
    const auto nameChar = [](char16_t c) { return isWord(c) || c == '-'; };
    if (!nameChar(t.s[i]) || !t.boundary(i))
        return NoMatch;
    const int dot = t.run(i, nameChar);
    if (t.at(dot) != '.')
        return NoMatch;
    const int colon = t.run(dot + 1, [](char16_t c) { return unsigned(c) - 'a' < 26u; });
    if (t.at(colon) != ':')
        return NoMatch;
    static const char *const extensions[] = { "py", "java", "kt", "scala", "cpp", "cc", "cxx", "c", "h", "hpp", "js",
        "jsx", "ts", "tsx", "go", "rb", "cs", "php", "rs", "swift" };
    const int length = colon - dot - 1;
    const bool known = std::any_of(std::begin(extensions), std::end(extensions),
        [&](const char *e) { return int(std::strlen(e)) == length && t.startsWith(dot + 1, e); });
    if (!known)
        return NoMatch;
    const int end = t.digits(colon + 1);
    return end > colon + 1 && !isWord(t.at(end)) ? end : NoMatch;
}

namespace {

    // \d{1,3} followed by what: the octets of an IPv4 address end where a digit run of 1-3 ends.
    int octet(const Text &t, int i)
    {
        const int end = t.digits(i);
        return end > i && end - i <= 3 ? end : NoMatch;
    }

} // namespace

namespace {

    // \d{1,3}(?:\.\d{1,3}){3}: the end of the address (its last octet whole), or NoMatch.
    int ipv4(const Text &t, int i)
    {
        int k = octet(t, i);
        for (int n = 0; n < 3; ++n) {
            if (k == NoMatch || t.at(k) != '.')
                return NoMatch;
            k = octet(t, k + 1);
        }
        return k;
    }

} // namespace

namespace {

    // :\d{2,5}\b after a host
    int port(const Text &t, int colon)
    {
        if (t.at(colon) != ':')
            return NoMatch;
        const int end = t.digits(colon + 1);
        const int length = end - colon - 1;
        return length >= 2 && length <= 5 && !isWord(t.at(end)) ? end : NoMatch;
    }

} // namespace

// \b(?:\d{1,3}(?:\.\d{1,3}){3}|\[[0-9a-fA-F:]+\]|localhost|[a-zA-Z][\w-]*(?:\.[\w-]+)+):\d{2,5}\b
int hostAndPort(const Text &t, int i)
{
    const char16_t c = t.s[i];
    if (!(isWord(c) || c == '[') || !t.boundary(i))
        return NoMatch;
    if (isDigit(c)) {
        const int host = ipv4(t, i);
        return host == NoMatch ? NoMatch : port(t, host);
    }
    if (c == '[') {
        const int close = t.run(i + 1, [](char16_t x) { return isHex(x) || x == ':'; });
        return close > i + 1 && t.at(close) == ']' ? port(t, close + 1) : NoMatch;
    }
    if (!isLetter(c))
        return NoMatch;
    if (t.startsWith(i, "localhost")) {
        if (const int end = port(t, i + 9); end != NoMatch)
            return end;
    }
    const auto nameChar = [](char16_t x) { return isWord(x) || x == '-'; };
    int end = t.run(i + 1, nameChar);
    int labels = 0;
    while (t.at(end) == '.' && nameChar(t.at(end + 1))) {
        end = t.run(end + 1, nameChar);
        ++labels;
    }
    return labels > 0 ? port(t, end) : NoMatch;
}

// \b\d{1,3}(?:\.\d{1,3}){3}\b
int bareIpv4(const Text &t, int i)
{
    if (!isDigit(t.s[i]) || !t.boundary(i))
        return NoMatch;
    const int end = ipv4(t, i);
    return end != NoMatch && !isWord(t.at(end)) ? end : NoMatch;
}

// \b0x[0-9a-fA-F]+\b
int address(const Text &t, int i)
{
    if (t.s[i] != '0' || t.at(i + 1) != 'x' || !t.boundary(i))
        return NoMatch;
    const int end = t.run(i + 2, isHex);
    return end > i + 2 && !isWord(t.at(end)) ? end : NoMatch;
}

// \b(?=[0-9a-fA-F]*\d)(?=[0-9a-fA-F]*[a-fA-F])[0-9a-fA-F]{6,}\b
int hexId(const Text &t, int i)
{
    if (!isHex(t.s[i]) || !t.boundary(i))
        return NoMatch;
    const int end = t.run(i, isHex);
    if (end - i < 6 || isWord(t.at(end)))
        return NoMatch;
    bool digit = false, letter = false;
    for (int k = i; k < end; ++k)
        (isDigit(t.s[k]) ? digit : letter) = true;
    return digit && letter ? end : NoMatch;
}

namespace {

    // The lookahead (?=[A-Za-z%]*(?!\w)) at i: a unit may follow a number, then no word character; a '%' in
    // the unit is no word character either.
    bool unitThenEnd(const Text &t, int i)
    {
        for (;; ++i) {
            const char16_t c = t.at(i);
            if (!isWord(c))
                return true;
            if (!isLetter(c))
                return false;
        }
    }

} // namespace

namespace {

    // [eE][-+]?\d+ at i: its end, or NoMatch.
    int exponent(const Text &t, int i)
    {
        if (t.at(i) != 'e' && t.at(i) != 'E')
            return NoMatch;
        const int from = (t.at(i + 1) == '-' || t.at(i + 1) == '+') ? i + 2 : i + 1;
        const int end = t.digits(from);
        return end > from ? end : NoMatch;
    }

} // namespace

// (?<![\w.])[-+]?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?(?=[A-Za-z%]*(?!\w))
// The regex tries the longest number first and gives back the exponent, then the fraction, until the
// lookahead holds; giving back digits only puts a digit after the number, where the lookahead fails.
int number(const Text &t, int i)
{
    const char16_t prev = t.at(i - 1);
    if (isWord(prev) || prev == '.')
        return NoMatch;
    const int start = (t.s[i] == '-' || t.s[i] == '+') ? i + 1 : i;
    const int integer = t.digits(start);
    if (integer == start)
        return NoMatch;
    if (t.at(integer) == '.' && isDigit(t.at(integer + 1))) {
        const int fraction = t.digits(integer + 1);
        if (const int e = exponent(t, fraction); e != NoMatch && unitThenEnd(t, e))
            return e;
        if (unitThenEnd(t, fraction))
            return fraction;
    }
    if (const int e = exponent(t, integer); e != NoMatch && unitThenEnd(t, e))
        return e;
    return unitThenEnd(t, integer) ? integer : NoMatch;
}

// (?<=[A-Za-z][-_])\d+\b: the number of an id glued to a word ("user-42", "run_7")
int gluedNumber(const Text &t, int i)
{
    if (!isDigit(t.s[i]) || !(t.at(i - 1) == '-' || t.at(i - 1) == '_') || !isLetter(t.at(i - 2)))
        return NoMatch;
    const int end = t.digits(i);
    return isWord(t.at(end)) ? NoMatch : end;
}

} // namespace Gapwise::Placeholders
