// SPDX-License-Identifier: GPL-3.0-or-later
// A test the newest run does not have is gone: it gets no verdict (not "failing throughout", not "failing
// since"), in `history flaky`, `history test` and the Markdown, JSON and PDF plans alike (QA finding: a test
// removed two runs ago was listed as failing throughout).
#include "handwrittenruns.h"
#include "historycli.h"
#include "storebackends.h"

#include <catch2/catch.hpp>

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace {

using namespace HistoryCli;

const QString Mod = QStringLiteral("pkg.Mod");

// Five runs: t_removed fails in runs 1–3 and is gone from runs 4 and 5; t_regressed breaks in run 2 and is gone
// from run 5; t_paused fails throughout but is missing from run 3 only; t_always fails in every run.
QStringList writeRuns(const QString &dir)
{
    return HandwrittenRuns::writeRuns(dir,
        { { Mod, QStringLiteral("t_stable"), "....." }, { Mod, QStringLiteral("t_always"), "FFFFF" },
            { Mod, QStringLiteral("t_removed"), "FFF  " }, { Mod, QStringLiteral("t_regressed"), ".FFF " },
            { Mod, QStringLiteral("t_paused"), "FF FF" } });
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    REQUIRE(f.open(QIODevice::ReadOnly));
    return f.readAll();
}

} // namespace

TEST_CASE(
    "a test the newest run lacks is gone, not failing throughout, in history and every plan", "[history][cli][verdict]")
{
    STORE_ON_EACH_BACKEND(store, backend, dir);
    const QStringList files = writeRuns(dir.path());
    const Run add = HistoryCli::historyAdd(store, files);
    INFO(add.err.toStdString());
    REQUIRE(add.exitCode == 0);

    const Run flaky = gapwise({ QStringLiteral("history"), QStringLiteral("flaky"), QStringLiteral("--store"), store,
        QStringLiteral("--json") });
    REQUIRE(flaky.exitCode == 0);
    const QJsonObject summary = QJsonDocument::fromJson(flaky.out).object();
    CHECK(keysOf(summary.value(QStringLiteral("failing")).toArray())
        == QStringList { QStringLiteral("pkg.Mod::t_always"), QStringLiteral("pkg.Mod::t_paused") });
    CHECK(keysOf(summary.value(QStringLiteral("regressions")).toArray()).isEmpty());
    CHECK_FALSE(flaky.out.contains("t_removed"));
    CHECK_FALSE(flaky.out.contains("t_regressed"));

    const Run removed = gapwise({ QStringLiteral("history"), QStringLiteral("test"),
        QStringLiteral("pkg.Mod::t_removed"), QStringLiteral("--store"), store, QStringLiteral("--json") });
    REQUIRE(removed.exitCode == 0);
    const QJsonObject r = QJsonDocument::fromJson(removed.out).object();
    CHECK(r.value(QStringLiteral("verdict")).toString() == QStringLiteral("gone"));
    CHECK_FALSE(r.contains(QStringLiteral("failingSince")));
    CHECK(r.value(QStringLiteral("failures")).toInt() == 3); // the numbers stay: it did fail where it ran
    CHECK(r.value(QStringLiteral("outcomes")).toArray()
        == QJsonArray { QStringLiteral("fail"), QStringLiteral("fail"), QStringLiteral("fail"),
            QStringLiteral("absent"), QStringLiteral("absent") });
    const Run removedText = gapwise({ QStringLiteral("history"), QStringLiteral("test"),
        QStringLiteral("pkg.Mod::t_removed"), QStringLiteral("--store"), store });
    CHECK(removedText.outText().contains(
        QStringLiteral("gone: not in the newest run; 0 flips in 3 counted runs, failed 3 (100%)")));
    CHECK_FALSE(removedText.outText().contains(QStringLiteral("Failing since")));

    // The plans of run 5 compared with run 4: the same verdicts as `history flaky`.
    const auto exportAs = [&](const QString &format) {
        QString out = dir.filePath(QStringLiteral("plan.") + format); // not const: returned by move
        const Run e
            = gapwise({ QStringLiteral("export"), QStringLiteral("--format"), format, QStringLiteral("--compare"),
                files.at(3), QStringLiteral("--store"), store, QStringLiteral("-o"), out, files.at(4) });
        INFO(format.toStdString() << ": " << e.err.toStdString());
        REQUIRE(e.exitCode == 0);
        return out;
    };
    const QString md = QString::fromUtf8(readAll(exportAs(QStringLiteral("md"))));
    INFO(md.toStdString());
    CHECK(md.contains(QStringLiteral("**Failed whenever run**: 2")));
    CHECK(md.contains(QStringLiteral("### Failed whenever run (2)")));
    CHECK(md.contains(QStringLiteral("| `pkg.Mod::t_paused` | ✗✗·✗✗ |")));
    // Not in the History section (t_regressed is in the comparison's removed tests: run 4 had it).
    const QString mdHistory = md.mid(md.indexOf(QStringLiteral("## History")));
    CHECK_FALSE(mdHistory.contains(QStringLiteral("t_removed")));
    CHECK_FALSE(mdHistory.contains(QStringLiteral("t_regressed")));

    const QJsonObject history = QJsonDocument::fromJson(readAll(exportAs(QStringLiteral("json"))))
                                    .object()
                                    .value(QStringLiteral("history"))
                                    .toObject();
    CHECK(keysOf(history.value(QStringLiteral("failing")).toArray())
        == QStringList { QStringLiteral("pkg.Mod::t_always"), QStringLiteral("pkg.Mod::t_paused") });

    const QString pdf = HistoryCli::pdfText(exportAs(QStringLiteral("pdf")));
    INFO(pdf.toStdString());
    const QString pdfHistory = pdf.mid(pdf.indexOf(QStringLiteral("Failed whenever run: ")));
    CHECK(pdfHistory.startsWith(QStringLiteral("Failed whenever run: 2")));
    CHECK(pdfHistory.contains(QStringLiteral("pkg.Mod::t_paused")));
    CHECK_FALSE(pdfHistory.contains(QStringLiteral("t_removed")));
    CHECK_FALSE(pdfHistory.contains(QStringLiteral("t_regressed")));
}
