// SPDX-License-Identifier: GPL-3.0-or-later
#include "failuretext.h"
#include "testnameparts.h"

#include <QRegularExpression>
#include <QStringList>

namespace Gapwise {

namespace {

    // Headings the importers and pytest write in front of captured output.
    enum class Section
    {
        Trace,
        Out,
        Err
    };
    Section sectionOf(QStringView line)
    {
        static const QRegularExpression junit(QStringLiteral(R"(^--- system-(out|err) ---$)"));
        static const QRegularExpression pytest(QStringLiteral(R"(^-{3,} Captured (stdout|stderr|log) \w+ -{3,}$)"));
        const QString trimmed = line.trimmed().toString();
        if (const auto m = junit.match(trimmed); m.hasMatch())
            return m.capturedView(1) == QLatin1String("out") ? Section::Out : Section::Err;
        if (const auto m = pytest.match(trimmed); m.hasMatch())
            return m.capturedView(1) == QLatin1String("stderr") ? Section::Err : Section::Out;
        return Section::Trace;
    }

    void append(QString &to, QStringView line)
    {
        if (!to.isEmpty())
            to += QLatin1Char('\n');
        to += line;
    }

    // Java frames are told apart by the class, not the file (the trace has only "Foo.java").
    bool isLibraryClass(QStringView qualified)
    {
        static const char *const prefixes[]
            = { "java.", "javax.", "jdk.", "sun.", "com.sun.", "kotlin.", "scala.", "org.junit.", "junit.",
                  "org.testng.", "org.apache.maven.", "org.gradle.", "worker.org.gradle.", "org.hamcrest.",
                  "org.assertj.", "org.mockito.", "org.opentest4j.", "com.intellij.", "org.springframework." };
        for (const char *p : prefixes) {
            if (qualified.startsWith(QLatin1String(p)))
                return true;
        }
        return false;
    }

    // The values of "assert L == R", split at the top-level " == " (not one inside quotes or brackets).
    bool splitAssertion(const QString &expr, QString *left, QString *right)
    {
        int depth = 0;
        QChar quote;
        for (int i = 0; i + 3 < expr.size(); ++i) {
            const QChar c = expr[i];
            if (!quote.isNull()) {
                if (c == QLatin1Char('\\'))
                    ++i;
                else if (c == quote)
                    quote = QChar();
                continue;
            }
            if (c == QLatin1Char('\'') || c == QLatin1Char('"'))
                quote = c;
            else if (c == QLatin1Char('(') || c == QLatin1Char('[') || c == QLatin1Char('{'))
                ++depth;
            else if (c == QLatin1Char(')') || c == QLatin1Char(']') || c == QLatin1Char('}'))
                --depth;
            else if (depth == 0 && QStringView(expr).mid(i, 4) == QLatin1String(" == ")) {
                *left = expr.left(i).trimmed();
                *right = expr.mid(i + 4).trimmed();
                return !left->isEmpty() && !right->isEmpty();
            }
        }
        return false;
    }

    ExpectedActual fromPytest(const QString &text)
    {
        // "E       assert 3 == 4", "AssertionError: assert 'a' == 'b'", or a message that is the assertion.
        static const QRegularExpression assertion(
            QStringLiteral(R"(^(?:E\s+)?(?:AssertionError:\s*)?assert (.+)$)"), QRegularExpression::MultilineOption);
        auto it = assertion.globalMatch(text);
        while (it.hasNext()) {
            QString left, right;
            if (splitAssertion(it.next().captured(1).trimmed(), &left, &right))
                return { right, left, QStringLiteral("pytest") };
        }
        return {};
    }

