// SPDX-License-Identifier: GPL-3.0-or-later
#include "trximporter.h"
#include "dotnetcases.h"
#include "gapsuggester.h"
#include "junitreport.h"
#include "xmlelementreader.h"

#include <QFileInfo>
#include <QHash>

namespace Gapwise {
namespace {

    // A TRX outcome as a Gapwise status: a timeout or an aborted run broke the test (an error, not a failed
    // assertion); Inconclusive gave no verdict (unknown); NotExecuted/NotRunnable never ran (skipped).
    TestStatus statusOfOutcome(const QString &outcome)
    {
        // Passed, PassedButRunAborted, Completed and Warning passed.
        return statusOfWord(outcome,
            { { "failed", TestStatus::Failed }, { "error", TestStatus::Error }, { "timeout", TestStatus::Error },
                { "aborted", TestStatus::Error }, { "disconnected", TestStatus::Error },
                { "notexecuted", TestStatus::Skipped }, { "notrunnable", TestStatus::Skipped },
                { "pending", TestStatus::Skipped }, { "inconclusive", TestStatus::Unknown },
                { "inprogress", TestStatus::Unknown } },
            TestStatus::Passed);
    }

    struct TrxResult
    {
        JUnitCase c;
        QString testId;
        QString testName;
        QString outcome;
        QString computer;
        QString start;
        QString out, err; // captured output, kept for failing tests
    };

    struct TrxDefinition
    {
        QString className;
        QString storage;
        QString assembly; // its name as the code base spells it, when it differs from storage only in case
    };

    class TrxReader
    {
    public:
        TrxReader(QIODevice *xml, const ImportControl &control)
            : m_r(xml, control)
        {
        }
        bool run(const QString &displayName, ImportError *error);

        QString runName;
        QString runStart;
        QVector<TrxResult> results;
        QHash<QString, TrxDefinition> definitions; // by test id
        int countersLine = 0;
        QHash<QString, int> counters; // Counters' attributes, lower-case

    private:
        void readResults();
        void readResult(TrxResult &r, int innerLevel);
        void readOutput(TrxResult &r);
        void readDefinitions();
        void readCounters();

        XmlElementReader m_r;
        QString m_currentId; // the UnitTest whose TestMethod comes next
    };

    bool isResultElement(QByteArrayView name)
    {
        return name.endsWith("TestResult") || name == "TestResultAggregation";
    }

    bool TrxReader::run(const QString &displayName, ImportError *error)
    {
        XmlStreamTokenizer &xml = m_r.xml();
        while (m_r.nextStartElement()) {
            if (m_r.atRoot()) {
                if (!m_r.expectRoot(QStringLiteral("a TRX file"), "TestRun"))
                    break;
                runName = m_r.text("name");
                continue;
            }
            const QByteArrayView name = xml.name();
            if (name == "Times") {
                runStart = m_r.text("start");
                m_r.skipElement();
            } else if (name == "Results") {
                readResults();
            } else if (name == "TestDefinitions") {
                readDefinitions();
            } else if (name == "Counters") {
                readCounters();
            } else if (name == "ResultSummary") {
                continue; // its Counters are read above; RunInfos are skipped below
            } else {
                m_r.skipElement();
            }
        }
        return m_r.finish(displayName, error);
    }

    void TrxReader::readResults()
    {
        XmlStreamTokenizer &xml = m_r.xml();
        const int depth = xml.depth();
        while (m_r.next() && !m_r.atEnd(depth)) {
            if (xml.tokenType() != XmlStreamTokenizer::StartElement)
                continue;
            if (!isResultElement(xml.name())) {
                m_r.skipElement();
                continue;
            }
            TrxResult r;
            readResult(r, 0);
            results.append(std::move(r));
        }
    }

