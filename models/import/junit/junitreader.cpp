// SPDX-License-Identifier: GPL-3.0-or-later
#include "byteinterner.h"
#include "junitdocument.h"
#include "junitseconds.h"
#include "xmlsafety.h"

#include "xmlstreamtokenizer.h"

#include <QIODevice>

#include <algorithm>

namespace Gapwise {
namespace {

    constexpr int MaxCapturedOutput = 8 * 1024; // per stream, per failing test: enough to triage, bounded memory
    // JUnit needs 4 levels; real nested suites (Jenkins, Catch2) a dozen. Deeper is an absurd or hostile file.
    constexpr int MaxElementDepth = 256;

    int intAttribute(const XmlStreamTokenizer &xml, QByteArrayView name)
    {
        const QByteArrayView v = xml.attribute(name).trimmed();
        if (v.isEmpty())
            return -1;
        bool ok = false;
        const int n = v.toInt(&ok);
        return ok && n >= 0 ? n : -1;
    }

    // The time attribute in seconds, -1 when absent or unreadable; a negative one is counted in `doc`, which
    // the report warns of (it was left out without a word).
    double secondsAttribute(const XmlStreamTokenizer &xml, JUnitDocument *doc)
    {
        const QByteArrayView text = xml.attribute("time");
        const double s = junitSeconds(text);
        if (s < 0 && text.trimmed().startsWith('-') && ++doc->negativeTimes == 1) {
            doc->firstNegativeTimeLine = xml.line();
            doc->firstNegativeTime = QString::fromUtf8(text.trimmed()).left(40);
        }
        return s;
    }

    QString stringAttribute(const XmlStreamTokenizer &xml, QByteArrayView name)
    {
        const QByteArrayView v = xml.attribute(name);
        return v.isEmpty() ? QString() : QString::fromUtf8(v);
    }

    void readCounts(const XmlStreamTokenizer &xml, int *counts)
    {
        counts[CountTests] = intAttribute(xml, "tests");
        counts[CountFailures] = intAttribute(xml, "failures");
        counts[CountErrors] = intAttribute(xml, "errors");
        counts[CountSkipped] = intAttribute(xml, "skipped");
        if (counts[CountSkipped] < 0)
            counts[CountSkipped] = intAttribute(xml, "skips"); // pytest-rerunfailures, older pytest
    }

    QString firstLine(const QString &text)
    {
        for (const QStringView line : QStringView(text).split(QLatin1Char('\n'))) {
            const QStringView t = line.trimmed();
            if (!t.isEmpty())
                return t.toString();
        }
        return QString();
    }

    class Reader
    {
    public:
        Reader(QIODevice *xml, const ImportControl &control, JUnitDocument *doc, JUnitCaseSink *sink)
            : m_xml(xml, MaxElementDepth)
            , m_sink(sink)
            , m_doc(doc)
        {
            m_xml.setCancelFlag(control.cancel);
            if (control.progress)
                m_xml.setProgress(control.progress);
        }

        bool run(QString *message);
        int line() const { return m_xml.errorLine(); }
        int column() const { return m_xml.errorColumn(); }

    private:
        void startRoot(bool *ok, QString *message);
        void startSuite();
        void startCase();
        void placeInSuite(JUnitCase &c) const;
        void readCaseChildren(JUnitCase &c);
        void suiteLevelOutcome();
        bool next();
        void skipElement();
        QString elementText();

        XmlStreamTokenizer m_xml;
        JUnitCaseSink *m_sink;
        ByteInterner m_classnames, m_files; // testcases share classname and file: one string each, converted once
        JUnitDocument *m_doc;
        QVector<int> m_suiteStack;
        bool m_caseDisabled = false; // the testcase's status attribute says it never ran
    };

    // False at the end of the document or on an error (the tokenizer keeps it).
    bool Reader::next()
    {
        const XmlStreamTokenizer::Token t = m_xml.readNext();
        return t != XmlStreamTokenizer::EndDocument && t != XmlStreamTokenizer::Invalid;
    }

    // Called on a start element: reads past its end element.
    void Reader::skipElement()
    {
        const int depth = m_xml.depth();
        while (next()) {
            if (m_xml.tokenType() == XmlStreamTokenizer::EndElement && m_xml.depth() == depth)
                return;
        }
    }

