#include "junitreport.h"
#include "junitnames.h"
#include "phasewords.h"
#include "testidentifiers.h"

#include <QFileInfo>
#include <QHash>
#include <QSet>

namespace Gapwise {
namespace {

constexpr int MaxCountWarnings = 20;

struct Counts
{
    int n[CountKinds] = {0, 0, 0, 0};
    void add(TestStatus s)
    {
        ++n[CountTests];
        if (s == TestStatus::Failed) ++n[CountFailures];
        else if (s == TestStatus::Error) ++n[CountErrors];
        else if (s == TestStatus::Skipped) ++n[CountSkipped];
    }
};

QString countsText(const int *n, bool onlyStated, const int *stated)
{
    static const char *const words[CountKinds] = {"tests", "failures", "errors", "skipped"};
    QStringList parts;
    for (int k = 0; k < CountKinds; ++k) {
        if (!onlyStated || stated[k] >= 0)
            parts << QStringLiteral("%1 %2").arg(n[k]).arg(QLatin1String(words[k]));
    }
    return parts.join(QLatin1String(", "));
}

bool disagrees(const int *stated, const Counts &present)
{
    for (int k = 0; k < CountKinds; ++k) {
        if (stated[k] >= 0 && stated[k] != present.n[k])
            return true;
    }
    return false;
}

QString runText(const TestCase &t)
{
    return statusName(t.status) + (t.message.isEmpty() ? QString() : QLatin1String(": ") + t.message);
}

class Builder
{
public:
    Builder(const JUnitDocument &doc, const QString &displayName) : m_doc(doc), m_displayName(displayName) { }
    Report build();

private:
    int phaseFor(const JUnitCase &c);
    void addCase(const JUnitCase &c);
    void countAndWarn();

