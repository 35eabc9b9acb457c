// SPDX-License-Identifier: GPL-3.0-or-later
// Any bytes given to the NUnit 3/2 importer import or fail cleanly: no crash, no hang, no sanitizer report.
#include "importer.h"
#include "nunitimporter.h"

#include <QBuffer>

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray raw = QByteArray::fromRawData(reinterpret_cast<const char *>(data), int(size));
    // Straight into the reader (whatever the root element), and through the front door (detection by content).
    QBuffer buffer;
    buffer.setData(raw);
    buffer.open(QIODevice::ReadOnly);
    Gapwise::importNUnit(&buffer, QStringLiteral("fuzz.xml"));
    Gapwise::importBytes(raw, QStringLiteral("fuzz.xml"));
    return 0;
}