    // Called on a result's start element; reads past its end. Inner results (data rows, ordered tests) add
    // one history line each and their failure text to the test's details.
    void TrxReader::readResult(TrxResult &r, int innerLevel)
    {
        XmlStreamTokenizer &xml = m_r.xml();
        const int depth = xml.depth();
        const QString outcome = m_r.text("outcome");
        const QString testName = m_r.text("testName");
        const double seconds = dotnetSeconds(QString::fromUtf8(xml.attribute("duration")));
        if (innerLevel == 0) {
            r.testId = m_r.text("testId");
            r.testName = testName;
            r.outcome = outcome;
            r.computer = m_r.text("computerName");
            r.start = m_r.text("startTime");
            r.c.line = xml.line();
            r.c.seconds = seconds;
            r.c.status = statusOfOutcome(outcome);
        }
        TrxResult inner;
        TrxResult &into = innerLevel == 0 ? r : inner;
        while (m_r.next() && !m_r.atEnd(depth)) {
            if (xml.tokenType() != XmlStreamTokenizer::StartElement)
                continue;
            if (xml.name() == "Output") {
                readOutput(into);
            } else if (xml.name() == "InnerResults") {
                const int innerDepth = xml.depth();
                while (m_r.next() && !m_r.atEnd(innerDepth)) {
                    if (xml.tokenType() != XmlStreamTokenizer::StartElement)
                        continue;
                    if (isResultElement(xml.name()))
                        readResult(r, innerLevel + 1);
                    else
                        m_r.skipElement();
                }
            } else {
                m_r.skipElement();
            }
        }
        if (innerLevel == 0)
            return;
        const TestStatus status = statusOfOutcome(outcome);
        r.c.history.append(QStringLiteral("%1: %2%3")
                               .arg(testName.isEmpty() ? QStringLiteral("inner result") : testName,
                                   outcome.isEmpty() ? QStringLiteral("no outcome") : outcome,
                                   inner.c.message.isEmpty() ? QString() : QLatin1String(" - ") + inner.c.message));
        if (isFailing(status) && !inner.c.details.isEmpty()) {
            if (r.c.message.isEmpty())
                r.c.message = inner.c.message;
            r.c.details += (r.c.details.isEmpty() ? QString() : QStringLiteral("\n\n")) + QLatin1String("--- ")
                + testName + QLatin1String(" ---\n") + inner.c.details;
        }
    }

    void TrxReader::readOutput(TrxResult &r)
    {
        XmlStreamTokenizer &xml = m_r.xml();
        const int depth = xml.depth();
        QString out, err, message, trace;
        bool hadError = false;
        QVector<FurtherFailure> further; // a second ErrorInfo and on
        while (m_r.next() && !m_r.atEnd(depth)) {
            if (xml.tokenType() != XmlStreamTokenizer::StartElement)
                continue;
            const QByteArrayView name = xml.name();
            if (name == "StdOut") {
                out += m_r.elementText();
            } else if (name == "StdErr") {
                err += m_r.elementText();
            } else if (name == "ErrorInfo") {
                const int infoDepth = xml.depth();
                if (hadError)
                    further.append({ QString(), QString(), QString(), xml.line() });
                QString &messageInto = hadError ? further.last().message : message;
                QString &traceInto = hadError ? further.last().trace : trace;
                hadError = true;
                while (m_r.next() && !m_r.atEnd(infoDepth)) {
                    if (m_r.atStart("Message"))
                        messageInto += m_r.elementText();
                    else if (m_r.atStart("StackTrace"))
                        traceInto += m_r.elementText();
                    else if (xml.tokenType() == XmlStreamTokenizer::StartElement)
                        m_r.skipElement();
                }
            } else {
                m_r.skipElement(); // DebugTrace, TextMessages, ResultFiles
            }
        }
        message.replace(QLatin1String("\r\n"), QLatin1String("\n"));
        trace.replace(QLatin1String("\r\n"), QLatin1String("\n"));
        r.c.message = firstTextLine(message);
        r.c.details = failureDetails(QString(), message, trace);
        for (FurtherFailure &f : further) {
            f.message.replace(QLatin1String("\r\n"), QLatin1String("\n"));
            f.trace.replace(QLatin1String("\r\n"), QLatin1String("\n"));
        }
        if (!further.isEmpty())
            appendFurtherFailures(r.c, further);
        r.out += out;
        r.err += err;
    }

    void TrxReader::readDefinitions()
    {
        XmlStreamTokenizer &xml = m_r.xml();
        const int depth = xml.depth();
        while (m_r.next() && !m_r.atEnd(depth)) {
            if (xml.tokenType() != XmlStreamTokenizer::StartElement)
                continue;
            if (xml.depth() != depth + 1) { // TestMethod inside a definition
                if (xml.name() == "TestMethod" && !m_currentId.isEmpty()) {
                    TrxDefinition &d = definitions[m_currentId];
                    d.className = m_r.text("className");
                    // The storage is lower-cased by vstest; the code base keeps the assembly's own spelling.
                    const QString codeBase = m_r.text("codeBase");
                    if (!codeBase.isEmpty() && codeBase.compare(d.storage, Qt::CaseInsensitive) == 0)
                        d.storage = codeBase;
                    else if (!codeBase.isEmpty()
                        && assemblyName(codeBase).compare(assemblyName(d.storage), Qt::CaseInsensitive) == 0)
                        d.assembly = assemblyName(codeBase);
                }
                m_r.skipElement();
                continue;
            }
            m_currentId = m_r.text("id");
            definitions[m_currentId].storage = m_r.text("storage");
        }
        m_currentId.clear();
    }

