// SPDX-License-Identifier: GPL-3.0-or-later
#include "failuresignature.h"
#include "messagetemplate.h"
#include "testidentifiers.h"

#include <QRegularExpression>

namespace Gapwise {
namespace {

    constexpr int MaxFrames = 2;
    constexpr int MaxDetailLines = 400; // a trace longer than this has its cause near the top or the bottom

    const QRegularExpression &typedLine()
    {
        // "pkg.mod.SomeError: text", "AssertionError", "java.lang.IllegalStateException: boom"
        static const QRegularExpression re(QStringLiteral(
            "^((?:[A-Za-z_][\\w$]*\\.)*[A-Za-z_][\\w$]*(?:Error|Exception|Failure|Failed|Exit|Interrupt|Timeout|"
            "Warning|Fault|Panic))(?:\\s*:\\s*(.*))?$"));
        return re;
    }

    QStringList detailLines(const QString &details)
    {
        QStringList lines = details.split(QLatin1Char('\n'));
        if (lines.size() > MaxDetailLines)
            lines = lines.mid(0, MaxDetailLines / 2) + lines.mid(lines.size() - MaxDetailLines / 2);
        return lines;
    }

    // "E       ValueError: x" → "ValueError: x"
    QString withoutPytestPrefix(const QString &line)
    {
        QString t = line.trimmed(); // not const: returned, so moved
        if (t.size() > 1 && t.at(0) == QLatin1Char('E') && t.at(1).isSpace())
            return t.mid(1).trimmed();
        return t;
    }

    void findTypeInDetails(const QStringList &lines, QString *type, QString *text)
    {
        static const QRegularExpression location(QStringLiteral("^\\S+:\\d+: ([A-Za-z_][\\w.]*)$"));
        for (const QString &raw : lines) {
            const QString line = withoutPytestPrefix(raw);
            if (const auto m = typedLine().match(line); m.hasMatch()) {
                *type = m.captured(1);
                if (text->isEmpty())
                    *text = m.captured(2).trimmed();
                return;
            }
        }
        // pytest's "tests/x.py:7: AssertionError" closes an assertion whose E-lines carry no type.
        for (auto it = lines.crbegin(); it != lines.crend(); ++it) {
            if (const auto m = location.match(it->trimmed()); m.hasMatch()) {
                *type = m.captured(1);
                return;
            }
        }
    }

    QString subjectOf(const QString &type, const QString &text)
    {
        auto first = [&text](const char *pattern, const char *format) -> QString {
            const QRegularExpression re(QString::fromLatin1(pattern));
            const auto m = re.match(text);
            if (!m.hasMatch())
                return QString();
            QString s = QString::fromLatin1(format);
            for (int i = 1; i <= re.captureCount(); ++i)
                s.replace(QLatin1Char('%') + QString::number(i), m.captured(i));
            return s;
        };
        if (type.endsWith(QLatin1String("ModuleNotFoundError")) || type.endsWith(QLatin1String("ImportError"))) {
            for (const auto &[pattern, format] : { std::pair { "No module named '([^']+)'", "%1" },
                     std::pair { "cannot import name '([^']+)' from '([^']+)'", "%2.%1" },
                     std::pair { "cannot import name '([^']+)'", "%1" } }) {
                QString s = first(pattern, format); // not const: returned, so moved
                if (!s.isEmpty())
                    return s;
            }
        }
        if (type.endsWith(QLatin1String("AttributeError"))) {
            for (const auto &[pattern, format] : { std::pair { "'([^']+)' object has no attribute '([^']+)'", "%1.%2" },
                     std::pair { "module '([^']+)' has no attribute '([^']+)'", "%1.%2" },
                     std::pair { "type object '([^']+)' has no attribute '([^']+)'", "%1.%2" } }) {
                QString s = first(pattern, format); // not const: returned, so moved
                if (!s.isEmpty())
                    return s;
            }
        }
        if (type.endsWith(QLatin1String("NameError")))
            return first("name '([^']+)' is not defined", "%1");
        return QString();
    }

    bool isForeignPythonPath(const QString &path)
    {
        for (const char *marker : { "site-packages", "dist-packages", "/lib/python", "importlib", "<frozen", "_pytest",
                 "pluggy", "unittest/" }) {
            if (path.contains(QLatin1String(marker)))
                return true;
        }
        return false;
    }

    bool isPythonTestPath(const QString &path)
    {
        const QStringList parts = QString(path).replace(QLatin1Char('\\'), QLatin1Char('/')).split(QLatin1Char('/'));
        const QString &file = parts.last();
        if (file.startsWith(QLatin1String("test_")) || file.endsWith(QLatin1String("_test.py"))
            || file == QLatin1String("conftest.py"))
            return true;
        return parts.contains(QLatin1String("tests")) || parts.contains(QLatin1String("test"));
    }

