// SPDX-License-Identifier: GPL-3.0-or-later
// The main window in comparison mode, offscreen: File > Compare driven through compareWith, the banner,
// column, change filter and old-vs-new chart, the carried triage as one undo step, cancel, supersede, errors.
#include "testsupport.h"

#include "comparisonchart.h"
#include "comparisoncolumnproxy.h"
#include "comparisonmode.h"
#include "comparisonview.h"
#include "exportactions.h"
#include "filterbar.h"
#include "firstrunwindow.h"
#include "gapchart.h"
#include "mainwindow.h"
#include "messagebanner.h"
#include "multifile.h"
#include "phasechart.h"
#include "qcustomplotheader.h"
#include "reportfilterproxy.h"
#include "reportroles.h"
#include "reporttreemodel.h"
#include "sessioncontroller.h"
#include "triagesession.h"

#include <catch2/catch.hpp>

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThreadPool>
#include <QTimer>
#include <QToolButton>
#include <QTreeView>
#include <QUndoStack>

#include <algorithm>
#include <functional>

using namespace Gapwise;
using namespace TestSupport;

namespace {

// Bar values top-down (the chart's keys run 0..n-1 from the top).
QVector<double> barValues(ComparisonChart *chart, int plottable)
{
    auto *bars = qobject_cast<QCPBars *>(chart->plot()->plottable(plottable));
    QVector<double> values;
    if (!bars)
        return values;
    for (auto it = bars->data()->constBegin(); it != bars->data()->constEnd(); ++it)
        values.append(it->value);
    return values;
}

void openIn(MainWindow &w, const QString &file)
{
    QSignalSpy loaded(&w, &MainWindow::reportLoaded);
    REQUIRE(w.openReport(dataPath(file)));
    REQUIRE(loaded.wait(20000));
}

} // namespace

