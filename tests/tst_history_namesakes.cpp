// SPDX-License-Identifier: GPL-3.0-or-later
// Tests whose JUnit name repeats in a file (a namesake after a pass is another test, id "…#2") each keep a
// history of their own, under a key that is the same in every run (QA finding: the store kept one of them,
// under a key with the file's phase in front, so a flaky namesake was never matched across runs; history
// stored 670 of the 808 tests inspect counted).
#include "handwrittenruns.h"
#include "historycli.h"
#include "importer.h"
#include "runcomparison.h"
#include "runrecord.h"
#include "storebackends.h"

#include <catch2/catch.hpp>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

namespace {

using namespace HistoryCli;

const QString A = QStringLiteral("c.A");

// Three runs, each in a file of its own name (so a phase named after the file differs in each): c.A::t twice,
// the first passing, the second failing, passing, failing; then c.A::u.
QStringList writeRuns(const QString &dir)
{
    return HandwrittenRuns::writeRuns(dir,
        { { A, QStringLiteral("t"), "..." }, { A, QStringLiteral("t"), "F.F" }, { A, QStringLiteral("u"), "..." } });
}

Gapwise::Report imported(const QString &path)
{
    const Gapwise::ImportResult result = Gapwise::importFile(path);
    REQUIRE(result.ok());
    return *result.report;
}

} // namespace

TEST_CASE("every test of a run gets a key of its own, the same in every run", "[history][namesakes]")
{
    QTemporaryDir dir;
    const QStringList files = writeRuns(dir.path());
    const Gapwise::Report first = imported(files[0]);
    Gapwise::Report second = imported(files[1]);
    REQUIRE(first.tests.size() == 3);
    // As QA met it: a file of many suites is one phase named after the file, so each run's phase differs.
    for (Gapwise::TestCase &t : second.tests) {
        t.id.replace(0, t.phaseId.size(), QStringLiteral("run-2"));
        t.phaseId = QStringLiteral("run-2");
    }
    REQUIRE(first.tests[0].phaseId != second.tests[0].phaseId);

    const QVector<QString> keys = Gapwise::historyTestKeys(first);
    CHECK(keys == QVector<QString> { QStringLiteral("c.A::t"), QStringLiteral("c.A::t#2"), QStringLiteral("c.A::u") });
    const Gapwise::RunRecord record = Gapwise::makeRunRecord(first, files[0], QStringLiteral("h"), {});
    CHECK(record.results.size() == first.tests.size());

    // The key is how compare matches: the tests it pairs have the same key in both runs.
    const QVector<QString> secondKeys = Gapwise::historyTestKeys(second);
    const Gapwise::RunComparison cmp = Gapwise::compareRuns(first, second);
    int paired = 0;
    for (const Gapwise::TestChange &c : cmp.changes) {
        if (c.oldIndex < 0 || c.newIndex < 0)
            continue;
        ++paired;
        CHECK(keys[c.oldIndex] == secondKeys[c.newIndex]);
    }
    CHECK(paired == 3);
}

TEST_CASE("a flaky test whose name repeats in its file is found flaky, and history test finds it",
    "[history][cli][namesakes]")
{
    STORE_ON_EACH_BACKEND(store, backend, dir);
    const QStringList files = writeRuns(dir.path());
    const Run add = gapwise({ QStringLiteral("history"), QStringLiteral("add"), files[0], files[1], files[2],
        QStringLiteral("--store"), store, QStringLiteral("--json") });
    const QJsonArray added = QJsonDocument::fromJson(add.out).array();
    REQUIRE(add.exitCode == 0);
    REQUIRE(added.size() == 3);
    for (const QJsonValue a : added)
        CHECK(a.toObject().value(QStringLiteral("tests")).toInt() == 3); // as inspect counts them

    const QJsonObject flaky = jsonObject(gapwise({ QStringLiteral("history"), QStringLiteral("flaky"),
        QStringLiteral("--store"), store, QStringLiteral("--json") }));
    CHECK(keysOf(flaky.value(QStringLiteral("flaky")).toArray()) == QStringList { QStringLiteral("c.A::t#2") });
    CHECK(flaky.value(QStringLiteral("newFailures")).toInt() == 1);

    // By its key, and by the id inspect shows for it.
    const QJsonObject inspect = jsonObject(gapwise({ QStringLiteral("inspect"), files[2], QStringLiteral("--json") }));
    QString id;
    for (const QJsonValue t : inspect.value(QStringLiteral("tests")).toArray()) {
        if (t.toObject().value(QStringLiteral("id")).toString().endsWith(QLatin1String("#2")))
            id = t.toObject().value(QStringLiteral("id")).toString();
    }
    REQUIRE_FALSE(id.isEmpty());
    for (const QString &typed : { QStringLiteral("c.A::t#2"), id }) {
        INFO(typed.toStdString());
        const QJsonObject t = jsonObject(gapwise({ QStringLiteral("history"), QStringLiteral("test"), typed,
            QStringLiteral("--store"), store, QStringLiteral("--json") }));
        CHECK(t.value(QStringLiteral("key")).toString() == QStringLiteral("c.A::t#2"));
        CHECK(t.value(QStringLiteral("verdict")).toString() == QStringLiteral("flaky"));
        CHECK(t.value(QStringLiteral("flips")).toInt() == 2);
    }
    // The first c.A::t passed throughout; its plain name names both tests, listed by their keys.
    const Run both = gapwise(
        { QStringLiteral("history"), QStringLiteral("test"), QStringLiteral("t"), QStringLiteral("--store"), store });
    CHECK(both.exitCode == 2);
    CHECK(both.errText().contains(QStringLiteral("names 2 stored tests")));
    CHECK(both.errText().contains(QStringLiteral("  c.A::t#2\n")));
    CHECK(both.errText().contains(QStringLiteral("  c.A::t\n")));
}
