// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "remediationplan.h"

#include <QByteArray>
#include <QJsonObject>

namespace Gapwise {

// Widget-free writers of a remediation plan. The PDF writer draws charts and lives in ui/.
QByteArray planToMarkdown(const RemediationPlan &plan); // CommonMark with GitHub tables
QByteArray planToCsv(const RemediationPlan &plan); // one row per failing test, RFC 4180
QJsonObject planToJson(const RemediationPlan &plan); // schema in README.md
// The triaged run as a CTRF document (ctrf-io, specVersion 1.0.0): every test, and the gaps with each test's
// gap in the documented extension extra.gapwise (README "Formats").
QJsonObject planToCtrf(const RemediationPlan &plan);

constexpr int PlanJsonSchemaVersion = 1;

} // namespace Gapwise
