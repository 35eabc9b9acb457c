// SPDX-License-Identifier: GPL-3.0-or-later
// Any bytes given to the JUnit XML importer import or fail cleanly: no crash, no hang, no sanitizer report.
#include "importer.h"
#include "junitimporter.h"
#include "xmlstreamtokenizer.h"

#include <QBuffer>

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray raw = QByteArray::fromRawData(reinterpret_cast<const char *>(data), int(size));
    // The libxml2 tokenizer alone, every token and attribute looked at (a shallow limit, so the depth error
    // path is hit often): what TRX/NUnit importers will build on.
    {
        QBuffer buffer;
        buffer.setData(raw);
        buffer.open(QIODevice::ReadOnly);
        Gapwise::XmlStreamTokenizer xml(&buffer, 8);
        size_t seen = 0;
        while (xml.readNext() != Gapwise::XmlStreamTokenizer::EndDocument && !xml.hasError()) {
            seen += size_t(xml.name().size() + xml.text().size() + xml.attribute("name").size());
            seen += size_t(xml.line() + xml.column() + xml.depth());
        }
        (void)seen;
    }
    // Straight into the XML reader (it takes raw bytes: its own encoding detection), and through the
    // front door so detection and decoding see the same bytes.
    Gapwise::importJUnit(raw, QStringLiteral("fuzz.xml"));
    Gapwise::importBytes(raw, QStringLiteral("fuzz.xml"));
    return 0;
}
