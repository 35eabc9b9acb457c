// SPDX-License-Identifier: GPL-3.0-or-later
// What a run in the history store is (QA findings on the history store): a file or folder with no test results
// is refused, a run added by mistake is removed with `history remove`, a session is stored with its triage as
// saved (nothing carried within one run) and is the same run as its report, in the window too; `history known`
// takes a gap's title; the window's comparison reads known issues marked while it is open.
#include "comparisonmode.h"
#include "handwrittenruns.h"
#include "historycli.h"
#include "historypanel.h"
#include "historyseries.h"
#include "historystore.h"
#include "importer.h"
#include "mainwindow.h"
#include "messagebanner.h"
#include "sessionfile.h"
#include "storebackends.h"
#include "triagesession.h"
#include "windowfixtures.h"

#include <catch2/catch.hpp>

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QSignalSpy>
#include <QTemporaryDir>

#include <functional>

using namespace Gapwise;
using HistoryCli::gapwise;
using HistoryCli::Run;

namespace {

QStringList historyArgs(const QString &store, const QStringList &args)
{
    return QStringList { QStringLiteral("history") } + args + QStringList { QStringLiteral("--store"), store };
}

QJsonArray jsonArrayOf(const Run &run)
{
    INFO(run.errText().toStdString());
    REQUIRE(run.exitCode == 0);
    return QJsonDocument::fromJson(run.out).array();
}

QJsonArray storedGaps(const QString &store)
{
    return HistoryCli::jsonObject(gapwise(historyArgs(store, { QStringLiteral("gaps"), QStringLiteral("--json") })))
        .value(QStringLiteral("gaps"))
        .toArray();
}

QJsonObject gapTitled(const QJsonArray &gaps, const QString &title)
{
    for (const auto &g : gaps) {
        if (g.toObject().value(QStringLiteral("title")).toString() == title)
            return g.toObject();
    }
    FAIL("no stored gap is titled " << title.toStdString());
    return {};
}

QString idOf(const Report &report, const QString &name)
{
    for (const TestCase &t : report.tests) {
        if (t.name == QStringLiteral("pkg.Mod::") + name)
            return t.id;
    }
    FAIL("no test " << name.toStdString());
    return {};
}

// One run of pkg.Mod: t1, t2 and t3 fail with one cause (so Gapwise proposes one gap for them), t4 passes.
QString writeRun(const QString &dir)
{
    const QString mod = QStringLiteral("pkg.Mod");
    return HandwrittenRuns::write(dir, 1,
        { { mod, QStringLiteral("t1"), 'F' }, { mod, QStringLiteral("t2"), 'F' }, { mod, QStringLiteral("t3"), 'F' },
            { mod, QStringLiteral("t4"), '.' } });
}

// `report` triaged by `triage` and saved as dir/run1.gapwise, as the window saves a session.
QString writeSession(
    const QString &report, const QString &dir, const std::function<void(TriageSession &, const Report &)> &triage)
{
    const ImportResult imported = importFile(report);
    REQUIRE(imported.ok());
    TriageSession session;
    session.load(*imported.report);
    triage(session, *imported.report);
    QString path = QDir(dir).filePath(QStringLiteral("run1.gapwise")); // not const: returned, so moved
    QString error;
    REQUIRE(writeFileAtomically(path, SessionFile::fromSession(session, report, QString()).toJson(path), &error));
    return path;
}

} // namespace

