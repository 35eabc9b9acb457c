// SPDX-License-Identifier: GPL-3.0-or-later
#include "templateminer.h"

#include <QHash>
#include <QMap>

#include <algorithm>
#include <numeric>

namespace Gapwise {
namespace {

    const QString Wildcard = QStringLiteral("<*>");

    constexpr double MinDrop = 2.0; // words this many times rarer than the others in a template vary
    constexpr int MinConstantWords = 2; // one shared word ("refund card", "refund wallet") is no template
    constexpr int MaxChoices = 2; // a position with more distinct words than this inside a group varies
    constexpr int MinChoiceWeight = 2; // a word seen fewer times than this is a value, not a choice
    constexpr int MaxCompared = 200; // groups compared per first word: keeps a pathological bucket near-linear

    // The length of the emoji or other pictograph at `i` (a surrogate pair, a variation selector or joiner), 0
    // when none is there.
    int pictographAt(const QString &text, int i)
    {
        const QChar c = text.at(i);
        if (c.unicode() == 0xFE0F || c.unicode() == 0x200D)
            return 1;
        if (c.isHighSurrogate() && i + 1 < text.size() && text.at(i + 1).isLowSurrogate()) {
            const char32_t code = QChar::surrogateToUcs4(c, text.at(i + 1));
            return QChar::category(code) == QChar::Symbol_Other ? 2 : 0;
        }
        return c.category() == QChar::Symbol_Other ? 1 : 0;
    }

    bool isSeparator(QChar c)
    {
        if (c.isSpace())
            return true;
        switch (c.unicode()) {
        case '=':
        case ':':
        case ',':
        case ';':
        case '(':
        case ')':
        case '[':
        case ']':
        case '{':
        case '}':
        case '"':
        case '\'':
        case '/':
        case '<':
        case '>':
        case '|':
            return true;
        default:
            return false;
        }
    }

    // "<NUM>", "<HOST:PORT>", "<*>" at from: its length, else 0.
    int placeholderAt(const QString &s, int from)
    {
        if (s.at(from) != QLatin1Char('<'))
            return 0;
        int i = from + 1;
        while (i < s.size() && (s.at(i).isUpper() || s.at(i) == QLatin1Char(':') || s.at(i) == QLatin1Char('*')))
            ++i;
        return i > from + 1 && i < s.size() && s.at(i) == QLatin1Char('>') ? i + 1 - from : 0;
    }

    // A word with two digits or more ("blk_-1608", "c0ffee1", "x86_64"), or a bare number the typed rules left
    // ("2" of "PS/2"): an id. One digit in a word is a name's ("SOCKS5", "ssh2", "tty2", "utf8").
    QString typed(const QString &word)
    {
        if (word.contains(QLatin1Char('<')))
            return word; // holds a typed placeholder already ("<NUM>s", "user-<NUM>")
        int digits = 0, letters = 0;
        for (QChar c : word) {
            digits += c.isDigit();
            letters += c.isLetter();
        }
        return digits >= 2 || (digits > 0 && letters == 0) ? QStringLiteral("<ID>") : word;
    }

    struct Tokens
    {
        TemplateTokens text;
        QString bucket;
        int weight = 0;
    };

    // The frequency below which a template's words vary: at the widest drop (at least 2×) in its words'
    // frequencies sorted from most to least frequent, provided the words above it are at least half of the
    // template's positions (two messages sharing "Enabling" and "done." are not one template). Without such a
    // drop every word is constant.
    int constantFloor(QVector<int> freqs, int positions)
    {
        if (freqs.isEmpty())
            return 0;
        std::sort(freqs.begin(), freqs.end(), std::greater<int>());
        int floor = freqs.last();
        double widest = 1.0;
        for (int i = 0; i + 1 < freqs.size(); ++i) {
            const double drop = double(freqs[i]) / freqs[i + 1];
            if (drop >= MinDrop && drop > widest && i + 1 >= MinConstantWords && 2 * (i + 1) >= positions) {
                widest = drop;
                floor = freqs[i];
            }
        }
        return floor;
    }

