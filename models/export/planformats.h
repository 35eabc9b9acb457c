// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "remediationplan.h"

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <QVector>

#include <optional>

namespace Gapwise {

// The formats a remediation plan is written in: one table that the command line's --format and the window's
// File › Export menu both read, so a new format is added in one place.
enum class PlanFormat
{
    Pdf,
    Markdown,
    Csv,
    Json,
    Ctrf // the run itself as CTRF JSON, gaps in extra.gapwise
};

struct PlanFormatInfo
{
    PlanFormat format;
    QString key; // what --format takes, and the file suffix: "md"
    QString name; // for people: "Markdown"
    QString suffix = {}; // the file suffix when it is not the key: CTRF files are .json
    QString fileSuffix() const { return suffix.isEmpty() ? key : suffix; }
};

const QVector<PlanFormatInfo> &planFormats(); // in menu order
const PlanFormatInfo &planFormatInfo(PlanFormat format);
std::optional<PlanFormat> planFormatFromKey(const QString &key); // case-insensitive
// The format a file name's suffix names ("plan.PDF": Pdf); ".json" is the plan's JSON, never CTRF, which is
// only chosen by name.
std::optional<PlanFormat> planFormatFromFileName(const QString &fileName);
QStringList planFormatKeyList(); // the keys --format takes, in menu order
QString planFormatKeys(); // "pdf, md, csv, json or ctrf": the same, for help and errors
// ".pdf, .md, .csv, .json": the suffixes planFormatFromFileName() reads a format from
QString planFormatSuffixes();

// The bytes of a text format. The PDF is not one: its charts are drawn by widgets (ui/pdfexporter.h).
QByteArray planToText(const RemediationPlan &plan, PlanFormat format);

} // namespace Gapwise
