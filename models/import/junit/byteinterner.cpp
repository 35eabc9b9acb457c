// SPDX-License-Identifier: GPL-3.0-or-later
#include "byteinterner.h"

#include <QHash>

namespace Gapwise {

const QString &ByteInterner::intern(QByteArrayView bytes)
{
    if (bytes.isEmpty())
        return m_null;
    Entry &e = m_entries[qHash(bytes, size_t(0)) % Entries];
    if (e.text.isNull() || QByteArrayView(e.bytes) != bytes) {
        e.bytes = bytes.toByteArray();
        e.text = QString::fromUtf8(bytes);
    }
    return e.text;
}

} // namespace Gapwise
