// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "plancharts.h"

#include <QPageSize>
#include <QString>

namespace Gapwise {
struct RemediationPlan;
struct Report;
}

// The remediation plan as a PDF: vector charts, selectable text, "Page N of M" on every page, written
// through a QSaveFile so a failed export never leaves half a file.
namespace PdfExporter {

// Letter for US and Canadian locales, A4 elsewhere.
QPageSize defaultPageSize();

// Thread-safe: only paints (the charts are recorded already). Returns false with a message on failure.
bool write(const Gapwise::RemediationPlan &plan, const PlanCharts &charts, const QString &path, QString *error,
    const QPageSize &pageSize = defaultPageSize());

// GUI thread (records the charts of `triaged`, and of the plan's comparison if any), then write().
bool exportPlan(
    const Gapwise::RemediationPlan &plan, const Gapwise::Report &triaged, const QString &path, QString *error);

// GUI thread: the phase and gap charts of `triaged`; the last-run-vs-this-run chart when the plan compares runs.
PlanCharts chartsFor(const Gapwise::RemediationPlan &plan, const Gapwise::Report &triaged);

} // namespace PdfExporter
