#include "markdownimporter.h"

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
    result.report = std::move(report);
    return result;
}

} // namespace Gapwise