    struct Group
    {
        QVector<int> members;
        QStringList words; // merged: a word where all members agree, else "<*>" (or the shared placeholder)
        int representative = -1;
        int weight = 0;
    };

    // Positions where a group's members disagree become variable, unless they take few values, each often:
    // "startup"/"shutdown" (ten times each) are two templates, "alice"/"bob" (once each) one with a variable.
    void finishGroup(Group &g, const QVector<Tokens> &tokens, QVector<Group> *out)
    {
        const int n = int(tokens[g.members.first()].text.words.size());
        for (int pos = 0; pos < n; ++pos) {
            QMap<QString, int> values; // word → weight
            for (int m : std::as_const(g.members))
                values[tokens[m].text.words[pos]] += tokens[m].weight;
            if (values.size() < 2 || values.size() > MaxChoices)
                continue;
            const bool choices = std::all_of(values.cbegin(), values.cend(), [](int w) { return w >= MinChoiceWeight; })
                && std::none_of(values.keyBegin(), values.keyEnd(), isPlaceholder);
            if (!choices)
                continue;
            for (auto it = values.cbegin(); it != values.cend(); ++it) {
                Group part;
                for (int m : std::as_const(g.members)) {
                    if (tokens[m].text.words[pos] == it.key())
                        part.members << m;
                }
                finishGroup(part, tokens, out);
            }
            return;
        }
        g.words = tokens[g.members.first()].text.words;
        for (int m : std::as_const(g.members)) {
            const Tokens &t = tokens[m];
            for (int pos = 0; pos < n; ++pos) {
                if (g.words[pos] != t.text.words[pos])
                    g.words[pos] = Wildcard;
            }
            g.weight += t.weight;
            if (g.representative < 0 || t.weight > tokens[g.representative].weight
                || (t.weight == tokens[g.representative].weight && t.text.words < tokens[g.representative].text.words))
                g.representative = m;
        }
        out->append(g);
    }

    // Templates of one bucket and one length: constant parts by word frequency, then groups.
    void mineLength(const QVector<int> &indices, const QVector<Tokens> &tokens, QVector<Group> *out)
    {
        const int n = int(tokens[indices.first()].text.words.size());
        QVector<QHash<QString, int>> freq(n);
        for (int i : indices) {
            for (int pos = 0; pos < n; ++pos)
                freq[pos][tokens[i].text.words[pos]] += tokens[i].weight;
        }
        QMap<QStringList, QVector<int>> byKey; // sorted: the result does not depend on input order
        for (int i : indices) {
            const QStringList &words = tokens[i].text.words;
            QVector<int> wordFreqs;
            for (int pos = 0; pos < n; ++pos) {
                if (!isPlaceholder(words[pos]))
                    wordFreqs << freq[pos].value(words[pos]);
            }
            const int floor = constantFloor(wordFreqs, n);
            QStringList key = words;
            for (int pos = 0; pos < n; ++pos) {
                // The leading word names what speaks (a daemon, a component, an operation): Drain's insight.
                const bool lead = pos == 0;
                if (isPlaceholder(words[pos]) || (!lead && freq[pos].value(words[pos]) < floor))
                    key[pos] = Wildcard;
            }
            byKey[key] << i;
        }
        for (auto it = byKey.begin(); it != byKey.end(); ++it) {
            Group g;
            g.members = it.value();
            finishGroup(g, tokens, out);
        }
    }

    // A group's words as numbers for comparing: -1 for a placeholder, else an interned word; and its words sorted.
    struct Shape
    {
        QVector<int> ids;
        QVector<int> sortedWords;
    };

    Shape shapeOf(const QStringList &words, QHash<QString, int> *interned)
    {
        Shape s;
        for (const QString &w : words) {
            const int id
                = isPlaceholder(w) ? -1 : int(interned->insert(w, interned->value(w, int(interned->size()))).value());
            s.ids << id;
            if (id >= 0)
                s.sortedWords << id;
        }
        std::sort(s.sortedWords.begin(), s.sortedWords.end());
        return s;
    }

