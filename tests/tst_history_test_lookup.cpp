// SPDX-License-Identifier: GPL-3.0-or-later
// `gapwise history test TEST` finds a test as compare matches tests: by its stored key, by the id `gapwise
// inspect` shows, by its plain name when only one test has it; a name several tests share lists them and asks
// for one (QA finding: only the key worked, "t_fixed" and "nightly:pkg.Mod::t_fixed" said no such test).
#include "handwrittenruns.h"
#include "historycli.h"
#include "storebackends.h"

#include <catch2/catch.hpp>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

namespace {

using HistoryCli::gapwise;
using HistoryCli::Run;

// Two runs: pkg.Mod::t_fixed fails, then passes; t_dup is in two classes, t_many in twelve.
QStringList writeRuns(const QString &dir)
{
    QVector<HandwrittenRuns::Row> rows { { QStringLiteral("pkg.Mod"), QStringLiteral("t_fixed"), "F." },
        { QStringLiteral("pkg.Mod"), QStringLiteral("t_dup"), ".." },
        { QStringLiteral("pkg.Other"), QStringLiteral("t_dup"), "FF" } };
    for (int c = 0; c < 12; ++c)
        rows.append({ QStringLiteral("pkg.C%1").arg(c, 2, 10, QLatin1Char('0')), QStringLiteral("t_many"), ".." });
    return HandwrittenRuns::writeRuns(dir, rows);
}

// The id `gapwise inspect --json` gives the test named `name` in `file`.
QString inspectedId(const QString &file, const QString &name)
{
    const Run inspect = gapwise({ QStringLiteral("inspect"), file, QStringLiteral("--json") });
    REQUIRE(inspect.exitCode == 0);
    for (const QJsonValue t : QJsonDocument::fromJson(inspect.out).object().value(QStringLiteral("tests")).toArray()) {
        if (t.toObject().value(QStringLiteral("name")).toString() == name)
            return t.toObject().value(QStringLiteral("id")).toString();
    }
    FAIL("inspect shows no test named " << name.toStdString());
    return {};
}

Run historyTest(const QString &store, const QString &test, bool json)
{
    QStringList arguments { QStringLiteral("history"), QStringLiteral("test"), test, QStringLiteral("--store"), store };
    if (json)
        arguments << QStringLiteral("--json");
    return gapwise(arguments);
}

} // namespace

TEST_CASE("history test finds a test by its key, by the id inspect shows and by an unambiguous plain name",
    "[history][cli][lookup]")
{
    STORE_ON_EACH_BACKEND(store, backend, dir);
    const QStringList files = writeRuns(dir.path());
    const Run add = HistoryCli::historyAdd(store, files);
    INFO(add.err.toStdString());
    REQUIRE(add.exitCode == 0);

    const QString id = inspectedId(files.last(), QStringLiteral("pkg.Mod::t_fixed"));
    REQUIRE(id != QStringLiteral("pkg.Mod::t_fixed")); // an id with the phase in front, as QA pasted it
    for (const QString &typed : { QStringLiteral("pkg.Mod::t_fixed"), id, QStringLiteral("t_fixed") }) {
        INFO(typed.toStdString());
        const Run found = historyTest(store, typed, true);
        INFO(found.err.toStdString());
        REQUIRE(found.exitCode == 0);
        const QJsonObject t = QJsonDocument::fromJson(found.out).object();
        CHECK(t.value(QStringLiteral("key")).toString() == QStringLiteral("pkg.Mod::t_fixed"));
        CHECK(t.value(QStringLiteral("verdict")).toString() == QStringLiteral("fixed"));
        CHECK(t.value(QStringLiteral("runs")).toArray().size() == 2);
    }

    // Another class's t_fixed is another test, not this one by its function name.
    const Run otherClass = historyTest(store, QStringLiteral("pkg.Nope::t_fixed"), false);
    CHECK(otherClass.exitCode == 3);
    CHECK(otherClass.errText().contains(QStringLiteral("no stored run has a test \"pkg.Nope::t_fixed\"")));
    CHECK(historyTest(store, QStringLiteral("t_nowhere"), false).exitCode == 3);
}

