// SPDX-License-Identifier: GPL-3.0-or-later
#include "titlematcher.h"
#include "markdowntext.h"

#include <QHash>

namespace Gapwise {

void TitleMatcher::setTitles(const QStringList &titles)
{
    m_words.clear();
    for (const QString &t : titles)
        m_words.append(MarkdownText::titleWords(t));
}

QVector<double> TitleMatcher::scores(const QString &text) const
{
    QHash<QString, int> titlesWithWord;
    for (const QStringList &words : m_words) {
        for (const QString &w : words)
            ++titlesWithWord[w];
    }
    const QStringList words = MarkdownText::titleWords(text);
    QVector<double> result(m_words.size(), 0.0);
    for (int i = 0; i < m_words.size(); ++i) {
        for (const QString &w : words) {
            if (m_words[i].contains(w))
                result[i] += 1.0 / titlesWithWord.value(w, 1);
        }
    }
    return result;
}

int TitleMatcher::bestMatch(const QString &text, double threshold) const
{
    const QVector<double> s = scores(text);
    int best = -1;
    for (int i = 0; i < s.size(); ++i) {
        if (s[i] >= threshold && (best < 0 || s[i] > s[best]))
            best = i;
    }
    return best;
}

QVector<int> TitleMatcher::allMatches(const QString &text, double threshold) const
{
    const QVector<double> s = scores(text);
    QVector<int> result;
    for (int i = 0; i < s.size(); ++i) {
        if (s[i] >= threshold)
            result.append(i);
    }
    return result;
}

} // namespace Gapwise
