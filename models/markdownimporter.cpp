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
    // The report's own cause groups come first; Gapwise's suggestions (as after a JUnit or pytest-log
    // import, docs/junit.md) only group the failures they leave, so a named group is never second-guessed.
    suggestGaps(report);
    result.report = std::move(report);
    return result;
}

} // namespace Gapwise
