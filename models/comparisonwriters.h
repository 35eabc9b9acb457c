#pragma once

#include "comparisondigest.h"

#include <QByteArray>
#include <QJsonObject>

namespace Gapwise {

// The comparison as a section of the exported plan (planwriters.h writes the plan itself): a
// "Since last run" Markdown section, a JSON object for the plan's "comparison" key, CSV rows of the
// changed tests. The PDF draws sinceLastRunLines() (comparisondigest.h).
QByteArray comparisonToMarkdown(const ComparisonDigest &digest);
QJsonObject comparisonToJson(const ComparisonDigest &digest);
QByteArray comparisonToCsv(const ComparisonDigest &digest); // change,test,phase,gap,old status,new status

} // namespace Gapwise
