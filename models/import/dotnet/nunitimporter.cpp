// SPDX-License-Identifier: GPL-3.0-or-later
#include "nunitimporter.h"
#include "dotnetcases.h"
#include "streamedimport.h"

#include <QFileInfo>

namespace Gapwise {
namespace {

    // NUnit 3: result Passed/Failed/Skipped/Inconclusive/Warning with a label (Error, Cancelled, Invalid,
    // Ignored, Explicit). NUnit 2: Success/Failure/Error/Ignored/NotRunnable/Inconclusive/Skipped/Cancelled.
    TestStatus statusOf(const QString &result, const QString &label, const QString &executed)
    {
        const QString r = result.toLower();
        const QString l = label.toLower();
        if (r == QLatin1String("failed") || r == QLatin1String("failure"))
            return l == QLatin1String("error") || l == QLatin1String("cancelled") || l == QLatin1String("invalid")
                ? TestStatus::Error
                : TestStatus::Failed;
        if (r == QLatin1String("error") || r == QLatin1String("cancelled") || r == QLatin1String("notrunnable"))
            return r == QLatin1String("notrunnable") ? TestStatus::Skipped : TestStatus::Error;
        if (r == QLatin1String("skipped") || r == QLatin1String("ignored") || r == QLatin1String("explicit")
            || executed.compare(QLatin1String("false"), Qt::CaseInsensitive) == 0)
            return TestStatus::Skipped;
        if (r == QLatin1String("inconclusive"))
            return TestStatus::Unknown;
        return TestStatus::Passed; // Passed, Success, Warning
    }

    struct RunCounts
    {
        int line = 0;
        bool nunit2 = false;
        int total = -1, passed = -1, failed = -1, warnings = -1, inconclusive = -1, skipped = -1;
        int errors = -1, failures = -1; // NUnit 2
    };

    class NUnitReader
    {
    public:
        NUnitReader(QIODevice *xml, const ImportControl &control, JUnitDocument *doc, JUnitReportBuilder *builder)
            : m_r(xml, control)
            , m_doc(doc)
            , m_builder(builder)
        {
        }
        bool run(const QString &displayName, ImportError *error);

        RunCounts stated;
        int present[5] = { 0, 0, 0, 0, 0 }; // passed, failed, errors, skipped, unknown

    private:
        void startSuite();
        void readCase();

        XmlElementReader m_r;
        JUnitDocument *m_doc;
        JUnitReportBuilder *m_builder;
        QVector<int> m_suites; // open test-suite elements (their index in m_doc)
        QVector<int> m_suiteDepths;
        QString m_rootDate; // the run's start, given to the outermost suites
        QString m_hostname;
    };

    bool NUnitReader::run(const QString &displayName, ImportError *error)
    {
        XmlStreamTokenizer &xml = m_r.xml();
        const auto closeSuite = [this, &xml] {
            if (!m_suiteDepths.isEmpty() && xml.depth() == m_suiteDepths.last()) {
                m_suites.removeLast();
                m_suiteDepths.removeLast();
            }
        };
        while (m_r.nextStartElement(closeSuite)) {
            const QByteArrayView name = xml.name();
            if (m_r.atRoot()) {
                if (!m_r.expectRoot(QStringLiteral("an NUnit result file"), "test-run", "test-results"))
                    break;
                stated.line = xml.line();
                stated.nunit2 = name == "test-results";
                stated.total = m_r.integer("total");
                stated.passed = m_r.integer("passed");
                stated.failed = m_r.integer("failed");
                stated.warnings = m_r.integer("warnings");
                stated.inconclusive = m_r.integer("inconclusive");
                stated.skipped = m_r.integer("skipped");
                stated.errors = m_r.integer("errors");
                stated.failures = m_r.integer("failures");
                m_doc->rootName = m_r.text("name");
                m_doc->rootLine = xml.line();
                // NUnit 3: start-time (early versions: run-date and a start-time without date); NUnit 2: date, time.
                const QString start = m_r.text("start-time");
                const QString date = m_r.text(stated.nunit2 ? "date" : "run-date");
                const QString time = stated.nunit2 ? m_r.text("time") : start;
                m_rootDate = start.size() > 10 ? start : QString(date + QLatin1Char(' ') + time).trimmed();
            } else if (name == "test-suite") {
                startSuite();
            } else if (name == "test-case") {
                readCase();
            } else if (name == "results") {
                continue; // NUnit 2 wraps a suite's children in <results>
            } else if (name == "environment" && m_hostname.isEmpty()) {
                // NUnit 3 writes it inside the assembly's suite, NUnit 2 before the first suite.
                m_hostname = m_r.text("machine-name");
                for (JUnitSuite &s : m_doc->suites) {
                    if (s.parent < 0 && s.hostname.isEmpty())
                        s.hostname = m_hostname;
                }
                m_r.skipElement();
            } else {
                m_r.skipElement(); // properties, reason, failure, output of a suite; settings, filter, command-line
            }
        }
        return m_r.finish(displayName, error);
    }