TEST_CASE("The window compares its run with a session: column, deltas, chart, banner, one undo step, end",
    "[compare][comparemode][gui]")
{
    MainWindow w;
    QAbstractItemModelTester modelTester(w.treeModel(), QAbstractItemModelTester::FailureReportingMode::Fatal);
    QAbstractItemModelTester proxyTester(w.filterProxy(), QAbstractItemModelTester::FailureReportingMode::Fatal);
    w.sessionController()->setAsker([] { return SessionController::Answer::Discard; });
    w.resize(1400, 900);
    w.show();
    openIn(w, QStringLiteral("compare/run2.md"));
    ComparisonMode *mode = w.comparisonMode();
    CHECK(w.treeView()->isColumnHidden(ComparisonColumnProxy::ChangeColumn));
    CHECK_FALSE(w.activeComparison());

    QCoreApplication::processEvents();
    const int gapChartHeight = w.gapChart()->height();
    REQUIRE(gapChartHeight > 100);
    QSignalSpy compared(mode, &ComparisonMode::compared);
    REQUIRE(w.compareWith(dataPath(QStringLiteral("compare/md-run1.gapwise"))));
    CHECK(mode->isRunning());
    REQUIRE(mode->banner()->buttonFor(mode->cancelAction()));
    CHECK(mode->banner()->buttonFor(mode->cancelAction())->isVisible());
    CHECK_FALSE(mode->endAction()->isEnabled());
    REQUIRE(compared.wait(20000));

    // The banner says what changed and what did not carry over; the column, filter and chart show it.
    CHECK(mode->banner()->isVisible());
    CHECK(mode->banner()->text()
        == QStringLiteral("Compared with md-run1.gapwise (triage of run1.md): 3 new failures · 1 fixed · 3 still "
                          "failing · 1 newly passing · "
                          "1 newly skipped · 1 added · 2 removed (not in this run). Triage carried over (one undo "
                          "step): 4 changes, 1 suggestion"));
    CHECK(mode->banner()->secondText().startsWith(QStringLiteral(
        "Not carried over: edit 5 (Set owner of “Legacy Tax Tables” to “tax-team”): gap “Legacy Tax Tables” is gone")));
    CHECK_FALSE(w.treeView()->isColumnHidden(ComparisonColumnProxy::ChangeColumn));
    CHECK(w.filterBar()->changeBox()->isVisible());
    // The result offers Show details and End comparison, nothing else; End is in the File menu too.
    CHECK(mode->banner()->buttons().size() == 2);
    CHECK(mode->banner()->buttonFor(mode->detailsAction()));
    CHECK_FALSE(mode->banner()->buttonFor(mode->cancelAction()));
    CHECK(mode->endAction()->isEnabled());
    const QList<QAction *> menus = w.menuBar()->actions();
    CHECK(std::any_of(menus.cbegin(), menus.cend(),
        [mode](QAction *m) { return m->menu() && m->menu()->actions().contains(mode->endAction()); }));
    CHECK_FALSE(w.gapChart()->isVisible());
    REQUIRE(mode->chart()->isVisible());
    // In the gap chart's place and as tall, less what the banner above the views took.
    CHECK(mode->chart()->height() >= gapChartHeight - mode->banner()->height());
    // Per gap, earlier run then this run: Cart Totals Wrong 2→1, Database outage 2→3, Legacy Tax Tables 1→0,
    // Unassigned 0→2 (the same numbers as the details window's digest).
    CHECK(barValues(mode->chart(), 0) == QVector<double> { 2, 2, 1, 0 });
    CHECK(barValues(mode->chart(), 1) == QVector<double> { 1, 3, 0, 2 });
    // Linked like the gap chart it stands in for: its tooltip has both runs' numbers, a click on a gap's bars
    // selects that gap's rows in the tree, and the tree's selection is highlighted in it.
    {
        ComparisonChart *chart = mode->chart();
        chart->plot()->replot(QCustomPlot::rpImmediateRefresh);
        const Gap *outage = gapTitled(w.session()->report(), QStringLiteral("Database outage"));
        REQUIRE(outage);
        const QPoint center = chart->barCenter(outage->id);
        REQUIRE_FALSE(center.isNull());
        CHECK(chart->toolTipAt(center)
            == QStringLiteral("Database outage\nlast run: 2 failing\nthis run: 3 failing (+1)"));
        QTest::mouseClick(chart->plot(), Qt::LeftButton, Qt::NoModifier, center);
        const QModelIndexList selected = w.treeView()->selectionModel()->selectedRows();
        REQUIRE_FALSE(selected.isEmpty());
        CHECK(std::all_of(selected.cbegin(), selected.cend(),
            [&](const QModelIndex &row) { return row.data(GapIdRole).toString() == outage->id; }));
        CHECK(chart->highlightedIds() == QSet<QString> { outage->id });
        // Rows enough for every gap's two bars and two-line title: more gaps than fit scroll.
        CHECK(chart->plot()->minimumHeight() >= 4 * chart->plot()->fontMetrics().height() * 2);
    }
    const ComparisonDigest *digest = w.activeComparison();
    REQUIRE(digest);
    CHECK(digest->count(ChangeClass::NewFailure) == 3);
    CHECK(digest->count(ChangeClass::Removed) == 2);

    // The change filter in the bar narrows the tree to the new failures (passed tests listed too, so that
    // ending the comparison shows every test again).
    w.filterBar()->setShowPassed(true);
    QComboBox *change = w.filterBar()->changeBox();
    change->setCurrentIndex(change->findText(QStringLiteral("New failure")));
    CHECK(w.filterProxy()->matchCount() == 3);
    CHECK(w.filterBar()->matchText() == QStringLiteral("3 of 10 tests shown"));

    // The carried triage is one step of the window's own undo stack; undoing it updates the chart.
    QUndoStack *undo = w.session()->undoStack();
    REQUIRE(undo->count() == 1);
    CHECK(undo->text(0) == QStringLiteral("Carry over triage from md-run1.gapwise"));
    CHECK(w.isWindowModified());
    undo->undo();
    QCoreApplication::processEvents();
    CHECK_FALSE(gapTitled(w.session()->report(), QStringLiteral("Database outage")));
    // Recounted, not the worker's numbers: the hand-made gap is gone now, its failures of then remain.
    const QVector<GroupDelta> &now = w.activeComparison()->gaps;
    CHECK(std::any_of(now.cbegin(), now.cend(), [](const GroupDelta &g) {
        return g.title == QStringLiteral("Database outage") && g.oldFailing == 2 && g.newFailing == 0;
    }));
    CHECK(w.filterProxy()->matchCount() == 3);
    // The banner follows: the carried triage is undone, Redo brings it back (QA: it kept saying "carried over").
    CHECK(mode->banner()->text().endsWith(
        QStringLiteral(". The triage carried over from the earlier run is undone (Edit › Redo brings it back)")));
    CHECK_FALSE(mode->banner()->text().contains(QStringLiteral("Triage carried over (one undo step)")));
    CHECK(mode->banner()->secondText().isEmpty());
    undo->redo();
    QCoreApplication::processEvents();
    CHECK(barValues(mode->chart(), 1) == QVector<double> { 1, 3, 0, 2 });
    CHECK(mode->banner()->text().endsWith(
        QStringLiteral("Triage carried over (one undo step): 4 changes, 1 suggestion")));

    // Details open the comparison window on the same digest; End comparison restores the plain views.
    ComparisonView *details = mode->showDetails();
    REQUIRE(details);
    CHECK(details->digest().count(ChangeClass::NewFailure) == 3);
    REQUIRE(mode->banner()->buttonFor(mode->endAction()));
    mode->banner()->buttonFor(mode->endAction())->click();
    CHECK_FALSE(mode->endAction()->isEnabled());
    CHECK_FALSE(w.activeComparison());
    CHECK(w.treeView()->isColumnHidden(ComparisonColumnProxy::ChangeColumn));
    CHECK_FALSE(w.filterBar()->changeBox()->isVisible());
    CHECK(w.filterProxy()->matchCount() == 10);
    CHECK(w.gapChart()->isVisible());
    CHECK_FALSE(mode->chart()->isVisible());
    CHECK_FALSE(mode->banner()->isVisible());
    CHECK(gapTitled(w.session()->report(), QStringLiteral("Database outage"))); // the triage stays

    // Comparing with the same session again adds no second copy of the gaps it made.
    REQUIRE(w.compareWith(dataPath(QStringLiteral("compare/md-run1.gapwise"))));
    REQUIRE(compared.wait(20000));
    const auto &gaps = w.session()->report().gaps;
    CHECK(std::count_if(gaps.cbegin(), gaps.cend(), [](const Gap &g) {
        return g.title == QStringLiteral("Database outage");
    }) == 1);
    CHECK(barValues(mode->chart(), 1) == QVector<double> { 1, 3, 0, 2 });
}

