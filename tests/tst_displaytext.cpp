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
