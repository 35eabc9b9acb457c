// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

namespace Gapwise {

// Turns a file's bytes into the UTF-8 text the importers read: BOMs removed, UTF-16 converted, CRLF and
// lone CR made LF (so CRLF files import exactly as LF ones), invalid UTF-8 read as Windows-1252.
struct DecodedText
{
    QByteArray utf8;
    QString error; // set when the bytes are not text at all (binary)
    QString warning; // set when the text needed a fallback decoding
    bool ok() const { return error.isEmpty(); }
};

DecodedText decodeText(const QByteArray &raw);

} // namespace Gapwise
