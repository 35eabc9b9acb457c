// SPDX-License-Identifier: GPL-3.0-or-later
// Any bytes given to the Markdown importer import or fail cleanly: no crash, no hang, no sanitizer report.
#include "importer.h"
#include "markdownimporter.h"
#include "textdecoding.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray raw = QByteArray::fromRawData(reinterpret_cast<const char *>(data), int(size));
    // Through the front door (decoding, format detection) and straight into the Markdown importer, so
    // inputs that detection would route elsewhere still exercise it.
    Gapwise::importBytes(raw, QStringLiteral("fuzz.md"));
    const Gapwise::DecodedText text = Gapwise::decodeText(raw);
    if (text.ok())
        Gapwise::importMarkdown(text.utf8, QStringLiteral("fuzz.md"));
    return 0;
}
