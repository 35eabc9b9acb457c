// SPDX-License-Identifier: GPL-3.0-or-later
// File > Export in the window: every format written off the GUI thread, failures reported, names suggested.
#include "testsupport.h"

#include "exportactions.h"
#include "mainwindow.h"

#include <catch2/catch.hpp>

#include <QAction>
#include <QFile>
#include <QMenu>
#include <QMenuBar>
#include <QPdfDocument>
#include <QSignalSpy>
#include <QTemporaryDir>

using namespace Gapwise;
using namespace TestSupport;

namespace {

ExportActions::Request sampleRequest()
{
    const Report report = importOrFail(QStringLiteral(GAPWISE_SAMPLE_REPORT));
    return { buildPlan(report, report, QDateTime::currentDateTime()), report };
}

} // namespace

TEST_CASE("Export actions write every format off the GUI thread", "[export][pdf]")
{
    QWidget window;
    ExportActions actions(&window, sampleRequest);
    QSignalSpy exported(&actions, &ExportActions::exported);
    QSignalSpy failed(&actions, &ExportActions::failed);
    QTemporaryDir dir;
    using F = ExportActions::Format;
    for (F format : { F::Pdf, F::Markdown, F::Csv, F::Json, F::Ctrf }) {
        const QString path = dir.filePath(ExportActions::suggestedFileName(QStringLiteral("Plan"), format));
        REQUIRE(actions.exportTo(format, path));
        CHECK(actions.isBusy());
        CHECK_FALSE(actions.exportTo(format, path)); // one export at a time
        REQUIRE(exported.wait(20000));
        CHECK(exported.takeFirst().at(0).toString() == path);
        CHECK_FALSE(actions.isBusy());
        QFile file(path);
        REQUIRE(file.open(QIODevice::ReadOnly));
        if (format == F::Pdf) {
            QPdfDocument doc;
            REQUIRE(doc.load(path) == QPdfDocument::Error::None);
            REQUIRE(doc.pageCount() >= 2);
            CHECK(doc.getAllText(1).text().contains(QStringLiteral("Currency Rounding Drift")));
        } else {
            CHECK(file.readAll().contains("Currency Rounding Drift"));
        }
    }
    CHECK(failed.isEmpty());
    CHECK(ExportActions::suggestedFileName(QStringLiteral("Plan"), F::Ctrf) == QLatin1String("Plan-ctrf.json"));
}

TEST_CASE("A failed export is reported with the path and the reason", "[export]")
{
    QWidget window;
    ExportActions actions(&window, sampleRequest);
    QSignalSpy failed(&actions, &ExportActions::failed);
    REQUIRE(actions.exportTo(ExportActions::Format::Pdf, QStringLiteral("/nonexistent-dir/plan.pdf")));
    REQUIRE(failed.wait(20000));
    const QString message = failed.first().at(0).toString();
    CHECK(message.contains(QStringLiteral("/nonexistent-dir/plan.pdf")));
    CHECK(message.size() > QStringLiteral("Could not export the plan to /nonexistent-dir/plan.pdf: ").size());
}

TEST_CASE("Suggested export names come from the report title", "[export]")
{
    using F = ExportActions::Format;
    CHECK(ExportActions::suggestedFileName(QStringLiteral("Release 4.2 Checkout / Tests"), F::Pdf)
        == QStringLiteral("Release-4.2-Checkout-Tests-plan.pdf"));
    CHECK(ExportActions::suggestedFileName(QString(), F::Csv) == QStringLiteral("report-plan.csv"));
    CHECK(ExportActions::suggestedFileName(QStringLiteral("../../etc"), F::Json) == QStringLiteral("etc-plan.json"));
}

TEST_CASE("The main window's File menu has Export with the five formats", "[export][mainwindow]")
{
    MainWindow window;
    REQUIRE(window.exportActions());
    QMenu *file = window.menuBar()->findChildren<QMenu *>().value(0);
    REQUIRE(file);
    QMenu *exportMenu = nullptr;
    for (QAction *a : file->actions()) {
        if (a->menu() && a->text().remove(QLatin1Char('&')) == QStringLiteral("Export"))
            exportMenu = a->menu();
    }
    REQUIRE(exportMenu);
    CHECK(exportMenu->actions().size() == 5);
    CHECK(exportMenu->actions().first() == window.exportActions()->action(ExportActions::Format::Pdf));
    CHECK(exportMenu->actions().last() == window.exportActions()->action(ExportActions::Format::Ctrf));
    CHECK(exportMenu->actions().last()->text() == QStringLiteral("C&TRF (JSON)…"));
}
