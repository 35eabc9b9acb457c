// SPDX-License-Identifier: GPL-3.0-or-later
#include "stringarena.h"
#include "hugepages.h"

#include <cstring>

namespace Gapwise {

QString StringArena::join(std::initializer_list<QStringView> parts)
{
    qsizetype size = 0;
    for (const QStringView part : parts)
        size += part.size();
    if (size == 0)
        return QString();
    constexpr qsizetype MaxBlock = qsizetype(4) * 1024 * 1024; // characters: 8 MiB
    if (m_block.isNull() || m_used + size + 1 > m_block.size()) {
        if (size + 1 > MaxBlock / 16) { // a huge id: its own string, not most of a block
            QString own;
            own.reserve(size);
            for (const QStringView part : parts)
                own.append(part);
            return own;
        }
        m_block = QString(m_nextBlock, Qt::Uninitialized);
        adviseHugePages(m_block.constData(), qint64(m_nextBlock) * 2);
        m_used = 0;
        m_nextBlock = qMin(MaxBlock, m_nextBlock * 2);
    }
    // Written through the block's pointer without detaching it: these characters belong to no string yet.
    char16_t *const start = m_block.data_ptr().data() + m_used;
    char16_t *out = start;
    for (const QStringView part : parts) {
        if (part.isEmpty())
            continue; // a null view's pointer is null, which memcpy must never be given, even for 0 bytes
        std::memcpy(out, part.utf16(), size_t(part.size()) * sizeof(char16_t));
        out += part.size();
    }
    *out = u'\0';
    m_used += size + 1;
    QString::DataPointer piece = m_block.data_ptr(); // a reference more on the block
    piece.ptr = start;
    piece.size = size;
    return QString(std::move(piece));
}

} // namespace Gapwise
