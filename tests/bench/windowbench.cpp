// SPDX-License-Identifier: GPL-3.0-or-later
// gapwise_windowbench [N ...]: what a user waits for when opening a synthetic JUnit report of N testcases
// (default 1000, 10000, 100000) in the window: the import (a worker thread's work in the app), the model
// build on the GUI thread (tree, proxies, charts), the first paint, and from the end of the import until the
// window answers input again; and `xmllint --stream --noout` on the same file, the floor of any XML import.
// For reports of 10,000 testcases and more it then moves every tenth test to the first gap and undoes it,
// each timed with the charts' update and the repaint (what a user waits for after the drop).
// Then, on the window as it opens (failures first: a status filter is active), triage with a filter on:
// 1,000 visible tests selected across the tree and moved into another gap, and that move undone; once
// with the failures-first filter alone, once with a text filter as well. Each time is the GUI thread's
// until it is idle again (the edit, the model and proxy signals, the charts' recompute, the repaint).
// Each size runs in a child process (this program with --open FILE), so its peak RSS is that window's own,
// Qt's libraries included. Not run by CI: speed is measured here, never asserted in tests.
//   QT_QPA_PLATFORM=offscreen build/tests/gapwise_windowbench [N ...]
#include "filterbar.h"
#include "gapchart.h"
#include "importer.h"
#include "junitsynth.h"
#include "mainwindow.h"
#include "qcustomplotheader.h"
#include "reportfilterproxy.h"
#include "reportroles.h"
#include "triagesession.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QItemSelectionModel>
#include <QLineEdit>
#include <QProcess>
#include <QTemporaryDir>
#include <QTextStream>
#include <QTimer>
#include <QTreeView>
#include <QUndoStack>

#include <sys/resource.h>
#include <time.h>

#include <functional>

#include <functional>

