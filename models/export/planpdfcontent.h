// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

class PdfPageLayout;
struct PlanCharts;
namespace Gapwise {
struct RemediationPlan;
}

// What the PDF says, in order: the summary page (run; "since last run" and its chart when the plan compares
// runs; phases, gaps, triage changes, both charts), the plan by priority with each gap's failing tests by
// phase (new failures marked), then unassigned failures and unlinked remediation items.
void layOutPlan(PdfPageLayout &layout, const Gapwise::RemediationPlan &plan, const PlanCharts &charts);
// The plan's title as the PDF shows it, in its heading and in each page's header: the report's, or
// "Remediation plan" for a report without one.
QString planTitle(const Gapwise::RemediationPlan &plan);
