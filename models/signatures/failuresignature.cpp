// SPDX-License-Identifier: GPL-3.0-or-later
#include "failuresignature.h"
#include "messagetemplate.h"
#include "projectframes.h"
#include "testidentifiers.h"

#include <QRegularExpression>
#include <QVarLengthArray>

#include <algorithm>
#include <cstring>
#include <vector>

namespace Gapwise {
namespace {

    constexpr int MaxDetailLines = 400; // a trace longer than this has its cause near the top or the bottom

    const QRegularExpression &typedLine()
    {
        // "pkg.mod.SomeError: text", "AssertionError", "java.lang.IllegalStateException: boom"
        static const QRegularExpression re(QStringLiteral(
            "^((?:[A-Za-z_][\\w$]*\\.)*[A-Za-z_][\\w$]*(?:Error|Exception|Failure|Failed|Exit|Interrupt|Timeout|"
            "Warning|Fault|Panic))(?:\\s*:\\s*(.*))?$"));
        return re;
    }

    // typedLine() matched where it can: its type is the line's leading run of [\w$.] and ends in one of the
    // suffixes. Most messages start with a word that is no type and skip the regular expression.
    QRegularExpressionMatch typedMatch(const QString &line)
    {
        qsizetype end = 0;
        while (end < line.size()) {
            const char16_t c = line.at(end).unicode();
            const bool alnum = unsigned(c | 0x20) - 'a' < 26u || unsigned(c) - '0' < 10u;
            if (!(alnum || c == '_' || c == '$' || c == '.'))
                break;
            ++end;
        }
        const QStringView type = QStringView(line).left(end);
        for (const char *suffix : { "Error", "Exception", "Failure", "Failed", "Exit", "Interrupt", "Timeout",
                 "Warning", "Fault", "Panic" }) {
            if (type.endsWith(QLatin1String(suffix)))
                return typedLine().match(line);
        }
        return QRegularExpressionMatch();
    }