TEST_CASE("A cancelled or superseded comparison leaves no trace", "[compare][comparemode][gui]")
{
    MainWindow w;
    QAbstractItemModelTester modelTester(w.treeModel(), QAbstractItemModelTester::FailureReportingMode::Fatal);
    openIn(w, QStringLiteral("compare/run2.xml"));
    ComparisonMode *mode = w.comparisonMode();
    QSignalSpy compared(mode, &ComparisonMode::compared);
    QSignalSpy failed(mode, &ComparisonMode::failed);

    REQUIRE(w.compareWith(dataPath(QStringLiteral("compare/run1.xml"))));
    REQUIRE(mode->banner()->buttonFor(mode->cancelAction()));
    mode->banner()->buttonFor(mode->cancelAction())->click();
    CHECK_FALSE(mode->isRunning());
    QThreadPool::globalInstance()->waitForDone();
    QCoreApplication::processEvents();
    QCoreApplication::processEvents();
    CHECK(compared.isEmpty());
    CHECK_FALSE(w.activeComparison());
    CHECK(w.session()->undoStack()->count() == 0);
    CHECK(w.treeView()->isColumnHidden(ComparisonColumnProxy::ChangeColumn));

    // A comparison started while another runs replaces it: only the second one's result arrives.
    REQUIRE(w.compareWith(dataPath(QStringLiteral("junit/not-junit.xml"))));
    REQUIRE(w.compareWith(dataPath(QStringLiteral("compare/run1.xml"))));
    REQUIRE(compared.wait(20000));
    QThreadPool::globalInstance()->waitForDone();
    QCoreApplication::processEvents();
    CHECK(failed.isEmpty());
    REQUIRE(w.activeComparison());
    CHECK(w.activeComparison()->count(ChangeClass::NewFailure) > 0);

    // Opening another report ends the comparison.
    w.sessionController()->setAsker([] { return SessionController::Answer::Discard; });
    openIn(w, QStringLiteral("compare/run2.md"));
    CHECK_FALSE(w.activeComparison());
    CHECK(w.filterProxy()->comparisonModel()->comparison() == nullptr);
}

