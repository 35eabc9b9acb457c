#include "junitdocument.h"
#include "xmlsafety.h"

#include <QIODevice>
#include <QXmlStreamReader>

namespace Gapwise {
namespace {

constexpr int MaxCapturedOutput = 8 * 1024; // per stream, per failing test: enough to triage, bounded memory
// JUnit needs 4 levels; real nested suites (Jenkins, Catch2) a dozen. Deeper is an absurd or hostile file.
constexpr int MaxElementDepth = 256;

int intAttribute(const QXmlStreamAttributes &attrs, QLatin1String name)
{
    const QStringView v = attrs.value(name);
    if (v.isEmpty())
        return -1;
    bool ok = false;
    const int n = v.trimmed().toInt(&ok);
    return ok && n >= 0 ? n : -1;
}

double secondsAttribute(const QXmlStreamAttributes &attrs)
{
    bool ok = false;
    const double s = attrs.value(QLatin1String("time")).toDouble(&ok);
    return ok && s >= 0 ? s : -1.0; // Jenkins has "-345345" in its corpus: a duration is never negative
}

void readCounts(const QXmlStreamAttributes &attrs, int *counts)
{
    counts[CountTests] = intAttribute(attrs, QLatin1String("tests"));
    counts[CountFailures] = intAttribute(attrs, QLatin1String("failures"));
    counts[CountErrors] = intAttribute(attrs, QLatin1String("errors"));
    counts[CountSkipped] = intAttribute(attrs, QLatin1String("skipped"));
    if (counts[CountSkipped] < 0)
        counts[CountSkipped] = intAttribute(attrs, QLatin1String("skips")); // pytest-rerunfailures, older pytest
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
        : m_device(xml), m_size(xml->size()), m_sink(sink), m_control(control), m_doc(doc)
    {
        // Through a device Qt decodes a few KiB at a time; handed the whole QByteArray it decodes all of it
        // up front, which is 2-3 times slower on 100,000 testcases and doubles the memory.
        m_reader.setDevice(xml);
        m_reader.setNamespaceProcessing(false); // names compare as written; JUnit uses no namespaces
    }

    bool run(QString *message);
    int line() const { return int(m_reader.lineNumber()); }
    // Qt counts the characters read on the line, the offending one included: that is its 1-based column.
    int column() const { return qMax(1, int(m_reader.columnNumber())); }

private:
    void startRoot(bool *ok, QString *message);
    void startSuite();
    void startCase();
    void placeInSuite(JUnitCase &c) const;
    void readCaseChildren(JUnitCase &c);
    void suiteLevelOutcome();
    void next();
    void skipElement();
    QString elementText();
    bool checkCancelAndProgress();

    QString intern(QStringView value, QString &last);

    QIODevice *m_device;
    const qint64 m_size;
    QXmlStreamReader m_reader;
    JUnitCaseSink *m_sink;
    QString m_lastClassname, m_lastFile; // consecutive testcases share these: one string, shared
    const ImportControl &m_control;
    JUnitDocument *m_doc;
    QVector<int> m_suiteStack;
    QString m_caseStatus; // the testcase's status attribute, lower case
    int m_tokenLine = 1; // line where the current token starts (where the previous one ended)
    int m_depth = 0;     // of the current element; every token goes through next(), so Qt's skip and
                         // readElementText (which would nest without limit) are not used
    int m_lastPermille = -1;
    quint32 m_tokens = 0;
};

QString Reader::intern(QStringView value, QString &last)
{
    if (value != last)
        last = value.toString();
    return last;
}

void Reader::next()
{
    m_tokenLine = int(m_reader.lineNumber());
    m_reader.readNext();
    if (m_reader.isStartElement() && ++m_depth > MaxElementDepth)
        m_reader.raiseError(QStringLiteral("XML elements nested more than %1 deep; Gapwise stops there").arg(MaxElementDepth));
    else if (m_reader.isEndElement())
        --m_depth;
}

// Called on a start element: reads past its end element.
void Reader::skipElement()
{
    const int depth = m_depth;
    while (!m_reader.atEnd() && m_depth >= depth)
        next();
}

// QXmlStreamReader::readElementText(IncludeChildElements), through next().
QString Reader::elementText()
{
    QString text;
    const int depth = m_depth;
    while (!m_reader.atEnd()) {
        next();
        if (m_depth < depth)
            break;
        if (m_reader.isCharacters() || m_reader.isEntityReference())
            text += m_reader.text();
    }
    return text;
}

bool Reader::checkCancelAndProgress()
{
    if ((++m_tokens & 0x3ff) != 0)
        return true;
    if (m_control.cancelled())
        return false;
    if (m_control.progress && m_size > 0) {
        // Bytes the reader has taken from the device: exact for any encoding, unlike characterOffset().
        const int permille = int(qMin<qint64>(1000, m_device->pos() * 1000 / m_size));
        if (permille != m_lastPermille) {
            m_lastPermille = permille;
            m_control.progress(permille);
        }
    }
    return true;
}

bool Reader::run(QString *message)
{
    bool rootSeen = false;
    while (!m_reader.atEnd()) {
        next();
        if (!checkCancelAndProgress()) {
            *message = QStringLiteral("import cancelled");
            return false;
        }
        switch (m_reader.tokenType()) {
        case QXmlStreamReader::DTD:
            // Second line of defence behind checkXmlProlog: entities declared in a DOCTYPE are refused.
            if (!m_reader.entityDeclarations().isEmpty() || m_reader.text().contains(QLatin1String("ENTITY"))) {
                *message = QStringLiteral("the XML declares entities in its DOCTYPE; Gapwise refuses them");
                return false;
            }
            break;
        case QXmlStreamReader::EntityReference:
            *message = QStringLiteral("undeclared entity &%1;").arg(m_reader.name());
            return false;
        case QXmlStreamReader::StartElement: {
            const QStringView name = m_reader.name();
            if (!rootSeen) {
                rootSeen = true;
                bool ok = true;
                startRoot(&ok, message);
                if (!ok)
                    return false;
            } else if (name == QLatin1String("testsuite") || name == QLatin1String("testsuites")) {
                startSuite();
            } else if (name == QLatin1String("testcase")) {
                startCase();
            } else if (!m_suiteStack.isEmpty()
                       && (name == QLatin1String("failure") || name == QLatin1String("error"))) {
                suiteLevelOutcome();
            } else {
                skipElement(); // properties, system-out of a suite, anything unknown
            }
            break;
        }
        case QXmlStreamReader::EndElement:
            if ((m_reader.name() == QLatin1String("testsuite") || m_reader.name() == QLatin1String("testsuites"))
                && !m_suiteStack.isEmpty())
                m_suiteStack.removeLast();
            break;
        default:
            break;
        }
    }
    if (m_reader.hasError()) {
        if (m_reader.error() == QXmlStreamReader::CustomError)
            *message = m_reader.errorString(); // a limit of ours, worded in full
        else if (m_reader.error() == QXmlStreamReader::PrematureEndOfDocumentError)
            *message = rootSeen ? QStringLiteral("the XML ends before its root element is closed (truncated file?)")
                                : QStringLiteral("no XML element found");
        else
            *message = QStringLiteral("malformed XML: %1").arg(m_reader.errorString());
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
    const QStringView name = m_reader.name();
    const QXmlStreamAttributes attrs = m_reader.attributes();
    // No whitespace token precedes the root (Qt skips prolog whitespace): take the line its tag ends on.
    m_doc->rootLine = int(m_reader.lineNumber());
    m_doc->rootName = attrs.value(QLatin1String("name")).toString();
    if (name == QLatin1String("testsuites")) {
        readCounts(attrs, m_doc->rootStated);
        return;
    }
    if (name == QLatin1String("testsuite")) {
        m_doc->rootIsSuite = true;
        startSuite();
        m_doc->suites.last().line = m_doc->rootLine;
        return;
    }
    *ok = false;
    *message = QStringLiteral("not a JUnit XML report: the root element is <%1>, expected <testsuites> or "
                              "<testsuite>").arg(m_reader.qualifiedName());
}

void Reader::startSuite()
{
    const QXmlStreamAttributes attrs = m_reader.attributes();
    JUnitSuite s;
    s.name = attrs.value(QLatin1String("name")).toString();
    s.timestamp = attrs.value(QLatin1String("timestamp")).toString();
    s.hostname = attrs.value(QLatin1String("hostname")).toString();
    s.line = m_tokenLine;
    s.seconds = secondsAttribute(attrs);
    readCounts(attrs, s.stated);
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
    const QXmlStreamAttributes attrs = m_reader.attributes();
    JUnitCase c;
    placeInSuite(c);
    c.classname = intern(attrs.value(QLatin1String("classname")), m_lastClassname);
    c.name = attrs.value(QLatin1String("name")).toString();
    c.file = intern(attrs.value(QLatin1String("file")), m_lastFile);
    c.line = m_tokenLine;
    c.seconds = secondsAttribute(attrs);
    m_caseStatus = attrs.value(QLatin1String("status")).toString().toLower();
    readCaseChildren(c);
    m_sink->addCase(std::move(c));
}

void Reader::readCaseChildren(JUnitCase &c)
{
    QString out, err;
    bool failed = false, errored = false, skipped = false, reran = false;
    while (!m_reader.atEnd()) {
        next();
        if (m_reader.isEndElement())
            break; // </testcase>
        if (!m_reader.isStartElement())
            continue;
        const QStringView name = m_reader.name();
        const QXmlStreamAttributes attrs = m_reader.attributes();
        const QString messageAttr = attrs.value(QLatin1String("message")).toString();
        const QString type = attrs.value(QLatin1String("type")).toString();
        const bool isFailure = name == QLatin1String("failure");
        const bool isError = name == QLatin1String("error");
        const bool isSkipped = name == QLatin1String("skipped");
        const bool isRerun = name.startsWith(QLatin1String("rerun")) || name.startsWith(QLatin1String("flaky"));
        if (name == QLatin1String("system-out") || name == QLatin1String("system-err")) {
            QString &into = name == QLatin1String("system-out") ? out : err;
            into += elementText();
            continue;
        }
        if (!isFailure && !isError && !isSkipped && !isRerun) {
            skipElement();
            continue;
        }
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
            const QString kind = name.startsWith(QLatin1String("flaky")) ? QStringLiteral("flaky ")
                                                                          : QStringLiteral("rerun ");
            const QString what = name.endsWith(QLatin1String("Error")) ? QStringLiteral("error")
                                                                       : QStringLiteral("failure");
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
        // A <failure> outranks an <error> (pytest writes a teardown error beside the failed call).
        if (isFailure || !failed) {
            c.message = first;
            // The exception type heads the details (signatures read it there) unless the trace names it.
            QString details = body.isEmpty() ? messageAttr.trimmed() : body;
            if (!type.isEmpty() && !details.contains(type))
                details = type + QLatin1String(": ") + (body.isEmpty() ? details : first + QLatin1Char('\n') + details);
            c.details = details;
        }
        failed = failed || isFailure;
        errored = errored || isError;
    }
    // xUnit.net and Catch2 mark tests that never ran with status="disabled" and no child element.
    const QStringView statusAttr = m_caseStatus;
    if (failed)
        c.status = TestStatus::Failed;
    else if (errored)
        c.status = TestStatus::Error;
    else if (skipped)
        c.status = TestStatus::Skipped;
    else if (reran && !c.history.isEmpty() && c.history.first().startsWith(QLatin1String("rerun")))
        c.status = TestStatus::Failed; // only rerunFailure elements: it never passed
    else if (statusAttr == QLatin1String("disabled") || statusAttr == QLatin1String("skipped")
             || statusAttr == QLatin1String("notrun") || statusAttr == QLatin1String("ignored"))
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
    c.line = m_tokenLine;
    c.status = m_reader.name() == QLatin1String("failure") ? TestStatus::Failed : TestStatus::Error;
    const QXmlStreamAttributes attrs = m_reader.attributes();
    const QString messageAttr = attrs.value(QLatin1String("message")).toString();
    const QString type = attrs.value(QLatin1String("type")).toString();
    const QString body = elementText().trimmed();
    c.message = firstLine(messageAttr.isEmpty() ? body : messageAttr);
    c.details = body.isEmpty() ? messageAttr : body;
    if (!type.isEmpty() && !c.details.contains(type))
        c.details = type + QLatin1String(": ") + c.details;
    m_sink->addCase(std::move(c));
}

} // namespace

bool readJUnitDocument(QIODevice *xml, const QString &displayName, const ImportControl &control,
                       JUnitDocument *doc, JUnitCaseSink *sink, ImportError *error)
{
    error->file = displayName;
    // The prolog ends within the first KiB of any real report; only a file with a huge DOCTYPE needs more.
    constexpr qint64 PrologPeek = 64 * 1024;
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
