// SPDX-License-Identifier: GPL-3.0-or-later
// Any bytes given to the session loader are refused with a message or replayed onto a report cleanly.
#include "report.h"
#include "sessionfile.h"
#include "triagesession.h"

#include <cstddef>
#include <cstdint>

namespace {

Gapwise::Report smallReport()
{
    Gapwise::Report r;
    r.phases.append(Gapwise::Phase());
    r.phases[0].id = QStringLiteral("unit");
    for (int g = 1; g <= 3; ++g) {
        Gapwise::Gap gap;
        gap.id = QStringLiteral("gap-%1").arg(g);
        gap.title = QStringLiteral("Gap %1").arg(g);
        r.gaps.append(gap);
    }
    for (int t = 0; t < 8; ++t) {
        Gapwise::TestCase test;
        test.id = QStringLiteral("unit::test_%1").arg(t);
        test.name = QStringLiteral("test_%1").arg(t);
        test.phaseId = QStringLiteral("unit");
        test.gapId = t % 2 ? QStringLiteral("gap-%1").arg(1 + t % 3) : QString();
        test.status = Gapwise::TestStatus::Failed;
        r.tests.append(test);
    }
    return r;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const Gapwise::Report report = smallReport();
    QString error;
    const auto file
        = Gapwise::SessionFile::parse(QByteArray::fromRawData(reinterpret_cast<const char *>(data), int(size)), &error);
    if (!file)
        return 0;
    Gapwise::TriageSession session;
    session.load(report);
    Gapwise::replayEdits(session, file->edits);
    // Whatever was replayed must undo and redo without breaking the session.
    while (session.undoStack()->canUndo())
        session.undoStack()->undo();
    while (session.undoStack()->canRedo())
        session.undoStack()->redo();
    return 0;
}
