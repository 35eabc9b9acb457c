// SPDX-License-Identifier: GPL-3.0-or-later
#include "byteinterner.h"
#include "bytehash.h"

namespace Gapwise {

const QString &ByteInterner::intern(QByteArrayView bytes)
{
    if (bytes.isEmpty())
        return m_null;
    Set &set = m_sets[byteHash(bytes.data(), std::size_t(bytes.size())) % Sets];
    for (int k = 0; k < 2; ++k) {
        Entry &e = set.entries[k];
        if (!e.text.isNull() && QByteArrayView(e.bytes) == bytes) {
            set.older = 1 - k;
            return e.text;
        }
    }
    Entry &e = set.entries[set.older];
    set.older = 1 - set.older;
    e.bytes = bytes.toByteArray();
    e.text = QString::fromUtf8(bytes);
    return e.text;
}

} // namespace Gapwise
