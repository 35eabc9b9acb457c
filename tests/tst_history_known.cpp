// SPDX-License-Identifier: GPL-3.0-or-later
// Known issues and the history in what users export: `gapwise compare --store S` and `gapwise export --compare
// --store S` count a new failure in a gap marked as a known issue as "known", not "new", in every format, and
// the PDF plan gets a History page. On a generated run series with planted flaky tests and regressions.
#include "historycli.h"
#include "historyseries.h"
#include "storebackends.h"

#include <catch2/catch.hpp>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>

namespace {

using HistoryCli::gapwise;
using HistoryCli::historyAdd;
using HistoryCli::pdfText;
using HistoryCli::Run;

// The stored gap whose title names `cause` (each planted kind fails with its own cause, so its own gap).
QString gapKeyOf(const QString &store, const QString &cause)
{
    const Run gaps = gapwise({ QStringLiteral("history"), QStringLiteral("gaps"), QStringLiteral("--store"), store,
        QStringLiteral("--json") });
    REQUIRE(gaps.exitCode == 0);
    for (const auto &g : QJsonDocument::fromJson(gaps.out).object().value(QStringLiteral("gaps")).toArray()) {
        if (g.toObject().value(QStringLiteral("title")).toString().contains(cause))
            return g.toObject().value(QStringLiteral("key")).toString();
    }
    FAIL("no stored gap is titled with " << cause.toStdString() << ": " << gaps.out.toStdString());
    return {};
}

QJsonObject testEntry(const QJsonObject &comparison, const QString &name)
{
    for (const auto &t : comparison.value(QStringLiteral("tests")).toArray()) {
        if (t.toObject().value(QStringLiteral("name")).toString() == name)
            return t.toObject();
    }
    return {};
}

} // namespace

