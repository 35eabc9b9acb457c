// SPDX-License-Identifier: GPL-3.0-or-later
// Every input a fuzzer ever crashed on (tests/data/fuzz-regressions/<target>/) goes through the code that
// target fuzzes, in the normal suite: a fixed crash stays fixed. Run under the sanitizer build too.
#include "testsupport.h"

#include "junitimporter.h"
#include "markdownimporter.h"
#include "pytestlog.h"
#include "sessionfile.h"
#include "textdecoding.h"
#include "triagesession.h"

#include <catch2/catch.hpp>

#include <QDir>
#include <QFile>

using namespace Gapwise;

namespace {

// A failed import must say why, naming the file.
void checkOutcome(const ImportResult &r, const QString &name)
{
    if (!r.ok()) {
        CHECK(r.error.file == name);
        CHECK_FALSE(r.error.message.isEmpty());
    }
}

void replay(const QString &target, const QByteArray &bytes, const QString &name)
{
    checkOutcome(importBytes(bytes, name), name);
    const DecodedText text = decodeText(bytes);
    if (target == QLatin1String("fuzz_junit")) {
        checkOutcome(importJUnit(bytes, name), name);
    } else if (target == QLatin1String("fuzz_markdown") && text.ok()) {
        checkOutcome(importMarkdown(text.utf8, name), name);
    } else if (target == QLatin1String("fuzz_pytestlog") && text.ok()) {
        checkOutcome(importPytestLog(text.utf8, name), name);
    } else if (target == QLatin1String("fuzz_session")) {
        QString error;
        const auto file = SessionFile::parse(bytes, &error);
        if (!file) {
            CHECK_FALSE(error.isEmpty());
            return;
        }
        Report report;
        report.phases.append(Phase());
        report.phases[0].id = QStringLiteral("unit");
        TriageSession session;
        session.load(report);
        replayEdits(session, file->edits);
        while (session.undoStack()->canUndo())
            session.undoStack()->undo();
    }
}

} // namespace

TEST_CASE("fuzz regressions: every saved crash input imports or fails clearly", "[hostile][fuzz]")
{
    const QDir root(TestSupport::dataPath(QStringLiteral("fuzz-regressions")));
    REQUIRE(root.exists());
    int replayed = 0;
    for (const QString &target : root.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name)) {
        const QDir dir(root.filePath(target));
        for (const QFileInfo &info : dir.entryInfoList(QDir::Files, QDir::Name)) {
            if (info.fileName() == QLatin1String("README.md"))
                continue;
            QFile file(info.absoluteFilePath());
            REQUIRE(file.open(QIODevice::ReadOnly));
            INFO(QString(target + QLatin1Char('/') + info.fileName()).toStdString());
            replay(target, file.readAll(), info.fileName());
            ++replayed;
        }
    }
    CHECK(replayed > 0);
}