    // The text of the element (its children's included), called on its start element; reads past its end.
    QString Reader::elementText()
    {
        QByteArray text;
        const int depth = m_xml.depth();
        while (next()) {
            if (m_xml.tokenType() == XmlStreamTokenizer::EndElement && m_xml.depth() == depth)
                break;
            if (m_xml.tokenType() == XmlStreamTokenizer::Characters)
                text += m_xml.text();
        }
        return QString::fromUtf8(text);
    }

    bool Reader::run(QString *message)
    {
        bool rootSeen = false;
        while (next()) {
            switch (m_xml.tokenType()) {
            case XmlStreamTokenizer::StartElement: {
                const QByteArrayView name = m_xml.name();
                if (!rootSeen) {
                    rootSeen = true;
                    bool ok = true;
                    startRoot(&ok, message);
                    if (!ok) {
                        m_xml.raiseError(*message);
                        return false;
                    }
                } else if (name == "testsuite" || name == "testsuites") {
                    startSuite();
                } else if (name == "testcase") {
                    startCase();
                } else if (!m_suiteStack.isEmpty() && (name == "failure" || name == "error")) {
                    suiteLevelOutcome();
                } else {
                    skipElement(); // properties, system-out of a suite, anything unknown
                }
                break;
            }
            case XmlStreamTokenizer::EndElement:
                if ((m_xml.name() == "testsuite" || m_xml.name() == "testsuites") && !m_suiteStack.isEmpty())
                    m_suiteStack.removeLast();
                break;
            default:
                break;
            }
        }
        if (m_xml.hasError()) {
            *message = m_xml.errorMessage();
            return false;
        }
        if (!rootSeen) {
            *message = QStringLiteral("no XML element found");
            return false;
        }
        return true;
    }

    void Reader::startRoot(bool *ok, QString *message)
    {
        const QByteArrayView name = m_xml.name();
        m_doc->rootLine = m_xml.line();
        m_doc->rootName = stringAttribute(m_xml, "name");
        if (name == "testsuites") {
            readCounts(m_xml, m_doc->rootStated);
            return;
        }
        if (name == "testsuite") {
            m_doc->rootIsSuite = true;
            startSuite();
            return;
        }
        *ok = false;
        *message = QStringLiteral("not a JUnit XML report: the root element is <%1>, expected <testsuites> or "
                                  "<testsuite>")
                       .arg(QString::fromUtf8(name));
    }

    void Reader::startSuite()
    {
        JUnitSuite s;
        s.name = stringAttribute(m_xml, "name");
        s.timestamp = stringAttribute(m_xml, "timestamp");
        s.hostname = stringAttribute(m_xml, "hostname");
        s.line = m_xml.line();
        s.seconds = secondsAttribute(m_xml, m_doc);
        readCounts(m_xml, s.stated);
        const int index = int(m_doc->suites.size());
        s.parent = m_suiteStack.isEmpty() ? -1 : m_suiteStack.last();
        s.topLevel = s.parent < 0 ? index : m_doc->suites[s.parent].topLevel;
        m_doc->suites.append(s);
        m_suiteStack.append(index);
    }

    void Reader::placeInSuite(JUnitCase &c) const
    {
        c.suite = m_suiteStack.isEmpty() ? -1 : m_suiteStack.last();
        if (c.suite < 0)
            return;
        const JUnitSuite &suite = m_doc->suites[c.suite];
        c.suiteName = suite.name;
        c.topLevel = suite.topLevel;
        c.topLevelName = m_doc->suites[suite.topLevel].name;
        c.topLevelLine = m_doc->suites[suite.topLevel].line;
    }

    void Reader::startCase()
    {
        JUnitCase c;
        placeInSuite(c);
        c.classname = m_classnames.intern(m_xml.attribute("classname"));
        c.name = stringAttribute(m_xml, "name");
        c.file = m_files.intern(m_xml.attribute("file"));
        c.line = m_xml.line();
        c.seconds = secondsAttribute(m_xml, m_doc);
        const QByteArray status = m_xml.attribute("status").toByteArray().toLower();
        m_caseDisabled = status == "disabled" || status == "skipped" || status == "notrun" || status == "ignored";
        readCaseChildren(c);
        m_sink->addCase(std::move(c));
    }

