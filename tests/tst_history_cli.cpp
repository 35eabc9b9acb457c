// SPDX-License-Identifier: GPL-3.0-or-later
// `gapwise history …` as users run it, on JUnit files of a generated run series.
#include "historycli.h"
#include "historyseries.h"
#include "storebackends.h"

#include <catch2/catch.hpp>

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>

namespace {

using HistoryCli::gapwise;
using HistoryCli::historyAdd;
using HistoryCli::Run;

QSet<QString> keys(const QJsonArray &tests)
{
    QSet<QString> out;
    for (const QJsonValue t : tests)
        out.insert(t.toObject().value(QStringLiteral("key")).toString());
    return out;
}

QSet<QString> planted(const HistorySeries::Spec &spec, HistorySeries::Kind kind)
{
    QSet<QString> out;
    for (int i = 0; i < spec.tests; ++i) {
        if (HistorySeries::kindOf(i) == kind)
            out.insert(HistorySeries::testName(i));
    }
    return out;
}

} // namespace

TEST_CASE("history add, list, flaky, test and gaps on a run series, on SQLite and PostgreSQL", "[history][cli]")
{
    STORE_ON_EACH_BACKEND(store, backend, dir);
    HistorySeries::Spec spec { 150, 12 }; // tests, runs
    const QStringList files = HistorySeries::writeJUnitSeries(spec, dir.path());

    const Run add = historyAdd(store, files);
    INFO(add.err.toStdString());
    REQUIRE(add.exitCode == 0);
    CHECK(add.out.count("added as run #") == spec.runs);

    const Run again = gapwise(
        { QStringLiteral("history"), QStringLiteral("add"), files.first(), QStringLiteral("--store"), store });
    CHECK(again.exitCode == 0);
    CHECK(again.out.contains("already stored as run #1 (same content); nothing added"));

    const Run list = gapwise({ QStringLiteral("history"), QStringLiteral("list"), QStringLiteral("--store"), store,
        QStringLiteral("--json") });
    REQUIRE(list.exitCode == 0);
    const QJsonArray runs = QJsonDocument::fromJson(list.out).array();
    REQUIRE(runs.size() == spec.runs);
    CHECK(runs.first().toObject().value(QStringLiteral("time")).toString() == QStringLiteral("2026-01-01T02:00:00Z"));
    CHECK(runs.first().toObject().value(QStringLiteral("tests")).toInt() == spec.tests);

    const Run flaky = gapwise({ QStringLiteral("history"), QStringLiteral("flaky"), QStringLiteral("--store"), store,
        QStringLiteral("--json"), QStringLiteral("--runs"), QStringLiteral("12") });
    INFO(flaky.err.toStdString());
    REQUIRE(flaky.exitCode == 0);
    const QJsonObject f = QJsonDocument::fromJson(flaky.out).object();
    CHECK(keys(f.value(QStringLiteral("flaky")).toArray()) == planted(spec, HistorySeries::Kind::Flaky));
    CHECK(keys(f.value(QStringLiteral("regressions")).toArray()) == planted(spec, HistorySeries::Kind::Regression));
    CHECK(f.value(QStringLiteral("rule")).toString().contains(QStringLiteral("at least 2 flips")));
    const QJsonObject firstFlaky = f.value(QStringLiteral("flaky")).toArray().first().toObject();
    CHECK(firstFlaky.value(QStringLiteral("flips")).toInt() >= 2);
    CHECK(firstFlaky.value(QStringLiteral("failureRate")).toDouble() == Approx(0.25));

    const Run text = gapwise({ QStringLiteral("history"), QStringLiteral("flaky"), QStringLiteral("--store"), store });
    CHECK(text.out.contains("Flaky (3):"));
    CHECK(text.out.contains("Regressions (not flaky) (3):"));

    const Run test = gapwise({ QStringLiteral("history"), QStringLiteral("test"), HistorySeries::testName(52),
        QStringLiteral("--store"), store, QStringLiteral("--json") });
    REQUIRE(test.exitCode == 0);
    const QJsonObject t = QJsonDocument::fromJson(test.out).object();
    CHECK(t.value(QStringLiteral("verdict")).toString() == QStringLiteral("regression"));
    CHECK(t.value(QStringLiteral("failingSinceRun")).toInt() == HistorySeries::breakRun(spec, 52) + 1);
    CHECK(t.value(QStringLiteral("runs")).toArray().size() == spec.runs);

    // A known issue: its tracker shows in the gap list.
    const Run gapList = gapwise({ QStringLiteral("history"), QStringLiteral("gaps"), QStringLiteral("--store"), store,
        QStringLiteral("--json") });
    const QString gapKey = QJsonDocument::fromJson(gapList.out)
                               .object()
                               .value(QStringLiteral("gaps"))
                               .toArray()
                               .first()
                               .toObject()
                               .value(QStringLiteral("key"))
                               .toString();
    REQUIRE_FALSE(gapKey.isEmpty());
    const Run known = gapwise({ QStringLiteral("history"), QStringLiteral("known"), gapKey, QStringLiteral("OPS-7"),
        QStringLiteral("--url"), QStringLiteral("https://tracker.example/OPS-7"), QStringLiteral("--store"), store,
        QStringLiteral("--json") });
    REQUIRE(known.exitCode == 0);
    CHECK(QJsonDocument::fromJson(known.out).object().value(QStringLiteral("tracker")).toString()
        == QStringLiteral("OPS-7"));
    CHECK(gapwise({ QStringLiteral("history"), QStringLiteral("gaps"), QStringLiteral("--store"), store })
              .out.contains("[known: OPS-7]"));

    const Run gaps = gapwise({ QStringLiteral("history"), QStringLiteral("gaps"), QStringLiteral("--store"), store,
        QStringLiteral("--json") });
    REQUIRE(gaps.exitCode == 0);
    CHECK(QJsonDocument::fromJson(gaps.out).object().value(QStringLiteral("runs")).toArray().size() == spec.runs);
}