    bool isForeignJavaClass(const QString &cls)
    {
        for (const char *prefix : { "java.", "javax.", "jdk.", "sun.", "com.sun.", "org.junit.", "junit.",
                 "org.testng.", "org.hamcrest.", "org.apache.maven.", "org.gradle.", "kotlin.", "scala.",
                 "org.opentest4j.", "org.assertj.", "org.mockito.", "org.springframework.test." }) {
            if (cls.startsWith(QLatin1String(prefix)))
                return true;
        }
        return false;
    }

    bool isJavaTestClass(const QString &cls)
    {
        const QString simple = cls.section(QLatin1Char('.'), -1).section(QLatin1Char('$'), 0, 0);
        return simple.endsWith(QLatin1String("Test")) || simple.endsWith(QLatin1String("Tests"))
            || simple.endsWith(QLatin1String("IT")) || simple.endsWith(QLatin1String("TestCase"))
            || simple.startsWith(QLatin1String("Test"));
    }

    QString pythonModule(const QString &path)
    {
        QStringList parts
            = QString(path).replace(QLatin1Char('\\'), QLatin1Char('/')).split(QLatin1Char('/'), Qt::SkipEmptyParts);
        if (parts.isEmpty())
            return path;
        parts.last().chop(3); // ".py"
        return parts.mid(qMax(0, int(parts.size()) - 2)).join(QLatin1Char('.'));
    }

    // The innermost frames of the project's own code, test code excluded: tests differ, the code under test
    // is what fails in the same place.
    QStringList projectFrames(const QStringList &lines)
    {
        static const QRegularExpression pyFrame(QStringLiteral("^File \"([^\"]+\\.py)\", line \\d+, in (\\S+)"));
        static const QRegularExpression pytestFrame(QStringLiteral("^([^\\s:]+\\.py):\\d+: in (\\S+)"));
        static const QRegularExpression javaFrame(QStringLiteral("^at ([\\w$.]+)\\.([\\w$<>]+)\\("));
        // pytest's long format names a frame's function in its source ("def _send(") and closes the frame with
        // "app/client.py:6: TimeoutError" (the raise) or "tests/x.py:4: " (a call), without "in".
        static const QRegularExpression pytestDef(QStringLiteral("^(?:>\\s*)?(?:async\\s+)?def (\\w+)\\("));
        static const QRegularExpression pytestLocation(QStringLiteral("^([^\\s:]+\\.py):\\d+:(?:\\s+[\\w.]+)?\\s*$"));
        QStringList python, java; // python outermost first, java innermost first
        QString lastDef;
        for (const QString &raw : lines) {
            const QString line = raw.trimmed();
            if (line.isEmpty())
                continue;
            // Cheap tests first: a trace has many lines and only a few are frames.
            const auto def = line.contains(QLatin1String("def ")) ? pytestDef.match(line) : QRegularExpressionMatch();
            if (def.hasMatch()) {
                lastDef = def.captured(1);
                continue;
            }
            const bool pyLocation = line.contains(QLatin1String(".py:"));
            if (const auto l = pyLocation ? pytestLocation.match(line) : QRegularExpressionMatch();
                l.hasMatch() && !lastDef.isEmpty()) {
                const QString path = l.captured(1);
                if (!isForeignPythonPath(path) && !isPythonTestPath(path)) {
                    const QString frame = pythonModule(path) + QLatin1Char(':') + lastDef;
                    if (python.isEmpty() || python.last() != frame)
                        python << frame;
                }
                lastDef.clear();
                continue;
            }
            if (line.startsWith(QLatin1String("at "))) {
                const auto m = javaFrame.match(line);
                if (m.hasMatch() && !isForeignJavaClass(m.captured(1)) && !isJavaTestClass(m.captured(1)))
                    java << m.captured(1) + QLatin1Char(':') + m.captured(2);
                continue;
            }
            if (!pyLocation && !line.startsWith(QLatin1String("File \"")))
                continue;
            auto m = pyFrame.match(line);
            if (!m.hasMatch())
                m = pytestFrame.match(line);
            if (m.hasMatch() && !isForeignPythonPath(m.captured(1)) && !isPythonTestPath(m.captured(1))) {
                const QString frame = pythonModule(m.captured(1)) + QLatin1Char(':') + m.captured(2);
                if (python.isEmpty() || python.last() != frame)
                    python << frame;
            }
        }
        QStringList frames;
        for (auto it = python.crbegin(); it != python.crend() && frames.size() < MaxFrames; ++it)
            frames << *it;
        for (auto it = java.cbegin(); it != java.cend() && frames.size() < MaxFrames; ++it) {
            if (!frames.contains(*it))
                frames << *it;
        }
        return frames;
    }

