// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "junitdocument.h"
#include "junitnames.h"
#include "report.h"
#include "stringarena.h"
#include "testidindex.h"

#include <QHash>

namespace Gapwise {

// Maps testcases onto the domain model as the reader delivers them (rules in docs/junit.md): names,
// phases, stable ids, reruns merged into one test; finish() adds phase counts from the testcases and a
// warning wherever a suite's stated counts disagree with its testcases.
class JUnitReportBuilder : public JUnitCaseSink
{
public:
    JUnitReportBuilder(const JUnitDocument &doc, const QString &displayName);
    // Makes room for the testcases a file of this size holds, so that 100,000 tests are not copied and
    // rehashed as the tables grow (a guess from the size: too few only means growing as before).
    void expectBytes(qint64 bytes);
    void addCase(JUnitCase &&c) override;
    Report finish();

private:
    // Where a test came from. A testcase whose id (made from classname, name and file) is taken by a failing test
    // of the same suite is a rerun of it; by a test that passed or was skipped, a distinct test sharing its name.
    struct Origin
    {
        int suite;
        bool synthetic; // a suite-level <error>/<failure>: never a rerun of anything
    };

    // A testcase named and given its id, not yet filed among the tests (addCase() says why).
    struct PendingCase
    {
        JUnitCase c;
        int phaseIndex = -1;
        QString phaseId;
        QString base; // its id, unless a namesake has it: then numbered
        QString name; // null: the tail of base
        quint32 hash = 0; // of base
    };

    void file(PendingCase &&p);
    void fileLastCase();
    int phaseFor(const JUnitCase &c);
    int phaseIndexFor(const JUnitCase &c, const QString &word, int top);
    void mergeRerun(TestCase &t, JUnitCase &&c);
    void foldManySuitePhases();
    void countAndWarn();
    static void noteImportError(Phase &phase, const TestCase &t);

    const JUnitDocument &m_doc;
    const QString m_displayName;
    JUnitNamer m_namer;
    Report m_report;
    QHash<QString, int> m_phaseByKey; // "path:unit" or "suite:<index>" → phase index
    StringArena m_ids; // where the tests' ids (and so their names) are stored
    TestIdIndex m_byId { m_report.tests }; // test id → index in m_report.tests
    QVector<Origin> m_origins; // per test
    QVector<int> m_testPhase; // per test: phase index
    QVector<bool> m_phaseFromSuite; // per phase: named after an outermost suite (rule 2), not a path word
    PendingCase m_pending;
    bool m_hasPending = false;
    int m_reruns = 0;
    int m_firstRerunLine = 0;
    QVector<QPair<int, TestStatus>> m_earlierRuns; // per merged rerun: its suite, the outcome it replaced
    int m_namesakes = 0; // testcases that repeat a test's name but are no reruns of it
    int m_firstNamesakeLine = 0;
    int m_severalOutcomes = 0; // testcases with more than one <failure>/<error>
    int m_firstSeveralLine = 0;
    QString m_firstSeveralText; // "3 failures in one testcase (testX)"
    QString m_firstSeveralKind; // what its message is: "failure", or "error" when it has no failure
    QString m_lastPhaseWord; // consecutive testcases share their phase: skip the lookup
    int m_lastTop = -2;
    int m_lastPhase = -1;
};

} // namespace Gapwise