TEST_CASE(
    "history add refuses a run with no test results, and history remove takes one run out", "[history][cli][remove]")
{
    STORE_ON_EACH_BACKEND(store, backend, dir);
    const QStringList files = HandwrittenRuns::writeRuns(dir.path(),
        { { QStringLiteral("pkg.Mod"), QStringLiteral("t1"), ".F.F" },
            { QStringLiteral("pkg.Mod"), QStringLiteral("t2"), "...F" } });
    REQUIRE(HistoryCli::historyAdd(store, files).exitCode == 0);

    // A folder of notes and an empty TRX: no test results, so nothing is stored and the file is named.
    const QString notes = dir.filePath(QStringLiteral("notes"));
    REQUIRE(QDir().mkpath(notes));
    for (const QString &name : { QStringLiteral("readme.txt"), QStringLiteral("notes.txt") }) {
        QFile f(QDir(notes).filePath(name));
        REQUIRE(f.open(QIODevice::WriteOnly));
        f.write("Just some notes about the nightly run.\n");
    }
    {
        QFile f(QDir(notes).filePath(QStringLiteral("empty.trx")));
        REQUIRE(f.open(QIODevice::WriteOnly));
    }
    const Run refused = HistoryCli::historyAdd(store, { notes });
    CHECK(refused.exitCode == 3);
    CHECK(refused.errText().contains(notes));
    CHECK(refused.errText().contains(QStringLiteral("no test report found in this folder")));
    // A report that states its results only as counts names no test either: refused, and it says why.
    const QString counted = dir.filePath(QStringLiteral("counted.md"));
    {
        QFile f(counted);
        REQUIRE(f.open(QIODevice::WriteOnly));
        f.write("# Nightly\n\n## Unit Tests\n\n- **Total Tests:** 2\n- **Passed:** 2\n");
    }
    const Run countsOnly = HistoryCli::historyAdd(store, { counted });
    CHECK(countsOnly.exitCode == 3);
    CHECK(countsOnly.errText().contains(
        QStringLiteral("counted.md: names no test (it states its results only as counts")));
    const QJsonArray runs
        = jsonArrayOf(gapwise(historyArgs(store, { QStringLiteral("list"), QStringLiteral("--json") })));
    REQUIRE(runs.size() == files.size());

    // `history remove N` takes out run N and says what it removed; the others stay.
    const qint64 newest = runs.last().toObject().value(QStringLiteral("id")).toInteger();
    const Run removed = gapwise(historyArgs(store, { QStringLiteral("remove"), QStringLiteral("#%1").arg(newest) }));
    INFO(removed.errText().toStdString());
    CHECK(removed.exitCode == 0);
    CHECK(removed.outText().startsWith(QStringLiteral("Removed run #%1 ").arg(newest)));
    CHECK(removed.outText().contains(QStringLiteral("2 tests, 2 failing")));
    const QJsonArray left
        = jsonArrayOf(gapwise(historyArgs(store, { QStringLiteral("list"), QStringLiteral("--json") })));
    REQUIRE(left.size() == files.size() - 1);
    for (const auto &r : left)
        CHECK(r.toObject().value(QStringLiteral("id")).toInteger() != newest);
    // Its tests' history no longer has it: t2 never failed in the runs left.
    const QJsonObject t2 = HistoryCli::jsonObject(gapwise(
        historyArgs(store, { QStringLiteral("test"), QStringLiteral("pkg.Mod::t2"), QStringLiteral("--json") })));
    CHECK(t2.value(QStringLiteral("runs")).toArray().size() == files.size() - 1);
    // The same file can be added again.
    const Run again = HistoryCli::historyAdd(store, { files.last() });
    CHECK(again.exitCode == 0);
    CHECK(again.outText().contains(QStringLiteral("added as run #")));

    const Run unknown = gapwise(historyArgs(store, { QStringLiteral("remove"), QStringLiteral("999") }));
    CHECK(unknown.exitCode == 3);
    CHECK(unknown.errText().contains(QStringLiteral("no run #999")));
    CHECK(gapwise(historyArgs(store, { QStringLiteral("remove"), QStringLiteral("latest") })).exitCode == 2);
}

