// SPDX-License-Identifier: GPL-3.0-or-later
// Two `gapwise history add` processes at once on the same files, as two workstations adding last night's runs
// to the team's store: every run is stored exactly once, on SQLite and on PostgreSQL.
#include "historycli.h"
#include "historyseries.h"
#include "storebackends.h"

#include <catch2/catch.hpp>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>

using HistoryCli::gapwise;
using HistoryCli::Run;
using HistoryCli::startHistoryAdd;
using HistoryCli::StoreNamed;

TEST_CASE("two gapwise history add processes at once leave every run exactly once", "[history][cli][concurrent]")
{
    STORE_ON_EACH_BACKEND(store, backend, dir);
    HistorySeries::Spec spec { 300, 10 }; // tests, runs
    const QStringList files = HistorySeries::writeJUnitSeries(spec, dir.path());
    QStringList reversed = files;
    std::reverse(reversed.begin(), reversed.end());

    // Started together; one walks the files forwards, the other backwards, so they race on creating the store
    // and then on at least one run.
    const auto first = startHistoryAdd(store, files, StoreNamed::ByOption);
    const auto second = startHistoryAdd(store, reversed, StoreNamed::ByEnvironment);
    REQUIRE(first->waitForFinished(180000));
    REQUIRE(second->waitForFinished(180000));
    const QByteArray out = first->readAllStandardOutput() + second->readAllStandardOutput();
    INFO(out.toStdString() << first->readAllStandardError().toStdString()
                           << second->readAllStandardError().toStdString());
    REQUIRE(first->exitCode() == 0);
    REQUIRE(second->exitCode() == 0);
    CHECK(out.count("added as run #") == spec.runs);
    CHECK(out.count("already stored as run #") == spec.runs);

    const Run list = gapwise({ QStringLiteral("history"), QStringLiteral("list"), QStringLiteral("--store"), store,
        QStringLiteral("--json") });
    REQUIRE(list.exitCode == 0);
    const QJsonArray runs = QJsonDocument::fromJson(list.out).array();
    REQUIRE(runs.size() == spec.runs);
    QSet<QString> sources;
    for (const QJsonValue r : runs) {
        sources.insert(r.toObject().value(QStringLiteral("source")).toString());
        CHECK(r.toObject().value(QStringLiteral("tests")).toInt() == spec.tests);
    }
    CHECK(sources.size() == spec.runs);
}
