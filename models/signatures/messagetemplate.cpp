// SPDX-License-Identifier: GPL-3.0-or-later
#include "messagetemplate.h"
#include "placeholderscanner.h"

#include <QHash>
#include <QRegularExpression>

namespace Gapwise {

QString messageTemplate(const QString &message)
{
    return withPlaceholders(message.simplified());
}

QString readableTemplate(const QString &templ, bool typedNames)
{
    static const QRegularExpression placeholder(QStringLiteral("<([A-Z:*]+)>"));
    static const QHash<QString, QString> names = { { QStringLiteral("URL"), QStringLiteral("url") },
        { QStringLiteral("UUID"), QStringLiteral("uuid") }, { QStringLiteral("TIMESTAMP"), QStringLiteral("time") },
        { QStringLiteral("PATH"), QStringLiteral("path") }, { QStringLiteral("HOST:PORT"), QStringLiteral("host") },
        { QStringLiteral("ADDR"), QStringLiteral("address") }, { QStringLiteral("HEX"), QStringLiteral("hex") },
        { QStringLiteral("NUM"), QStringLiteral("number") }, { QStringLiteral("ID"), QStringLiteral("id") } };
    if (!templ.contains(QLatin1Char('<')))
        return templ;
    QString out;
    qsizetype from = 0;
    auto it = placeholder.globalMatch(templ);
    while (it.hasNext()) {
        const auto m = it.next();
        out += templ.mid(from, m.capturedStart() - from);
        const QString name = names.value(m.captured(1));
        from = m.capturedEnd();
        if (typedNames && !name.isEmpty()) {
            out += QChar(0x2039) + name + QChar(0x203A);
            continue;
        }
        // Two varying words in a row read as one gap in the sentence: "named \"quality message … differences\"",
        // not "… …" (a title, not the template: the key and the grouping keep every placeholder).
        const qsizetype last = out.lastIndexOf(QChar(0x2026));
        if (last >= 0 && QStringView(out).mid(last + 1).trimmed().isEmpty()) {
            out.truncate(last + 1);
            continue;
        }
        out += QChar(0x2026);
    }
    return out + templ.mid(from);
}

QStringList templateTokens(const QString &templ)
{
    static const QRegularExpression token(QStringLiteral("<[A-Z:]+>|[\\w']+"));
    QStringList tokens;
    auto it = token.globalMatch(templ);
    while (it.hasNext())
        tokens << it.next().captured();
    return tokens;
}

double templateSimilarity(const QStringList &a, const QStringList &b)
{
    const int n = int(a.size()), m = int(b.size());
    if (n == 0 && m == 0)
        return 1.0;
    QVector<int> prev(m + 1), cur(m + 1);
    for (int j = 0; j <= m; ++j)
        prev[j] = j;
    for (int i = 1; i <= n; ++i) {
        cur[0] = i;
        for (int j = 1; j <= m; ++j) {
            const int substitution = prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
            cur[j] = qMin(substitution, qMin(prev[j] + 1, cur[j - 1] + 1));
        }
        prev.swap(cur);
    }
    return 1.0 - double(prev[m]) / qMax(n, m);
}

} // namespace Gapwise