TEST_CASE(
    "a session is stored with its triage as saved, and it is the same run as its report", "[history][cli][session]")
{
    STORE_ON_EACH_BACKEND(store, backend, dir);
    const QString report = writeRun(dir.path());
    // A person puts t1 into a gap of their own; t2 and t3, of the same cause, stay in Gapwise's proposed gap.
    const QString session = writeSession(report, dir.path(), [](TriageSession &s, const Report &r) {
        s.moveTestsToNewGap({ idOf(r, QStringLiteral("t1")) }, QStringLiteral("Mine"));
    });

    const Run add = gapwise(historyArgs(store, { QStringLiteral("add"), session, QStringLiteral("--json") }));
    const QJsonArray added = jsonArrayOf(add);
    REQUIRE(added.size() == 1);
    CHECK(added[0].toObject().value(QStringLiteral("added")).toBool());
    CHECK(added[0].toObject().value(QStringLiteral("carried")).toInt() == 0); // a first run has nothing to carry

    // As saved: one failure in "Mine", two in the proposed gap; nothing says "carried".
    const QJsonArray gaps = storedGaps(store);
    CHECK(gapTitled(gaps, QStringLiteral("Mine")).value(QStringLiteral("failures")).toArray() == QJsonArray { 1 });
    for (const auto &g : gaps) {
        if (g.toObject().value(QStringLiteral("title")).toString() != QStringLiteral("Mine"))
            CHECK(g.toObject().value(QStringLiteral("failures")).toArray() == QJsonArray { 2 });
    }
    const QJsonObject t2 = HistoryCli::jsonObject(gapwise(
        historyArgs(store, { QStringLiteral("test"), QStringLiteral("pkg.Mod::t2"), QStringLiteral("--json") })));
    REQUIRE(t2.value(QStringLiteral("runs")).toArray().size() == 1);
    CHECK_FALSE(t2.value(QStringLiteral("runs")).toArray()[0].toObject().contains(QStringLiteral("carriedFromRun")));

    // The report the session triages is that run: already stored, nothing added.
    const QJsonArray reportAdded
        = jsonArrayOf(gapwise(historyArgs(store, { QStringLiteral("add"), report, QStringLiteral("--json") })));
    REQUIRE(reportAdded.size() == 1);
    CHECK_FALSE(reportAdded[0].toObject().value(QStringLiteral("added")).toBool());
    CHECK(reportAdded[0].toObject().value(QStringLiteral("run")) == added[0].toObject().value(QStringLiteral("run")));
    CHECK(jsonArrayOf(gapwise(historyArgs(store, { QStringLiteral("list"), QStringLiteral("--json") }))).size() == 1);
}

TEST_CASE("history known takes a gap's title as well as its id, and an ambiguous title lists the ids",
    "[history][cli][known]")
{
    STORE_ON_EACH_BACKEND(store, backend, dir);
    const QString report = writeRun(dir.path());
    const QString session = writeSession(report, dir.path(), [](TriageSession &s, const Report &r) {
        s.moveTestsToNewGap({ idOf(r, QStringLiteral("t1")) }, QStringLiteral("Same title"));
        s.moveTestsToNewGap({ idOf(r, QStringLiteral("t2")) }, QStringLiteral("Same title"));
    });
    REQUIRE(HistoryCli::historyAdd(store, { session }).exitCode == 0);
    const QJsonArray gaps = storedGaps(store);
    REQUIRE(gaps.size() == 3);

    // The proposed gap, by the title `history gaps` shows.
    QJsonObject proposed;
    for (const auto &g : gaps) {
        if (g.toObject().value(QStringLiteral("title")).toString() != QStringLiteral("Same title"))
            proposed = g.toObject();
    }
    const QString title = proposed.value(QStringLiteral("title")).toString();
    REQUIRE_FALSE(title.isEmpty());
    const Run byTitle = gapwise(historyArgs(store, { QStringLiteral("known"), title, QStringLiteral("OPS-8") }));
    INFO(byTitle.errText().toStdString());
    CHECK(byTitle.exitCode == 0);
    CHECK(byTitle.outText().contains(proposed.value(QStringLiteral("key")).toString()));
    CHECK(gapTitled(storedGaps(store), title).value(QStringLiteral("tracker")).toString() == QStringLiteral("OPS-8"));

    // Two gaps of one title: which ids, and nothing marked.
    const Run ambiguous = gapwise(
        historyArgs(store, { QStringLiteral("known"), QStringLiteral("Same title"), QStringLiteral("OPS-9") }));
    CHECK(ambiguous.exitCode == 2);
    int listed = 0;
    for (const auto &g : gaps) {
        if (g.toObject().value(QStringLiteral("title")).toString() == QStringLiteral("Same title")) {
            CHECK(ambiguous.errText().contains(g.toObject().value(QStringLiteral("key")).toString()));
            ++listed;
        }
    }
    CHECK(listed == 2);
    for (const auto &g : storedGaps(store))
        CHECK(g.toObject().value(QStringLiteral("tracker")).toString() != QStringLiteral("OPS-9"));
    const Run unknown = gapwise(
        historyArgs(store, { QStringLiteral("known"), QStringLiteral("No such gap"), QStringLiteral("X-1") }));
    CHECK(unknown.exitCode == 3);
    CHECK(unknown.errText().contains(QStringLiteral("No such gap")));
}

