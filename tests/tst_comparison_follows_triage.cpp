// SPDX-License-Identifier: GPL-3.0-or-later
// The window's comparison after triage edits: each changed test's gap in the digest, the details table and
// the exports follows the session, as the per-gap deltas do (QA: a moved new failure stayed "Unassigned").
#include "testsupport.h"

#include "comparisonmode.h"
#include "comparisonview.h"
#include "exportactions.h"
#include "mainwindow.h"
#include "sessioncontroller.h"
#include "triagesession.h"

#include <catch2/catch.hpp>

#include <QAbstractItemModelTester>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPdfDocument>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QUndoStack>

using namespace Gapwise;
using namespace TestSupport;

namespace {

const ChangedTest *rowOf(const ComparisonDigest &d, const QString &id)
{
    for (const ChangedTest &t : d.tests) {
        if (t.id == id)
            return &t;
    }
    return nullptr;
}

// The details table's Gap cell of the row whose Test cell is `name`.
QString detailsGapOf(QTableView *table, const QString &name)
{
    const QAbstractItemModel *m = table->model();
    for (int row = 0; row < m->rowCount(); ++row) {
        if (m->index(row, 1).data().toString() == name)
            return m->index(row, 3).data().toString();
    }
    return QStringLiteral("(no row)");
}

} // namespace

TEST_CASE("A test moved in comparison mode is in its new gap in the digest, the details table and every export",
    "[compare][comparemode][gui][export]")
{
    MainWindow w;
    w.sessionController()->setAsker([] { return SessionController::Answer::Discard; });
    w.resize(1400, 900);
    w.show();
    {
        QSignalSpy loaded(&w, &MainWindow::reportLoaded);
        REQUIRE(w.openReport(dataPath(QStringLiteral("compare/run2.md"))));
        REQUIRE(loaded.wait(20000));
    }
    QSignalSpy compared(w.comparisonMode(), &ComparisonMode::compared);
    REQUIRE(w.compareWith(dataPath(QStringLiteral("compare/md-run1.gapwise"))));
    REQUIRE(compared.wait(20000));
    ComparisonView *details = w.comparisonMode()->showDetails();
    REQUIRE(details);
    auto *table = details->findChild<QTableView *>();
    REQUIRE(table);
    QAbstractItemModelTester tableTester(table->model(), QAbstractItemModelTester::FailureReportingMode::Fatal);
    QSignalSpy tableReset(table->model(), &QAbstractItemModel::modelReset);

    // A new failure the carry-over left Unassigned, moved by hand into the outage gap.
    const ComparisonDigest *before = w.activeComparison();
    REQUIRE(before);
    const auto unassigned = std::find_if(before->tests.cbegin(), before->tests.cend(), [](const ChangedTest &t) {
        return t.change == ChangeClass::NewFailure && t.gap == QStringLiteral("Unassigned");
    });
    REQUIRE(unassigned != before->tests.cend());
    const QString id = unassigned->id;
    const QString name = unassigned->name;
    const Gap *outage = gapTitled(w.session()->report(), QStringLiteral("Database outage"));
    REQUIRE(outage);
    const QString outageTitle = outage->title;
    const QString outageId = outage->id;
    CHECK(detailsGapOf(table, name) == QStringLiteral("Unassigned"));
    w.session()->moveTests({ id }, outageId);

    // Asked right after the edit (an export can start before the recount's turn of the event loop).
    const ComparisonDigest *after = w.activeComparison();
    REQUIRE(after);
    REQUIRE(rowOf(*after, id));
    CHECK(rowOf(*after, id)->gap == outageTitle);
    CHECK(detailsGapOf(table, name) == outageTitle);
    CHECK(tableReset.isEmpty()); // a user edit updates the rows in place

    // A rename reaches the rows too.
    w.session()->renameGap(outageId, QStringLiteral("DB outage (primary)"));
    QCoreApplication::processEvents();
    CHECK(rowOf(*w.activeComparison(), id)->gap == QStringLiteral("DB outage (primary)"));
    CHECK(detailsGapOf(table, name) == QStringLiteral("DB outage (primary)"));

    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    auto exportTo = [&](ExportActions::Format format, const QString &file) {
        QSignalSpy exported(w.exportActions(), &ExportActions::exported);
        const QString path = dir.filePath(file);
        REQUIRE(w.exportActions()->exportTo(format, path));
        REQUIRE(exported.wait(20000));
        return path;
    };
    QFile md(exportTo(ExportActions::Format::Markdown, QStringLiteral("plan.md")));
    REQUIRE(md.open(QIODevice::ReadOnly));
    const QString plan = QString::fromUtf8(md.readAll());
    CHECK(plan.contains(QStringLiteral("| new failure | `%1` | ").arg(name)));
    const QRegularExpression movedRow(
        QStringLiteral("\\| new failure \\| `%1` \\| [^|]* \\| DB outage \\(primary\\) \\|")
            .arg(QRegularExpression::escape(name)));
    CHECK(plan.contains(movedRow));

    QFile json(exportTo(ExportActions::Format::Json, QStringLiteral("plan.json")));
    REQUIRE(json.open(QIODevice::ReadOnly));
    const QJsonArray tests = QJsonDocument::fromJson(json.readAll())
                                 .object()
                                 .value(QStringLiteral("comparison"))
                                 .toObject()
                                 .value(QStringLiteral("tests"))
                                 .toArray();
    const auto moved = std::find_if(tests.cbegin(), tests.cend(),
        [&](const QJsonValue &t) { return t.toObject().value(QStringLiteral("id")).toString() == id; });
    REQUIRE(moved != tests.cend());
    CHECK((*moved).toObject().value(QStringLiteral("gap")).toString() == QStringLiteral("DB outage (primary)"));

    // The PDF's first page lists the new failures per gap ("DB outage (primary) (2)"), the moved one in its gap.
    const auto newFailuresIn = [&](const QString &gap) {
        const auto &all = w.activeComparison()->tests;
        return std::count_if(all.cbegin(), all.cend(),
            [&](const ChangedTest &t) { return t.change == ChangeClass::NewFailure && t.gap == gap; });
    };
    const auto stillUnassigned = newFailuresIn(QStringLiteral("Unassigned"));
    QPdfDocument pdf;
    REQUIRE(pdf.load(exportTo(ExportActions::Format::Pdf, QStringLiteral("plan.pdf"))) == QPdfDocument::Error::None);
    const QString first
        = pdf.getAllText(0).text().replace(QRegularExpression(QStringLiteral("\\s+")), QStringLiteral(" "));
    CHECK(first.contains(
        QStringLiteral("DB outage (primary) (%1)").arg(newFailuresIn(QStringLiteral("DB outage (primary)")))));
    CHECK(first.contains(QStringLiteral("Unassigned (%1)").arg(stillUnassigned)) == (stillUnassigned > 0));

    // Undo puts it back everywhere.
    w.session()->undoStack()->undo();
    w.session()->undoStack()->undo();
    CHECK(rowOf(*w.activeComparison(), id)->gap == QStringLiteral("Unassigned"));
    CHECK(detailsGapOf(table, name) == QStringLiteral("Unassigned"));
    CHECK(tableReset.isEmpty());
    w.session()->undoStack()->clear();
}
