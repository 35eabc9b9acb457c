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

#include <memory>

namespace {

// `gapwise history add` with the store named by GAPWISE_STORE (`viaEnvironment`) or by --store.
std::unique_ptr<QProcess> startAdd(const QString &store, const QStringList &files, bool viaEnvironment)
{
    auto p = std::make_unique<QProcess>();
    QProcessEnvironment env = HistoryCli::cleanEnvironment();
    QStringList arguments { QStringLiteral("history"), QStringLiteral("add") };
    if (viaEnvironment)
        env.insert(QStringLiteral("GAPWISE_STORE"), store);
    else
        arguments << QStringLiteral("--store") << store;
    p->setProcessEnvironment(env);
    p->start(QStringLiteral(GAPWISE_BINARY), arguments + files);
    return p;
}

} // namespace

TEST_CASE("two gapwise history add processes at once leave every run exactly once", "[history][cli][concurrent]")
{
    STORE_ON_EACH_BACKEND(store, backend, dir);
    HistorySeries::Spec spec { 300, 10 }; // tests, runs
    const QStringList files = HistorySeries::writeJUnitSeries(spec, dir.path());
    QStringList reversed = files;
    std::reverse(reversed.begin(), reversed.end());

    // Started together; one walks the files forwards, the other backwards, so they race on creating the store
    // and then on at least one run.
    const auto first = startAdd(store, files, false);
    const auto second = startAdd(store, reversed, true);
    REQUIRE(first->waitForFinished(180000));
    REQUIRE(second->waitForFinished(180000));
    const QByteArray out = first->readAllStandardOutput() + second->readAllStandardOutput();
    INFO(out.toStdString() << first->readAllStandardError().toStdString()
                           << second->readAllStandardError().toStdString());
    REQUIRE(first->exitCode() == 0);
    REQUIRE(second->exitCode() == 0);
    CHECK(out.count("added as run #") == spec.runs);
    CHECK(out.count("already stored as run #") == spec.runs);

    QProcess list;
    list.start(QStringLiteral(GAPWISE_BINARY),
        { QStringLiteral("history"), QStringLiteral("list"), QStringLiteral("--store"), store,
            QStringLiteral("--json") });
    REQUIRE(list.waitForFinished(60000));
    REQUIRE(list.exitCode() == 0);
    const QJsonArray runs = QJsonDocument::fromJson(list.readAllStandardOutput()).array();
    REQUIRE(runs.size() == spec.runs);
    QSet<QString> sources;
    for (const QJsonValue &r : runs) {
        sources.insert(r.toObject().value(QStringLiteral("source")).toString());
        CHECK(r.toObject().value(QStringLiteral("tests")).toInt() == spec.tests);
    }
    CHECK(sources.size() == spec.runs);
}
