// SPDX-License-Identifier: GPL-3.0-or-later
#include "junitimporter.h"
#include "gapsuggester.h"
#include "junitdocument.h"
#include "junitreport.h"

#include <QBuffer>

namespace Gapwise {

ImportResult importJUnit(const QByteArray &xml, const QString &displayName, const ImportControl &control)
{
    QBuffer buffer;
    buffer.setData(xml); // shares the bytes, no copy
    buffer.open(QIODevice::ReadOnly);
    return importJUnit(&buffer, displayName, control);
}

ImportResult importJUnit(QIODevice *xml, const QString &displayName, const ImportControl &control)
{
    ImportResult result;
    JUnitDocument doc;
    JUnitReportBuilder builder(doc, displayName);
    if (!xml->isSequential())
        builder.expectBytes(xml->size());
    if (!readJUnitDocument(xml, displayName, control, &doc, &builder, &result.error))
        return result;
    result.report = builder.finish();
    suggestGaps(*result.report);
    if (control.progress)
        control.progress(1000);
    return result;
}

} // namespace Gapwise