TEST_CASE("history: usage errors and bad stores", "[history][cli][hostile]")
{
    QTemporaryDir dir;
    CHECK(gapwise({ QStringLiteral("history") }).exitCode == 2);
    CHECK(gapwise({ QStringLiteral("history"), QStringLiteral("test") }).exitCode == 2);
    CHECK(gapwise({ QStringLiteral("history"), QStringLiteral("frobnicate") }).exitCode == 2);

    const QString missing = dir.filePath(QStringLiteral("none.sqlite"));
    const Run none = gapwise({ QStringLiteral("history"), QStringLiteral("list"), QStringLiteral("--store"), missing });
    CHECK(none.exitCode == 3);
    CHECK(none.err.contains("no history store there"));
    CHECK_FALSE(QFile::exists(missing));

    const QString garbage = dir.filePath(QStringLiteral("garbage.sqlite"));
    QFile g(garbage);
    REQUIRE(g.open(QIODevice::WriteOnly));
    g.write(QByteArray(4096, 'z'));
    g.close();
    const Run bad = gapwise({ QStringLiteral("history"), QStringLiteral("add"), QStringLiteral("--store"), garbage,
        HistorySeries::writeJUnit({}, 0, dir.path()) });
    CHECK(bad.exitCode == 3);
    CHECK(bad.err.contains("not a readable history store"));
    CHECK(QFileInfo(garbage).size() == 4096);

    const Run badFile = gapwise({ QStringLiteral("history"), QStringLiteral("add"), QStringLiteral("--store"),
        dir.filePath(QStringLiteral("s.sqlite")), dir.filePath(QStringLiteral("nope.xml")) });
    CHECK(badFile.exitCode == 3);
    CHECK(badFile.err.contains("nope.xml"));
}

