// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstring>

// What the placeholder scanners (placeholderkinds.h) read: a message's UTF-16 characters, with the character
// classes of the regular expressions they replaced.
namespace Gapwise::Placeholders {

// Character classes as the replaced expressions had them: QRegularExpression without
// UseUnicodePropertiesOption, so \w, \d and \b are ASCII. \w from a table: it is asked for every character.
struct WordTable
{
    bool word[128] {};
    constexpr WordTable()
    {
        for (int c = 0; c < 128; ++c)
            word[c] = (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_';
    }
};
inline constexpr WordTable wordTable;

inline bool isDigit(char16_t c)
{
    return unsigned(c) - '0' < 10u;
}
inline bool isLetter(char16_t c)
{
    return unsigned(c | 0x20) - 'a' < 26u;
}
inline bool isWord(char16_t c)
{
    return c < 128 && wordTable.word[c];
}
inline bool isHex(char16_t c)
{
    return isDigit(c) || unsigned(c | 0x20) - 'a' < 6u;
}
inline bool isPathChar(char16_t c) // [\w.-]
{
    return isWord(c) || c == '.' || c == '-';
}
inline bool isSpace(char16_t c)
{
    return c == ' ' || (c >= 0x09 && c <= 0x0d);
}
inline bool isOneOf(char16_t c, const char *ascii)
{
    return c != 0 && c < 0x80 && std::strchr(ascii, int(c));
}

// The text being scanned; at() is 0 outside it, which is no word character, as \b wants.
struct Text
{
    const char16_t *s;
    int n;
    char16_t at(int i) const { return i >= 0 && i < n ? s[i] : char16_t(0); }
    bool boundary(int i) const { return isWord(at(i - 1)) != isWord(at(i)); } // \b before i
    template <typename Pred>
    int run(int i, Pred pred) const // the end of the longest stretch from i whose characters satisfy pred
    {
        while (i < n && pred(s[i]))
            ++i;
        return i;
    }
    int digits(int i) const { return run(i, isDigit); }
    bool fixedDigits(int i, int count) const // \d{count}
    {
        for (int k = 0; k < count; ++k) {
            if (!isDigit(at(i + k)))
                return false;
        }
        return true;
    }
    bool startsWith(int i, const char *latin1) const
    {
        for (int k = 0; latin1[k]; ++k) {
            if (at(i + k) != char16_t(latin1[k]))
                return false;
        }
        return true;
    }
};

constexpr int NoMatch = -1; // what a scanner returns where its kind does not start

} // namespace Gapwise::Placeholders
