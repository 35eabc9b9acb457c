// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace Gapwise {

// A phase heading read for what stays the same from run to run (its name) and how this run went (its outcome):
// "Payment Tests - CRITICAL FAILURE BLOCKING CHECKOUT" → "Payment Tests", "CRITICAL FAILURE BLOCKING CHECKOUT".
struct PhaseNameOutcome
{
    QString name;
    QString outcome; // as written, without emoji and emphasis; empty when the heading states none
};

// A pass after heading classification: it never decides whether a heading is a phase, only splits the name
// the classifier gave (`classifiedTitle`) from the status words that close the heading as written (`heading`).
// `statedOutcome` is what the classifier already read after a colon ("Unit Tests: 5 FAILED, 2 PASSED").
PhaseNameOutcome splitPhaseOutcome(
    const QString &heading, const QString &classifiedTitle, const QString &statedOutcome);

} // namespace Gapwise