TEST_CASE("history add dates a run by the date its Markdown report states, by the file's time only without one",
    "[history][cli]")
{
    STORE_ON_EACH_BACKEND(store, backend, dir);
    // Three reports of one shape: the date written out in words, a date that says no day, and none.
    // Named tests: a report that states its results only as counts is refused (the store keeps each test's result).
    const QByteArray body = "## Unit Tests\n\n- **Total Tests:** 2\n- **Passed:** 2\n\n```\n"
                            "tests/test_a.py::test_one PASSED [ 50%]\ntests/test_a.py::test_two PASSED [100%]\n```\n";
    const QDateTime fileTime(QDate(2026, 3, 4), QTime(5, 6, 7), Qt::UTC);
    const auto write = [&](const QString &name, const QByteArray &header) {
        QString path = dir.filePath(name);
        QFile file(path);
        REQUIRE(file.open(QIODevice::WriteOnly));
        file.write("# Nightly Report\n\n" + header + "\n" + body);
        file.close();
        REQUIRE(file.open(QIODevice::ReadWrite)); // setFileTime needs the file open
        REQUIRE(file.setFileTime(fileTime, QFileDevice::FileModificationTime));
        return path;
    };
    const QStringList files = { write(QStringLiteral("words.md"), "**Date:** September 15, 2025\n"),
        write(QStringLiteral("unreadable.md"), "**Date:** Night Session\n"),
        write(QStringLiteral("undated.md"), QByteArray()) };

    const Run add = historyAdd(store, files);
    INFO(add.err.toStdString());
    REQUIRE(add.exitCode == 0);
    const Run list = gapwise({ QStringLiteral("history"), QStringLiteral("list"), QStringLiteral("--store"), store,
        QStringLiteral("--json") });
    REQUIRE(list.exitCode == 0);
    QHash<QString, QString> timeOf; // by file name
    for (const QJsonValue r : QJsonDocument::fromJson(list.out).array()) {
        const QJsonObject run = r.toObject();
        timeOf.insert(QFileInfo(run.value(QStringLiteral("source")).toString()).fileName(),
            run.value(QStringLiteral("time")).toString());
    }
    INFO(list.outText().toStdString());
    CHECK(timeOf.value(QStringLiteral("words.md"))
        == QStringLiteral("2025-09-15T00:00:00Z")); // a date alone: midnight UTC
    CHECK(timeOf.value(QStringLiteral("unreadable.md")) == QStringLiteral("2026-03-04T05:06:07Z"));
    CHECK(timeOf.value(QStringLiteral("undated.md")) == QStringLiteral("2026-03-04T05:06:07Z"));
}

TEST_CASE("history gaps says how many failing tests were in no gap, when any were", "[history][cli][gaps]")
{
    STORE_ON_EACH_BACKEND(store, backend, dir);
    // Run 1: two tests fail alike (Gapwise proposes a gap for them), one fails alone (in no gap);
    // run 2: only the two fail.
    const auto write = [&dir](const char *name, bool loneFails) {
        const QString path = dir.filePath(QLatin1String(name));
        QFile f(path);
        REQUIRE(f.open(QIODevice::WriteOnly));
        f.write(QByteArray("<testsuite name=\"s\" tests=\"4\" timestamp=\"")
            + (loneFails ? "2026-01-01T02:00:00" : "2026-01-02T02:00:00") + "\">"
            + "<testcase classname=\"s\" name=\"pair_a\"><failure message=\"ConnectionError: db down\"/></testcase>"
              "<testcase classname=\"s\" name=\"pair_b\"><failure message=\"ConnectionError: db down\"/></testcase>"
              "<testcase classname=\"s\" name=\"lone\">"
            + (loneFails ? "<failure message=\"KeyError: 'token'\"/>" : "") + "</testcase>"
            + "<testcase classname=\"s\" name=\"ok\"/></testsuite>\n");
        return path;
    };
    const QString run1 = write("run1.xml", true);
    const QString run2 = write("run2.xml", false);
    const Run add = historyAdd(store, { run1, run2 });
    INFO(add.err.toStdString());
    REQUIRE(add.exitCode == 0);

    const Run text = gapwise({ QStringLiteral("history"), QStringLiteral("gaps"), QStringLiteral("--store"), store });
    INFO(text.out.toStdString());
    REQUIRE(text.exitCode == 0);
    CHECK(text.outText().endsWith(QStringLiteral("  Unassigned  failing tests in no gap\n    1 0\n")));
    const QJsonObject json = HistoryCli::jsonObject(gapwise({ QStringLiteral("history"), QStringLiteral("gaps"),
        QStringLiteral("--store"), store, QStringLiteral("--json") }));
    CHECK(json.value(QStringLiteral("unassigned")).toArray() == QJsonArray { 1, 0 });

    // Over the last run only, no failure was in no gap: no line for it.
    const Run last = gapwise({ QStringLiteral("history"), QStringLiteral("gaps"), QStringLiteral("--store"), store,
        QStringLiteral("--runs"), QStringLiteral("1") });
    INFO(last.out.toStdString());
    REQUIRE(last.exitCode == 0);
    CHECK(last.outText().contains(QStringLiteral("ConnectionError")));
    CHECK_FALSE(last.outText().contains(QStringLiteral("Unassigned")));
}