TEST_CASE("a gap marked as a known issue makes its new failures known in compare and in every export",
    "[history][cli][known]")
{
    STORE_ON_EACH_BACKEND(store, backend, dir);
    // 12 runs of 150 tests: test 52 is a regression that breaks in run 7; flaky tests 1 and 101 fail in run 7
    // and passed in run 6. So run 7 against run 6 has three new failures, one of them in the regression's gap.
    HistorySeries::Spec spec { 150, 12 }; // tests, runs
    REQUIRE(HistorySeries::breakRun(spec, 52) == 7);
    const QStringList files = HistorySeries::writeJUnitSeries(spec, dir.path());
    const Run add = historyAdd(store, files);
    INFO(add.err.toStdString());
    REQUIRE(add.exitCode == 0);

    const QStringList compare { QStringLiteral("compare"), files.at(6), files.at(7), QStringLiteral("--json") };
    const Run plain = gapwise(compare);
    CHECK(plain.exitCode == 1);
    const QJsonObject before = QJsonDocument::fromJson(plain.out).object();
    CHECK(before.value(QStringLiteral("counts")).toObject().value(QStringLiteral("new-failure")).toInt() == 3);
    CHECK(before.value(QStringLiteral("counts")).toObject().value(QStringLiteral("known-failure")).toInt() == 0);

    const QString regressionGap = gapKeyOf(store, QStringLiteral("AssertionError"));
    REQUIRE(gapwise({ QStringLiteral("history"), QStringLiteral("known"), regressionGap, QStringLiteral("OPS-7"),
                        QStringLiteral("--store"), store })
                .exitCode
        == 0);

    // compare --store: the regression is known, the flaky tests stay new.
    const Run withStore = gapwise(compare + QStringList { QStringLiteral("--store"), store });
    INFO(withStore.err.toStdString());
    CHECK(withStore.exitCode == 1);
    const QJsonObject after = QJsonDocument::fromJson(withStore.out).object();
    CHECK(after.value(QStringLiteral("counts")).toObject().value(QStringLiteral("new-failure")).toInt() == 2);
    CHECK(after.value(QStringLiteral("counts")).toObject().value(QStringLiteral("known-failure")).toInt() == 1);
    const QJsonObject regression = testEntry(after, HistorySeries::testName(52));
    CHECK(regression.value(QStringLiteral("change")).toString() == QStringLiteral("known-failure"));
    CHECK(regression.value(QStringLiteral("knownIssue")).toString() == QStringLiteral("OPS-7"));
    CHECK(testEntry(after, HistorySeries::testName(1)).value(QStringLiteral("change")).toString()
        == QStringLiteral("new-failure"));
    CHECK(testEntry(after, HistorySeries::testName(101)).value(QStringLiteral("change")).toString()
        == QStringLiteral("new-failure"));
    const Run text = gapwise({ QStringLiteral("compare"), files.at(6), files.at(7), QStringLiteral("--store"), store });
    CHECK(text.out.contains("Known failure (1):"));
    CHECK(text.out.contains("known issue OPS-7]"));

    // With the flaky tests' gap known too, nothing is new: the exit code says so.
    REQUIRE(
        gapwise({ QStringLiteral("history"), QStringLiteral("known"), gapKeyOf(store, QStringLiteral("TimeoutError")),
                    QStringLiteral("OPS-8"), QStringLiteral("--store"), store })
            .exitCode
        == 0);
    const Run allKnown = gapwise(compare + QStringList { QStringLiteral("--store"), store });
    CHECK(allKnown.exitCode == 0);
    CHECK(QJsonDocument::fromJson(allKnown.out)
              .object()
              .value(QStringLiteral("counts"))
              .toObject()
              .value(QStringLiteral("known-failure"))
              .toInt()
        == 3);

    // A store that cannot be opened is an error naming it, not a comparison without known issues.
    const QString missing = dir.filePath(QStringLiteral("missing/none.sqlite"));
    const Run noStore = gapwise(compare + QStringList { QStringLiteral("--store"), missing });
    CHECK(noStore.exitCode == 3);
    CHECK(noStore.err.contains(missing.toUtf8()));

    // The exports: run 7 compared with run 6, with the store.
    const auto exportAs = [&](const QString &format) {
        QString out = dir.filePath(QStringLiteral("plan.") + format);
        const Run r = gapwise({ QStringLiteral("export"), files.at(7), QStringLiteral("--compare"), files.at(6),
            QStringLiteral("--store"), store, QStringLiteral("--format"), format, QStringLiteral("-o"), out });
        INFO(format.toStdString() << ": " << r.err.toStdString());
        REQUIRE(r.exitCode == 0);
        return out;
    };
    QFile md(exportAs(QStringLiteral("md")));
    REQUIRE(md.open(QIODevice::ReadOnly));
    const QByteArray mdText = md.readAll();
    CHECK(mdText.contains("- 3 known failures\n"));
    const QByteArray knownRow = "| known failure (OPS-7) | `" + HistorySeries::testName(52).toUtf8() + "` |";
    CHECK(mdText.contains(knownRow));
    CHECK(mdText.contains("## History"));

    QFile csv(exportAs(QStringLiteral("csv")));
    REQUIRE(csv.open(QIODevice::ReadOnly));
    CHECK(csv.readAll().contains(",known-failure"));

    QFile json(exportAs(QStringLiteral("json")));
    REQUIRE(json.open(QIODevice::ReadOnly));
    const QJsonObject plan = QJsonDocument::fromJson(json.readAll()).object();
    const QJsonObject comparison = plan.value(QStringLiteral("comparison")).toObject();
    CHECK(comparison.value(QStringLiteral("counts")).toObject().value(QStringLiteral("known-failure")).toInt() == 3);
    CHECK(testEntry(comparison, HistorySeries::testName(52)).value(QStringLiteral("knownIssue")).toString()
        == QStringLiteral("OPS-7"));
    CHECK(plan.value(QStringLiteral("history")).toObject().value(QStringLiteral("knownFailures")).toInt() == 3);

    // The PDF: known failures in "Since last run", and a History page over the 8 runs up to the plan's run.
    const QString pdf = pdfText(exportAs(QStringLiteral("pdf")));
    INFO(pdf.toStdString());
    CHECK(pdf.contains(QStringLiteral("Known failures (3)")));
    CHECK(pdf.contains(QStringLiteral("OPS-7")));
    const int history = pdf.indexOf(QStringLiteral("History The last 8 runs in"));
    REQUIRE(history > 0);
    const QString page = pdf.mid(history);
    CHECK(page.contains(QStringLiteral("New failures in #8 run-007.xml: 3 (3 of them in known issues)")));
    CHECK(page.contains(QStringLiteral("Flaky tests (3)")));
    CHECK(page.contains(QStringLiteral("Regressions (2)"))); // tests 2 and 52; test 102 breaks in run 8
    CHECK(page.contains(HistorySeries::testName(52) + QStringLiteral(" |")));
    CHECK(page.contains(QStringLiteral("failing since #8 run-007.xml")));
    CHECK(page.contains(QStringLiteral("Failures per gap per run")));
    CHECK(page.contains(QStringLiteral("known issue OPS-7")));
}
