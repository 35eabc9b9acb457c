// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

class PdfPageLayout;
struct PlanCharts;
namespace Gapwise {
struct RemediationPlan;
}

// What the PDF says, in order: the summary page (run; "since last run" and its chart when the plan compares
// runs; phases, gaps, triage changes, both charts), the plan by priority with each gap's failing tests by
// phase (new failures marked), then unassigned failures and unlinked remediation items.
void layOutPlan(PdfPageLayout &layout, const Gapwise::RemediationPlan &plan, const PlanCharts &charts);
