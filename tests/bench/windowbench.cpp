// gapwise_windowbench [N ...]: what a user waits for when opening a synthetic JUnit report of N testcases
// (default 1000, 10000, 100000) in the window: the import (a worker thread's work in the app), the model
// build on the GUI thread (tree, proxies, charts), the first paint, and from the end of the import until the
// window answers input again; and `xmllint --stream --noout` on the same file, the floor of any XML import.
// For reports of 10,000 testcases and more it then moves every tenth test to the first gap and undoes it,
// each timed with the charts' update and the repaint (what a user waits for after the drop).
// Each size runs in a child process (this program with --open FILE), so its peak RSS is that window's own,
// Qt's libraries included. Not run by CI: speed is measured here, never asserted in tests.
//   QT_QPA_PLATFORM=offscreen build/tests/gapwise_windowbench [N ...]
#include "gapchart.h"
#include "importer.h"
#include "junitsynth.h"
#include "mainwindow.h"
#include "qcustomplotheader.h"
#include "triagesession.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <QTextStream>
#include <QTimer>
#include <QTreeView>
#include <QUndoStack>

#include <sys/resource.h>

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
    const double imported = clock.nsecsElapsed() / 1e6;
    window.setReport(*result.report);
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
    return 0;
}