TEST_CASE("a run added from its session is the window's run when it opens the session or the report",
    "[history][window][session]")
{
    STORE_ON_EACH_BACKEND(store, backend, dir);
    // Run 1 passes t1; run 2 (the session's report) fails it: one regression.
    const QString mod = QStringLiteral("pkg.Mod");
    const QString first = HandwrittenRuns::write(dir.path(), 0, { { mod, QStringLiteral("t1"), '.' } });
    const QString sub = dir.filePath(QStringLiteral("later"));
    REQUIRE(QDir().mkpath(sub));
    const QString report = HandwrittenRuns::write(sub, 1, { { mod, QStringLiteral("t1"), 'F' } });
    const QString session = writeSession(report, sub, [](TriageSession &s, const Report &r) {
        s.moveTestsToNewGap({ idOf(r, QStringLiteral("t1")) }, QStringLiteral("Mine"));
    });
    REQUIRE(HistoryCli::historyAdd(store, { first, session }).exitCode == 0);

    for (const QString &opened : { session, report }) {
        INFO(opened.toStdString());
        MainWindow window;
        HistoryPanel *panel = attachHistoryPanel(&window, store, false);
        QSignalSpy loaded(panel, &HistoryPanel::historyLoaded);
        QSignalSpy failed(panel, &HistoryPanel::historyFailed);
        REQUIRE(TestSupport::openAndWait(window, opened));
        REQUIRE((loaded.count() > 0 || failed.count() > 0 || loaded.wait(30000)));
        INFO(panel->summaryLabel()->text().toStdString());
        REQUIRE(panel->history());
        CHECK(panel->history()->window.size() == 2);
        // One regression, said in the singular.
        CHECK(panel->summaryLabel()->text().contains(QStringLiteral("1 regression")));
        CHECK_FALSE(panel->summaryLabel()->text().contains(QStringLiteral("1 regressions")));
    }
}

TEST_CASE("the window's comparison counts a known issue marked while the window is open", "[history][window][known]")
{
    STORE_ON_EACH_BACKEND(store, backend, dir);
    // Run 7 against run 6: flaky tests 1 and 101 (TimeoutError) and regression 52 fail anew.
    HistorySeries::Spec spec { 150, 12 }; // tests, runs
    REQUIRE(HistorySeries::breakRun(spec, 52) == 7);
    const QStringList files = HistorySeries::writeJUnitSeries(spec, dir.path());
    REQUIRE(HistoryCli::historyAdd(store, files).exitCode == 0);

    MainWindow window;
    HistoryPanel *panel = attachHistoryPanel(&window, store, false);
    QSignalSpy loaded(panel, &HistoryPanel::historyLoaded);
    REQUIRE(TestSupport::openAndWait(window, files.at(7)));
    REQUIRE((loaded.count() > 0 || loaded.wait(30000)));

    // Marked after the window read the history, as `gapwise history known` in a terminal beside it would.
    const QJsonArray gaps = storedGaps(store);
    QString timeouts;
    for (const auto &g : gaps) {
        if (g.toObject().value(QStringLiteral("title")).toString().contains(QStringLiteral("TimeoutError")))
            timeouts = g.toObject().value(QStringLiteral("key")).toString();
    }
    REQUIRE_FALSE(timeouts.isEmpty());
    REQUIRE(gapwise(historyArgs(store, { QStringLiteral("known"), timeouts, QStringLiteral("OPS-7") })).exitCode == 0);

    ComparisonMode *comparison = window.comparisonMode();
    REQUIRE(comparison);
    QSignalSpy compared(comparison, &ComparisonMode::compared);
    REQUIRE(window.compareWith(files.at(6)));
    REQUIRE((compared.count() > 0 || compared.wait(30000)));
    const QString banner = comparison->banner()->text();
    INFO(banner.toStdString());
    CHECK(banner.contains(QStringLiteral("1 new failure")));
    CHECK_FALSE(banner.contains(QStringLiteral("1 new failures")));
    CHECK(banner.contains(QStringLiteral("2 known failures")));
}
