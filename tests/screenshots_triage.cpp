// SPDX-License-Identifier: GPL-3.0-or-later
// A new user's triage walk-through, with a screenshot at each step (not a ctest test):
//   QT_QPA_PLATFORM=offscreen build/tests/screenshots_triage OUT_DIR
// Opens the sample report grouped by gap, drops a test from one gap onto another, undoes, redoes, saves
// a session, closes the window and reopens the session in a new one.
#include "mainwindow.h"
#include "reportfilterproxy.h"
#include "reporttreemodel.h"
#include "sessioncontroller.h"
#include "triagesession.h"

#include <QApplication>
#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QMimeData>
#include <QTextStream>
#include <QTreeView>
#include <QUndoStack>

using namespace Gapwise;

namespace {

QTextStream out(stdout);

bool openAndWait(MainWindow &w, const QString &path)
{
    QEventLoop loop;
    bool ok = false;
    QObject::connect(&w, &MainWindow::reportLoaded, &loop, [&] {
        ok = true;
        loop.quit();
    });
    QObject::connect(&w, &MainWindow::importFailed, &loop, &QEventLoop::quit);
    if (!w.openReport(path))
        return false;
    loop.exec();
    return ok;
}

void shot(MainWindow &w, const QDir &dir, const QString &name, const QString &what)
{
    w.saveScreenshot(dir.filePath(name), QSize(1400, 900));
    out << name << ": " << what << " — title \"" << w.windowTitle() << "\"\n";
    out.flush();
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    app.setOrganizationName(QStringLiteral("GapwiseScreenshots"));
    const QDir dir(argc > 1 ? QString::fromLocal8Bit(argv[1]) : QDir::currentPath());
    const QString reportPath = dir.filePath(QStringLiteral("sample-report.md"));
    QFile::remove(reportPath);
    QFile::copy(QStringLiteral(GAPWISE_SAMPLE_REPORT), reportPath);
    QFile::setPermissions(reportPath, QFile::ReadOwner | QFile::WriteOwner);
    const QString sessionPath = dir.filePath(QStringLiteral("triage.gapwise"));
    {
        MainWindow w;
        if (!openAndWait(w, reportPath))
            return 1;
        w.treeModel()->setGrouping(Grouping::ByGap);
        w.treeView()->expandAll();
        shot(w, dir, QStringLiteral("triage-1-opened.png"), QStringLiteral("sample report grouped by gap"));

        // The first named test of the first gap with tests, dropped onto the second gap's row.
        const Report &r = w.session()->report();
        int test = -1;
        for (int i = 0; i < r.tests.size() && test < 0; ++i)
            test = r.tests[i].gapId == r.gaps[0].id ? i : -1;
        if (test < 0 || r.gaps.size() < 2)
            return 2;
        const QModelIndex source = w.filterProxy()->mapFromTree(w.treeModel()->indexForTest(test));
        w.treeView()->setCurrentIndex(source);
        QMimeData *data = w.filterProxy()->mimeData({ source });
        const QModelIndex target
            = w.filterProxy()->mapFromTree(w.treeModel()->topLevelIndex(NodeKind::Gap, r.gaps[1].id));
        w.filterProxy()->dropMimeData(data, Qt::MoveAction, -1, -1, target);
        delete data;
        w.treeView()->scrollTo(w.filterProxy()->mapFromTree(w.treeModel()->indexForTest(test)));
        shot(w, dir, QStringLiteral("triage-2-moved.png"), QStringLiteral("test dropped on the second gap"));

        w.session()->undoStack()->undo();
        shot(w, dir, QStringLiteral("triage-3-undone.png"), QStringLiteral("after Ctrl+Z"));
        w.session()->undoStack()->redo();
        w.session()->setGapPriority(r.gaps[1].id, Priority::P0);
        QString error;
        if (!w.sessionController()->saveTo(sessionPath, &error)) {
            out << error << "\n";
            return 3;
        }
        shot(w, dir, QStringLiteral("triage-4-saved.png"), QStringLiteral("redone, P0 set, saved"));
        w.close();
    }
    MainWindow reopened;
    if (!openAndWait(reopened, sessionPath))
        return 4;
    reopened.treeModel()->setGrouping(Grouping::ByGap);
    reopened.treeView()->expandAll();
    shot(reopened, dir, QStringLiteral("triage-5-reopened.png"), QStringLiteral("session reopened in a new window"));
    return 0;
}