    // Whether a and b are one template whose variable parts span different numbers of tokens, or of which one
    // has a constant where the other varies ("for root from" and "for <*> from"): aligned on their words (longest
    // common subsequence, placeholders matching placeholders), every stretch where they differ holds a
    // placeholder on one side, and the words they share are at least half of each one's words. Then the
    // positions of a that b does not match are set in *varies.
    bool generalizes(const Shape &sa, const Shape &sb, QVector<bool> *varies)
    {
        constexpr int MaxAligned = 128; // longer templates are compared exactly only
        const QVector<int> &a = sa.ids, &b = sb.ids;
        const int n = int(a.size()), m = int(b.size());
        const int wordsA = int(sa.sortedWords.size()), wordsB = int(sb.sortedWords.size());
        if (n > MaxAligned || m > MaxAligned || 2 * qMin(wordsA, wordsB) < qMax(wordsA, wordsB))
            return false;
        // Cheap first: the words in common, in any order, bound the words aligned.
        int common = 0;
        for (auto x = sa.sortedWords.cbegin(), y = sb.sortedWords.cbegin();
             x != sa.sortedWords.cend() && y != sb.sortedWords.cend();) {
            if (*x == *y) {
                ++common;
                ++x;
                ++y;
            } else if (*x < *y) {
                ++x;
            } else {
                ++y;
            }
        }
        if (common == 0 || 2 * common < wordsA || 2 * common < wordsB)
            return false;
        QVector<int> lcs(qsizetype(n + 1) * (m + 1), 0);
        auto at = [&](int i, int j) -> int & { return lcs[i * (m + 1) + j]; };
        for (int i = n - 1; i >= 0; --i)
            for (int j = m - 1; j >= 0; --j)
                at(i, j) = a[i] == b[j] ? at(i + 1, j + 1) + 1 : qMax(at(i + 1, j), at(i, j + 1));
        varies->fill(false, n);
        // A stretch that differs must hold a placeholder, and at most one word on each side: a variable part
        // may carry a unit ("(<NUM> KB)"), not a phrase ("src: <*> dest: <*>").
        int shared = 0, wordsInGapA = 0, wordsInGapB = 0;
        bool gapVaries = false, inGap = false;
        auto closeGap = [&]() {
            const bool ok = !inGap || (gapVaries && wordsInGapA <= 1 && wordsInGapB <= 1);
            inGap = gapVaries = false;
            wordsInGapA = wordsInGapB = 0;
            return ok;
        };
        int i = 0, j = 0;
        while (i < n || j < m) {
            if (i < n && j < m && a[i] == b[j] && at(i, j) == at(i + 1, j + 1) + 1) {
                if (!closeGap())
                    return false;
                shared += a[i] >= 0;
                ++i;
                ++j;
            } else if (j >= m || (i < n && at(i + 1, j) >= at(i, j + 1))) {
                inGap = true;
                gapVaries = gapVaries || a[i] < 0;
                wordsInGapA += a[i] >= 0;
                (*varies)[i++] = true;
            } else {
                inGap = true;
                gapVaries = gapVaries || b[j] < 0;
                wordsInGapB += b[j] >= 0;
                ++j;
            }
        }
        return closeGap() && shared > 0 && 2 * shared >= wordsA && 2 * shared >= wordsB;
    }

    // The first word that is not a placeholder: templates that could be one are compared only within it.
    QString firstWord(const QStringList &words)
    {
        for (const QString &w : words) {
            if (!isPlaceholder(w))
                return w;
        }
        return QString();
    }