    void Reader::readCaseChildren(JUnitCase &c)
    {
        QString out, err;
        bool failed = false, errored = false, skipped = false, reran = false;
        struct Outcome
        {
            bool isFailure;
            int line;
            QString message; // its first line
            QString details;
        };
        QVector<Outcome> outcomes; // each <failure> and <error>, in order
        while (next()) {
            if (m_xml.tokenType() == XmlStreamTokenizer::EndElement)
                break; // </testcase>: children are read whole below
            if (m_xml.tokenType() != XmlStreamTokenizer::StartElement)
                continue;
            const QByteArray name = m_xml.name().toByteArray(); // outlives the tokens elementText() reads
            if (name == "system-out" || name == "system-err") {
                QString &into = name == "system-out" ? out : err;
                into += elementText();
                continue;
            }
            const bool isFailure = name == "failure";
            const bool isError = name == "error";
            const bool isSkipped = name == "skipped";
            const bool isRerun = name.startsWith("rerun") || name.startsWith("flaky");
            if (!isFailure && !isError && !isSkipped && !isRerun) {
                skipElement();
                continue;
            }
            const int line = m_xml.line();
            const QString messageAttr = stringAttribute(m_xml, "message");
            const QString type = stringAttribute(m_xml, "type");
            const QString body = elementText().trimmed();
            QString first = firstLine(messageAttr);
            if (first.isEmpty())
                first = firstLine(body);
            if (first.isEmpty() && !isSkipped)
                first = type;
            if (isRerun) {
                // Surefire: flakyFailure/flakyError = failed, then passed on a rerun; rerunFailure/rerunError =
                // every rerun failed too. Either way an earlier state, kept in the history.
                reran = true;
                const QString kind = name.startsWith("flaky") ? QStringLiteral("flaky ") : QStringLiteral("rerun ");
                const QString what = name.endsWith("Error") ? QStringLiteral("error") : QStringLiteral("failure");
                c.history.append(kind + what + (first.isEmpty() ? QString() : QLatin1String(": ") + first));
                if (c.details.isEmpty() && !body.isEmpty())
                    c.details = body;
                continue;
            }
            if (isSkipped) {
                skipped = true;
                c.expectedFailure = c.expectedFailure || type == QLatin1String("pytest.xfail");
                if (c.message.isEmpty())
                    c.message = first;
                continue;
            }
            // Every <failure> and <error> is kept: the first <failure> (else the first <error>: pytest writes a
            // teardown error beside the failed call) is the message, all of them are the details, in order.
            {
                // A message of several lines (&#10; in the attribute) that the body does not repeat keeps its
                // other lines, where Java prints them: after the body's first line when that line holds the
                // message's first ("Type: message"), else ahead of the body. They were lost.
                const QString fullMessage = messageAttr.trimmed();
                // Line by line and without their indentation: pytest's body repeats each line after "E   ", and an
                // attribute's tabs arrive as spaces (XML normalises them).
                const auto bodyRepeats = [&body](const QString &message) {
                    const QStringList lines = message.split(QLatin1Char('\n'));
                    return std::all_of(lines.cbegin(), lines.cend(),
                        [&body](const QString &line) { return body.contains(line.trimmed()); });
                };
                const bool messageAhead
                    = !body.isEmpty() && fullMessage.contains(QLatin1Char('\n')) && !bodyRepeats(fullMessage);
                QString details = body.isEmpty() ? fullMessage : body;
                bool typeAhead = body.isEmpty();
                if (messageAhead) {
                    const qsizetype lineEnd = body.indexOf(QLatin1Char('\n'));
                    const QString bodyFirst = body.left(lineEnd);
                    if (bodyFirst.contains(first)) {
                        const QString rest = fullMessage.mid(fullMessage.indexOf(QLatin1Char('\n')));
                        details = bodyFirst + rest + (lineEnd < 0 ? QString() : body.mid(lineEnd));
                    } else {
                        details = fullMessage + QLatin1String("\n\n") + body;
                        typeAhead = true;
                    }
                }
                // The exception type heads the details (signatures read it there) unless the trace names it.
                if (!type.isEmpty() && !details.contains(type))
                    details = type + QLatin1String(": ") + (typeAhead ? details : first + QLatin1Char('\n') + details);
                outcomes.append({ isFailure, line, first, details });
            }
            failed = failed || isFailure;
            errored = errored || isError;
            c.failureElements += isFailure ? 1 : 0;
            c.errorElements += isError ? 1 : 0;
        }
        if (!outcomes.isEmpty()) {
            const auto primary = std::find_if(
                outcomes.cbegin(), outcomes.cend(), [failed](const Outcome &o) { return o.isFailure || !failed; });
            c.message = primary->message;
            c.details = primary->details;
            const int total = int(outcomes.size());
            for (int i = 0; i < total && total > 1; ++i) {
                if (outcomes.cbegin() + i == primary)
                    continue;
                const Outcome &o = outcomes[i];
                c.details += furtherOutcomeHeading(o.isFailure, i + 1, total, o.line) + o.details;
            }
        }
        // xUnit.net and Catch2 mark tests that never ran with status="disabled" and no child element.
        // The chain's order is the precedence, so two branches set the same status.
        if (failed)
            c.status = TestStatus::Failed; // NOLINT(bugprone-branch-clone)
        else if (errored)
            c.status = TestStatus::Error;
        else if (skipped)
            c.status = TestStatus::Skipped; // NOLINT(bugprone-branch-clone)
        else if (reran && !c.history.isEmpty() && c.history.first().startsWith(QLatin1String("rerun")))
            c.status = TestStatus::Failed; // only rerunFailure elements: it never passed
        else if (m_caseDisabled)
            c.status = TestStatus::Skipped;
        if (isFailing(c.status)) {
            if (!out.trimmed().isEmpty())
                c.details += QLatin1String("\n\n--- system-out ---\n") + out.trimmed().left(MaxCapturedOutput);
            if (!err.trimmed().isEmpty())
                c.details += QLatin1String("\n\n--- system-err ---\n") + err.trimmed().left(MaxCapturedOutput);
        } else if (c.status == TestStatus::Passed && c.history.isEmpty()) {
            c.details.clear(); // a flaky pass keeps the trace of its failed try
        }
    }

