// SPDX-License-Identifier: GPL-3.0-or-later
#include "glyphfallback.h"

#include <QGlyphRun>
#include <QHash>
#include <QTextLayout>

namespace Gapwise {
namespace {

    struct StatusMark
    {
        char32_t emoji;
        const char *symbol; // UTF-8
        const char *ascii;
    };

    constexpr StatusMark statusMarks[] = {
        { 0x2705, "\u2713", "[ok]" }, // ✅
        { 0x2714, "\u2713", "[ok]" }, // ✔
        { 0x2611, "\u2713", "[ok]" }, // ☑
        { 0x274C, "\u2717", "[x]" }, // ❌
        { 0x274E, "\u2717", "[x]" }, // ❎
        { 0x2716, "\u2717", "[x]" }, // ✖
        { 0x26A0, "!", "[!]" }, // ⚠
        { 0x23ED, "\u00BB", "[skip]" }, // ⏭
        { 0x23F8, "||", "[skip]" }, // ⏸
        { 0x2753, "?", "[?]" }, // ❓
        { 0x2757, "!", "[!]" }, // ❗
        { 0x1F534, "\u25CF", "[!]" }, // 🔴
        { 0x1F7E1, "\u25CF", "[!]" }, // 🟡
        { 0x1F7E2, "\u25CF", "[ok]" }, // 🟢
        { 0x1F6A8, "!", "[!]" }, // 🚨
    };

    // Whether text lays out with a real glyph for every character, in `font` or a fallback font.
    bool drawable(const QString &text, const QFont &font)
    {
        static QHash<QString, bool> cache; // key: font + text; the GUI thread only
        const QString key = font.key() + QLatin1Char('\x1f') + text;
        if (const auto it = cache.constFind(key); it != cache.cend())
            return *it;
        QTextLayout layout(text, font);
        layout.beginLayout();
        layout.createLine();
        layout.endLayout();
        bool ok = true;
        for (const QGlyphRun &run : layout.glyphRuns()) {
            for (const quint32 glyph : run.glyphIndexes())
                ok = ok && glyph != 0;
        }
        cache.insert(key, ok);
        return ok;
    }

} // namespace

QString withDrawableStatusMarks(const QString &text, const QFont &font)
{
    QString out;
    bool changed = false;
    const QList<uint> codes = text.toUcs4();
    for (qsizetype i = 0; i < codes.size(); ++i) {
        const char32_t c = codes[i];
        const StatusMark *mark = nullptr;
        for (const StatusMark &m : statusMarks) {
            if (m.emoji == c)
                mark = &m;
        }
        if (!mark || drawable(QString::fromUcs4(&c, 1), font)) {
            out += QString::fromUcs4(&c, 1);
            continue;
        }
        changed = true;
        const QString symbol = QString::fromUtf8(mark->symbol);
        out += drawable(symbol, font) ? symbol : QString::fromLatin1(mark->ascii);
        if (i + 1 < codes.size() && codes[i + 1] == 0xFE0F)
            ++i; // the emoji presentation selector belongs to the emoji
    }
    return changed ? out : text;
}

} // namespace Gapwise