    ExpectedActual fromLabelledLines(const QString &text)
    {
        struct Form
        {
            const char *source;
            QRegularExpression expected;
            QRegularExpression actual;
        };
        static const Form forms[] = {
            // JUnit 4 ComparisonFailure, JUnit 5 / opentest4j, TestNG: one line each, values in <>.
            { "junit",
                QRegularExpression(QStringLiteral(R"(expected:\s*<(.*?)>\s*but was:\s*<(.*)>\s*$)"),
                    QRegularExpression::MultilineOption | QRegularExpression::DotMatchesEverythingOption),
                QRegularExpression() },
            // TestNG: "expected [x] but found [y]".
            { "testng",
                QRegularExpression(QStringLiteral(R"(expected \[(.*?)\] but found \[(.*)\]\s*$)"),
                    QRegularExpression::MultilineOption),
                QRegularExpression() },
            // Hamcrest: "Expected: is "a"\n     but: was "b"".
            { "hamcrest",
                QRegularExpression(QStringLiteral(R"(^\s*Expected: (.*)$)"), QRegularExpression::MultilineOption),
                QRegularExpression(QStringLiteral(R"(^\s*but: (?:was )?(.*)$)"), QRegularExpression::MultilineOption) },
            // AssertJ 3: "expected: "a"\n but was: "b"".
            { "assertj",
                QRegularExpression(QStringLiteral(R"(^\s*expected: (.*)$)"), QRegularExpression::MultilineOption),
                QRegularExpression(QStringLiteral(R"(^\s*but was: (.*)$)"), QRegularExpression::MultilineOption) },
            // jest: "Expected: 3\nReceived: 4", "Expected pattern: /x/\nReceived string: "y"".
            { "jest",
                QRegularExpression(
                    QStringLiteral(R"(^\s*Expected(?: [a-z ]+)?: (.*)$)"), QRegularExpression::MultilineOption),
                QRegularExpression(
                    QStringLiteral(R"(^\s*Received(?: [a-z ]+)?: (.*)$)"), QRegularExpression::MultilineOption) },
            // IDE style, also printed by AssertJ and opentest4j: "Expected :a\nActual   :b".
            { "junit",
                QRegularExpression(QStringLiteral(R"(^\s*Expected\s*:(.*)$)"), QRegularExpression::MultilineOption),
                QRegularExpression(QStringLiteral(R"(^\s*Actual\s*:(.*)$)"), QRegularExpression::MultilineOption) },
        };
        for (const Form &f : forms) {
            const auto e = f.expected.match(text);
            if (!e.hasMatch())
                continue;
            if (!f.actual.isValid() || f.actual.pattern().isEmpty())
                return { e.captured(1).trimmed(), e.captured(2).trimmed(), QString::fromLatin1(f.source) };
            const auto a = f.actual.match(text, e.capturedEnd(0));
            if (a.hasMatch())
                return { e.captured(1).trimmed(), a.captured(1).trimmed(), QString::fromLatin1(f.source) };
        }
        // Older AssertJ: "Expecting:\n <"b">\nto be equal to:\n <"a">".
        static const QRegularExpression expecting(
            QStringLiteral(R"(Expecting(?: actual)?:\s*\n\s*(.+?)\s*\nto be equal to:\s*\n\s*(.+?)\s*(?:\n|$))"));
        if (const auto m = expecting.match(text); m.hasMatch())
            return { m.captured(2), m.captured(1), QStringLiteral("assertj") };
        return {};
    }

} // namespace

FailureSections splitFailureDetails(const QString &details)
{
    FailureSections s;
    Section current = Section::Trace;
    for (const QStringView line : QStringView(details).split(QLatin1Char('\n'))) {
        const Section heading = sectionOf(line);
        if (heading != Section::Trace) {
            current = heading;
            continue;
        }
        append(current == Section::Out ? s.stdOut : current == Section::Err ? s.stdErr : s.trace, line);
    }
    s.trace = s.trace.trimmed();
    s.stdOut = s.stdOut.trimmed();
    s.stdErr = s.stdErr.trimmed();
    return s;
}

bool isLibraryPath(const QString &file)
{
    static const char *const parts[] = { "site-packages/", "dist-packages/", "node_modules/", "/usr/lib/",
        "/usr/local/lib/", "/lib/python", "<frozen", "<anonymous>", "internal/", "_pytest/", "/pluggy/", "/unittest/",
        "/go/src/", "/usr/include/" };
    if (!file.contains(QLatin1Char('/')) && !file.contains(QLatin1Char('\\')) && file.startsWith(QLatin1Char('<')))
        return true;
    for (const char *p : parts) {
        if (file.contains(QLatin1String(p)))
            return true;
    }
    return false;
}

QVector<TraceFrame> traceFrames(const QString &trace)
{
    static const QRegularExpression python(QStringLiteral(R"re(^\s*File "([^"]+)", line (\d+))re"));
    static const QRegularExpression pytest(QStringLiteral(R"(^([^\s:"][^:"]*\.py):(\d+):)"));
    static const QRegularExpression java(
        QStringLiteral(R"(^\s*at\s+([\w$.<>/]+)\(([\w$.-]+\.(?:java|kt|scala|groovy)):(\d+)\))"));
    static const QRegularExpression js(
        QStringLiteral(R"(^\s*at\s+(?:.*?\()?((?:[A-Za-z]:)?[^()\s:]+\.[cm]?[jt]sx?):(\d+):\d+\)?\s*$)"));
    static const QRegularExpression native(
        QStringLiteral(R"(^\s*([\w./\\-]+\.(?:go|cpp|cc|cxx|c|hpp|h|rs|rb|php|cs|swift)):(\d+)\b)"));
    QVector<TraceFrame> frames;
    int index = 0;
    for (const QStringView line : QStringView(trace).split(QLatin1Char('\n'))) {
        const QString text = line.toString();
        TraceFrame f;
        f.lineIndex = index++;
        if (const auto j = java.match(text); j.hasMatch()) {
            f.file = j.captured(2);
            f.line = j.captured(3).toInt();
            f.project = !isLibraryClass(j.capturedView(1));
        } else {
            QRegularExpressionMatch m;
            for (const QRegularExpression *re : { &python, &pytest, &js, &native }) {
                m = re->match(text);
                if (m.hasMatch())
                    break;
            }
            if (!m.hasMatch())
                continue;
            f.file = m.captured(1);
            f.line = m.captured(2).toInt();
            f.project = !isLibraryPath(f.file);
        }
        if (f.line > 0)
            frames.push_back(f);
    }
    return frames;
}

SourceLocation testSourceLocation(const QString &testName, const QString &details)
{
    // "tests/unit/test_cart.py::TestCart::test_total" → "tests/unit/test_cart.py".
    QString file = splitTestName(testName).context.section(QStringLiteral("::"), 0, 0);
    static const QRegularExpression sourceFile(
        QStringLiteral(R"(^[^\s]+\.(?:py|[cm]?js|jsx|tsx?|go|rb|php|java|kt|scala|cpp|cc|cxx|c|rs|cs|swift)$)"));
    if (!sourceFile.match(file).hasMatch()) // "com.acme.GreeterTest" is a class, not a file
        file.clear();
    const QVector<TraceFrame> frames = traceFrames(splitFailureDetails(details).trace);
    if (!file.isEmpty()) {
        // The innermost frame in the test's file: the last one in a Python trace, the first in a Java one
        // (both of which name the file once or twice, so the last match is right for either often enough).
        for (auto it = frames.crbegin(); it != frames.crend(); ++it) {
            if (it->file == file || it->file.endsWith(QLatin1Char('/') + file))
                return { it->file, it->line };
        }
    }
    for (const TraceFrame &f : frames) {
        if (f.project)
            return { f.file, f.line };
    }
    return { file, 0 };
}

SourceLocation testSourceLocation(const TestCase &test)
{
    if (!test.sourceFile.isEmpty() && test.sourceLine > 0)
        return { test.sourceFile, test.sourceLine };
    return testSourceLocation(test.name, test.details);
}

ExpectedActual extractExpectedActual(const QString &message, const QString &details)
{
    for (const QString *text : { &message, &details }) {
        if (text->isEmpty())
            continue;
        ExpectedActual ea = fromLabelledLines(*text);
        if (!ea.isValid())
            ea = fromPytest(*text);
        if (ea.isValid() && ea.expected != ea.actual)
            return ea;
    }
    return {};
}

DiffSpan differingSpan(const QString &expected, const QString &actual)
{
    const int shorter = int(qMin(expected.size(), actual.size()));
    int prefix = 0;
    while (prefix < shorter && expected[prefix] == actual[prefix])
        ++prefix;
    int suffix = 0;
    while (suffix < shorter - prefix && expected[expected.size() - 1 - suffix] == actual[actual.size() - 1 - suffix])
        ++suffix;
    return { prefix, int(expected.size()) - prefix - suffix, int(actual.size()) - prefix - suffix };
}

} // namespace Gapwise
