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