    void NUnitReader::startSuite()
    {
        const QString type = m_r.text("type");
        const bool assembly = type.compare(QLatin1String("Assembly"), Qt::CaseInsensitive) == 0;
        // An assembly is an outermost suite for phases, even inside a project wrapper; theories and
        // parameterised methods are no suites of their own (their cases belong to the fixture).
        const bool transparent = !m_suites.isEmpty()
            && (type == QLatin1String("Theory") || type == QLatin1String("ParameterizedMethod")
                || type == QLatin1String("GenericMethod"));
        int index;
        if (transparent) {
            index = m_suites.last();
        } else {
            const QString name = assembly ? assemblyName(m_r.text("name")) : m_r.text("name");
            index = addSuite(*m_doc, name, m_r.xml().line(), assembly || m_suites.isEmpty() ? -1 : m_suites.last());
            if (m_doc->suites[index].parent < 0) {
                m_doc->suites[index].timestamp = m_rootDate;
                m_doc->suites[index].hostname = m_hostname;
            }
        }
        m_suites.append(index);
        m_suiteDepths.append(m_r.xml().depth());
    }

    void NUnitReader::readCase()
    {
        XmlStreamTokenizer &xml = m_r.xml();
        const int depth = xml.depth();
        JUnitCase c;
        placeCase(*m_doc, m_suites.isEmpty() ? -1 : m_suites.last(), c);
        c.line = xml.line();
        const QString name = m_r.text("name");
        const QString fullname = m_r.text("fullname");
        c.classname = m_r.text("classname");
        if (c.classname.isEmpty() && !fullname.isEmpty() && fullname.endsWith(QLatin1Char('.') + name))
            c.classname = fullname.chopped(name.size() + 1);
        if (c.classname.isEmpty())
            c.classname = classOfFullName(fullname.isEmpty() ? name : fullname);
        // NUnit 3 names are short ("Add(1,2)"); NUnit 2 names are full ("Ns.Class.Add(1,2)").
        c.name = withoutClassPrefix(name, c.classname);
        QString duration = m_r.text("duration");
        if (duration.isEmpty())
            duration = m_r.text("time");
        c.seconds = dotnetSeconds(duration);
        const QString result = m_r.text("result");
        const QString label = m_r.text("label");
        c.status = statusOf(result, label, m_r.text("executed"));
        QString message, trace, output, reason;
        QStringList properties;
        int failures = 0;
        QVector<FurtherFailure> further; // a second <failure> and on
        while (m_r.next() && !m_r.atEnd(depth)) {
            if (xml.tokenType() != XmlStreamTokenizer::StartElement)
                continue;
            const QByteArrayView child = xml.name();
            if (child == "failure" || child == "reason") {
                const int d = xml.depth();
                const bool again = child == "failure" && ++failures > 1;
                if (again)
                    further.append({ QString(), QString(), QString(), xml.line() });
                QString &into = again ? further.last().message : child == "failure" ? message : reason;
                QString &traceInto = again ? further.last().trace : trace;
                while (m_r.next() && !m_r.atEnd(d)) {
                    if (m_r.atStart("message"))
                        into += m_r.elementText();
                    else if (m_r.atStart("stack-trace"))
                        traceInto += m_r.elementText();
                    else if (xml.tokenType() == XmlStreamTokenizer::StartElement)
                        m_r.skipElement();
                }
            } else if (child == "output") {
                output += m_r.elementText();
            } else if (child == "property") {
                properties << m_r.text("name") + QLatin1Char('=') + m_r.text("value");
                m_r.skipElement();
            } else if (child == "properties") {
                continue;
            } else {
                m_r.skipElement(); // assertions, attachments, categories
            }
        }
        if (isFailing(c.status) || c.status == TestStatus::Unknown) {
            c.message = firstTextLine(message.isEmpty() ? reason : message);
            if (c.message.isEmpty())
                c.message = label.isEmpty() ? result : label;
            c.details = failureDetails(QString(), message.isEmpty() ? reason : message, trace);
            if (!further.isEmpty())
                appendFurtherFailures(c, further);
            appendOutput(c, QStringLiteral("output"), output);
            if (!properties.isEmpty())
                c.details += QLatin1String("\n\nproperties: ") + properties.join(QLatin1String(", "));
        } else if (c.status == TestStatus::Skipped) {
            c.message = firstTextLine(reason.isEmpty() ? label : reason);
        }
        const int kind = c.status == TestStatus::Passed ? 0
            : c.status == TestStatus::Failed            ? 1
            : c.status == TestStatus::Error             ? 2
            : c.status == TestStatus::Skipped           ? 3
                                                        : 4;
        ++present[kind];
        m_builder->addCase(std::move(c));
    }

} // namespace

ImportResult importNUnit(QIODevice *xml, const QString &displayName, const ImportControl &control)
{
    return importStreamed<NUnitReader>(
        xml, displayName, control, QStringLiteral("nunit"), [](Report &report, const NUnitReader &reader) {
            const RunCounts &s = reader.stated;
            const int *n = reader.present;
            const int total = n[0] + n[1] + n[2] + n[3] + n[4];
            if (s.nunit2) {
                warnOnStatedCounts(report, s.line, QStringLiteral("the result file"),
                    { { "failures", s.failures, n[1], "failure" }, { "errors", s.errors, n[2], "error" },
                        { "inconclusive", s.inconclusive, n[4] } });
            } else {
                // NUnit 3 counts an error as failed and a warning as neither passed nor failed.
                const int warnings = qMax(0, s.warnings);
                warnOnStatedCounts(report, s.line, QStringLiteral("the test run"),
                    { { "tests", s.total, total, "test" }, { "passed", s.passed < 0 ? -1 : s.passed + warnings, n[0] },
                        { "failed (errors included)", s.failed, n[1] + n[2] }, { "skipped", s.skipped, n[3] },
                        { "inconclusive", s.inconclusive, n[4] } });
            }
        });
}

} // namespace Gapwise
