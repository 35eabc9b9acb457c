#include "junitimporter.h"
#include "junitdocument.h"
#include "junitreport.h"

namespace Gapwise {

ImportResult importJUnit(const QByteArray &xml, const QString &displayName, const ImportControl &control)
{
    ImportResult result;
    JUnitDocument doc;
    if (!readJUnitDocument(xml, displayName, control, &doc, &result.error))
        return result;
    result.report = buildJUnitReport(doc, displayName);
    if (control.progress)
        control.progress(1000);
    return result;
}

} // namespace Gapwise
