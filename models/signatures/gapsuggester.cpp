// SPDX-License-Identifier: GPL-3.0-or-later
#include "gapsuggester.h"
#include "failuresignature.h"
#include "messagetemplate.h"
#include "templateminer.h"

#include <QCryptographicHash>
#include <QHash>
#include <QMap>
#include <QSet>

#include <algorithm>

namespace Gapwise {
namespace {

    // Failures with one exact signature.
    struct Exact
    {
        FailureSignature signature;
        QVector<int> tests;
    };

    // A suggested gap before it is added: its signature (template mined over its exact signatures) and tests.
    struct Suggestion
    {
        FailureSignature signature;
        QVector<int> tests;
        QString id;
    };

    // What a suggested gap's id is made of: the signature's bucket and its template with every word that varies
    // made one wildcard, whatever its kind ("<NUM>", "<ID>", or "<*>" where templates were mined together). A
    // failure that was one exact template in a run ("expected:<<NUM>>") and mined with others in the next
    // ("expected:<<*>>") is one cause: it keeps its id, and the run history its trend and known issue.
    QString idKeyOf(const FailureSignature &signature)
    {
        const TemplateTokens tokens = splitTemplate(signature.messageTemplate);
        QString shape = tokens.lead;
        for (int i = 0; i < tokens.words.size(); ++i)
            shape += (isPlaceholder(tokens.words[i]) ? QStringLiteral("<*>") : tokens.words[i]) + tokens.separators[i];
        return signature.bucket() + QLatin1Char('\x1f') + shape;
    }

    QString gapIdFor(const QString &key, const QSet<QString> &taken)
    {
        const QByteArray hash = QCryptographicHash::hash(key.toUtf8(), QCryptographicHash::Sha1).toHex().left(10);
        QString id = QLatin1String("sig-") + QString::fromLatin1(hash);
        const QString base = id;
        for (int n = 2; taken.contains(id); ++n)
            id = base + QLatin1Char('-') + QString::number(n);
        return id;
    }

    QVector<Exact> exactGroups(const Report &report)
    {
        QVector<Exact> groups;
        QHash<QString, int> byKey;
        for (int i = 0; i < report.tests.size(); ++i) {
            const TestCase &t = report.tests[i];
            if (!isFailing(t.status) || t.expectedFailure || !t.gapId.isEmpty())
                continue;
            FailureSignature sig = failureSignature(t);
            const QString key = sig.key();
            auto it = byKey.constFind(key);
            if (it == byKey.cend()) {
                it = byKey.insert(key, int(groups.size()));
                groups.append({ std::move(sig), {} });
            }
            groups[*it].tests.append(i);
        }
        return groups;
    }

    // Exact signatures of one bucket that are one template with variable parts merge (templateminer.h).
    QVector<Suggestion> minedSuggestions(const QVector<Exact> &exact, bool mine)
    {
        QVector<Suggestion> out;
        if (!mine) {
            for (const Exact &e : exact)
                out.append({ e.signature, e.tests, {} });
            return out;
        }
        QVector<MinerInput> inputs;
        inputs.reserve(exact.size());
        for (const Exact &e : exact)
            inputs.append({ e.signature.bucket(), e.signature.messageTemplate, int(e.tests.size()) });
        for (const MinedGroup &group : mineTemplates(inputs)) {
            Suggestion s;
            s.signature = exact[group.members.first()].signature;
            if (group.members.size() > 1)
                s.signature.messageTemplate = group.templ;
            for (int m : group.members)
                s.tests += exact[m].tests;
            out.append(s);
        }
        return out;
    }

    // Titles a person can tell apart: placeholders read "…"; where two gaps would read the same, both show
    // typed names ("‹number›", "‹path›"); where they still do, a failing test of each (the first by name, so
    // the title does not depend on the order of the tests) tells them apart.
    QStringList distinctTitles(const QVector<FailureSignature> &signatures, const QStringList &examples)
    {
        QStringList titles;
        for (const FailureSignature &s : signatures)
            titles << s.title();
        for (bool typedNames : { true, false }) {
            QHash<QString, int> seen;
            for (const QString &t : std::as_const(titles))
                ++seen[t];
            for (int i = 0; i < titles.size(); ++i) {
                if (seen.value(titles[i]) < 2)
                    continue;
                titles[i] = typedNames ? signatures[i].title(true)
                                       : QString(titles[i] + QString::fromUtf8(" · like ") + examples[i]);
            }
        }
        return titles;
    }

} // namespace

int suggestGaps(Report &report, const SuggestOptions &options)
{
    QVector<Suggestion> suggestions;
    for (Suggestion &s : minedSuggestions(exactGroups(report), options.mine)) {
        if (s.tests.size() >= options.minTests) {
            std::sort(s.tests.begin(), s.tests.end());
            suggestions.append(std::move(s));
        }
    }
    // Ids in the order of the signatures, not of the tests: the same failures in any order get the same ids.
    // Two suggestions of one id key (templates alike but for the kinds of their variable words) take turns
    // by their exact keys.
    QSet<QString> taken;
    for (const Gap &gap : std::as_const(report.gaps))
        taken.insert(gap.id);
    QMap<QString, int> byKey;
    for (int i = 0; i < suggestions.size(); ++i)
        byKey.insert(suggestions[i].signature.key() + QLatin1Char('\x1e') + QString::number(i), i);
    for (int i : std::as_const(byKey)) {
        suggestions[i].id = gapIdFor(idKeyOf(suggestions[i].signature), taken);
        taken.insert(suggestions[i].id);
    }
    // Gaps in the order their first failures come in the report.
    std::sort(suggestions.begin(), suggestions.end(),
        [](const Suggestion &a, const Suggestion &b) { return a.tests.first() < b.tests.first(); });
    QVector<FailureSignature> signatures;
    QStringList examples;
    for (const Suggestion &s : std::as_const(suggestions)) {
        signatures << s.signature;
        QString example = report.tests[s.tests.first()].name;
        for (int i : s.tests)
            example = qMin(example, report.tests[i].name);
        examples << example;
    }
    const QStringList titles = distinctTitles(signatures, examples);
    for (int k = 0; k < suggestions.size(); ++k) {
        const Suggestion &s = suggestions[k];
        Gap gap;
        gap.id = s.id;
        gap.title = titles[k];
        gap.suggested = true;
        gap.line = report.tests[s.tests.first()].line;
        gap.evidence << QStringLiteral("Suggested by Gapwise: %1 failures share this signature").arg(s.tests.size());
        if (!s.signature.exceptionType.isEmpty())
            gap.evidence << QLatin1String("Exception: ") + s.signature.exceptionType;
        if (!s.signature.subject.isEmpty())
            gap.evidence << QLatin1String("Cause named: ") + s.signature.subject;
        gap.evidence << QLatin1String("Message: ") + s.signature.messageTemplate;
        if (!s.signature.frames.isEmpty())
            gap.evidence << QLatin1String("Frames: ") + s.signature.frames.join(QLatin1String(" <- "));
        gap.evidence << QLatin1String("First: ") + report.tests[s.tests.first()].name;
        for (int i : s.tests) {
            report.tests[i].gapId = gap.id;
            report.tests[i].gapSuggested = true;
        }
        report.gaps.append(gap);
    }
    return int(suggestions.size());
}

} // namespace Gapwise
