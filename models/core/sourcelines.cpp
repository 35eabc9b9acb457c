// SPDX-License-Identifier: GPL-3.0-or-later
#include "sourcelines.h"
#include "textdecoding.h"

#include <QFile>

namespace Gapwise {
namespace {

    QByteArray decodedFile(const QString &path, qint64 maxBytes)
    {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly) || file.size() > maxBytes)
            return {};
        // Same decoding as the importer, so line numbers agree for UTF-16 files too.
        const DecodedText text = decodeText(file.readAll());
        return text.ok() ? text.utf8 : QByteArray();
    }

} // namespace

SourceLines::Text SourceLines::indexed(QByteArray utf8)
{
    Text t { std::move(utf8), {} };
    if (t.utf8.isEmpty())
        return t;
    t.starts.push_back(0);
    for (int i = 0; i < t.utf8.size(); ++i) {
        if (t.utf8.at(i) == '\n' && i + 1 < t.utf8.size())
            t.starts.push_back(i + 1);
    }
    return t;
}

SourceLines::SourceLines(QByteArray utf8)
    : m_files(std::make_shared<const std::vector<Text>>(std::vector<Text> { indexed(std::move(utf8)) }))
{
}

SourceLines SourceLines::fromFile(const QString &path, qint64 maxBytes)
{
    return SourceLines(decodedFile(path, maxBytes));
}

SourceLines SourceLines::fromFiles(const QStringList &paths, qint64 maxBytes)
{
    std::vector<Text> files;
    files.reserve(size_t(paths.size()));
    qint64 left = maxBytes;
    for (const QString &path : paths) {
        QByteArray utf8 = left > 0 ? decodedFile(path, left) : QByteArray();
        left -= utf8.size();
        files.push_back(indexed(std::move(utf8)));
    }
    SourceLines lines;
    lines.m_files = std::make_shared<const std::vector<Text>>(std::move(files));
    return lines;
}

const SourceLines::Text *SourceLines::text(int file) const
{
    return file >= 0 && file < fileCount() ? &(*m_files)[size_t(file)] : nullptr;
}

int SourceLines::lineCount(int file) const
{
    const Text *t = text(file);
    return t ? int(t->starts.size()) : 0;
}

QString SourceLines::line(int oneBased, int file) const
{
    const Text *t = text(file);
    const int count = lineCount(file);
    if (!t || oneBased < 1 || oneBased > count)
        return QString();
    const int start = t->starts[size_t(oneBased - 1)];
    const int end = oneBased < count ? t->starts[size_t(oneBased)] : int(t->utf8.size());
    QByteArray bytes = t->utf8.mid(start, end - start);
    while (bytes.endsWith('\n') || bytes.endsWith('\r'))
        bytes.chop(1);
    return QString::fromUtf8(bytes);
}

} // namespace Gapwise