    void TrxReader::readCounters()
    {
        XmlStreamTokenizer &xml = m_r.xml();
        countersLine = xml.line();
        for (const char *name : { "total", "executed", "passed", "failed", "error", "timeout", "aborted",
                 "inconclusive", "notExecuted", "notRunnable" }) {
            const int n = m_r.integer(name);
            if (n >= 0)
                counters.insert(QString::fromLatin1(name).toLower(), n);
        }
        m_r.skipElement();
    }

} // namespace

ImportResult importTrx(QIODevice *xml, const QString &displayName, const ImportControl &control)
{
    ImportResult result;
    if (!checkXmlDevicePrologue(xml, displayName, &result.error))
        return result;
    TrxReader reader(xml, control);
    if (!reader.run(displayName, &result.error))
        return result;

    JUnitDocument doc;
    doc.rootName = reader.runName;
    QHash<QString, int> suiteByAssembly;
    for (const TrxResult &r : std::as_const(reader.results)) {
        const QString storage = reader.definitions.value(r.testId).storage;
        if (!reader.definitions.contains(r.testId))
            reader.definitions.insert(r.testId, {});
        if (!suiteByAssembly.contains(storage)) {
            const TrxDefinition &def = reader.definitions[r.testId];
            const QString name = !def.assembly.isEmpty() ? def.assembly : assemblyName(storage);
            const int s = addSuite(doc, name, 0);
            doc.suites[s].timestamp = reader.runStart.isEmpty() ? r.start : reader.runStart;
            doc.suites[s].hostname = r.computer;
            suiteByAssembly.insert(storage, s);
        }
    }
    JUnitReportBuilder builder(doc, displayName);
    int counted[4] = { 0, 0, 0, 0 }; // passed, failed, skipped (not executed), all
    QHash<QString, int> seenNames;
    for (TrxResult &r : reader.results) {
        const TrxDefinition def = reader.definitions.value(r.testId);
        JUnitCase &c = r.c;
        placeCase(doc, suiteByAssembly.value(def.storage, -1), c);
        c.classname = def.className;
        c.name = withoutClassPrefix(r.testName, def.className);
        // TRX counts every result, and names need not be unique (a test source yielding the same display name, a
        // retried test): keep each as its own test, as the Counters do, instead of merging them as JUnit reruns.
        const int seen = ++seenNames[c.classname + QLatin1String("::") + c.name];
        if (seen > 1)
            c.name += QStringLiteral(" [%1]").arg(seen);
        const QString &out = r.out;
        const QString &err = r.err;
        if (isFailing(c.status) || c.status == TestStatus::Unknown) {
            if (c.message.isEmpty())
                c.message
                    = r.outcome.compare(QLatin1String("Failed"), Qt::CaseInsensitive) == 0 ? QString() : r.outcome;
            appendOutput(c, QStringLiteral("stdout"), out);
            appendOutput(c, QStringLiteral("stderr"), err);
        } else if (c.status == TestStatus::Skipped) {
            c.message = firstTextLine(c.message.isEmpty() ? out : c.message);
            c.details.clear();
        } else {
            c.details.clear();
            c.message.clear();
        }
        ++counted[3];
        if (c.status == TestStatus::Passed)
            ++counted[0];
        else if (c.status == TestStatus::Failed)
            ++counted[1];
        else if (c.status == TestStatus::Skipped)
            ++counted[2];
        builder.addCase(std::move(c));
    }
    result.report = builder.finish();
    Report &report = *result.report;
    report.format = QStringLiteral("trx");
    if (report.title.isEmpty() || report.title == QFileInfo(displayName).fileName())
        report.title = reader.runName.isEmpty() ? report.title : reader.runName;
    auto counter = [&reader](const char *name) { return reader.counters.value(QLatin1String(name), -1); };
    warnOnStatedCounts(report, reader.countersLine, QStringLiteral("the run's Counters"),
        { { "tests", counter("total"), counted[3], "test" }, { "passed", counter("passed"), counted[0] },
            { "failed", counter("failed"), counted[1] } });
    suggestGaps(report);
    if (control.progress)
        control.progress(1000);
    return result;
}

} // namespace Gapwise
