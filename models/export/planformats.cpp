// SPDX-License-Identifier: GPL-3.0-or-later
#include "planformats.h"

#include "planwriters.h"

#include <QJsonDocument>

namespace Gapwise {

const QVector<PlanFormatInfo> &planFormats()
{
    static const QVector<PlanFormatInfo> formats = {
        { PlanFormat::Pdf, QStringLiteral("pdf"), QStringLiteral("PDF") },
        { PlanFormat::Markdown, QStringLiteral("md"), QStringLiteral("Markdown") },
        { PlanFormat::Csv, QStringLiteral("csv"), QStringLiteral("CSV") },
        { PlanFormat::Json, QStringLiteral("json"), QStringLiteral("JSON") },
        { PlanFormat::Ctrf, QStringLiteral("ctrf"), QStringLiteral("CTRF (JSON)"), QStringLiteral("json") },
    };
    return formats;
}

const PlanFormatInfo &planFormatInfo(PlanFormat format)
{
    for (const PlanFormatInfo &info : planFormats()) {
        if (info.format == format)
            return info;
    }
    Q_UNREACHABLE();
}

std::optional<PlanFormat> planFormatFromKey(const QString &key)
{
    for (const PlanFormatInfo &info : planFormats()) {
        if (info.key.compare(key, Qt::CaseInsensitive) == 0)
            return info.format;
    }
    return std::nullopt;
}

std::optional<PlanFormat> planFormatFromFileName(const QString &fileName)
{
    const qsizetype dot = fileName.lastIndexOf(QLatin1Char('.'));
    if (dot < 0 || fileName.indexOf(QLatin1Char('/'), dot) >= 0)
        return std::nullopt;
    const QString suffix = fileName.mid(dot + 1);
    for (const PlanFormatInfo &info : planFormats()) {
        if (info.suffix.isEmpty() && info.key.compare(suffix, Qt::CaseInsensitive) == 0)
            return info.format;
    }
    return std::nullopt;
}

QStringList planFormatKeyList()
{
    QStringList keys;
    for (const PlanFormatInfo &info : planFormats())
        keys << info.key;
    return keys;
}

QString planFormatKeys()
{
    QStringList keys = planFormatKeyList();
    const QString last = keys.takeLast();
    return keys.join(QLatin1String(", ")) + QLatin1String(" or ") + last;
}

QString planFormatSuffixes()
{
    QStringList suffixes;
    for (const PlanFormatInfo &info : planFormats()) {
        if (info.suffix.isEmpty()) // as planFormatFromFileName() reads them
            suffixes << QLatin1Char('.') + info.key;
    }
    return suffixes.join(QLatin1String(", "));
}

QByteArray planToText(const RemediationPlan &plan, PlanFormat format)
{
    switch (format) {
    case PlanFormat::Markdown:
        return planToMarkdown(plan);
    case PlanFormat::Csv:
        return planToCsv(plan);
    case PlanFormat::Json:
        return QJsonDocument(planToJson(plan)).toJson(QJsonDocument::Indented);
    case PlanFormat::Ctrf:
        return QJsonDocument(planToCtrf(plan)).toJson(QJsonDocument::Indented);
    case PlanFormat::Pdf:
        break;
    }
    Q_ASSERT_X(false, "planToText", "the PDF is written by PdfExporter");
    return {};
}

} // namespace Gapwise
