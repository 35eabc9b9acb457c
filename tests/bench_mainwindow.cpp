// SPDX-License-Identifier: GPL-3.0-or-later
// Timings of the main window on a generated report (default 100,000 tests). Not a ctest test: run it by hand,
//   QT_QPA_PLATFORM=offscreen build/tests/bench_mainwindow [TESTS] [--screenshot OUT.png]
// and compare the numbers against one frame (16 ms) and one keystroke (~100 ms).
#include "filterbar.h"
#include "mainwindow.h"
#include "reportfactory.h"
#include "reportfilterproxy.h"
#include "reporttreemodel.h"
#include "triagesession.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QHeaderView>
#include <QScrollBar>
#include <QTextStream>
#include <QTreeView>

#include <algorithm>
#include <functional>

using namespace Gapwise;

namespace {

QTextStream out(stdout);

double timeMs(const std::function<void()> &work)
{
    QElapsedTimer timer;
    timer.start();
    work();
    return timer.nsecsElapsed() / 1e6;
}

void report(const QString &what, double ms)
{
    out << qSetFieldWidth(58) << Qt::left << what << qSetFieldWidth(0) << QString::number(ms, 'f', 1) << " ms\n";
    out.flush();
}

// Scrolls the tree page by page, painting each frame, and reports the mean and worst frame.
void scrollFrames(QTreeView *tree, const QString &what, int frames)
{
    QScrollBar *bar = tree->verticalScrollBar();
    const int step = qMax(1, bar->maximum() / frames);
    std::vector<double> times;
    for (int value = 0; value <= bar->maximum() && int(times.size()) < frames; value += step) {
        times.push_back(timeMs([&] {
            bar->setValue(value);
            tree->viewport()->repaint();
        }));
    }
    if (times.empty())
        return;
    double sum = 0;
    for (double t : times)
        sum += t;
    report(what + QStringLiteral(" (mean of %1 frames)").arg(times.size()), sum / times.size());
    report(what + QStringLiteral(" (worst frame)"), *std::max_element(times.begin(), times.end()));
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("GapwiseBench"));
    const QStringList args = QCoreApplication::arguments();
    int tests = 100000;
    QString screenshot;
    for (int i = 1; i < args.size(); ++i) {
        if (args[i] == QLatin1String("--screenshot") && i + 1 < args.size())
            screenshot = args[++i];
        else if (args[i].toInt() > 0)
            tests = args[i].toInt();
    }

    Report generated;
    report(QStringLiteral("generate report (%1 tests)").arg(tests),
        timeMs([&] { generated = ReportFactory::generated(tests); }));

    MainWindow window;
    window.resize(1400, 900);
    report(QStringLiteral("setReport (tree build + reset + charts)"), timeMs([&] { window.setReport(generated); }));
    report(QStringLiteral("show + first paint"), timeMs([&] {
        window.show();
        QCoreApplication::processEvents();
        window.repaint();
    }));

    QTreeView *tree = window.treeView();
    report(QStringLiteral("expand all (every test row visible)"), timeMs([&] {
        tree->expandAll();
        QCoreApplication::processEvents();
    }));
    scrollFrames(tree, QStringLiteral("scroll by phase, expanded"), 60);

    ReportFilterProxy *proxy = window.filterProxy();
    const QStringList keystrokes = { QStringLiteral("t"), QStringLiteral("te"), QStringLiteral("test_case_01"),
        QStringLiteral("test_case_012"), QStringLiteral("expected 42"), QStringLiteral("load"), QString() };
    for (const QString &text : keystrokes) {
        report(QStringLiteral("filter \"%1\"").arg(text), timeMs([&] {
            proxy->setFilter(text, false);
            QCoreApplication::processEvents();
            tree->viewport()->repaint();
        }));
        out << "    -> " << proxy->matchCount() << " matching tests\n";
    }
    report(QStringLiteral("regex filter \"case_0+1\\d$\""), timeMs([&] {
        proxy->setFilter(QStringLiteral("case_0+1\\d$"), true);
        QCoreApplication::processEvents();
        tree->viewport()->repaint();
    }));
    out << "    -> " << proxy->matchCount() << " matching tests\n";
    proxy->setFilter(QString(), false);
    report(QStringLiteral("status toggle: hide passed"), timeMs([&] {
        proxy->setStatusVisible(TestStatus::Passed, false);
        QCoreApplication::processEvents();
        tree->viewport()->repaint();
    }));
    proxy->setStatusVisible(TestStatus::Passed, true);

    report(QStringLiteral("regroup by gap (reset + repaint)"), timeMs([&] {
        window.treeModel()->setGrouping(Grouping::ByGap);
        QCoreApplication::processEvents();
        tree->viewport()->repaint();
    }));
    tree->expandAll();
    scrollFrames(tree, QStringLiteral("scroll by gap, expanded"), 60);
    report(QStringLiteral("sort by failures, descending"), timeMs([&] {
        tree->sortByColumn(ReportTreeModel::FailuresColumn, Qt::DescendingOrder);
        QCoreApplication::processEvents();
        tree->viewport()->repaint();
    }));
    report(QStringLiteral("sort by name"), timeMs([&] {
        tree->sortByColumn(ReportTreeModel::NameColumn, Qt::AscendingOrder);
        QCoreApplication::processEvents();
        tree->viewport()->repaint();
    }));
    report(QStringLiteral("filter \"test_case_012\" while sorted by name"), timeMs([&] {
        proxy->setFilter(QStringLiteral("test_case_012"), false);
        QCoreApplication::processEvents();
        tree->viewport()->repaint();
    }));
    report(QStringLiteral("clear that filter, still sorted"), timeMs([&] {
        proxy->setFilter(QString(), false);
        QCoreApplication::processEvents();
        tree->viewport()->repaint();
    }));
    report(QStringLiteral("edit one gap's priority (dataChanged, charts redraw)"), timeMs([&] {
        window.session()->setGapPriority(QStringLiteral("gap-3"), Priority::P0);
        QCoreApplication::processEvents();
        tree->viewport()->repaint();
    }));
    if (!screenshot.isEmpty())
        window.saveScreenshot(screenshot);
    return 0;
}
