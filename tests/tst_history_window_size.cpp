// SPDX-License-Identifier: GPL-3.0-or-later
// "New" and "failing since" do not depend on the window (--runs): a new failure is one the run before the
// newest did not have, even when that run is outside the window, and a failing streak that began before the
// window says so (QA finding: --runs 1 made every failing test new; --runs 2 said a test failing since #1 was
// failing since #4).
#include "handwrittenruns.h"
#include "historycli.h"
#include "storebackends.h"

#include <catch2/catch.hpp>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

namespace {

using HistoryCli::gapwise;
using HistoryCli::Run;

// QA's five runs: per test its outcome in runs 1–5 ('.' pass, 'F' fail, 's' skipped, ' ' absent).
QStringList writeRuns(const QString &dir)
{
    const QString mod = QStringLiteral("pkg.Mod");
    return HandwrittenRuns::writeRuns(dir,
        { { mod, QStringLiteral("t1"), ".F.F." }, { mod, QStringLiteral("t2"), "..FFF" },
            { mod, QStringLiteral("t3"), "FFFFF" }, { mod, QStringLiteral("t4"), "...FF" },
            { mod, QStringLiteral("t5"), "FFF.." }, { mod, QStringLiteral("t6"), ".... " },
            { mod, QStringLiteral("t7"), ".s.FF" }, { mod, QStringLiteral("t8"), "....F" } });
}

QJsonObject flaky(const QString &store, int runs)
{
    const Run r = gapwise({ QStringLiteral("history"), QStringLiteral("flaky"), QStringLiteral("--runs"),
        QString::number(runs), QStringLiteral("--store"), store, QStringLiteral("--json") });
    return HistoryCli::jsonObject(r);
}

// The test `name` in any list of the summary.
QJsonObject listed(const QJsonObject &summary, const QString &name)
{
    for (const QString &list : { QStringLiteral("flaky"), QStringLiteral("regressions"), QStringLiteral("failing"),
             QStringLiteral("fixed") }) {
        for (const QJsonValue t : summary.value(list).toArray()) {
            if (t.toObject().value(QStringLiteral("key")).toString() == QStringLiteral("pkg.Mod::") + name)
                return t.toObject();
        }
    }
    return {};
}

} // namespace

TEST_CASE("new failures and failing since are the same whatever the window", "[history][cli][window]")
{
    STORE_ON_EACH_BACKEND(store, backend, dir);
    const Run add = HistoryCli::historyAdd(store, writeRuns(dir.path()));
    INFO(add.errText().toStdString());
    REQUIRE(add.exitCode == 0);

    for (int runs : { 1, 2, 3, 5, 20 }) {
        INFO("--runs " << runs);
        const QJsonObject s = flaky(store, runs);
        CHECK(s.value(QStringLiteral("newFailures")).toInt() == 1); // t8 alone: the others failed in run 4 too
        for (const char *name : { "t2", "t3", "t4", "t7" }) {
            INFO(name);
            CHECK(listed(s, QLatin1String(name)).value(QStringLiteral("newFailure")).toBool() == false);
        }
        CHECK(listed(s, QStringLiteral("t8")).value(QStringLiteral("newFailure")).toBool());
    }

    // t3 failed in every run: a window that starts after run 1 does not show where the streak began.
    const QJsonObject two = listed(flaky(store, 2), QStringLiteral("t3"));
    CHECK(two.value(QStringLiteral("failingSince")).toString() == QStringLiteral("before #4 run4.xml"));
    CHECK(two.value(QStringLiteral("failingBeforeWindow")).toBool());
    const QJsonObject all = listed(flaky(store, 5), QStringLiteral("t3"));
    CHECK(all.value(QStringLiteral("failingSince")).toString() == QStringLiteral("#1 run1.xml"));
    CHECK_FALSE(all.contains(QStringLiteral("failingBeforeWindow")));
    // t4 broke in run 4, which a window of two runs starts with, after a pass in run 3: that is where it began.
    const QJsonObject t4 = listed(flaky(store, 2), QStringLiteral("t4"));
    CHECK(t4.value(QStringLiteral("failingSince")).toString() == QStringLiteral("#4 run4.xml"));
    CHECK_FALSE(t4.contains(QStringLiteral("failingBeforeWindow")));
}

TEST_CASE("history test names a skipped run skipped, as the strips' legend does", "[history][cli][outcome]")
{
    STORE_ON_EACH_BACKEND(store, backend, dir);
    const Run add = HistoryCli::historyAdd(store, writeRuns(dir.path()));
    REQUIRE(add.exitCode == 0);
    // QA: t7 was <skipped/> in run 2 and `history test` said "other".
    const Run text = gapwise(
        { QStringLiteral("history"), QStringLiteral("test"), QStringLiteral("t7"), QStringLiteral("--store"), store });
    INFO(text.errText().toStdString());
    REQUIRE(text.exitCode == 0);
    const QStringList lines = text.outText().split(QLatin1Char('\n'));
    const auto second = std::find_if(
        lines.cbegin(), lines.cend(), [](const QString &l) { return l.contains(QLatin1String("run2.xml")); });
    REQUIRE(second != lines.cend());
    CHECK(second->endsWith(QLatin1String("  skipped")));
    CHECK_FALSE(text.outText().contains(QStringLiteral("other")));
    const Run json = gapwise({ QStringLiteral("history"), QStringLiteral("test"), QStringLiteral("t7"),
        QStringLiteral("--store"), store, QStringLiteral("--json") });
    REQUIRE(json.exitCode == 0);
    const QJsonArray runs = QJsonDocument::fromJson(json.out).object().value(QStringLiteral("runs")).toArray();
    REQUIRE(runs.size() == 5);
    CHECK(runs[1].toObject().value(QStringLiteral("outcome")).toString() == QStringLiteral("skipped"));
    CHECK(runs[0].toObject().value(QStringLiteral("outcome")).toString() == QStringLiteral("pass"));
    CHECK(runs[4].toObject().value(QStringLiteral("outcome")).toString() == QStringLiteral("fail"));
    // The lists' outcomes too.
    const QJsonObject t7 = listed(flaky(store, 5), QStringLiteral("t7"));
    CHECK(t7.value(QStringLiteral("outcomes")).toArray().at(1).toString() == QStringLiteral("skipped"));
}
