// SPDX-License-Identifier: GPL-3.0-or-later
// Any bytes given to the CTRF (JSON) importer import or fail cleanly: no crash, no hang, no sanitizer report.
#include "ctrfimporter.h"
#include "importer.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray raw = QByteArray::fromRawData(reinterpret_cast<const char *>(data), int(size));
    Gapwise::looksLikeCtrf(raw);
    Gapwise::importCtrf(raw, QStringLiteral("fuzz.json"));
    Gapwise::importBytes(raw, QStringLiteral("fuzz.json"));
    return 0;
}