    QString render(const Group &g, const QVector<Tokens> &tokens)
    {
        const TemplateTokens &rep = tokens[g.representative].text;
        QString s = rep.lead;
        for (int i = 0; i < g.words.size(); ++i)
            s += g.words[i] + rep.separators[i];
        return s.trimmed();
    }

} // namespace

bool isPlaceholder(const QString &word)
{
    return word.contains(QLatin1Char('<')); // '<' is a separator elsewhere: only placeholders put it in a word
}

TemplateTokens splitTemplate(const QString &templ)
{
    TemplateTokens t;
    QString word, separator;
    auto flush = [&]() {
        if (word.isEmpty())
            return;
        if (!t.words.isEmpty())
            t.separators.last() = separator;
        else
            t.lead = separator;
        t.words << typed(word);
        t.separators << QString();
        word.clear();
        separator.clear();
    };
    for (int i = 0; i < templ.size();) {
        if (const int len = placeholderAt(templ, i)) {
            word += templ.mid(i, len); // glued units stay on: "<NUM>s"
            i += len;
            continue;
        }
        if (const int len = pictographAt(templ, i)) {
            flush(); // "😋", "✅": decoration, not a word of the message
            separator += templ.mid(i, len);
            i += len;
            continue;
        }
        const QChar c = templ.at(i++);
        if (isSeparator(c)) {
            flush();
            separator += c;
        } else {
            word += c;
        }
    }
    flush();
    if (!t.separators.isEmpty())
        t.separators.last() = separator;
    else
        t.lead = separator;
    return t;
}

QVector<MinedGroup> mineTemplates(const QVector<MinerInput> &inputs)
{
    QVector<Tokens> tokens(inputs.size());
    QMap<QString, QMap<int, QVector<int>>> byBucketAndLength;
    for (int i = 0; i < inputs.size(); ++i) {
        tokens[i].text = splitTemplate(inputs[i].templ);
        tokens[i].bucket = inputs[i].bucket;
        tokens[i].weight = qMax(1, inputs[i].weight);
        byBucketAndLength[inputs[i].bucket][int(tokens[i].text.words.size())] << i;
    }
    QVector<MinedGroup> result;
    for (const auto &bucket : std::as_const(byBucketAndLength)) {
        QVector<Group> groups;
        for (auto length = bucket.cbegin(); length != bucket.cend(); ++length) {
            if (length.key() == 0) {
                Group g;
                g.members = length.value();
                finishGroup(g, tokens, &groups);
            } else {
                mineLength(length.value(), tokens, &groups);
            }
        }
        // Heaviest first: a group joins the first heavier one it is a variant of, which becomes the more general.
        QVector<int> order(groups.size());
        std::iota(order.begin(), order.end(), 0);
        std::stable_sort(order.begin(), order.end(), [&](int x, int y) {
            return groups[x].weight != groups[y].weight ? groups[x].weight > groups[y].weight
                                                        : groups[x].words < groups[y].words;
        });
        QHash<QString, QVector<int>> leaders; // by first word
        QVector<int> kept;
        QHash<QString, int> interned;
        QVector<Shape> shapes;
        for (const Group &g : std::as_const(groups))
            shapes << shapeOf(g.words, &interned);
        for (int g : std::as_const(order)) {
            QVector<int> &candidates = leaders[firstWord(groups[g].words)];
            bool merged = false;
            QVector<bool> varies;
            for (int k = 0; k < candidates.size() && k < MaxCompared && !merged; ++k) {
                Group &leader = groups[candidates[k]];
                if (!generalizes(shapes[candidates[k]], shapes[g], &varies))
                    continue;
                for (int pos = 0; pos < leader.words.size(); ++pos) {
                    if (varies[pos])
                        leader.words[pos] = Wildcard;
                }
                shapes[candidates[k]] = shapeOf(leader.words, &interned);
                leader.members += groups[g].members;
                merged = true;
            }
            if (!merged) {
                candidates << g;
                kept << g;
            }
        }
        for (int g : std::as_const(kept)) {
            MinedGroup mined;
            mined.members = groups[g].members;
            std::sort(mined.members.begin(), mined.members.end());
            mined.templ = render(groups[g], tokens);
            result << mined;
        }
    }
    return result;
}

} // namespace Gapwise