namespace {

double cpuSeconds(const rusage &u)
{
    return u.ru_utime.tv_sec + u.ru_stime.tv_sec + (u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

// An edit as the user waits for it: the edit, the charts' update on the next event-loop turn, the repaint.
double timedEdit(MainWindow &window, const std::function<void()> &edit)
{
    QElapsedTimer clock;
    clock.start();
    edit();
    QCoreApplication::processEvents();
    window.gapChart()->plot()->replot(QCustomPlot::rpImmediateRefresh);
    window.treeView()->viewport()->repaint();
    return clock.nsecsElapsed() / 1e6;
}

// Imports `path` (the work File > Open runs on a worker thread), hands the report to the window the way the
// import's end does, and prints: import, model build, first paint, until input is answered (ms), peak RSS
// (KiB), tests.
int openOnce(const QString &path)
{
    MainWindow window;
    window.resize(1400, 900);
    window.show();
    QCoreApplication::processEvents();

    QElapsedTimer clock;
    clock.start();
    rusage before {};
    getrusage(RUSAGE_SELF, &before);
    const Gapwise::ImportResult result = Gapwise::importFile(path);
    rusage afterImport {};
    getrusage(RUSAGE_SELF, &afterImport);
    if (!result.ok()) {
        QTextStream(stderr) << result.error.toString() << '\n';
        return 3;
    }
    // The app prepares the session's working copy on the import's worker thread too (ImportRunner).
    Gapwise::PreparedReport prepared = Gapwise::prepareForTriage(*result.report);
    const double imported = clock.nsecsElapsed() / 1e6;
    window.setReport(std::move(prepared));
    const double built = clock.nsecsElapsed() / 1e6;
    window.repaint();
    const double painted = clock.nsecsElapsed() / 1e6;
    // A zero timer fires once the events the load left behind (chart redraws, layout) are handled: from
    // then on a click or a keystroke is answered at once.
    double answered = -1;
    QTimer::singleShot(0, &window, [&] {
        answered = clock.nsecsElapsed() / 1e6;
        QCoreApplication::quit();
    });
    QCoreApplication::exec();
    rusage usage {};
    getrusage(RUSAGE_SELF, &usage);
    double moved = -1, undone = -1;
    Gapwise::TriageSession *session = window.session();
    if (session->report().tests.size() >= 10000 && !session->report().gaps.isEmpty()) {
        QStringList ids;
        for (int i = 0; i < session->report().tests.size(); i += 10) // scattered: the worst case for the tree
            ids << session->report().tests[i].id;
        const QString target = session->report().gaps.first().id;
        moved = timedEdit(window, [&] { session->moveTests(ids, target); });
        undone = timedEdit(window, [&] { session->undoStack()->undo(); });
    }
    QTextStream(stdout) << imported << ' ' << built - imported << ' ' << painted - built << ' ' << answered - imported
                        << ' ' << usage.ru_maxrss << ' ' << result.report->tests.size() << ' '
                        << cpuSeconds(afterImport) - cpuSeconds(before) << ' ' << moved << ' ' << undone << '\n';
    return 0;
}

// The GUI thread's CPU time for `work` until the events it left behind are handled and the tree has
// repainted: on a shared, loaded machine the wall clock says more about the neighbours than about Gapwise.
double busyMs(MainWindow &window, const std::function<void()> &work)
{
    auto threadCpuMs = [] {
        timespec t {};
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
        return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
    };
    const double start = threadCpuMs();
    work();
    QCoreApplication::processEvents();
    window.treeView()->viewport()->repaint();
    QCoreApplication::processEvents();
    return threadCpuMs() - start;
}

// Selects `count` of the visible tests, spread over the whole tree, as a user's ctrl-clicks would; returns
// their ids.
QStringList selectSpread(MainWindow &window, int count)
{
    QTreeView *tree = window.treeView();
    tree->expandAll();
    QModelIndexList visible;
    std::function<void(const QModelIndex &)> walk = [&](const QModelIndex &parent) {
        for (int r = 0; r < tree->model()->rowCount(parent); ++r) {
            const QModelIndex i = tree->model()->index(r, 0, parent);
            if (i.data(Gapwise::NodeKindRole).toInt() == int(Gapwise::NodeKind::Test))
                visible << i;
            else
                walk(i);
        }
    };
    walk({});
    QItemSelection selection;
    QStringList ids;
    const int stride = qMax(1, int(visible.size()) / qMax(1, count));
    for (int k = 0; k < visible.size() && ids.size() < count; k += stride) {
        selection.select(visible[k], visible[k]);
        ids << visible[k].data(Gapwise::ItemIdRole).toString();
    }
    tree->selectionModel()->select(selection, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    QCoreApplication::processEvents();
    return ids;
}

// Prints: moved tests, then move and undo ms with failures first alone, then with a text filter too.
int triageOnce(const QString &path)
{
    MainWindow window;
    window.resize(1400, 900);
    window.show();
    const Gapwise::ImportResult result = Gapwise::importFile(path);
    if (!result.ok())
        return 3;
    window.setReport(*result.report);
    QCoreApplication::processEvents();
    QTextStream out(stdout);
    const QString target = window.session()->report().gaps.value(3).id;
    for (const QString &text : { QString(), QStringLiteral("test_") }) {
        window.filterBar()->searchField()->setText(text);
        window.filterBar()->applyNow();
        QCoreApplication::processEvents();
        const QStringList ids = selectSpread(window, 1000);
        const double moved = busyMs(window, [&] { window.session()->moveTests(ids, target); });
        const double undone = busyMs(window, [&] { window.session()->undoStack()->undo(); });
        out << ids.size() << ' ' << moved << ' ' << undone << ' ';
    }
    out << '\n';
    return 0;
}

QString ms(double v)
{
    return v < 0 ? QStringLiteral("—") : QString::number(v, 'f', 0) + QLatin1String(" ms");
}

// CPU seconds of `xmllint --stream --noout FILE` (its own, from the children's rusage); -1 when it fails.
double xmllintCpu(const QString &path)
{
    rusage before {}, after {};
    getrusage(RUSAGE_CHILDREN, &before);
    QProcess lint;
    lint.start(QStringLiteral("xmllint"), { QStringLiteral("--stream"), QStringLiteral("--noout"), path });
    if (!lint.waitForFinished(300000) || lint.exitStatus() != QProcess::NormalExit || lint.exitCode() != 0)
        return -1;
    getrusage(RUSAGE_CHILDREN, &after);
    return cpuSeconds(after) - cpuSeconds(before);
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("GapwiseBench")); // recent files, not the user's
    const QStringList args = QCoreApplication::arguments();
    if (args.size() == 3 && args.at(1) == QLatin1String("--open"))
        return openOnce(args.at(2));
    if (args.size() == 3 && args.at(1) == QLatin1String("--triage"))
        return triageOnce(args.at(2));
    const QList<int> sizes = GapwiseBench::benchmarkSizes(args);
    QTemporaryDir dir;
    QTextStream out(stdout);
    out << "| testcases | file | xmllint --stream (CPU) | import (CPU) | import ÷ xmllint (CPU) | model build + charts "
           "| first paint | import end → window answers input | window painted (import start → answers) "
           "| move every 10th test + charts | undo + charts | peak RSS |\n"
        << "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n";
    for (int n : sizes) {
        const QString path = GapwiseBench::writeSyntheticJUnitFile(dir.path(), n);
        if (path.isEmpty())
            return 3;
        // Best of three for the times; the largest peak RSS.
        double best[9] = { -1, -1, -1, -1, -1, -1, -1, -1, -1 };
        long rssKb = 0;
        double lint = -1;
        for (int i = 0; i < 3; ++i) {
            const double l = xmllintCpu(path);
            if (l < 0) {
                QTextStream(stderr) << "xmllint failed (apt-get install libxml2-utils)\n";
                return 3;
            }
            lint = lint < 0 ? l : qMin(lint, l);
            QProcess child;
            child.start(QCoreApplication::applicationFilePath(), { QStringLiteral("--open"), path });
            if (!child.waitForFinished(300000) || child.exitCode() != 0) {
                QTextStream(stderr) << "opening " << path << " failed: " << child.readAllStandardError() << '\n';
                return 3;
            }
            const QList<QByteArray> parts = child.readAllStandardOutput().trimmed().split(' ');
            for (int k : { 0, 1, 2, 3, 6, 7, 8 }) {
                const double v = parts.value(k).toDouble();
                if (best[k] < 0 || v < best[k])
                    best[k] = v;
            }
            rssKb = qMax(rssKb, parts.value(4).toLong());
        }
        out << "| " << n << " | " << QString::number(QFileInfo(path).size() / 1048576.0, 'f', 0) << " MiB | "
            << ms(lint * 1000) << " | " << ms(best[6] * 1000) << " (" << ms(best[0]) << " wall) | "
            << QString::number(best[6] / qMax(lint, 1e-3), 'f', 1) << "× | " << ms(best[1]) << " | " << ms(best[2])
            << " | " << ms(best[3]) << " | " << ms(best[0] + best[3]) << " | " << ms(best[7]) << " | " << ms(best[8])
            << " | " << QString::number(rssKb / 1024.0, 'f', 0) << " MiB |\n";
        out.flush();
    }
    out << "\n| testcases | moved | move, failures first (GUI CPU) | its undo | move, + text filter | its undo |\n"
        << "|---:|---:|---:|---:|---:|---:|\n";
    for (int n : sizes) {
        const QString path = GapwiseBench::writeSyntheticJUnitFile(dir.path(), n);
        double best[4] = { -1, -1, -1, -1 };
        int moved = 0;
        for (int i = 0; i < 3; ++i) {
            QProcess child;
            child.start(QCoreApplication::applicationFilePath(), { QStringLiteral("--triage"), path });
            if (!child.waitForFinished(600000) || child.exitCode() != 0) {
                QTextStream(stderr) << "triage on " << path << " failed: " << child.readAllStandardError() << '\n';
                return 3;
            }
            const QList<QByteArray> parts = child.readAllStandardOutput().trimmed().split(' ');
            moved = parts.value(0).toInt();
            const int at[4] = { 1, 2, 4, 5 };
            for (int k = 0; k < 4; ++k) {
                const double v = parts.value(at[k]).toDouble();
                if (best[k] < 0 || v < best[k])
                    best[k] = v;
            }
        }
        out << "| " << n << " | " << moved << " | " << ms(best[0]) << " | " << ms(best[1]) << " | " << ms(best[2])
            << " | " << ms(best[3]) << " |\n";
        out.flush();
    }
    return 0;
}
