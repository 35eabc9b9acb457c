// SPDX-License-Identifier: GPL-3.0-or-later
#include "xunitimporter.h"
#include "dotnetcases.h"
#include "streamedimport.h"

namespace Gapwise {
namespace {

    TestStatus statusOf(const QString &result)
    {
        return statusOfWord(result,
            { { "fail", TestStatus::Failed }, { "skip", TestStatus::Skipped }, { "notrun", TestStatus::Skipped },
                { "pass", TestStatus::Passed } },
            TestStatus::Unknown);
    }

    struct AssemblyCounts
    {
        int line = 0;
        QString name;
        int stated[4] = { -1, -1, -1, -1 }; // total, passed, failed, skipped
        int present[4] = { 0, 0, 0, 0 };
    };

    class XUnitReader
    {
    public:
        XUnitReader(QIODevice *xml, const ImportControl &control, JUnitDocument *doc, JUnitReportBuilder *builder)
            : m_r(xml, control)
            , m_doc(doc)
            , m_builder(builder)
        {
        }
        bool run(const QString &displayName, ImportError *error);

        QVector<AssemblyCounts> assemblies;
        QVector<Diagnostic> errors; // assembly-level errors

    private:
        void startAssembly();
        void readTest();
        void readError();
        void readFailure(QString *type, QString *message, QString *trace);

        XmlElementReader m_r;
        JUnitDocument *m_doc;
        JUnitReportBuilder *m_builder;
        int m_assembly = -1; // suite index of the open assembly
        int m_collection = -1; // suite index of the open collection
        int m_collectionDepth = 0;
        QString m_timestamp;
    };

    bool XUnitReader::run(const QString &displayName, ImportError *error)
    {
        XmlStreamTokenizer &xml = m_r.xml();
        const auto closeCollection = [this, &xml] {
            if (m_collection >= 0 && xml.depth() == m_collectionDepth)
                m_collection = -1;
        };
        while (m_r.nextStartElement(closeCollection)) {
            const QByteArrayView name = xml.name();
            if (m_r.atRoot()) {
                if (!m_r.expectRoot(QStringLiteral("an xUnit.net result file"), "assemblies", "assembly"))
                    break;
                m_doc->rootLine = xml.line();
                m_timestamp = m_r.text("timestamp");
                if (name == "assembly")
                    startAssembly();
            } else if (name == "assembly") {
                startAssembly();
            } else if (name == "collection" || name == "class") {
                const QString collection = m_r.text("name");
                m_collection = addSuite(*m_doc, collection, xml.line(), m_assembly);
                m_collectionDepth = xml.depth();
            } else if (name == "test") {
                readTest();
            } else if (name == "errors") {
                continue;
            } else if (name == "error") {
                readError();
            } else {
                m_r.skipElement();
            }
        }
        return m_r.finish(displayName, error);
    }

    void XUnitReader::startAssembly()
    {
        AssemblyCounts a;
        a.line = m_r.xml().line();
        a.name = assemblyName(m_r.text("name"));
        a.stated[0] = m_r.integer("total");
        a.stated[1] = m_r.integer("passed");
        a.stated[2] = m_r.integer("failed");
        a.stated[3] = m_r.integer("skipped");
        assemblies.append(a);
        m_assembly = addSuite(*m_doc, a.name, a.line);
        m_collection = -1;
        const QString date = m_r.text("run-date");
        m_doc->suites[m_assembly].timestamp
            = date.isEmpty() ? m_timestamp : QString(date + QLatin1Char(' ') + m_r.text("run-time")).trimmed();
        m_doc->suites[m_assembly].hostname = m_r.text("environment");
    }

    void XUnitReader::readFailure(QString *type, QString *message, QString *trace)
    {
        XmlStreamTokenizer &xml = m_r.xml();
        const int depth = xml.depth();
        *type = m_r.text("exception-type");
        while (m_r.next() && !m_r.atEnd(depth)) {
            if (m_r.atStart("message"))
                *message += m_r.elementText();
            else if (m_r.atStart("stack-trace"))
                *trace += m_r.elementText();
            else if (xml.tokenType() == XmlStreamTokenizer::StartElement)
                m_r.skipElement();
        }
    }

