#pragma once

#include "junitdocument.h"
#include "report.h"

namespace Gapwise {

// Maps what the reader collected onto the domain model (rules in docs/junit.md): names, phases, stable
// ids, reruns merged into one test, phase counts from the testcases, and a warning wherever a suite's
// stated counts disagree with its testcases.
Report buildJUnitReport(const JUnitDocument &doc, const QString &displayName);

} // namespace Gapwise
