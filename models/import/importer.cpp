// SPDX-License-Identifier: GPL-3.0-or-later
#include "importer.h"
#include "ctrfimporter.h"
#include "junitimporter.h"
#include "markdownimporter.h"
#include "multifile.h"
#include "nunitimporter.h"
#include "pytestlog.h"
#include "textdecoding.h"
#include "trximporter.h"
#include "xunitimporter.h"

#include <QBuffer>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>

namespace Gapwise {

QString ImportError::toString() const
{
    QString where = file;
    if (line > 0) {
        where += QLatin1Char(':') + QString::number(line);
        if (column > 0)
            where += QLatin1Char(':') + QString::number(column);
    }
    return where + QLatin1String(": ") + message;
}

QString formatName(InputFormat format)
{
    switch (format) {
    case InputFormat::Markdown:
        return QStringLiteral("markdown");
    case InputFormat::JUnitXml:
        return QStringLiteral("junit");
    case InputFormat::PytestLog:
        return QStringLiteral("pytest-log");
    case InputFormat::Trx:
        return QStringLiteral("trx");
    case InputFormat::NUnitXml:
        return QStringLiteral("nunit");
    case InputFormat::XUnitXml:
        return QStringLiteral("xunit");
    case InputFormat::Ctrf:
        return QStringLiteral("ctrf");
    case InputFormat::Unknown:
        break;
    }
    return QStringLiteral("unknown");
}

namespace {

    // Markdown may open with HTML; those elements are not XML documents of their own.
    bool startsWithHtml(const QByteArray &text)
    {
        static const QRegularExpression html(QStringLiteral("^<(?:p|div|span|a|img|br|hr|h[1-6]|details|summary|table|"
                                                            "center|picture|b|i|em|strong|sup|sub)[\\s/>]"),
            QRegularExpression::CaseInsensitiveOption);
        return html.match(QString::fromUtf8(text.left(64))).hasMatch();
    }

    QByteArray skipXmlComments(QByteArray text)
    {
        while (text.startsWith("<!--")) {
            const qsizetype end = text.indexOf("-->");
            if (end < 0)
                return QByteArray();
            text = text.mid(end + 3).trimmed();
        }
        return text;
    }

    // How much of a file's start decides its format.
    constexpr qsizetype DetectionBytes = qsizetype(64) * 1024;

    // What importBytes() decides from the same bytes: text, and its format (blank text is no format).
    InputFormat formatOfHead(const QByteArray &rawHead)
    {
        const DecodedText head = decodeText(rawHead);
        return head.ok() ? detectFormat(head.utf8) : InputFormat::Unknown;
    }

    // The root element's name: past the declaration, comments, processing instructions and the DOCTYPE.
    QByteArray rootElementName(const QByteArray &xml)
    {
        qsizetype i = 0;
        while (i < xml.size()) {
            i = xml.indexOf('<', i);
            if (i < 0 || i + 1 >= xml.size())
                return QByteArray();
            const char next = xml.at(i + 1);
            if (next == '?' || next == '!') {
                // A DOCTYPE with an internal subset ends at "]>"; the JUnit reader refuses entities anyway.
                const QByteArray end = xml.mid(i, 4) == "<!--" ? QByteArray("-->") : QByteArray(">");
                const qsizetype close = xml.indexOf(end, i + 2);
                if (close < 0)
                    return QByteArray();
                i = close + end.size();
                continue;
            }
            qsizetype j = i + 1;
            while (j < xml.size() && !QChar::isSpace(uchar(xml.at(j))) && xml.at(j) != '>' && xml.at(j) != '/')
                ++j;
            QByteArray name = xml.mid(i + 1, j - i - 1);
            if (const qsizetype colon = name.indexOf(':'); colon >= 0)
                name = name.mid(colon + 1); // a namespace prefix
            return name;
        }
        return QByteArray();
    }

    InputFormat xmlFormatOfRoot(const QByteArray &root)
    {
        if (root == "TestRun")
            return InputFormat::Trx;
        if (root == "test-run" || root == "test-results")
            return InputFormat::NUnitXml;
        if (root == "assemblies" || root == "assembly")
            return InputFormat::XUnitXml;
        return InputFormat::JUnitXml; // the JUnit importer names a root element it does not know
    }

