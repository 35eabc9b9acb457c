// SPDX-License-Identifier: GPL-3.0-or-later
#include "detailspane.h"
#include "importprogress.h"
#include "importrunner.h"
#include "mainwindow.h"
#include "messagebanner.h"
#include "reportfactory.h"
#include "reporttreemodel.h"
#include "sourcelines.h"
#include "testsupport.h"

#include <catch2/catch.hpp>

#include <QDropEvent>
#include <QMimeData>
#include <QSettings>
#include <QSignalSpy>
#include <QSplitter>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QTreeView>

using namespace Gapwise;

namespace {

// A small file any text importer accepts; the window tests look at what the window does, not what the
// Markdown importer makes of it. Fails the test case when the folder or the file could not be made.
QString writeReport(const QTemporaryDir &dir, const QString &name)
{
    return TestSupport::writeFileOrFail(
        dir, name, "# Test report\n\n## Unit tests\n\n- `tests/test_a.py::test_one` FAILED\n");
}

} // namespace

TEST_CASE("Opening a file imports it off the GUI thread and adds it to Open Recent", "[mainwindow][import]")
{
    QSettings().remove(QStringLiteral("recentFiles"));
    QTemporaryDir dir;
    const QString path = writeReport(dir, QStringLiteral("report.md"));
    MainWindow window;
    QSignalSpy loaded(&window, &MainWindow::reportLoaded);
    QSignalSpy started(window.importRunner(), &ImportRunner::started);
    REQUIRE(window.openReport(path));
    CHECK(started.count() == 1);
    CHECK(window.importRunner()->isRunning()); // openReport returned before the import finished
    auto *progress = window.findChild<ImportProgress *>();
    REQUIRE(progress);
    CHECK_FALSE(progress->isHidden()); // bar and Cancel button in the status bar while it runs
    CHECK(progress->cancelButton()->isEnabled());
    REQUIRE(loaded.wait(10000));
    CHECK_FALSE(window.importRunner()->isRunning());
    CHECK(progress->isHidden());
    CHECK(QFileInfo(window.treeModel()->report().sourceFile) == QFileInfo(path));
    CHECK(
        QSettings().value(QStringLiteral("recentFiles")).toStringList().value(0) == QFileInfo(path).absoluteFilePath());
}

TEST_CASE("A newer open supersedes an import still running", "[mainwindow][import]")
{
    QTemporaryDir dir;
    const QString good = writeReport(dir, QStringLiteral("good.md"));
    MainWindow window;
    QSignalSpy loaded(&window, &MainWindow::reportLoaded);
    QSignalSpy failed(&window, &MainWindow::importFailed);
    window.openReport(dir.filePath(QStringLiteral("missing.md")));
    window.openReport(good);
    REQUIRE(loaded.wait(10000));
    QCoreApplication::processEvents();
    CHECK(failed.isEmpty()); // the first import's error belongs to a superseded job and is dropped
    CHECK(QFileInfo(window.treeModel()->report().sourceFile) == QFileInfo(good));
    CHECK_FALSE(window.messageBanner()->isVisible());
}

