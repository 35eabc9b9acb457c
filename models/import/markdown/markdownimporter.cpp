// SPDX-License-Identifier: GPL-3.0-or-later
#include "markdownimporter.h"
#include "gapsuggester.h"

#include "markdowndocument.h"
#include "markdownreportbuilder.h"

namespace Gapwise {

ImportResult importMarkdown(const QByteArray &utf8, const QString &displayName, const ImportControl &control)
{
    ImportResult result;
    result.error.file = displayName;
    const MarkdownDocument document = parseMarkdown(utf8);
    if (control.cancelled()) {
        result.error.message = QStringLiteral("import cancelled");
        return result;
    }
    Report report;
    report.format = QStringLiteral("markdown");
    report.sourceFile = displayName;
    MarkdownReportBuilder builder(document, report, control);
    if (!builder.run()) {
        result.error.message = QStringLiteral("import cancelled");
        return result;
    }
    // A report without gaps of its own gets suggested gaps for its failures, as after a JUnit or pytest-log
    // import (docs/junit.md). One that names gaps has done that work: its unassigned failures are left
    // for the engineer, next to the report's gaps, instead of beside a second set of groups.
    if (report.gaps.isEmpty())
        suggestGaps(report);
    result.report = std::move(report);
    return result;
}

} // namespace Gapwise
