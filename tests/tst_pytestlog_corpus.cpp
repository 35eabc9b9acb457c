// SPDX-License-Identifier: GPL-3.0-or-later
// The pytest-log reader on pytest output pasted into the shared Markdown reports' code blocks, the way the
// Markdown importer feeds it: no crash, and every line it reports points into the block it came from.
#include "pytestlog.h"
#include "testidentifiers.h"
#include "testsupport.h"

#include <catch2/catch.hpp>

#include <QDir>
#include <QFile>

using namespace Gapwise;

namespace {

struct CodeBlock
{
    int firstLine = 0; // 1-based line of the block's first content line
    QStringList lines;
};

// Fenced blocks (``` or ~~~), found with a plain line scan: independent of the Markdown importer.
QVector<CodeBlock> fencedBlocks(const QString &text)
{
    QVector<CodeBlock> blocks;
    const QStringList lines = text.split(QLatin1Char('\n'));
    QString fence;
    CodeBlock current;
    for (int i = 0; i < lines.size(); ++i) {
        const QString t = lines[i].trimmed();
        if (fence.isEmpty()) {
            if (t.startsWith(QLatin1String("```")) || t.startsWith(QLatin1String("~~~"))) {
                fence = t.left(3);
                current = CodeBlock { i + 2, {} };
            }
        } else if (t.startsWith(fence)) {
            blocks.append(current);
            fence.clear();
        } else {
            current.lines.append(lines[i]);
        }
    }
    return blocks;
}

} // namespace

TEST_CASE("pytest-log reader over the code blocks of the shared Markdown reports", "[pytestlog][corpus]")
{
    const QString dirPath = TestSupport::sharedPath(QStringLiteral("corpus/markdown-reports"));
    if (dirPath.isEmpty() || !QDir(dirPath).exists()) {
        WARN("../shared/corpus/markdown-reports is absent: pytest-in-Markdown corpus test skipped");
        return;
    }
    int blocks = 0, runs = 0, tests = 0;
    for (const QFileInfo &info : QDir(dirPath).entryInfoList({ QStringLiteral("*.md") }, QDir::Files, QDir::Name)) {
        QFile f(info.absoluteFilePath());
        REQUIRE(f.open(QIODevice::ReadOnly));
        for (const CodeBlock &block : fencedBlocks(QString::fromUtf8(f.readAll()))) {
            ++blocks;
            PytestLogReader reader;
            reader.addLines(block.lines, block.firstLine);
            const int last = block.firstLine + int(block.lines.size()) - 1;
            for (const PytestRun &run : reader.finish()) {
                ++runs;
                INFO(info.fileName().toStdString() << " block at line " << block.firstLine);
                CHECK(run.line >= block.firstLine);
                CHECK(run.line <= last);
                if (run.tally.kind == PytestLine::Tally)
                    CHECK((run.tallyLine >= block.firstLine && run.tallyLine <= last));
                for (const TestCase &t : run.tests) {
                    ++tests;
                    INFO("test " << t.name.toStdString() << " at line " << t.line);
                    CHECK(t.line >= block.firstLine);
                    CHECK(t.line <= last);
                    CHECK_FALSE(t.name.isEmpty());
                    CHECK(t.phaseId.isEmpty());
                }
            }
        }
    }
    INFO("blocks " << blocks << ", runs " << runs << ", tests " << tests);
    CHECK(blocks > 0);
    CHECK(runs > 0);
    CHECK(tests > 0);
}