TEST_CASE("Comparing with a file that is not a report says so in the banner", "[compare][comparemode][gui]")
{
    MainWindow w;
    openIn(w, QStringLiteral("compare/run2.md"));
    QSignalSpy failed(w.comparisonMode(), &ComparisonMode::failed);
    REQUIRE(w.compareWith(dataPath(QStringLiteral("junit/not-junit.xml"))));
    REQUIRE(failed.wait(20000));
    CHECK(w.comparisonMode()->banner()->text().contains(QStringLiteral("not-junit.xml:2:1")));
    CHECK_FALSE(w.activeComparison());

    // A failed comparison while another is shown keeps that one in its banner, with its actions, and says the
    // failure in the window's message banner beside it (QA: the error took the comparison banner's place).
    QSignalSpy compared(w.comparisonMode(), &ComparisonMode::compared);
    REQUIRE(w.compareWith(dataPath(QStringLiteral("compare/md-run1.gapwise"))));
    REQUIRE(compared.wait(20000));
    REQUIRE(w.compareWith(dataPath(QStringLiteral("junit/not-junit.xml"))));
    REQUIRE(failed.wait(20000));
    REQUIRE(w.activeComparison());
    CHECK(w.messageBanner()->text().startsWith(QStringLiteral("Could not compare with not-junit.xml")));
    CHECK(w.comparisonMode()->banner()->text().startsWith(
        QStringLiteral("Compared with md-run1.gapwise (triage of run1.md)")));
    CHECK(w.comparisonMode()->banner()->buttonFor(w.comparisonMode()->endAction()));
    // Triage goes on meanwhile; the deltas follow, and the message stays until it is dismissed.
    w.session()->createGap(QStringLiteral("Investigating"));
    QCoreApplication::processEvents();
    CHECK(w.messageBanner()->text().startsWith(QStringLiteral("Could not compare with not-junit.xml")));
    CHECK(w.comparisonMode()->banner()->text().startsWith(
        QStringLiteral("Compared with md-run1.gapwise (triage of run1.md)")));
}

TEST_CASE("Exports from the window carry the open comparison: Since last run in the plan",
    "[compare][comparemode][gui][export]")
{
    MainWindow w;
    w.sessionController()->setAsker([] { return SessionController::Answer::Discard; });
    w.resize(1400, 900);
    w.show();
    openIn(w, QStringLiteral("compare/run2.md"));
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    auto exportMarkdown = [&](const QString &name) {
        QSignalSpy exported(w.exportActions(), &ExportActions::exported);
        const QString path = dir.filePath(name);
        REQUIRE(w.exportActions()->exportTo(ExportActions::Format::Markdown, path));
        REQUIRE(exported.wait(20000));
        QFile file(path);
        REQUIRE(file.open(QIODevice::ReadOnly));
        return QString::fromUtf8(file.readAll());
    };
    CHECK_FALSE(exportMarkdown(QStringLiteral("before.md")).contains(QLatin1String("## Since last run")));

    QSignalSpy compared(w.comparisonMode(), &ComparisonMode::compared);
    REQUIRE(w.compareWith(dataPath(QStringLiteral("compare/md-run1.gapwise"))));
    REQUIRE(compared.wait(20000));
    const QString plan = exportMarkdown(QStringLiteral("compared.md"));
    CHECK(plan.contains(QLatin1String("## Since last run")));
    CHECK(plan.contains(QLatin1String("3 new failures")));

    w.comparisonMode()->end();
    CHECK_FALSE(exportMarkdown(QStringLiteral("ended.md")).contains(QLatin1String("## Since last run")));
    w.session()->undoStack()->clear();
}

