#pragma once

#include "junitdocument.h"
#include "junitnames.h"
#include "report.h"

#include <QHash>

namespace Gapwise {

// Maps testcases onto the domain model as the reader delivers them (rules in docs/junit.md): names,
// phases, stable ids, reruns merged into one test; finish() adds phase counts from the testcases and a
// warning wherever a suite's stated counts disagree with its testcases.
class JUnitReportBuilder : public JUnitCaseSink
{
public:
    JUnitReportBuilder(const JUnitDocument &doc, const QString &displayName);
    void addCase(JUnitCase &&c) override;
    Report finish();

private:
    struct Origin // what identifies a run of a test, to recognise its reruns
    {
        int suite;
        bool synthetic; // a suite-level <error>/<failure>: never a rerun of anything
        QString file;
        QString classname;
        QString name;
    };

    int phaseFor(const JUnitCase &c);
    void mergeRerun(TestCase &t, JUnitCase &&c);
    void countAndWarn();

    const JUnitDocument &m_doc;
    const QString m_displayName;
    JUnitNamer m_namer;
    Report m_report;
    QHash<QString, int> m_phaseByKey; // "path:unit" or "suite:<index>" → phase index
    QHash<QString, int> m_byId;       // test id → index in m_report.tests
    QVector<Origin> m_origins;        // per test
    QVector<int> m_testPhase;         // per test: phase index
    int m_reruns = 0;
};

} // namespace Gapwise
