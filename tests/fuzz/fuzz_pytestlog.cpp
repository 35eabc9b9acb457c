// SPDX-License-Identifier: GPL-3.0-or-later
// Any bytes given to the pytest-log importer import or fail cleanly: no crash, no hang, no sanitizer report.
#include "importer.h"
#include "pytestlog.h"
#include "textdecoding.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray raw = QByteArray::fromRawData(reinterpret_cast<const char *>(data), int(size));
    // The reader takes decoded text; feed it whatever detection would have routed elsewhere too.
    const Gapwise::DecodedText text = Gapwise::decodeText(raw);
    if (text.ok()) {
        Gapwise::importPytestLog(text.utf8, QStringLiteral("fuzz.log"));
        // The same lines as a Markdown code block's contents (the reader is shared with that importer).
        Gapwise::PytestLogReader reader;
        reader.addBlock(QString::fromUtf8(text.utf8), 7);
        Gapwise::Report report;
        Gapwise::addPytestRuns(reader.finish(), report);
    }
    return 0;
}
