// SPDX-License-Identifier: GPL-3.0-or-later
// Triage at scale: moving 10,000 selected tests on a 100,000-test report, then undo and redo, with the
// whole window attached (tree model, filter proxy, tree view, chart adapter and both charts). Not a ctest
// test: run it by hand,
//   QT_QPA_PLATFORM=offscreen build/tests/bench_triage [TESTS] [MOVED]
// Each number includes the event-loop turn in which the charts recompute and the view repaints.
#include "gapchart.h"
#include "mainwindow.h"
#include "qcustomplotheader.h"
#include "reportfactory.h"
#include "reportfilterproxy.h"
#include "reporttreemodel.h"
#include "triagesession.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QTextStream>
#include <QTreeView>
#include <QUndoStack>

#include <functional>

using namespace Gapwise;

namespace {

QTextStream out(stdout);

void measure(const QString &what, MainWindow &w, const std::function<void()> &work)
{
    QElapsedTimer timer;
    timer.start();
    work();
    const double edit = timer.nsecsElapsed() / 1e6;
    QCoreApplication::processEvents(); // the charts' folded recompute
    w.gapChart()->plot()->replot(QCustomPlot::rpImmediateRefresh);
    w.treeView()->viewport()->repaint();
    const double total = timer.nsecsElapsed() / 1e6;
    out << qSetFieldWidth(52) << Qt::left << what << qSetFieldWidth(0) << QString::number(edit, 'f', 1)
        << " ms edit + model signals, " << QString::number(total, 'f', 1) << " ms with charts and repaint\n";
    out.flush();
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    const QStringList args = app.arguments();
    const int tests = args.size() > 1 ? args[1].toInt() : 100000;
    const int moved = args.size() > 2 ? args[2].toInt() : 10000;

    MainWindow w;
    w.resize(1400, 900);
    w.show();
    w.setReport(ReportFactory::generated(tests));
    QCoreApplication::processEvents();
    TriageSession *session = w.session();
    out << tests << " tests, " << session->report().gaps.size() << " gaps; moving " << moved << " tests\n";

    // Every tenth test (scattered over all gaps and phases: the worst case for contiguous runs), and a
    // contiguous block (a user's shift-click range) for comparison.
    QStringList scattered, block;
    const int stride = qMax(1, tests / moved);
    for (int i = 0; i < tests && scattered.size() < moved; i += stride)
        scattered << session->report().tests[i].id;
    const QString target = session->report().gaps[3].id;
    for (const auto grouping : { Grouping::ByPhase, Grouping::ByGap }) {
        w.treeModel()->setGrouping(grouping);
        w.treeView()->expandAll();
        QCoreApplication::processEvents();
        const QString g = grouping == Grouping::ByPhase ? QStringLiteral("by phase") : QStringLiteral("by gap");
        measure(QStringLiteral("move %1 scattered tests (%2)").arg(scattered.size()).arg(g), w,
            [&] { session->moveTests(scattered, target); });
        measure(QStringLiteral("undo (%1)").arg(g), w, [&] { session->undoStack()->undo(); });
        measure(QStringLiteral("redo (%1)").arg(g), w, [&] { session->undoStack()->redo(); });
        measure(QStringLiteral("undo again (%1)").arg(g), w, [&] { session->undoStack()->undo(); });
        // A contiguous block of one group's rows: one beginMoveRows.
        const QModelIndex firstGroup = w.treeModel()->index(0, 0, w.treeModel()->index(0, 0));
        block.clear();
        for (int r = 0; r < w.treeModel()->rowCount(firstGroup) && block.size() < moved; ++r)
            block << session->report().tests[w.treeModel()->testIndexAt(w.treeModel()->index(r, 0, firstGroup))].id;
        measure(QStringLiteral("move a block of %1 rows (%2)").arg(block.size()).arg(g), w,
            [&] { session->moveTests(block, target); });
        measure(QStringLiteral("undo (%1)").arg(g), w, [&] { session->undoStack()->undo(); });
    }
    session->undoStack()->clear();
    return 0;
}