TEST_CASE(
    "history test lists the tests a shared name names and asks for one, never picks one", "[history][cli][lookup]")
{
    STORE_ON_EACH_BACKEND(store, backend, dir);
    const Run add = HistoryCli::historyAdd(store, writeRuns(dir.path()));
    INFO(add.err.toStdString());
    REQUIRE(add.exitCode == 0);

    const Run dup = historyTest(store, QStringLiteral("t_dup"), true);
    CHECK(dup.exitCode == 2);
    CHECK(dup.out.isEmpty());
    CHECK(dup.errText()
        == QStringLiteral("gapwise: \"t_dup\" names 2 stored tests; give one of their keys:\n"
                          "  pkg.Mod::t_dup\n  pkg.Other::t_dup\n"));
    // Either key is then one test.
    const Run other = historyTest(store, QStringLiteral("pkg.Other::t_dup"), true);
    REQUIRE(other.exitCode == 0);
    CHECK(QJsonDocument::fromJson(other.out).object().value(QStringLiteral("verdict")).toString()
        == QStringLiteral("failing"));

    // Twelve: the first ten keys, and how many more.
    const Run many = historyTest(store, QStringLiteral("t_many"), false);
    CHECK(many.exitCode == 2);
    const QStringList lines = many.errText().split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    REQUIRE(lines.size() == 12);
    CHECK(lines.first() == QStringLiteral("gapwise: \"t_many\" names 12 stored tests; give one of their keys:"));
    CHECK(lines.at(1) == QStringLiteral("  pkg.C00::t_many"));
    CHECK(lines.at(10) == QStringLiteral("  pkg.C09::t_many"));
    CHECK(lines.last() == QStringLiteral("  … and 2 more"));
}

TEST_CASE("history test --runs N judges the last N runs, and refuses a window that is no positive number",
    "[history][cli][lookup]")
{
    // QA: `history test … --runs 3` printed "0 flips in 5 counted runs": --runs was silently ignored.
    QTemporaryDir dir;
    const QStringList files = HandwrittenRuns::writeRuns(dir.path(),
        { { QStringLiteral("pkg.Mod"), QStringLiteral("t_back"), "FF..F" },
            { QStringLiteral("pkg.Mod"), QStringLiteral("t_ok"), "....." } });
    const QString store = dir.filePath(QStringLiteral("h.sqlite"));
    REQUIRE(HistoryCli::historyAdd(store, files).exitCode == 0);
    const QStringList test { QStringLiteral("history"), QStringLiteral("test"), QStringLiteral("pkg.Mod::t_back"),
        QStringLiteral("--store"), store };

    const Run whole = gapwise(test);
    REQUIRE(whole.exitCode == 0);
    CHECK(whole.outText().contains(QStringLiteral("2 flips in 5 counted runs, failed 3 (60%)")));

    const Run three = gapwise(test + QStringList { QStringLiteral("--runs"), QStringLiteral("3") });
    INFO(three.errText().toStdString());
    REQUIRE(three.exitCode == 0);
    CHECK(three.outText().contains(QStringLiteral("regression: 1 flip in 3 counted runs, failed 1 (33%)")));
    CHECK(three.outText().count(QStringLiteral("  #")) == 3); // one line per run of the window
    const QJsonObject json = HistoryCli::jsonObject(
        gapwise(test + QStringList { QStringLiteral("--runs"), QStringLiteral("3"), QStringLiteral("--json") }));
    CHECK(json.value(QStringLiteral("countedRuns")).toInt() == 3);
    CHECK(json.value(QStringLiteral("runs")).toArray().size() == 3);
    CHECK(json.value(QStringLiteral("outcomes")).toArray().size() == 3);

    const Run one = gapwise(test + QStringList { QStringLiteral("--runs"), QStringLiteral("1") });
    REQUIRE(one.exitCode == 0);
    CHECK(one.outText().contains(QStringLiteral("0 flips in 1 counted run, failed 1 (100%)")));

    for (const QString &bad : { QStringLiteral("0"), QStringLiteral("three") }) {
        const Run refused = gapwise(test + QStringList { QStringLiteral("--runs"), bad });
        CHECK(refused.exitCode == 2);
        CHECK(refused.errText().contains(QStringLiteral("--runs takes a positive number")));
    }
    const Run list = gapwise({ QStringLiteral("history"), QStringLiteral("list"), QStringLiteral("--store"), store,
        QStringLiteral("--runs"), QStringLiteral("3") });
    CHECK(list.exitCode == 2);
    CHECK(list.errText().contains(QStringLiteral("--runs is for flaky, test and gaps")));
}
