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

TEST_CASE("A long path is cut in its middle at separators, its file name kept whole", "[displaytext]")
{
    const QString shortPath = QStringLiteral("/home/qa/reports/0589.md");
    CHECK(middleElidedPath(shortPath, 60) == shortPath);

    const QString path = QStringLiteral("/home/qa/projects/gapwise/shared/corpus/markdown-reports/"
                                        "0589_STAGING_TEST_REPORT.md");
    const QString cut = middleElidedPath(path, 60);
    CHECK(cut == QStringLiteral("/home/qa/projects/gapwise/…/0589_STAGING_TEST_REPORT.md"));
    CHECK(cut.size() <= 60);

    // Windows separators; folders above the name are kept while they fit.
    const QString windows = QStringLiteral("C:\\Users\\qa\\AppData\\Local\\Gapwise\\Gapwise\\recovery\\a.gapwise");
    CHECK(middleElidedPath(windows, 40) == QStringLiteral("C:\\Users\\qa\\AppData\\…\\recovery\\a.gapwise"));

    // A file name longer than the room: its end, and the path's start.
    const QString longName = QStringLiteral("/tmp/") + QString(100, QLatin1Char('x')) + QStringLiteral("_end.md");
    const QString cutName = middleElidedPath(longName, 40);
    CHECK(cutName.size() <= 40);
    CHECK(cutName.startsWith(QStringLiteral("/tmp/…")));
    CHECK(cutName.endsWith(QStringLiteral("x_end.md")));
}
