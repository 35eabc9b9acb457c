// SPDX-License-Identifier: GPL-3.0-or-later
#include "sourcelines.h"
#include "textdecoding.h"

#include <QFile>

namespace Gapwise {

SourceLines::SourceLines(QByteArray utf8)
    : m_text(std::move(utf8))
{
    if (m_text.isEmpty())
        return;
    m_starts.push_back(0);
    for (int i = 0; i < m_text.size(); ++i) {
        if (m_text.at(i) == '\n' && i + 1 < m_text.size())
            m_starts.push_back(i + 1);
    }
}

SourceLines SourceLines::fromFile(const QString &path, qint64 maxBytes)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly) || file.size() > maxBytes)
        return {};
    // Same decoding as the importer, so line numbers agree for UTF-16 files too.
    const DecodedText text = decodeText(file.readAll());
    return text.ok() ? SourceLines(text.utf8) : SourceLines();
}

QString SourceLines::line(int oneBased) const
{
    if (oneBased < 1 || oneBased > lineCount())
        return QString();
    const int start = m_starts[size_t(oneBased - 1)];
    const int end = oneBased < lineCount() ? m_starts[size_t(oneBased)] : m_text.size();
    QByteArray bytes = m_text.mid(start, end - start);
    while (bytes.endsWith('\n') || bytes.endsWith('\r'))
        bytes.chop(1);
    return QString::fromUtf8(bytes);
}

} // namespace Gapwise
