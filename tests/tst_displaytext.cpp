// SPDX-License-Identifier: GPL-3.0-or-later
// What the window and the PDF show of a text with line breaks in it: the lines, or one line that says where
// they broke.
#include "displaytext.h"

#include <catch2/catch.hpp>

using namespace Gapwise;

TEST_CASE("A text splits into its lines at any line break", "[displaytext]")
{
    CHECK(textLines(QStringLiteral("one")) == QStringList { QStringLiteral("one") });
    CHECK(textLines(QStringLiteral("a\nb\r\nc\rd\u2028e\u2029f"))
        == QStringList { QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c"), QStringLiteral("d"),
            QStringLiteral("e"), QStringLiteral("f") });
    CHECK(textLines(QStringLiteral("a\n\nb")) == QStringList { QStringLiteral("a"), QString(), QStringLiteral("b") });
}

TEST_CASE("A name with a line break shows on one line, the break marked", "[displaytext]")
{
    CHECK(onOneLine(QStringLiteral("test_plain")) == QStringLiteral("test_plain"));
    CHECK(onOneLine(QStringLiteral("test_newline\nin name")) == QStringLiteral("test_newline \u21B5 in name"));
    CHECK(onOneLine(QStringLiteral("a\r\nb")) == QStringLiteral("a \u21B5 b")); // one break, one mark
    CHECK_FALSE(onOneLine(QStringLiteral("x\u2028y")).contains(QChar(0x2028)));
}

TEST_CASE("Durations read in ms, s, min and h, never in scientific notation", "[displaytext]")
{
    const QLocale en(QLocale::English, QLocale::UnitedStates);
    CHECK(durationText(4.50611e-05, en) == QLatin1String("0.045 ms"));
    CHECK(durationText(0.0125, en) == QLatin1String("12.5 ms"));
    CHECK(durationText(0.704, en) == QLatin1String("704 ms"));
    CHECK(durationText(0.0, en) == QLatin1String("0 ms"));
    CHECK(durationText(1.5, en) == QLatin1String("1.5 s"));
    CHECK(durationText(28.0, en) == QLatin1String("28 s"));
    CHECK(durationText(245.0, en) == QLatin1String("4 min 5 s"));
    CHECK(durationText(120.0, en) == QLatin1String("2 min"));
    CHECK(durationText(12300.0, en) == QLatin1String("3 h 25 min"));
    CHECK(durationText(9.99638e+08, en) == QLatin1String("277,677 h 13 min"));
    CHECK(durationText(2.99892e+09, en) == QLatin1String("833,033 h 20 min"));
    // The locale's own digits and separators.
    const QLocale de(QLocale::German, QLocale::Germany);
    CHECK(durationText(1.5, de) == QLatin1String("1,5 s"));
    CHECK(durationText(2.99892e+09, de) == QLatin1String("833.033 h 20 min"));
}
