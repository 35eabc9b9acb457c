// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "gapsuggester.h"
#include "importer.h"
#include "junitreport.h"
#include "xmlelementreader.h"

namespace Gapwise {

// The NUnit and xUnit.net readers hand each test to the JUnit report builder as they read it. This runs one
// `Reader` over `xml` the safe way (entity declarations refused first), names the report's format, lets
// `checkCounts(report, reader)` compare what the file states with what was read, then suggests gaps.
template <typename Reader, typename CheckCounts>
ImportResult importStreamed(QIODevice *xml, const QString &displayName, const ImportControl &control,
    const QString &format, CheckCounts checkCounts)
{
    ImportResult result;
    if (!checkXmlDevicePrologue(xml, displayName, &result.error))
        return result;
    JUnitDocument doc;
    JUnitReportBuilder builder(doc, displayName);
    Reader reader(xml, control, &doc, &builder);
    if (!reader.run(displayName, &result.error))
        return result;
    result.report = builder.finish();
    Report &report = *result.report;
    report.format = format;
    checkCounts(report, reader);
    suggestGaps(report);
    if (control.progress)
        control.progress(1000);
    return result;
}

} // namespace Gapwise