TEST_CASE("Gaps a comparison carries over open like the gaps the tree shows open", "[compare][comparemode][gui]")
{
    // QA: after a comparison the carried gaps were the closed rows among open ones.
    MainWindow w;
    w.sessionController()->setAsker([] { return SessionController::Answer::Discard; });
    w.resize(1400, 900);
    w.show();
    openIn(w, QStringLiteral("compare/run2.md"));
    w.treeView()->expandAll();
    w.treeView()->selectionModel()->clear();
    QSignalSpy compared(w.comparisonMode(), &ComparisonMode::compared);
    REQUIRE(w.compareWith(dataPath(QStringLiteral("compare/md-run1.gapwise"))));
    REQUIRE(compared.wait(20000));
    QCoreApplication::processEvents();
    const Gap *outage = gapTitled(w.session()->report(), QStringLiteral("Database outage")); // carried over
    REQUIRE(outage);
    const QModelIndexList rows = w.treeModel()->groupIndexes(NodeKind::Gap, outage->id);
    REQUIRE_FALSE(rows.isEmpty());
    for (const QModelIndex &source : rows) {
        const QModelIndex row = w.filterProxy()->mapFromTree(source);
        REQUIRE(row.isValid());
        CHECK(w.treeView()->isExpanded(row));
    }
    // Undone and redone, it comes back open too.
    w.session()->undoStack()->undo();
    w.session()->undoStack()->redo();
    QCoreApplication::processEvents();
    for (const QModelIndex &source : w.treeModel()->groupIndexes(
             NodeKind::Gap, gapTitled(w.session()->report(), QStringLiteral("Database outage"))->id)) {
        const QModelIndex row = w.filterProxy()->mapFromTree(source);
        REQUIRE(row.isValid());
        CHECK(w.treeView()->isExpanded(row));
    }
    w.session()->undoStack()->clear();
}

namespace {

// Triggers the File menu's `text` entry and hands the file dialog it opens to `answer`.
void answerFileDialog(MainWindow &w, const QString &text, const std::function<void(QFileDialog *)> &answer)
{
    QAction *action = nullptr;
    for (QAction *menu : w.menuBar()->actions()) {
        for (QAction *a : menu->menu() ? menu->menu()->actions() : QList<QAction *>()) {
            if (a->text() == text)
                action = a;
        }
    }
    REQUIRE(action);
    bool answered = false;
    QTimer::singleShot(0, &w, [&] {
        if (auto *dialog = qobject_cast<QFileDialog *>(QApplication::activeModalWidget())) {
            answered = true;
            answer(dialog);
        }
    });
    action->trigger();
    CHECK(answered);
}

// The name filters of the file dialog that the File menu's `text` entry opens (the dialog is cancelled).
QStringList fileDialogFilters(MainWindow &w, const QString &text)
{
    QStringList filters;
    answerFileDialog(w, text, [&filters](QFileDialog *dialog) {
        filters = dialog->nameFilters();
        dialog->reject();
    });
    return filters;
}

} // namespace

TEST_CASE("Open… and Compare with… offer every format the importers read, and all files", "[compare][gui]")
{
    // QA: the Compare with… filter had no .json (CTRF) and no .trx.
    MainWindow w;
    for (const QString &entry : { QStringLiteral("&Open…"), QStringLiteral("&Compare with…") }) {
        INFO(entry.toStdString());
        const QStringList filters = fileDialogFilters(w, entry);
        REQUIRE(filters.size() >= 2);
        const QString &first = filters.first();
        for (const QString &pattern : reportFilePatterns() + QStringList { QStringLiteral("*.gapwise") })
            CHECK(first.split(QRegularExpression(QStringLiteral("[ ()]")), Qt::SkipEmptyParts).contains(pattern));
        CHECK(first.contains(QStringLiteral("*.json")));
        CHECK(first.contains(QStringLiteral("*.trx")));
        CHECK(filters.last() == QStringLiteral("All files (*)"));
    }
}