    void Reader::suiteLevelOutcome()
    {
        // Jenkins' nested-suite fixture: <error> straight inside <testsuite> (a suite that failed to set up).
        // It counts as a test of that suite, named after it, so stated and present counts agree.
        JUnitCase c;
        placeInSuite(c);
        c.synthetic = true;
        c.line = m_xml.line();
        c.status = m_xml.name() == "failure" ? TestStatus::Failed : TestStatus::Error;
        const QString messageAttr = stringAttribute(m_xml, "message");
        const QString type = stringAttribute(m_xml, "type");
        const QString body = elementText().trimmed();
        c.message = firstLine(messageAttr.isEmpty() ? body : messageAttr);
        c.details = body.isEmpty() ? messageAttr : body;
        if (!type.isEmpty() && !c.details.contains(type))
            c.details = type + QLatin1String(": ") + c.details;
        m_sink->addCase(std::move(c));
    }

} // namespace

QString furtherOutcomeHeading(bool failure, int index, int total, int line)
{
    return QStringLiteral("\n\n--- %1 %2 of %3 in this testcase (line %4) ---\n")
        .arg(failure ? QStringLiteral("failure") : QStringLiteral("error"))
        .arg(index)
        .arg(total)
        .arg(line);
}

bool readJUnitDocument(QIODevice *xml, const QString &displayName, const ImportControl &control, JUnitDocument *doc,
    JUnitCaseSink *sink, ImportError *error)
{
    error->file = displayName;
    // The prolog ends within the first KiB of any real report; only a file with a huge DOCTYPE needs more.
    constexpr qint64 PrologPeek = qint64(64) * 1024;
    QByteArray prolog = xml->peek(PrologPeek);
    bool prologEnds = false;
    auto refused = checkXmlProlog(prolog, displayName, &prologEnds);
    if (!refused && !prologEnds && prolog.size() == PrologPeek) {
        prolog = xml->peek(xml->size());
        refused = checkXmlProlog(prolog, displayName);
    }
    if (refused) {
        *error = *refused;
        return false;
    }
    Reader reader(xml, control, doc, sink);
    QString message;
    if (reader.run(&message))
        return true;
    error->message = message;
    if (message != QLatin1String("import cancelled")) {
        error->line = reader.line();
        error->column = reader.column();
    }
    return false;
}

} // namespace Gapwise
