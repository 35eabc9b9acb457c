// SPDX-License-Identifier: GPL-3.0-or-later
#include "markdowntext.h"

#include <QRegularExpression>
#include <QSet>

namespace Gapwise::MarkdownText {
namespace {

    bool isEmojiLike(char32_t c)
    {
        if (c == 0x200D || (c >= 0xFE00 && c <= 0xFE0F) || (c >= 0x1F3FB && c <= 0x1F3FF))
            return true; // joiners, variation selectors, skin tones
        if (c >= 0x1F000 && c <= 0x1FAFF)
            return true;
        if (c >= 0x2190 && c <= 0x2BFF)
            return true; // arrows, technical symbols, dingbats (✅ ❌ ⚠ ⭐)
        const auto cat = QChar::category(c);
        return cat == QChar::Symbol_Other;
    }

} // namespace

QString stripEmoji(const QString &text)
{
    QString out;
    out.reserve(text.size());
    const auto ucs4 = text.toUcs4();
    for (char32_t c : ucs4) {
        if (!isEmojiLike(c))
            out.append(QString::fromUcs4(&c, 1));
    }
    return out.simplified();
}

QString cleanTitle(const QString &text)
{
    QString t = stripEmoji(text);
    static const QRegularExpression statusTail(QStringLiteral(
        "(?:\\s*[-–—:|]?\\s*\\b(?:CONFIRMED|COMPLETED?|PASSED|FAILED|RESOLVED|PROCESSED|DONE|VALIDATED|FIXED|"
        "VERIFIED|SUCCESS|PARTIAL|BLOCKED|IN PROGRESS)\\b)+\\s*$"));
    t.remove(statusTail);
    while (t.endsWith(QLatin1Char(':')) || t.endsWith(QLatin1Char('-')) || t.endsWith(QLatin1Char('*')))
        t.chop(1);
    return t.trimmed();
}

// The title of "#### 1. Cache Eviction Test" or "### Test 2: Refund Fallback ✅": numbered or called a test,
// without its number; empty for any other heading.
QString proseTestName(const QString &heading)
{
    QString title = cleanTitle(heading);
    static const QRegularExpression numbered(
        QStringLiteral("^(?:test\\s*)?\\d+\\s*[.:)]\\s+"), QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression testWord(QStringLiteral("\\btest\\b"), QRegularExpression::CaseInsensitiveOption);
    // A test file ("test_x.py") or suite heads a group of tests, not one.
    static const QRegularExpression group(
        QStringLiteral("\\.py\\b|\\bsuites?\\b|\\btests\\b"), QRegularExpression::CaseInsensitiveOption);
    const bool isNumbered = numbered.match(title).hasMatch();
    if ((!isNumbered && !testWord.match(title).hasMatch()) || group.match(title).hasMatch())
        return QString();
    title.remove(numbered);
    static const QRegularExpression note(QStringLiteral("\\s*\\([^)]*\\)\\s*$")); // "(CONFIRMED ISSUE)": a note
    title.remove(note);
    // "Factory Violations DETECTED", "User Isolation Assessment BETTER THAN EXPECTED": a verdict after the name.
    static const QRegularExpression verdict(QStringLiteral("(?:\\s+[A-Z]{2,})+$"));
    if (title.contains(QRegularExpression(QStringLiteral("[a-z]"))))
        title.remove(verdict);
    title = title.trimmed();
    return title.size() >= 3 && title.size() <= 120 ? title : QString();
}

QString slugify(const QString &text)
{
    QString slug;
    bool dash = false;
    for (QChar c : text.toLower()) {
        if ((c >= QLatin1Char('a') && c <= QLatin1Char('z')) || (c >= QLatin1Char('0') && c <= QLatin1Char('9'))) {
            if (dash && !slug.isEmpty())
                slug += QLatin1Char('-');
            slug += c;
            dash = false;
        } else {
            dash = true;
        }
    }
    return slug.left(80);
}

StatedStatus statusStatedIn(const QString &text)
{
    // Uppercase words and emoji are statements; lowercase "failed" in prose is too weak to count.
    static const QRegularExpression marker(QStringLiteral(
        "(✅|❌|✗|✘|✔|⏭|⚠️?|🔴|🟢|\\bPASS(?:ED|ES|ING)?\\b|\\bFAIL(?:ED|S|ING|URE)?\\b|\\bERRORS?\\b|"
        "\\bSKIP(?:PED)?\\b|"
        "\\bXFAIL(?:ED)?\\b|\\bXPASS(?:ED)?\\b|\\b[Pp]assed\\b|\\b[Ff]ailed\\b|\\b[Ss]kipped\\b)"));
    static const QRegularExpression expected(
        QStringLiteral("\\bexpected\\b|\\bas expected\\b|\\bXFAIL"), QRegularExpression::CaseInsensitiveOption);
    // Words outrank emoji: "FAILED ✅" is a failure the report expected, not a pass.
    StatedStatus result;
    StatedStatus byEmoji;
    QStringList seen;
    bool passEmoji = false;
    auto it = marker.globalMatch(text);
    while (it.hasNext()) {
        const QString m = it.next().captured(1);
        TestStatus s = TestStatus::Unknown;
        const QString u = m.toUpper();
        const bool emoji = !m.at(0).isLetter();
        if (m == QStringLiteral("✅") || m == QStringLiteral("✔") || m == QStringLiteral("🟢")
            || u.startsWith(QLatin1String("PASS")) || u.startsWith(QLatin1String("XPASS")))
            s = TestStatus::Passed;
        else if (m == QStringLiteral("❌") || m == QStringLiteral("✗") || m == QStringLiteral("✘")
            || m == QStringLiteral("🔴") || u.startsWith(QLatin1String("FAIL")) || u.startsWith(QLatin1String("XFAIL")))
            s = TestStatus::Failed;
        else if (u.startsWith(QLatin1String("ERROR")))
            s = TestStatus::Error;
        else if (u.startsWith(QLatin1String("SKIP")) || m.startsWith(QStringLiteral("⏭")))
            s = TestStatus::Skipped;
        if (s == TestStatus::Unknown)
            continue;
        if (emoji) {
            byEmoji.status = s;
            passEmoji = passEmoji || s == TestStatus::Passed;
            continue;
        }
        if (result.status != TestStatus::Unknown && result.status != s)
            seen.append(statusName(result.status));
        result.status = s;
    }
    if (result.status == TestStatus::Unknown)
        result.status = byEmoji.status;
    result.history = seen.join(QLatin1String(" → "));
    result.expectedFailure = result.status == TestStatus::Failed && (expected.match(text).hasMatch() || passEmoji);
    return result;
}

TestStatus statusOfGroupLabel(const QString &text)
{
    static const QRegularExpression failed(QStringLiteral("\\b(fail(?:ed|ing|ures?|s)?|broken|regressions?)\\b"),
        QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression errors(
        QStringLiteral("\\berrors?\\b|\\berrored\\b"), QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression passed(
        QStringLiteral("\\b(pass(?:ed|ing|es)?|succeeded|successful|green|working)\\b"),
        QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression skipped(
        QStringLiteral("\\bskip(?:ped|s)?\\b"), QRegularExpression::CaseInsensitiveOption);
    const bool f = failed.match(text).hasMatch();
    const bool p = passed.match(text).hasMatch();
    const bool e = errors.match(text).hasMatch();
    const bool s = skipped.match(text).hasMatch();
    if (int(f) + int(p) + int(s) + int(e && !f) != 1)
        return TestStatus::Unknown; // "Passed and failed tests" says nothing about each one
    if (f)
        return TestStatus::Failed;
    if (p)
        return TestStatus::Passed;
    if (s)
        return TestStatus::Skipped;
    return TestStatus::Error;
}

QStringList titleWords(const QString &text)
{
    static const QSet<QString> stop = {
        QStringLiteral("the"),
        QStringLiteral("and"),
        QStringLiteral("for"),
        QStringLiteral("with"),
        QStringLiteral("test"),
        QStringLiteral("tests"),
        QStringLiteral("testing"),
        QStringLiteral("failure"),
        QStringLiteral("failures"),
        QStringLiteral("failed"),
        QStringLiteral("issue"),
        QStringLiteral("issues"),
        QStringLiteral("gap"),
        QStringLiteral("gaps"),
        QStringLiteral("category"),
        QStringLiteral("from"),
        QStringLiteral("into"),
        QStringLiteral("priority"),
        QStringLiteral("critical"),
        QStringLiteral("high"),
        QStringLiteral("medium"),
        QStringLiteral("low"),
        QStringLiteral("fix"),
        QStringLiteral("error"),
        QStringLiteral("errors"),
        QStringLiteral("problem"),
        QStringLiteral("root"),
        QStringLiteral("cause"),
    };
    QStringList words;
    static const QRegularExpression split(QStringLiteral("[^A-Za-z0-9]+"));
    for (QString w : text.toLower().split(split, Qt::SkipEmptyParts)) {
        if (w.size() < 3 || stop.contains(w))
            continue;
        if (w.size() > 4 && w.endsWith(QLatin1Char('s')) && !w.endsWith(QLatin1String("ss")))
            w.chop(1);
        if (!words.contains(w))
            words.append(w);
    }
    return words;
}

bool looksLikeCommand(const QString &text)
{
    static const QRegularExpression command(QStringLiteral(
        "^\\s*(?:\\$\\s*|>\\s*)?(?:python3?(?:\\.\\d+)?|pytest|py\\.test|npm|npx|yarn|pnpm|jest|go\\s+test|mvn|"
        "gradlew?|ctest|make|cargo|tox|nox|uv|poetry|pipenv|docker|bash|sh|cd|export|set|\\./)\\b"));
    return command.match(text).hasMatch();
}

QString messageAfter(const QString &plain, const QString &identifier)
{
    const int at = plain.indexOf(identifier);
    if (at < 0)
        return QString();
    QString rest = plain.mid(at + identifier.size());
    static const QRegularExpression lead(
        QStringLiteral("^(?:[\\s`*:|\\-–—>→,.]|\\((?:expected|as "
                       "expected)\\)|\\b(?:PASSED|FAILED|ERROR|SKIPPED|XFAIL|XPASS|PASS|FAIL)\\b|"
                       "\\[\\s*\\d+%\\])+"),
        QRegularExpression::CaseInsensitiveOption);
    rest = stripEmoji(rest);
    rest.remove(QLatin1String("()")); // what held an emoji: "(⚠️) POTENTIAL FAIL"
    rest.remove(lead);
    rest = rest.trimmed();
    while (rest.endsWith(QLatin1Char('*')) || rest.endsWith(QLatin1Char('`')))
        rest.chop(1);
    rest = rest.trimmed();
    // "(SKIPPED - auth service unavailable)", "(PASSED)": the whole rest in parentheses.
    if (rest.startsWith(QLatin1Char('(')) && rest.endsWith(QLatin1Char(')')) && rest.count(QLatin1Char('(')) == 1) {
        rest = rest.mid(1, rest.size() - 2).trimmed();
        static const QRegularExpression statusWord(QStringLiteral(
            "^(?:(?:PASSED|FAILED|ERROR|SKIPPED|XFAIL|XPASS|PASS|FAIL)\\b[\\s\\-–—:,]*)+")); // not "Error responses"
        rest.remove(statusWord);
    }
    return rest.trimmed();
}

bool labelIs(const QString &label, const char *pattern)
{
    return QRegularExpression(QLatin1String(pattern), QRegularExpression::CaseInsensitiveOption)
        .match(label)
        .hasMatch();
}

} // namespace Gapwise::MarkdownText