TEST_CASE("The chart of gaps gets rows and its axis in a small window, compared or not, and more than the phase chart",
    "[compare][comparemode][gui][layout]")
{
    // QA: at 1024x600 the comparison chart was collapsed away and after End comparison the gap chart was a 25 px
    // strip; at 1366x768 the one-bar phase chart took 240 px, the chart of gaps 105 px (2 of 7 gaps, no axis).
    const QSize size = GENERATE(QSize(1024, 600), QSize(1366, 768));
    MainWindow w;
    REQUIRE(showFirstRun(w, size));
    openIn(w, QStringLiteral("compare/run2.md"));
    QCoreApplication::processEvents();
    INFO(size.width() << "x" << size.height());
    const int line = w.fontMetrics().height();
    QWidget *phases = w.phaseChart();
    // Rows of bars and the value axis above and below them.
    const int useful = line * 8;
    const auto laidOut = [&](QWidget *gaps) {
        CHECK(gaps->isVisible());
        CHECK(gaps->height() >= useful);
        if (size.height() >= 768)
            CHECK(gaps->height() > phases->height());
    };
    laidOut(w.gapChart());

    ComparisonMode *mode = w.comparisonMode();
    QSignalSpy compared(mode, &ComparisonMode::compared);
    REQUIRE(w.compareWith(dataPath(QStringLiteral("compare/md-run1.gapwise"))));
    REQUIRE(compared.wait(20000));
    QCoreApplication::processEvents();
    laidOut(mode->chart());

    mode->endAction()->trigger();
    QCoreApplication::processEvents();
    laidOut(w.gapChart());
    w.session()->undoStack()->clear();
    QSettings().remove(QStringLiteral("window"));
}

TEST_CASE("Open… takes several files as one run, and Open Folder… a folder", "[gui][open]")
{
    // QA: the window opened one file at a time, while the command line takes several files or a folder.
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    QDir(dir.path()).mkdir(QStringLiteral("shards"));
    for (const char *name : { "a", "b" }) {
        writeFileOrFail(dir, QStringLiteral("shards/%1.xml").arg(QLatin1String(name)),
            QStringLiteral(
                "<testsuite name=\"s\" tests=\"1\" failures=\"1\"><testcase classname=\"c\" name=\"test_%1\">"
                "<failure message=\"boom\"/></testcase></testsuite>\n")
                .arg(QLatin1String(name))
                .toUtf8());
    }
    QSettings().setValue(QStringLiteral("lastOpenDir"), dir.filePath(QStringLiteral("shards")));
    MainWindow w;
    QSignalSpy loaded(&w, &MainWindow::reportLoaded);
    SECTION("two files")
    {
        answerFileDialog(w, QStringLiteral("&Open…"), [](QFileDialog *dialog) {
            CHECK(dialog->fileMode() == QFileDialog::ExistingFiles);
            dialog->selectFile(QStringLiteral("\"a.xml\" \"b.xml\""));
            QMetaObject::invokeMethod(dialog, "accept"); // a protected slot
        });
    }
    SECTION("their folder")
    {
        answerFileDialog(w, QStringLiteral("Open &Folder…"), [&dir](QFileDialog *dialog) {
            dialog->selectFile(dir.filePath(QStringLiteral("shards")));
            QMetaObject::invokeMethod(dialog, "accept"); // a protected slot
        });
    }
    REQUIRE((!loaded.isEmpty() || loaded.wait(20000)));
    QStringList names;
    for (const TestCase &t : w.session()->report().tests)
        names << t.name;
    names.sort();
    INFO(names.join(QLatin1Char(' ')).toStdString());
    REQUIRE(names.size() == 2);
    CHECK(names[0].endsWith(QStringLiteral("test_a")));
    CHECK(names[1].endsWith(QStringLiteral("test_b")));
}
