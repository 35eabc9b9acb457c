// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "enums.h"

#include <QString>

namespace Gapwise {

// What a heading of a test report stands for. The same words mean different things in different places
// ("Phase 1" heads results or a plan step), so this only proposes; the importer decides from what the
// section holds.
struct HeadingInfo
{
    enum Kind
    {
        Plain, // nothing in particular
        Phase, // a test phase or test type ("Phase 1: Unit Tests", "### Staging E2E Tests")
        GapGroup, // a root-cause group ("Gap 1: X (6 failures)", "Issue 3: Y", "Category 2: Z")
        FailureGroup, // a heading over failing tests that is not itself a gap ("Factory X (7 failures)")
        PriorityGroup, // "P0 - Critical (Immediate Action Required)", "Immediate (P0)"
        Remediation, // "Remediation Priority Matrix", "Recommendations"
        Actions, // "Recommended Actions", "Next Steps"
        Summary, // "Executive Summary", "Key Findings"
        GapAnalysis, // "Coordination Gaps Analysis", "Root Cause Analysis"
    };
    Kind kind = Plain;
    QString title; // cleaned: emoji, "Phase N:", status words and "(k failures)" removed
    QString gapKey; // "gap-1" for "Gap 1: …", empty for unnumbered groups
    int declaredFailures = -1;
    Priority priority = Priority::None;
    TestStatus groupStatus = TestStatus::Unknown; // "Failed Tests" → Failed
    bool isCommandHeading = false; // "Command Executed"
    // A phase heading that names no test type ("Test Execution Summary", "Results"): under another phase
    // heading it reports on that phase.
    bool genericResults = false;
    // A generic heading made only of such words ("Results Summary", "Test Execution Summary"): it is about
    // the phase heading around it, whatever that one is.
    bool onlyResultWords = false;
    // What follows a phase's name after a colon when it says how the phase went, not what it is:
    // "5 FAILED, 2 PASSED (Expected: Initial Failures)" of "Unit Tests: 5 FAILED, 2 PASSED (…)".
    QString outcome;
    // A gap heading's own status word ("Issue 3: … ✅ RESOLVED", "Root Cause 1: X - FIXED"), kept out of its title.
    GapStatus gapStatus = GapStatus::Open;
    // A section whose sub-headings or numbered items are the report's own cause groups ("Root Cause
    // Analysis", "Issues Identified", "Critical Findings", "Failure Categories", "Violations Discovered").
    bool causeSection = false;
};

// The status a gap's words state: "RESOLVED", "FIXED", "✅ PROCESSED" → resolved; "IN PROGRESS" → in
// progress; anything else (or nothing) → open.
GapStatus gapStatusStatedIn(const QString &text);

HeadingInfo classifyHeading(const QString &text, int level);

// A heading under a cause section ("## Root Cause Analysis" > "### 1. Config loader ignores overrides
// (RESOLVED)") read as one of the report's cause groups: its title without numbering, priority and status.
HeadingInfo causeGroupHeading(const QString &text);

} // namespace Gapwise