    ImportResult importXml(
        InputFormat format, QIODevice *device, const QString &displayName, const ImportControl &control)
    {
        switch (format) {
        case InputFormat::Trx:
            return importTrx(device, displayName, control);
        case InputFormat::NUnitXml:
            return importNUnit(device, displayName, control);
        case InputFormat::XUnitXml:
            return importXUnit(device, displayName, control);
        default:
            return importJUnit(device, displayName, control);
        }
    }

} // namespace

bool isXmlFormat(InputFormat format)
{
    return format == InputFormat::JUnitXml || format == InputFormat::Trx || format == InputFormat::NUnitXml
        || format == InputFormat::XUnitXml;
}

InputFormat detectFormat(const QByteArray &utf8Head)
{
    const QByteArray head = utf8Head.left(qsizetype(64) * 1024).trimmed();
    if (head.isEmpty())
        return InputFormat::Unknown;
    // XML by its first markup: a declaration, a DOCTYPE or entity (the importer refuses those with a
    // reason), or any root element that is not Markdown's inline HTML. The JUnit importer names the root
    // element of XML that is not JUnit.
    if (head.startsWith('<')) {
        const QByteArray body = skipXmlComments(head);
        if (body.startsWith("<?xml") || body.startsWith("<!") || body.startsWith("<testsuite")
            || (body.startsWith('<') && !startsWithHtml(body)))
            return xmlFormatOfRoot(rootElementName(body));
        if (body.isEmpty())
            return InputFormat::Unknown;
    }
    if (head.startsWith('{') && looksLikeCtrf(head))
        return InputFormat::Ctrf;
    if ((head.startsWith('{') || head.startsWith('[')) && !head.startsWith("[gw"))
        return InputFormat::Unknown; // JSON: only CTRF is a format Gapwise reads
    if (looksLikePytestLog(head))
        return InputFormat::PytestLog;
    // Everything else that is text reads as Markdown: plain prose is valid Markdown, and the importer says
    // "no test results found" when there is nothing in it.
    return InputFormat::Markdown;
}

ImportResult importBytes(const QByteArray &raw, const QString &displayName, const ImportControl &control)
{
    ImportResult result;
    result.error.file = displayName;
    if (raw.size() > MaxInputBytes) {
        result.error.message = QStringLiteral("the file is larger than %1 MiB").arg(MaxInputBytes >> 20);
        return result;
    }
    // Detection reads only the decoded start of the file, so a big XML file is never decoded twice.
    const DecodedText head = decodeText(raw.left(DetectionBytes));
    if (!head.ok()) {
        result.error.message = head.error;
        return result;
    }
    if (head.utf8.trimmed().isEmpty() && raw.trimmed().size() <= DetectionBytes) {
        result.error.message = QStringLiteral("the file is empty");
        return result;
    }
    const InputFormat format = detectFormat(head.utf8);
    if (isXmlFormat(format)) {
        // The XML reader (libxml2) takes the raw bytes: it honours the BOM and encoding declaration itself.
        QBuffer buffer;
        buffer.setData(raw); // shares the bytes, no copy
        buffer.open(QIODevice::ReadOnly);
        result = importXml(format, &buffer, displayName, control);
        if (!result.ok() && result.error.file.isEmpty())
            result.error.file = displayName;
        return result;
    }
    if (format == InputFormat::Unknown) {
        result.error.message
            = QStringLiteral("not a test report Gapwise can read (Markdown, JUnit XML, TRX, NUnit or xUnit.net XML, "
                             "CTRF JSON or a pytest log)");
        return result;
    }
    const DecodedText text = decodeText(raw);
    if (!text.ok()) {
        result.error.message = text.error;
        return result;
    }
    if (format == InputFormat::PytestLog) {
        result = importPytestLog(text.utf8, displayName, control);
    } else if (format == InputFormat::Ctrf) {
        result = importCtrf(text.utf8, displayName, control);
    } else if (text.utf8.size() > MaxMarkdownBytes) {
        result.error.message
            = QStringLiteral("a Markdown report larger than %1 MiB is not supported (this one is %2 MiB); "
                             "for runs this large, import the JUnit XML or the pytest log")
                  .arg(MaxMarkdownBytes >> 20)
                  .arg(double(text.utf8.size()) / (1 << 20), 0, 'f', 1);
        return result;
    } else {
        result = importMarkdown(text.utf8, displayName, control);
    }
    if (result.report && !text.warning.isEmpty())
        result.report->diagnostics.prepend({ Severity::Warning, 0, text.warning });
    return result;
}

QByteArray readAtMost(QIODevice *device, qint64 limit, bool *tooBig)
{
    *tooBig = false;
    QByteArray out;
    constexpr qint64 Chunk = qint64(1) << 20;
    while (true) {
        const QByteArray piece = device->read(qMin(Chunk, limit + 1 - out.size()));
        if (piece.isEmpty())
            break;
        out += piece;
        if (out.size() > limit) {
            *tooBig = true;
            return QByteArray();
        }
    }
    return out;
}

ImportResult importFile(const QString &path, const ImportControl &control)
{
    ImportResult result;
    result.error.file = path;
    QFile file(path);
    const QFileInfo info(path);
    if (info.isDir())
        return importFiles({ path }, control); // a folder of reports is one run
    // A device (/dev/zero), FIFO or socket never ends or blocks on open: refused before it is opened.
    if (info.exists() && !info.isFile()) {
        result.error.message = QStringLiteral("not a regular file (a device, FIFO or socket); Gapwise reads report "
                                              "files and folders of them");
        return result;
    }
    if (!file.open(QIODevice::ReadOnly)) {
        result.error.message = file.errorString();
        return result;
    }
    if (file.size() > MaxInputBytes) {
        result.error.message = QStringLiteral("the file is larger than %1 MiB").arg(MaxInputBytes >> 20);
        return result;
    }
    if (file.size() == 0) {
        // A size of 0 may be unknown (/proc files): read no more than the limit, then import the bytes.
        bool tooBig = false;
        const QByteArray raw = readAtMost(&file, MaxInputBytes, &tooBig);
        if (tooBig) {
            result.error.message = QStringLiteral("the file is larger than %1 MiB").arg(MaxInputBytes >> 20);
            return result;
        }
        result = importBytes(raw, path, control);
    } else {
        // An XML file streams from disk: 100,000 testcases are 17 MB never held in memory, and reading them is
        // faster without first copying them all. Everything else is read whole (Markdown needs the whole text),
        // and never past the limit (a file may grow while it is read).
        const InputFormat format = formatOfHead(file.peek(DetectionBytes));
        bool tooBig = false;
        result = isXmlFormat(format) ? importXml(format, &file, path, control)
                                     : importBytes(readAtMost(&file, MaxInputBytes, &tooBig), path, control);
        if (tooBig) {
            result = ImportResult();
            result.error.file = path;
            result.error.message = QStringLiteral("the file is larger than %1 MiB").arg(MaxInputBytes >> 20);
            return result;
        }
    }
    if (result.report) {
        result.report->sourceFile = info.absoluteFilePath();
        result.report->files = QStringList { info.absoluteFilePath() };
    }
    return result;
}

} // namespace Gapwise
