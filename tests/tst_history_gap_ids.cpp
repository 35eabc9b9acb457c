// SPDX-License-Identifier: GPL-3.0-or-later
// A failure keeps the id of its proposed gap from run to run, so the run history follows it as one gap (QA
// finding: the same assertion got "sig-bf5d04c347" in runs 3-4 and "sig-f91801a998" in run 5, where a third
// test failed with the same assertion on other values; `history gaps` listed two gaps of one title, the trend
// of the newest started over, and the Markdown summary had two rows differing only by a known-issue link).
#include "handwrittenruns.h"
#include "historycli.h"
#include "importer.h"

#include <catch2/catch.hpp>

#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>

namespace {

using namespace HistoryCli;

// Runs 1 and 2: two tests fail with "expected:<NUM> but was:<NUM>", one exact template. Run 3: a third fails
// with the same assertion on words ("expected:<ok> but was:<failed>"), and the miner makes the three one
// template ("expected:<*> but was:<*>"). One cause throughout.
QStringList writeRuns(const QString &dir)
{
    const QString a = QStringLiteral("com.acme.unit.LoginTest"), b = QStringLiteral("com.acme.unit.CartTest");
    return HandwrittenRuns::writeRuns(dir,
        { { a, QStringLiteral("testSubmit"), "FFF",
              QStringLiteral("java.lang.AssertionError: expected:<1> but was:<2>") },
            { b, QStringLiteral("testTotal"), "FFF",
                QStringLiteral("java.lang.AssertionError: expected:<30> but was:<45>") },
            { b, QStringLiteral("testEmpty"), "..F",
                QStringLiteral("java.lang.AssertionError: expected:<ok> but was:<failed>") },
            { a, QStringLiteral("testLogout"), "..." } });
}

QString gapOf(const QString &file, const QString &testName)
{
    const Gapwise::ImportResult result = Gapwise::importFile(file);
    REQUIRE(result.ok());
    for (const Gapwise::TestCase &t : result.report->tests) {
        if (t.name.endsWith(testName))
            return t.gapId;
    }
    FAIL("no test " << testName.toStdString() << " in " << file.toStdString());
    return QString();
}

} // namespace

TEST_CASE("a failure keeps its proposed gap's id when other failures join its template", "[history][gaps]")
{
    QTemporaryDir dir;
    const QStringList files = writeRuns(dir.path());
    const QString first = gapOf(files[0], QStringLiteral("testSubmit"));
    CHECK(first.startsWith(QLatin1String("sig-")));
    CHECK(gapOf(files[1], QStringLiteral("testSubmit")) == first);
    CHECK(gapOf(files[2], QStringLiteral("testSubmit")) == first);
    CHECK(gapOf(files[2], QStringLiteral("testEmpty")) == first);
}

TEST_CASE("history gaps follows one assertion through runs where other tests join it", "[history][cli][gaps]")
{
    QTemporaryDir dir;
    const QStringList files = writeRuns(dir.path());
    const QString store = dir.filePath(QStringLiteral("h.sqlite"));
    REQUIRE(historyAdd(store, files).exitCode == 0);
    const QJsonObject gaps = jsonObject(gapwise({ QStringLiteral("history"), QStringLiteral("gaps"),
        QStringLiteral("--store"), store, QStringLiteral("--json") }));
    const QJsonArray list = gaps.value(QStringLiteral("gaps")).toArray();
    REQUIRE(list.size() == 1);
    const QJsonObject gap = list.first().toObject();
    CHECK(gap.value(QStringLiteral("title")).toString()
        == QString::fromUtf8("java.lang.AssertionError: expected:<…> but was:<…>"));
    CHECK(gap.value(QStringLiteral("failures")).toArray() == QJsonArray { 2, 2, 3 });
}
