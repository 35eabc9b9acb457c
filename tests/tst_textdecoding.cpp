// SPDX-License-Identifier: GPL-3.0-or-later
#include "textdecoding.h"

#include <catch2/catch.hpp>

using namespace Gapwise;

TEST_CASE("text decoding: BOMs, newlines, UTF-16, invalid UTF-8 and binary", "[decoding]")
{
    SECTION("a UTF-8 BOM is dropped and CRLF and lone CR become LF")
    {
        const DecodedText t = decodeText(QByteArray("\xEF\xBB\xBF# A\r\nb\rc\n"));
        REQUIRE(t.ok());
        CHECK(t.utf8 == QByteArray("# A\nb\nc\n"));
        CHECK(t.warning.isEmpty());
    }
    SECTION("UTF-16 with a BOM is converted, both byte orders")
    {
        const QString text = QStringLiteral("# Überblick ✅\r\n");
        QByteArray le("\xFF\xFE");
        QByteArray be("\xFE\xFF");
        for (QChar c : text) {
            le.append(char(c.unicode() & 0xFF)).append(char(c.unicode() >> 8));
            be.append(char(c.unicode() >> 8)).append(char(c.unicode() & 0xFF));
        }
        CHECK(decodeText(le).utf8 == QStringLiteral("# Überblick ✅\n").toUtf8());
        CHECK(decodeText(be).utf8 == QStringLiteral("# Überblick ✅\n").toUtf8());
    }
    SECTION("invalid UTF-8 is read as Latin-1 with a warning")
    {
        const DecodedText t = decodeText(QByteArray("caf\xE9 r\xE9sum\xE9\n"));
        REQUIRE(t.ok());
        CHECK(QString::fromUtf8(t.utf8) == QStringLiteral("café résumé\n"));
        CHECK(t.warning.contains(QStringLiteral("not valid UTF-8")));
    }
    SECTION("NUL bytes mean binary")
    {
        const DecodedText t = decodeText(QByteArray("PK\x03\x04\x00\x00garbage", 13));
        CHECK_FALSE(t.ok());
        CHECK(t.error.contains(QStringLiteral("binary")));
    }
    SECTION("a broken UTF-16 file is an error, not a crash")
    {
        const DecodedText t = decodeText(QByteArray("\xFF\xFE\x00\xD8", 4)); // a lone high surrogate
        CHECK_FALSE(t.ok());
    }
}