    QStringList detailLines(const QString &details)
    {
        if (details.isEmpty())
            return QStringList(); // what splitting it gives, one empty line, yields nothing either
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
            if (const auto m = typedMatch(line); m.hasMatch()) {
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

    // A pattern whose captures make a subject: "%2.%1" puts the second capture before the first.
    struct SubjectRule
    {
        QRegularExpression pattern;
        const char *format;
    };

    QString firstSubject(const std::vector<SubjectRule> &rules, const QString &text)
    {
        for (const SubjectRule &rule : rules) {
            const auto m = rule.pattern.match(text);
            if (!m.hasMatch())
                continue;
            QString s = QString::fromLatin1(rule.format);
            for (int i = 1; i <= rule.pattern.captureCount(); ++i)
                s.replace(QLatin1Char('%') + QString::number(i), m.captured(i));
            if (!s.isEmpty())
                return s;
        }
        return QString();
    }

    QString subjectOf(const QString &type, const QString &text)
    {
        // Compiled once: a report can hold thousands of import errors.
        static const std::vector<SubjectRule> importRules = {
            { QRegularExpression(QStringLiteral("No module named '([^']+)'")), "%1" },
            { QRegularExpression(QStringLiteral("cannot import name '([^']+)' from '([^']+)'")), "%2.%1" },
            { QRegularExpression(QStringLiteral("cannot import name '([^']+)'")), "%1" },
        };
        static const std::vector<SubjectRule> attributeRules = {
            { QRegularExpression(QStringLiteral("'([^']+)' object has no attribute '([^']+)'")), "%1.%2" },
            { QRegularExpression(QStringLiteral("module '([^']+)' has no attribute '([^']+)'")), "%1.%2" },
            { QRegularExpression(QStringLiteral("type object '([^']+)' has no attribute '([^']+)'")), "%1.%2" },
        };
        static const std::vector<SubjectRule> nameRules = {
            { QRegularExpression(QStringLiteral("name '([^']+)' is not defined")), "%1" },
        };
        if (type.endsWith(QLatin1String("ModuleNotFoundError")) || type.endsWith(QLatin1String("ImportError"))) {
            if (QString s = firstSubject(importRules, text); !s.isEmpty())
                return s;
        }
        if (type.endsWith(QLatin1String("AttributeError"))) {
            if (QString s = firstSubject(attributeRules, text); !s.isEmpty())
                return s;
        }
        if (type.endsWith(QLatin1String("NameError")))
            return firstSubject(nameRules, text);
        return QString();
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

    bool isAscii(QStringView text)
    {
        return std::all_of(text.cbegin(), text.cend(), [](QChar c) { return c.unicode() < 0x80; });
    }

    bool isAsciiLetter(char16_t c)
    {
        return unsigned(c | 0x20) - 'a' < 26u;
    }
    bool isAsciiAlnum(char16_t c)
    {
        return isAsciiLetter(c) || unsigned(c) - '0' < 10u;
    }

    // Whether an ASCII run of letters and digits is made of the words a restated status uses, one after the
    // other ("FAILED", "failedtest"): what the alternation of statusOnly() below matches in it.
    bool isStatusWords(QStringView run)
    {
        static const char *const words[] = { "fail", "failed", "failing", "fails", "failure", "error", "errors",
            "potential", "potentially", "as", "by", "designed", "design", "expected", "intended", "test", "tests" };
        QVarLengthArray<bool, 64> reached(run.size() + 1, false); // reached[i]: run.left(i) is made of words
        reached[0] = true;
        for (qsizetype i = 0; i < run.size(); ++i) {
            if (!reached[i])
                continue;
            for (const char *w : words) {
                const auto length = qsizetype(std::strlen(w));
                if (i + length <= run.size()
                    && run.mid(i, length).compare(QLatin1String(w, length), Qt::CaseInsensitive) == 0)
                    reached[i + length] = true;
            }
        }
        return reached[run.size()];
    }

    // "Failed", "error": frameworks that write a word instead of a message (go-junit-report, some xUnit), and
    // Markdown reports that restate the status ("FAILING AS DESIGNED", "(⚠️) POTENTIAL FAIL").
    bool isGenericMessage(const QString &text)
    {
        static const QStringList generic
            = { QStringLiteral("failed"), QStringLiteral("failure"), QStringLiteral("fail"), QStringLiteral("error"),
                  QStringLiteral("test failed"), QStringLiteral("assertion failed"),
                  QStringLiteral("collection failure") }; // pytest's JUnit collection errors
        // Every message is asked: ASCII text (nearly all) is read by hand, the rest by the regular expression
        // (whose caseless matching knows letters such as the long s of "teſt").
        if (isAscii(text)) {
            const QStringView trimmed = QStringView(text).trimmed();
            for (const QString &g : generic) {
                if (trimmed.compare(g, Qt::CaseInsensitive) == 0)
                    return true;
            }
            // ^[\W_]*(?:(?:words)[\W_]*)+$: runs of letters and digits, each made of the words, at least one.
            bool any = false;
            for (qsizetype i = 0; i < text.size();) {
                if (!isAsciiAlnum(text.at(i).unicode())) {
                    ++i;
                    continue;
                }
                qsizetype end = i;
                while (end < text.size() && isAsciiAlnum(text.at(end).unicode()))
                    ++end;
                if (!isStatusWords(QStringView(text).mid(i, end - i)))
                    return false;
                any = true;
                i = end;
            }
            return any;
        }
        if (generic.contains(text.trimmed().toLower()))
            return true;
        static const QRegularExpression statusOnly(
            QStringLiteral(
                "^[\\W_]*(?:(?:fail(?:ed|ing|s|ure)?|errors?|potential(?:ly)?|as|by|designed|design|expected|intended|"
                "test|tests)[\\W_]*)+$"),
            QRegularExpression::CaseInsensitiveOption);
        return statusOnly.match(text).hasMatch();
    }

    // A template of placeholders and punctuation ("<PATH>:<NUM>") tells nothing about the cause: it has no
    // three ASCII letters in a row once its placeholders are taken out (letters on both sides of one join).
    bool hasWords(const QString &templ)
    {
        int letters = 0;
        for (qsizetype i = 0; i < templ.size();) {
            const char16_t c = templ.at(i).unicode();
            if (c == '<') {
                qsizetype j = i + 1;
                while (j < templ.size()
                    && (unsigned(templ.at(j).unicode()) - 'A' < 26u || templ.at(j) == QLatin1Char(':')))
                    ++j;
                if (j > i + 1 && j < templ.size() && templ.at(j) == QLatin1Char('>')) {
                    i = j + 1; // a placeholder, as if removed
                    continue;
                }
            }
            letters = isAsciiLetter(c) ? letters + 1 : 0;
            if (letters >= 3)
                return true;
            ++i;
        }
        return false;
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
    // "<PATH>:<NUM>: error: condition was false" reads "…:…: error: …" with its location; the title says what
    // failed and leaves where to the evidence (the key and the id keep the whole template).
    static const QRegularExpression location(
        QStringLiteral("^(?:<PATH>|<\\*>|[\\w./\\\\-]+\\.\\w+)(?::<(?:NUM|\\*)>){1,2}:\\s+(?=\\S)"));
    QString templ = messageTemplate;
    if (const auto m = location.match(templ); m.hasMatch() && hasWords(templ.mid(m.capturedEnd())))
        templ.remove(0, m.capturedEnd());
    const QString shown = readableTemplate(templ, typedNames);
    QString t;
    if (fromTestName)
        t = (exceptionType.isEmpty() ? QStringLiteral("Failures") : exceptionType) + QLatin1String(" in tests named \"")
            + (testName.isEmpty() ? shown : testName) + QLatin1Char('"');
    else if (exceptionType.isEmpty())
        t = shown;
    else if (shown.isEmpty())
        t = exceptionType;
    else
        t = exceptionType + QLatin1String(": ") + shown;
    if (!frames.isEmpty()) {
        // A frame of a relative path ("..\\staging_test_base.py") starts with its dots ("...staging_test_base"),
        // which read as a second kind of ellipsis beside the placeholders' "…": the title names the module.
        QString frame = frames.first();
        while (frame.startsWith(QLatin1Char('.')))
            frame.remove(0, 1);
        t += QLatin1String(" (in ") + (frame.isEmpty() ? frames.first() : frame) + QLatin1Char(')');
    }
    return t.size() > 160 ? t.left(159) + QStringLiteral("…") : t;
}

FailureSignature failureSignature(const TestCase &test)
{
    FailureSignature sig;
    QString text = test.message.trimmed();
    if (const auto m = typedMatch(text); m.hasMatch()) {
        sig.exceptionType = m.captured(1);
        text = m.captured(2).trimmed();
    }
    const QString given = text;
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
        sig.testName = testFunctionOf(test.name).trimmed();
        sig.emptyMessage = given.left(200);
    }
    return sig;
}

} // namespace Gapwise
