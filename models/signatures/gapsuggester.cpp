// SPDX-License-Identifier: GPL-3.0-or-later
#include "gapsuggester.h"
#include "counttext.h"
#include "failuresignature.h"
#include "messagetemplate.h"
#include "templateminer.h"

#include <QCryptographicHash>
#include <QHash>
#include <QMap>
#include <QRegularExpression>
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

    bool failsForSuggesting(const TestCase &t)
    {
        return isFailing(t.status) && !t.expectedFailure;
    }

    // The failures of `tests` (those of no gap when `unplacedOnly`) by exact signature, indices into `tests`.
    QVector<Exact> exactGroups(const QVector<TestCase> &tests, bool unplacedOnly)
    {
        QVector<Exact> groups;
        QHash<QString, int> byKey;
        for (int i = 0; i < tests.size(); ++i) {
            const TestCase &t = tests[i];
            if (!failsForSuggesting(t) || (unplacedOnly && !t.gapId.isEmpty()))
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

    bool hasWordOfThree(const QString &text)
    {
        int letters = 0;
        for (const QChar c : text) {
            letters = c.isLetter() ? letters + 1 : 0;
            if (letters >= 3)
                return true;
        }
        return false;
    }

    // True when every word a mined template keeps is a label of an assertion's values ("Expected: <*>",
    // "Expected: <*> But was: <*>"): the failures it joins share the form of a message, not a cause.
    bool onlyAssertionLabels(const QString &templ)
    {
        static const QSet<QString> labels = { QStringLiteral("expected"), QStringLiteral("but"), QStringLiteral("was"),
            QStringLiteral("actual"), QStringLiteral("received"), QStringLiteral("got"), QStringLiteral("value"),
            QStringLiteral("to"), QStringLiteral("be"), QStringLiteral("equal"), QStringLiteral("is") };
        for (const QString &word : splitTemplate(templ).words) {
            if (!isPlaceholder(word) && !labels.contains(word.toLower()))
                return false;
        }
        return true;
    }

    // The test names of a group as written, what they share kept and what differs made "…" at word ends:
    // "[Test Class Cleanup Failure (Ns.FixtureTests.…_Test)]". Empty when they share no word.
    QString sharedNameAsWritten(const QStringList &names)
    {
        if (names.isEmpty())
            return QString();
        const QString &first = names.first();
        qsizetype prefix = first.size();
        qsizetype suffix = first.size();
        for (const QString &n : names) {
            qsizetype p = 0;
            while (p < prefix && p < n.size() && n.at(p) == first.at(p))
                ++p;
            prefix = p;
            qsizetype q = 0;
            while (q < suffix && q < n.size() && n.at(n.size() - 1 - q) == first.at(first.size() - 1 - q))
                ++q;
            suffix = q;
        }
        if (prefix == first.size())
            return first; // one name
        auto isWordChar = [](QChar c) { return c.isLetterOrNumber(); };
        while (prefix > 0 && isWordChar(first.at(prefix - 1)))
            --prefix; // a word cut in two is not kept
        suffix = qMin(suffix, first.size() - prefix);
        while (suffix > 0 && isWordChar(first.at(first.size() - suffix)))
            --suffix;
        const QString shared = first.left(prefix) + QChar(0x2026) + first.right(suffix);
        return hasWordOfThree(shared) ? shared : QString();
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
            // Where a type names the assertion (java.lang.AssertionError: expected:<*> but was:<*>), the labels
            // are that assertion's, the same one on other values: those still join.
            const FailureSignature &first = exact[group.members.first()].signature;
            if (group.members.size() > 1 && !first.fromTestName && first.exceptionType.isEmpty()
                && onlyAssertionLabels(group.templ)) {
                for (int m : group.members)
                    out.append({ exact[m].signature, exact[m].tests, {} });
                continue;
            }
            Suggestion s;
            s.signature = exact[group.members.first()].signature;
            if (group.members.size() > 1) {
                s.signature.messageTemplate = group.templ;
                // Tests of several names: the title shows what their names share as written.
                QStringList names;
                for (int m : group.members)
                    names << exact[m].signature.testName;
                s.signature.testName = sharedNameAsWritten(names);
                s.signature.testNameMerged = true;
            }
            for (int m : group.members)
                s.tests += exact[m].tests;
            out.append(s);
        }
        return out;
    }

    // "1 failure has this signature", "3 failures share this signature": the first evidence line's count.
    QString sharedSignatureText(qsizetype failures)
    {
        return countText(failures, QStringLiteral("%1 failure has this signature"),
            QStringLiteral("%1 failures share this signature"), QLocale::c());
    }

    // What a gap of failures sharing `signature` says of them: how many, the signature, the first of them.
    QStringList signatureLines(const FailureSignature &signature, const QString &countLine, const QString &first)
    {
        QStringList lines { countLine };
        if (!signature.exceptionType.isEmpty())
            lines << QLatin1String("Exception: ") + signature.exceptionType;
        if (!signature.subject.isEmpty())
            lines << QLatin1String("Cause named: ") + signature.subject;
        if (signature.fromTestName) {
            // The message says nothing of the cause (or there is none): the failures are grouped by the test's
            // name, which the evidence says as such, not as if it were the message.
            lines << QLatin1String("Message: ")
                    + (signature.emptyMessage.isEmpty()
                            ? QStringLiteral("none that names a cause")
                            : QStringLiteral("\"%1\", which names no cause").arg(signature.emptyMessage))
                  << QLatin1String("Test name: ")
                    + (signature.testName.isEmpty() || signature.testNameMerged ? signature.messageTemplate
                                                                                : signature.testName);
        } else {
            lines << QLatin1String("Message: ") + signature.messageTemplate;
        }
        if (!signature.frames.isEmpty())
            lines << QLatin1String("Frames: ") + signature.frames.join(QLatin1String(" <- "));
        lines << QLatin1String("First: ") + first;
        return lines;
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
    for (Suggestion &s : minedSuggestions(exactGroups(report.tests, true), options.mine)) {
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
        gap.file = report.tests[s.tests.first()].file; // in a run of several files, the line is in this one
        gap.evidence << signatureLines(s.signature,
            QStringLiteral("Suggested by Gapwise: ") + sharedSignatureText(s.tests.size()),
            report.tests[s.tests.first()].name);
        for (int i : s.tests) {
            report.tests[i].gapId = gap.id;
            report.tests[i].gapSuggested = true;
        }
        report.gaps.append(gap);
    }
    return int(suggestions.size());
}

// The count line of a suggestion's evidence (sharedSignatureText() and the merged gaps' line): the failures in
// group 1, the signatures of a merge in group 2.
static const QRegularExpression &evidenceCountLine()
{
    static const QRegularExpression line(QStringLiteral("^(?:Suggested by Gapwise: )?(\\d+) failures? (?:share this "
                                                        "signature|has this signature|of (\\d+) signatures)$"));
    return line;
}

QStringList evidenceOfMembers(const QStringList &evidence, const QVector<TestCase> &members)
{
    const QRegularExpression &countLine = evidenceCountLine();
    int start = -1;
    QRegularExpressionMatch count;
    for (int i = 0; i < evidence.size() && start < 0; ++i) {
        count = countLine.match(evidence[i]);
        if (count.hasMatch())
            start = i;
    }
    if (start < 0)
        return evidence;
    // The block runs to its "First:" line: the signature's lines are the ones signatureLines() writes.
    static const QLatin1String blockLines[] = { QLatin1String("Exception: "), QLatin1String("Cause named: "),
        QLatin1String("Message: "), QLatin1String("Frames: "), QLatin1String("First: "), QLatin1String("Test name: ") };
    int end = start + 1;
    QString statedFirst;
    QString statedMessage;
    while (end < evidence.size()
        && std::any_of(std::begin(blockLines), std::end(blockLines),
            [&](QLatin1String prefix) { return evidence[end].startsWith(prefix); })) {
        const bool first = evidence[end].startsWith(blockLines[4]);
        if (first)
            statedFirst = evidence[end].mid(blockLines[4].size());
        else if (evidence[end].startsWith(blockLines[2]) && statedMessage.isEmpty())
            statedMessage = evidence[end].mid(blockLines[2].size());
        else if (evidence[end].startsWith(blockLines[5])) {
            // Grouped by name: what is compared is the template of the name's words.
            TestCase named;
            named.name = evidence[end].mid(blockLines[5].size());
            statedMessage = failureSignature(named).messageTemplate;
        }
        ++end;
        if (first)
            break;
    }
    QVector<TestCase> failing;
    for (const TestCase &t : members) {
        if (failsForSuggesting(t))
            failing.append(t);
    }
    // It holds while it counts the failures and names the first, and the first fails as it says (a template
    // mined over several differs from each of them in its variable parts only).
    if (!failing.isEmpty() && count.captured(1).toInt() == failing.size() && statedFirst == failing.first().name
        && templateSimilarity(
               templateTokens(failureSignature(failing.first()).messageTemplate), templateTokens(statedMessage))
            >= 0.5)
        return evidence;
    QStringList out = evidence.mid(0, start);
    if (!failing.isEmpty()) {
        const QVector<Suggestion> groups = minedSuggestions(exactGroups(failing, false), true);
        const int n = int(failing.size());
        if (groups.size() == 1)
            out << signatureLines(groups.first().signature, sharedSignatureText(n), failing.first().name);
        else
            out << QStringLiteral("%1 failures of %2 signatures").arg(n).arg(groups.size())
                << QLatin1String("First: ") + failing.first().name;
    }
    out << evidence.mid(end);
    return out;
}

QString evidenceLineForDisplay(const QString &line, const QLocale &locale)
{
    const QRegularExpressionMatch m = evidenceCountLine().match(line);
    if (!m.hasMatch())
        return line;
    QString shown = line;
    for (int group : { 2, 1 }) { // the later one first: replacing it leaves the earlier one's place as it was
        if (m.capturedLength(group) > 0)
            shown.replace(
                m.capturedStart(group), m.capturedLength(group), locale.toString(m.captured(group).toLongLong()));
    }
    return shown;
}

} // namespace Gapwise
