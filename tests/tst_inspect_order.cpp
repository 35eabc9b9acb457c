// SPDX-License-Identifier: GPL-3.0-or-later
// `gapwise inspect` lists gaps by priority, as the plan does (QA5: `inspect --session` listed P3 before P1).
#include "historycli.h"

#include <catch2/catch.hpp>

#include <QFile>
#include <QTemporaryDir>

TEST_CASE("inspect lists gaps by priority, P0 first and gaps without one last", "[cli][inspect]")
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("run.md"));
    QFile file(path);
    REQUIRE(file.open(QIODevice::WriteOnly));
    // In the report's order: no priority, P2, P0.
    file.write("# Run\n\n## Test Execution Results by Phase\n\n### Phase 1: Unit Tests\n\n"
               "#### Gap 1: Cache Broken (1 failure)\n- `test_cache`\n\n"
               "#### Gap 2: Alpha Broken (1 failure)\n- `test_alpha`\n\n"
               "#### Gap 3: Beta Broken (1 failure)\n- `test_beta`\n\n"
               "## Remediation Priority Matrix\n\n### P0 - Critical:\n1. **Beta Broken** - fix now\n\n"
               "### P2 - Medium:\n1. **Alpha Broken** - fix later\n");
    file.close();
    const HistoryCli::Run run = HistoryCli::gapwise({ QStringLiteral("inspect"), path });
    INFO(run.outText().toStdString() << run.errText().toStdString());
    REQUIRE(run.exitCode == 0);
    const QString out = run.outText();
    const int p0 = out.indexOf(QStringLiteral("[P0] Beta Broken"));
    const int p2 = out.indexOf(QStringLiteral("[P2] Alpha Broken"));
    const int none = out.indexOf(QStringLiteral("[--] Cache Broken"));
    REQUIRE(p0 > 0);
    CHECK(p2 > p0);
    CHECK(none > p2);
}