    // "tests/x.py::TestLogin::test_redirect_after_login[2]" → "redirect after login"
    QString testNameWords(const QString &name)
    {
        QString fn = testFunctionOf(name);
        fn.replace(QRegularExpression(QStringLiteral("([a-z0-9])([A-Z])")), QStringLiteral("\\1 \\2"));
        QStringList words;
        for (const QString &w : fn.split(QRegularExpression(QStringLiteral("[_\\W]+")), Qt::SkipEmptyParts)) {
            const QString lower = w.toLower();
            if (lower != QLatin1String("test"))
                words << lower;
        }
        return messageTemplate(words.join(QLatin1Char(' ')));
    }

    // "Failed", "error": frameworks that write a word instead of a message (go-junit-report, some xUnit), and
    // Markdown reports that restate the status ("FAILING AS DESIGNED", "(⚠️) POTENTIAL FAIL").
    bool isGenericMessage(const QString &text)
    {
        static const QStringList generic
            = { QStringLiteral("failed"), QStringLiteral("failure"), QStringLiteral("fail"), QStringLiteral("error"),
                  QStringLiteral("test failed"), QStringLiteral("assertion failed"),
                  QStringLiteral("collection failure") }; // pytest's JUnit collection errors
        if (generic.contains(text.trimmed().toLower()))
            return true;
        static const QRegularExpression statusOnly(
            QStringLiteral(
                "^[\\W_]*(?:(?:fail(?:ed|ing|s|ure)?|errors?|potential(?:ly)?|as|by|designed|design|expected|intended|"
                "test|tests)[\\W_]*)+$"),
            QRegularExpression::CaseInsensitiveOption);
        return statusOnly.match(text).hasMatch();
    }

    // A template of placeholders and punctuation ("<PATH>:<NUM>") tells nothing about the cause.
    bool hasWords(const QString &templ)
    {
        static const QRegularExpression placeholder(QStringLiteral("<[A-Z:]+>"));
        static const QRegularExpression word(QStringLiteral("[A-Za-z]{3,}"));
        return word.match(QString(templ).remove(placeholder)).hasMatch();
    }

} // namespace

QString FailureSignature::key() const
{
    return bucket() + QLatin1Char('\x1f') + messageTemplate;
}

QString FailureSignature::bucket() const
{
    return exceptionType + QLatin1Char('\x1f') + subject + QLatin1Char('\x1f') + frames.join(QLatin1Char(','))
        + (fromTestName ? QLatin1String("\x1fname") : QLatin1String(""));
}

QString FailureSignature::title(bool typedNames) const
{
    const QString shown = readableTemplate(messageTemplate, typedNames);
    QString t;
    if (fromTestName)
        t = (exceptionType.isEmpty() ? QStringLiteral("Failures") : exceptionType) + QLatin1String(" in tests named \"")
            + shown + QLatin1Char('"');
    else if (exceptionType.isEmpty())
        t = shown;
    else if (shown.isEmpty())
        t = exceptionType;
    else
        t = exceptionType + QLatin1String(": ") + shown;
    if (!frames.isEmpty())
        t += QLatin1String(" (in ") + frames.first() + QLatin1Char(')');
    return t.size() > 160 ? t.left(157) + QLatin1String("...") : t;
}

FailureSignature failureSignature(const TestCase &test)
{
    FailureSignature sig;
    QString text = test.message.trimmed();
    if (const auto m = typedLine().match(text); m.hasMatch()) {
        sig.exceptionType = m.captured(1);
        text = m.captured(2).trimmed();
    }
    if (isGenericMessage(text))
        text.clear();
    const QStringList lines = detailLines(test.details);
    if (sig.exceptionType.isEmpty())
        findTypeInDetails(lines, &sig.exceptionType, &text);
    if (text.isEmpty()) {
        // pytest's E-lines say what failed; else the first line of the details is all there is.
        for (const QString &raw : lines) {
            const QString t = raw.trimmed();
            if (t.size() > 1 && t.at(0) == QLatin1Char('E') && t.at(1).isSpace()) {
                text = withoutPytestPrefix(t);
                break;
            }
        }
        for (int i = 0; text.isEmpty() && i < lines.size(); ++i)
            text = lines[i].trimmed();
        if (isGenericMessage(text))
            text.clear(); // the details only repeat the word
    }
    sig.subject = subjectOf(sig.exceptionType, text);
    if (sig.subject.isEmpty() && !test.details.isEmpty())
        sig.subject = subjectOf(sig.exceptionType, test.details);
    sig.frames = projectFrames(lines);
    if (!text.isEmpty())
        sig.messageTemplate = messageTemplate(text.left(500));
    if (!hasWords(sig.messageTemplate)) {
        sig.fromTestName = true;
        sig.messageTemplate = testNameWords(test.name);
    }
    return sig;
}

} // namespace Gapwise
