// Any bytes given to the JUnit XML importer import or fail cleanly: no crash, no hang, no sanitizer report.
#include "importer.h"
#include "junitimporter.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray raw = QByteArray::fromRawData(reinterpret_cast<const char *>(data), int(size));
    // Straight into the XML reader (it takes raw bytes: its own encoding detection), and through the
    // front door so detection and decoding see the same bytes.
    Gapwise::importJUnit(raw, QStringLiteral("fuzz.xml"));
    Gapwise::importBytes(raw, QStringLiteral("fuzz.xml"));
    return 0;
}