TEST_CASE("Dropping a file on the window opens it", "[mainwindow][import]")
{
    QTemporaryDir dir;
    const QString path = writeReport(dir, QStringLiteral("dropped.md"));
    MainWindow window;
    QSignalSpy loaded(&window, &MainWindow::reportLoaded);
    QMimeData mime;
    mime.setUrls({ QUrl::fromLocalFile(path) });
    QDragEnterEvent enter(QPoint(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(&window, &enter);
    CHECK(enter.isAccepted());
    QDropEvent drop(QPointF(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(&window, &drop);
    REQUIRE(loaded.wait(10000));
    CHECK(QFileInfo(window.treeModel()->report().sourceFile) == QFileInfo(path));
}

TEST_CASE("Dropping several report files on the window opens them as one run", "[mainwindow][import][multifile]")
{
    const QString dir = QStringLiteral(GAPWISE_TEST_DATA "/multi/surefire");
    MainWindow window;
    QSignalSpy loaded(&window, &MainWindow::reportLoaded);
    QMimeData mime;
    mime.setUrls({ QUrl::fromLocalFile(dir + QStringLiteral("/TEST-com.acme.unit.CartTest.xml")),
        QUrl::fromLocalFile(dir + QStringLiteral("/nested/TEST-com.acme.integration.DbIT.xml")) });
    QSignalSpy failed(&window, &MainWindow::importFailed);
    QDragEnterEvent enter(QPoint(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(&window, &enter);
    QDropEvent drop(QPointF(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(&window, &drop);
    const bool ok = loaded.wait(10000);
    INFO((failed.isEmpty() ? QString() : failed.first().first().toString()).toStdString());
    REQUIRE(ok);
    const Report &r = window.treeModel()->report();
    CHECK(r.tests.size() == 5); // 3 from the unit class, 2 from the integration one
    CHECK(r.phases.size() == 2);
    CHECK(r.title == QLatin1String("surefire (2 files)"));
}

TEST_CASE("Splitters, columns and grouping come back on the next run", "[mainwindow][settings]")
{
    QSettings().clear();
    QList<int> sizes;
    {
        MainWindow first;
        first.setReport(ReportFactory::seedLike());
        first.resize(1400, 900);
        first.show();
        REQUIRE(QTest::qWaitForWindowExposed(&first));
        auto *splitter = first.findChild<QSplitter *>(QStringLiteral("mainSplitter"));
        REQUIRE(splitter);
        splitter->setSizes({ 400, 1000 });
        sizes = splitter->sizes();
        first.treeModel()->setGrouping(Grouping::ByGap);
        first.close();
    }
    MainWindow second;
    second.resize(1400, 900);
    second.show();
    REQUIRE(QTest::qWaitForWindowExposed(&second));
    CHECK(second.findChild<QSplitter *>(QStringLiteral("mainSplitter"))->sizes() == sizes);
    CHECK(second.treeModel()->grouping() == Grouping::ByGap);
    QSettings().clear();
}

TEST_CASE("Details quote the report line an item came from", "[mainwindow][details]")
{
    Report report = ReportFactory::seedLike();
    QByteArray text;
    for (int line = 1; line <= 200; ++line)
        text += "line " + QByteArray::number(line) + " of the report\n";
    MainWindow window;
    window.setReport(report, SourceLines(text));
    ReportTreeModel *model = window.treeModel();
    window.treeView()->setCurrentIndex(QModelIndex()); // nothing yet: the summary
    const QModelIndex phase = model->topLevelIndex(NodeKind::Phase, QStringLiteral("integration"));
    window.detailsPane()->showIndex(model, phase);
    const QString phaseText = window.detailsPane()->toPlainText();
    CHECK(phaseText.contains(report.phases[1].command));
    CHECK(phaseText.contains(report.phases[1].importErrorMessages.first()));
    window.detailsPane()->showIndex(model, model->indexForTest(3));
    const QString testText = window.detailsPane()->toPlainText();
    CHECK(testText.contains(report.tests[3].message));
    CHECK(testText.contains(QStringLiteral("line %1 of the report").arg(report.tests[3].line)));
}

TEST_CASE("Source lines index a file's text by line", "[details]")
{
    const SourceLines lines(QByteArray("first\nsecond\r\n\nfourth"));
    CHECK(lines.lineCount() == 4);
    CHECK(lines.line(1) == QStringLiteral("first"));
    CHECK(lines.line(2) == QStringLiteral("second"));
    CHECK(lines.line(3).isEmpty());
    CHECK(lines.line(4) == QStringLiteral("fourth"));
    CHECK(lines.line(0).isEmpty());
    CHECK(lines.line(5).isEmpty());
    CHECK(SourceLines().lineCount() == 0);
}
