// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>
#include <QVector>

namespace Gapwise {

// Finds which of a set of titles another title speaks of, by shared content words weighted by how few
// titles share them: "Factory Pattern Cross-Component Integration" → "Factory Pattern Integration
// Conflicts", "Service Authentication System" → "Service Authentication Breakdown".
class TitleMatcher
{
public:
    void setTitles(const QStringList &titles);
    // Index of the best matching title, or -1 when none scores at least `threshold`.
    // A word found in one title only weighs 1, in two titles 1/2, and so on.
    int bestMatch(const QString &text, double threshold = 1.0) const;
    QVector<int> allMatches(const QString &text, double threshold = 1.0) const;

private:
    QVector<double> scores(const QString &text) const;
    QVector<QStringList> m_words;
};

} // namespace Gapwise
