#include "markdownimporter.h"
#include "markdowndocument.h"

namespace Gapwise {
ImportResult importMarkdown(const QByteArray &utf8, const QString &displayName, const ImportControl &)
{
    ImportResult r; Report rep; rep.format = QStringLiteral("markdown"); rep.sourceFile = displayName;
    parseMarkdown(utf8); r.report = rep; return r;
}
}
