#include "importer.h"
#include "markdownimporter.h"
#include "textdecoding.h"

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
    case InputFormat::Markdown: return QStringLiteral("markdown");
    case InputFormat::JUnitXml: return QStringLiteral("junit");
    case InputFormat::PytestLog: return QStringLiteral("pytest-log");
    case InputFormat::Unknown: break;
    }
    return QStringLiteral("unknown");
}

InputFormat detectFormat(const QByteArray &utf8Head)
{
    const QByteArray head = utf8Head.left(64 * 1024).trimmed();
    if (head.isEmpty())
        return InputFormat::Unknown;
    if (head.startsWith('<'))
        return head.contains("<testsuite") || head.contains("<testcase") ? InputFormat::JUnitXml : InputFormat::Unknown;
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
    const DecodedText text = decodeText(raw);
    if (!text.ok()) {
        result.error.message = text.error;
        return result;
    }
    if (text.utf8.trimmed().isEmpty()) {
        result.error.message = QStringLiteral("the file is empty");
        return result;
    }
    const InputFormat format = detectFormat(text.utf8);
    switch (format) {
    case InputFormat::Markdown:
        result = importMarkdown(text.utf8, displayName, control);
        break;
    case InputFormat::JUnitXml:
    case InputFormat::PytestLog:
    case InputFormat::Unknown:
        result.error.message = QStringLiteral("not a test report Gapwise can read (Markdown, JUnit XML or a pytest log)");
        return result;
    }
    if (result.report && !text.warning.isEmpty())
        result.report->diagnostics.prepend({Severity::Warning, 0, text.warning});
    return result;
}

ImportResult importFile(const QString &path, const ImportControl &control)
{
    ImportResult result;
    result.error.file = path;
    QFile file(path);
    const QFileInfo info(path);
    if (info.isDir()) {
        result.error.message = QStringLiteral("is a directory, not a file");
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
    result = importBytes(file.readAll(), path, control);
    if (result.report)
        result.report->sourceFile = info.absoluteFilePath();
    return result;
}

} // namespace Gapwise
