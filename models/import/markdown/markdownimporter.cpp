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
    // Failures get suggested gaps by their signature, as after a JUnit or pytest-log import (docs/junit.md).
    // Where the report names its own groups, those stay as written: the suggestions only take the failures
    // the report's groups leave (suggestGaps() never moves a test that has a gap).
    suggestGaps(report);
    result.report = std::move(report);
    return result;
}

} // namespace Gapwise
