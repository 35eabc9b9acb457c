// SPDX-License-Identifier: GPL-3.0-or-later
#include "distinctlabels.h"

#include <QHash>

namespace Gapwise {

namespace {

    int commonPrefixLength(const QString &a, const QString &b)
    {
        const int n = int(qMin(a.size(), b.size()));
        int i = 0;
        while (i < n && a[i] == b[i])
            ++i;
        return i;
    }

    // "ModuleNotFoundError: No module…" → "ModuleNotFoundError:"; the words a reader recognises the kind by.
    QString headOf(const QString &title, int limit)
    {
        int end = int(title.indexOf(QLatin1Char(':')));
        if (end < 0 || end > limit)
            end = int(title.indexOf(QLatin1Char(' ')));
        if (end <= 0 || end > limit)
            return QString();
        return title.left(end + (title[end] == QLatin1Char(':') ? 1 : 0));
    }

} // namespace

QStringList distinctLabels(const QStringList &titles, const ElideFunction &elide)
{
    QStringList labels;
    labels.reserve(titles.size());
    QHash<QString, QVector<int>> byLabel;
    for (int i = 0; i < titles.size(); ++i) {
        labels << elide(titles[i], Qt::ElideRight);
        byLabel[labels.back()].append(i);
    }
    for (auto it = byLabel.cbegin(); it != byLabel.cend(); ++it) {
        const QVector<int> &same = it.value();
        if (same.size() < 2)
            continue;
        for (int i : same) {
            // The longest prefix this title shares with any other of the clash: what comes after it differs.
            int shared = 0;
            for (int j : same) {
                if (j != i && titles[j] != titles[i])
                    shared = qMax(shared, commonPrefixLength(titles[i], titles[j]));
            }
            if (shared == 0 || titles[i].size() <= shared)
                continue; // identical titles stay identical; a title that is another's prefix shows whole
            // Back to a word or path boundary, so the distinguishing part starts with a whole token.
            int from = shared;
            while (from > 0 && (titles[i][from - 1].isLetterOrNumber() || titles[i][from - 1] == QLatin1Char('_')))
                --from;
            const QString head = headOf(titles[i], from);
            const QString tail = titles[i].mid(from);
            const QString joined
                = head.isEmpty() ? QString(QStringLiteral("…") + tail) : QString(head + QStringLiteral(" …") + tail);
            QString label = elide(joined, Qt::ElideRight);
            // Cut (one more "…" than it had; a label may also come back wrapped onto lines): the tail is what
            // matters, keep its end.
            if (label.count(QChar(0x2026)) > joined.count(QChar(0x2026)))
                label = (head.isEmpty() ? QString() : QString(head + QLatin1Char(' ')))
                    + elide(QStringLiteral("…") + tail, Qt::ElideLeft);
            labels[i] = label;
        }
    }
    return labels;
}

} // namespace Gapwise
