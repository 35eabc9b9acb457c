// SPDX-License-Identifier: GPL-3.0-or-later
#include "phaseoutcome.h"
#include "markdowntext.h"

#include <QRegularExpression>

namespace Gapwise {
namespace {

    using RE = QRegularExpression;

    // Words that say how a run went, never what it ran.
    const RE &outcomeWords()
    {
        static const RE words(
            QStringLiteral(
                "\\b(?:pass(?:ed|es|ing)?|fail(?:ed|s|ing|ures?)?|success(?:ful(?:ly)?)?|succeeded|errors?|skipped|"
                "blocked|blocking|blocker|completed?|done|critical|broken|issues?|(?:un)?healthy|working|functional|"
                "operational|excellent|resolved|fixed|verified|confirmed|validated|partial|pending|not (?:run|executed|"
                "started)|timeouts?|timed "
                "out|crash(?:ed|es)?|ok|achieved|unavailable|degraded)\\b|\\d+(?:\\.\\d+)?\\s*%|"
                "\\b\\d+\\s*/\\s*\\d+\\b"),
            RE::CaseInsensitiveOption);
        return words;
    }

    // "(Should FAIL Initially)", "(MUST PASS for Essential Factories)": what the author expects, part of the name.
    bool isExpectation(const QString &text)
    {
        static const RE expect(
            QStringLiteral("\\b(?:should|must|expected|expect|initially|will|once|after|before|designed to)\\b"),
            RE::CaseInsensitiveOption);
        return expect.match(text).hasMatch();
    }

    bool statesOutcome(const QString &text)
    {
        return outcomeWords().match(text).hasMatch() && !isExpectation(text);
    }

    // The heading as a reader sees it: no emoji, emphasis or code marks.
    QString asWritten(const QString &heading)
    {
        QString t = heading;
        t.remove(QLatin1Char('*')).remove(QLatin1Char('`'));
        return MarkdownText::stripEmoji(t);
    }

    // What is left after the name: separators around it dropped, a lone parenthesis unwrapped.
    QString tidied(QString rest)
    {
        static const RE edges(QStringLiteral("^[\\s\\-–—:|,]+|[\\s\\-–—:|,]+$"));
        rest.remove(edges);
        if (rest.startsWith(QLatin1Char('(')) && rest.endsWith(QLatin1Char(')')) && rest.count(QLatin1Char('(')) == 1)
            rest = rest.mid(1, rest.size() - 2).trimmed();
        return rest;
    }

    // Cuts status words that still close the classified name: "Unit Tests (95.2% SUCCESS)", "Legacy Import
    // Detection EXCELLENT". A name in capitals throughout keeps its words: they may all be its name.
    QString withoutStatusTail(QString name)
    {
        static const RE note(QStringLiteral("\\s*\\(([^()]*)\\)\\s*$"));
        static const RE capsRun(QStringLiteral("\\s+((?:[A-Z][A-Z']+)(?:\\s+[A-Z][A-Z']+)*)\\s*$"));
        static const RE lower(QStringLiteral("[a-z]"));
        for (QString before; before != name;) {
            before = name;
            if (const auto m = note.match(name); m.hasMatch() && statesOutcome(m.captured(1)))
                name.truncate(m.capturedStart());
            // "Unit Tests (Code Health) - Expected: PASS": what the author expects stays in the name.
            if (const auto m = capsRun.match(name); m.hasMatch() && statesOutcome(m.captured(1))
                && lower.match(name.left(m.capturedStart())).hasMatch()
                && !isExpectation(name.left(m.capturedStart()).section(QLatin1Char(' '), -2)))
                name.truncate(m.capturedStart());
            name = tidied(name);
        }
        return name;
    }

} // namespace

PhaseNameOutcome splitPhaseOutcome(const QString &heading, const QString &classifiedTitle, const QString &statedOutcome)
{
    // "1. Unit Tests": the number orders the report's sections, it is not part of the name.
    static const RE numbering(QStringLiteral("^\\d+(?:\\.\\d+)*[.)]\\s+(?=\\S)"));
    PhaseNameOutcome out;
    out.name = withoutStatusTail(QString(classifiedTitle).remove(numbering));
    if (out.name.isEmpty())
        out.name = classifiedTitle;
    // The words after the name, as the heading has them: "✅ **100% SUCCESS**" → "100% SUCCESS". The
    // classifier's own reading may have lost a word to the priority ("CRITICAL FAILURE" → P0).
    const QString written = asWritten(heading);
    const int at = written.indexOf(out.name, 0, Qt::CaseInsensitive);
    const QString rest = at < 0 ? QString() : tidied(written.mid(at + out.name.size()));
    if (statesOutcome(rest))
        out.outcome = rest;
    else if (outcomeWords().match(statedOutcome).hasMatch()) // "5 FAILED, 2 PASSED (Expected: …)"
        out.outcome = tidied(asWritten(statedOutcome));
    return out;
}

} // namespace Gapwise
