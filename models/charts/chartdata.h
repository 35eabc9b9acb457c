// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "report.h"

#include <QString>
#include <QVector>

namespace Gapwise {

// One bar of the phase chart. Numbers come from the phase's own counts where the report states them
// (they include failures the report does not name); where it does not, from the named tests.
struct PhaseBar
{
    QString phaseId; // "" for the synthetic "No phase" bar
    QString name;
    int passed = 0;
    int failed = 0;
    int errors = 0;
    int skipped = 0;
    int unknown = 0; // tests with no verdict: a TRX Inconclusive, or what a stated total holds beyond the split
    int unnamedFailures = 0; // failed + errors the report counts but does not name
    int withVerdict() const { return passed + failed + errors + skipped; }
    int total() const { return withVerdict() + unknown; }
    int failing() const { return failed + errors; }
    int ran() const { return passed + failed + errors; } // skipped ones did not run
    // failing() / ran(); 0 when none ran.
    double failureRate() const;
};

// One bar of the gap chart: the gap's named failing tests (failed or error), split by phase.
struct GapBar
{
    QString gapId; // "" for "Unassigned"
    QString title;
    Priority priority = Priority::None;
    QVector<int> failuresByPhase; // parallel to GapChartData::phaseNames
    int totalFailures() const;
};

struct GapChartData
{
    QStringList phaseIds; // the stack order; "" = tests without a phase
    QStringList phaseNames;
    QVector<GapBar> gaps; // report order; "Unassigned" last when it has failures
};

QVector<PhaseBar> phaseChartData(const Report &report);
// A phase name short enough for a tick label or a legend: "Unit Tests - Coordination Gap Detection" →
// "Unit Tests", "Integration Tests (Non-Docker)" stays. Tooltips keep the full name.
QString phaseShortName(const QString &name);
GapChartData gapChartData(const Report &report);
// A chart of 20,000 gaps is no chart (and its plot, 600,000 pixels tall, took 3 GB and 40 s to draw): the
// window's gap chart shows at most this many, the ones with the most failing tests.
constexpr int MaxChartedGaps = 300;
// The rows of `data.gaps` a chart of at most `maxRows` bars shows: all of them where they fit, else the
// `maxRows` with the most failing tests (the earlier one where two have as many), in their order in `data`.
QVector<int> chartedGapRows(const GapChartData &data, int maxRows);

} // namespace Gapwise