    const JUnitDocument &m_doc;
    const QString m_displayName;
    Report m_report;
    QHash<QString, int> m_phaseByKey;   // "path:unit" or "suite:<index>" → phase index
    QHash<QString, int> m_runKey;       // suite + classname + name + file → test index (reruns merge)
    QSet<QString> m_ids;
    QVector<int> m_testSuite;           // innermost suite of each test
    QVector<int> m_testPhase;           // phase index of each test
    int m_reruns = 0;
};

int Builder::phaseFor(const JUnitCase &c)
{
    const QString word = phaseWordOfPath(junitPhasePath(c));
    const int top = c.suite >= 0 ? m_doc.suites[c.suite].topLevel : -1;
    const QString key = word.isEmpty() ? QStringLiteral("suite:%1").arg(top) : QLatin1String("path:") + word;
    if (const auto it = m_phaseByKey.constFind(key); it != m_phaseByKey.cend())
        return *it;
    Phase p;
    if (!word.isEmpty()) {
        p.name = phaseWordTitle(word);
        p.id = word;
        p.line = c.line;
    } else if (top >= 0) {
        p.name = m_doc.suites[top].name.isEmpty() ? QStringLiteral("Suite %1").arg(m_report.phases.size() + 1)
                                                  : m_doc.suites[top].name;
        p.id = slugify(p.name);
        p.line = m_doc.suites[top].line;
    } else {
        p.name = m_doc.rootName.isEmpty() ? QStringLiteral("Tests") : m_doc.rootName;
        p.id = slugify(p.name);
        p.line = m_doc.rootLine;
    }
    // Phase ids stay unique: a second "tests" suite becomes "tests-2".
    const QString base = p.id;
    for (int n = 2; m_report.phaseIndex(p.id) >= 0; ++n)
        p.id = base + QLatin1Char('-') + QString::number(n);
    p.total = p.passed = p.failed = p.errors = p.skipped = 0;
    m_report.phases.append(p);
    const int index = int(m_report.phases.size()) - 1;
    m_phaseByKey.insert(key, index);
    return index;
}

void Builder::addCase(const JUnitCase &c)
{
    const QString suiteName = c.suite >= 0 ? m_doc.suites[c.suite].name : QString();
    const QString name = junitTestName(c, suiteName);
    if (!c.synthetic) {
        // The same test twice in one suite is a rerun (pytest-rerunfailures, flaky plugins): one test, the
        // last outcome wins, the earlier ones go to its history.
        const QString runKey = QString::number(c.suite) + QLatin1Char('\n') + c.classname + QLatin1Char('\n')
                               + c.name + QLatin1Char('\n') + c.file;
        if (const auto it = m_runKey.constFind(runKey); it != m_runKey.cend()) {
            TestCase &t = m_report.tests[*it];
            QString history = t.history;
            if (!history.isEmpty())
                history += QLatin1String("; ");
            history += QLatin1String("earlier run: ") + runText(t);
            for (const QString &h : c.history)
                history += QLatin1String("; ") + h;
            t.history = history;
            t.status = c.status;
            t.expectedFailure = c.expectedFailure;
            t.message = c.message;
            if (!c.details.isEmpty() || c.status == TestStatus::Passed)
                t.details = c.details;
            t.line = c.line;
            ++m_reruns;
            return;
        }
        m_runKey.insert(runKey, int(m_report.tests.size()));
    }
    const int phaseIndex = phaseFor(c);
    const Phase &phase = m_report.phases[phaseIndex];
    TestCase t;
    t.name = name;
    t.phaseId = phase.id;
    t.status = c.status;
    t.expectedFailure = c.expectedFailure;
    t.message = c.message;
    t.details = c.details;
    t.history = c.history.join(QLatin1String("; "));
    t.line = c.line;
    t.durationSeconds = c.seconds;
    // Stable ids: the same test in the same file always gets the same id; true duplicates are numbered
    // in document order.
    const QString base = phase.id + QLatin1Char(':') + normalisedTestKey(name);
    t.id = base;
    for (int n = 2; m_ids.contains(t.id); ++n)
        t.id = base + QLatin1Char('#') + QString::number(n);
    m_ids.insert(t.id);
    m_report.tests.append(t);
    m_testSuite.append(c.suite);
    m_testPhase.append(phaseIndex);
}

void Builder::countAndWarn()
{
    QVector<Counts> perSuite(m_doc.suites.size());
    Counts all;
    for (int i = 0; i < m_report.tests.size(); ++i) {
        const TestCase &t = m_report.tests[i];
        all.add(t.status);
        for (int s = m_testSuite[i]; s >= 0; s = m_doc.suites[s].parent)
            perSuite[s].add(t.status);
        Phase &p = m_report.phases[m_testPhase[i]];
        ++p.total;
        switch (t.status) {
        case TestStatus::Passed: ++p.passed; break;
        case TestStatus::Failed: ++p.failed; break;
        case TestStatus::Error: ++p.errors; break;
        case TestStatus::Skipped: ++p.skipped; break;
        case TestStatus::Unknown: break;
        }
        if (t.durationSeconds >= 0)
            p.durationSeconds = qMax(0.0, p.durationSeconds) + t.durationSeconds;
    }
    int warnings = 0;
    auto warn = [&](int line, const QString &what, const int *stated, const Counts &present) {
        if (!disagrees(stated, present))
            return;
        if (++warnings > MaxCountWarnings)
            return;
        m_report.diagnostics.append({Severity::Warning, line,
            QStringLiteral("%1 states %2 but its testcases give %3; Gapwise counts the testcases")
                .arg(what, countsText(stated, true, stated), countsText(present.n, true, stated))});
    };
    if (!m_doc.rootIsSuite)
        warn(m_doc.rootLine, QStringLiteral("the report"), m_doc.rootStated, all);
    for (int s = 0; s < m_doc.suites.size(); ++s) {
        const JUnitSuite &suite = m_doc.suites[s];
        warn(suite.line, QStringLiteral("suite \"%1\"").arg(suite.name), suite.stated, perSuite[s]);
    }
    if (warnings > MaxCountWarnings)
        m_report.diagnostics.append({Severity::Warning, 0,
            QStringLiteral("%1 more suites state counts that disagree with their testcases")
                .arg(warnings - MaxCountWarnings)});
}

Report Builder::build()
{
    m_report.format = QStringLiteral("junit");
    m_report.sourceFile = m_displayName;
    m_report.title = m_doc.rootName;
    if (m_report.title.isEmpty() && !m_doc.suites.isEmpty())
        m_report.title = m_doc.suites.first().name;
    if (m_report.title.isEmpty())
        m_report.title = QFileInfo(m_displayName).fileName();
    if (!m_doc.suites.isEmpty()) {
        m_report.date = m_doc.suites.first().timestamp;
        m_report.environment = m_doc.suites.first().hostname;
    }
    m_report.tests.reserve(m_doc.cases.size());
    for (const JUnitCase &c : m_doc.cases)
        addCase(c);
    countAndWarn();
    m_report.summaryFacts << QStringLiteral("%1 test suites, %2 tests").arg(m_doc.suites.size()).arg(m_report.tests.size());
    if (m_reruns > 0)
        m_report.diagnostics.append({Severity::Info, 0,
            QStringLiteral("%1 testcase elements repeat a test of the same suite (reruns): each test is counted "
                           "once with its last outcome, earlier outcomes are in its history").arg(m_reruns)});
    if (m_report.tests.isEmpty())
        m_report.diagnostics.append({Severity::Info, 0, QStringLiteral("the report contains no test cases")});
    return m_report;
}

} // namespace

Report buildJUnitReport(const JUnitDocument &doc, const QString &displayName)
{
    return Builder(doc, displayName).build();
}

} // namespace Gapwise
