// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "comparisondigest.h"

#include <QByteArray>
#include <QJsonObject>

namespace Gapwise {

// The comparison as a section of the exported plan: planToMarkdown and planToJson (planwriters.h) put the
// "Since last run" Markdown section and the "comparison" JSON object into the plan when it has a comparison;
// `gapwise compare --json` prints the same object. comparisonToCsv lists the changed tests on their own (the
// plan's CSV has a change column instead). The PDF lays out its own section (ui/planpdfcontent.cpp).
QByteArray comparisonToMarkdown(const ComparisonDigest &digest);
QJsonObject comparisonToJson(const ComparisonDigest &digest);
QByteArray comparisonToCsv(const ComparisonDigest &digest); // change,test,phase,gap,old status,new status

} // namespace Gapwise