    void XUnitReader::readTest()
    {
        XmlStreamTokenizer &xml = m_r.xml();
        const int depth = xml.depth();
        JUnitCase c;
        placeCase(*m_doc, m_collection >= 0 ? m_collection : m_assembly, c);
        c.line = xml.line();
        c.classname = m_r.text("type");
        const QString name = m_r.text("name");
        // A theory's name carries its arguments ("Ns.Class.Add(a: 1)"); the method attribute does not.
        c.name = withoutClassPrefix(name.isEmpty() ? m_r.text("method") : name, c.classname);
        c.seconds = dotnetSeconds(QString::fromUtf8(xml.attribute("time")));
        const QString result = m_r.text("result");
        c.status = statusOf(result);
        QString type, message, trace, reason, output;
        QStringList traits;
        bool hadFailure = false;
        QVector<FurtherFailure> further; // a second <failure> and on
        while (m_r.next() && !m_r.atEnd(depth)) {
            if (xml.tokenType() != XmlStreamTokenizer::StartElement)
                continue;
            const QByteArrayView child = xml.name();
            if (child == "failure" && hadFailure) {
                further.append({ QString(), QString(), QString(), xml.line() });
                readFailure(&further.last().type, &further.last().message, &further.last().trace);
            } else if (child == "failure") {
                hadFailure = true;
                readFailure(&type, &message, &trace);
            } else if (child == "reason")
                reason += m_r.elementText();
            else if (child == "output")
                output += m_r.elementText();
            else if (child == "trait") {
                traits << m_r.text("name") + QLatin1Char('=') + m_r.text("value");
                m_r.skipElement();
            } else if (child != "traits")
                m_r.skipElement();
        }
        if (isFailing(c.status) || c.status == TestStatus::Unknown) {
            c.message = firstTextLine(message);
            if (c.message.isEmpty())
                c.message = c.status == TestStatus::Unknown ? QStringLiteral("result \"%1\"").arg(result) : type;
            c.details = failureDetails(type, message, trace);
            if (!further.isEmpty())
                appendFurtherFailures(c, further);
            appendOutput(c, QStringLiteral("output"), output);
        } else if (c.status == TestStatus::Skipped) {
            c.message = firstTextLine(reason);
        }
        if (!traits.isEmpty())
            c.details += (c.details.isEmpty() ? QString() : QStringLiteral("\n\n")) + QLatin1String("traits: ")
                + traits.join(QLatin1String(", "));
        if (!assemblies.isEmpty()) {
            AssemblyCounts &a = assemblies.last();
            ++a.present[0];
            if (c.status == TestStatus::Passed)
                ++a.present[1];
            else if (c.status == TestStatus::Failed)
                ++a.present[2];
            else if (c.status == TestStatus::Skipped)
                ++a.present[3];
        }
        m_builder->addCase(std::move(c));
    }

    // <error type="assembly-cleanup" name="…"><failure>…</failure></error>: not a test, but a failure to see.
    void XUnitReader::readError()
    {
        XmlStreamTokenizer &xml = m_r.xml();
        const int depth = xml.depth();
        const int line = xml.line();
        const QString kind = m_r.text("type");
        const QString name = m_r.text("name");
        QString type, message, trace;
        while (m_r.next() && !m_r.atEnd(depth)) {
            if (m_r.atStart("failure"))
                readFailure(&type, &message, &trace);
            else if (xml.tokenType() == XmlStreamTokenizer::StartElement)
                m_r.skipElement();
        }
        errors.append({ Severity::Warning, line,
            QStringLiteral("%1 error%2: %3")
                .arg(kind.isEmpty() ? QStringLiteral("xUnit") : kind,
                    name.isEmpty() ? QString() : QStringLiteral(" in %1").arg(name),
                    firstTextLine(failureDetails(type, message, QString()))) });
    }

} // namespace

ImportResult importXUnit(QIODevice *xml, const QString &displayName, const ImportControl &control)
{
    return importStreamed<XUnitReader>(
        xml, displayName, control, QStringLiteral("xunit"), [](Report &report, const XUnitReader &reader) {
            for (const AssemblyCounts &a : std::as_const(reader.assemblies))
                warnOnStatedCounts(report, a.line, QStringLiteral("assembly \"%1\"").arg(a.name),
                    { { "tests", a.stated[0], a.present[0], "test" }, { "passed", a.stated[1], a.present[1] },
                        { "failed", a.stated[2], a.present[2] }, { "skipped", a.stated[3], a.present[3] } });
            report.diagnostics << reader.errors;
        });
}

} // namespace Gapwise
