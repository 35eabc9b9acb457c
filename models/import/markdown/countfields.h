// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "report.h"

#include <QString>

namespace Gapwise {

// Reads the counts a report gives for a phase: "**Total Tests:** 37", "**Failed**: 2 tests ❌",
// "**Total Tests Collected:** 17 (10 selected, 7 deselected)", "**Execution Time:** 1.95 seconds",
// "**Results**: 10 failed, 1 passed", "95.2% (40/42)". A number needs a count word in its label or beside
// it, so "$120K+ MRR" never becomes a count.
struct CountReading
{
    int total = -1, collected = -1, selected = -1, passed = -1, failed = -1, errors = -1, skipped = -1, deselected = -1;
    int importErrors = -1;
    double durationSeconds = -1.0;
    double failureRatePercent = -1.0; // a cross-check, never a count
    bool any() const;
};

// `label` is the bold lead of the line (may be empty), `text` the whole line without Markdown.
CountReading readCounts(const QString &label, const QString &text);

// Applies a reading to a phase. Returns a description of each count that changed from an earlier stated
// value ("failed 12 → 10"), so the importer can record the contradiction.
QStringList applyCounts(const CountReading &reading, Phase &phase);

} // namespace Gapwise
