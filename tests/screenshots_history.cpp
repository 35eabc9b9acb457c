// SPDX-License-Identifier: GPL-3.0-or-later
// Pictures of the run history dock for README.md: a gap's trend chart and a test's strip.
//   screenshots_history OUT-GAP.png OUT-TEST.png [OUT-TREE.png]
// OUT-TREE.png: the whole window at 1366x768, the tree's History column beside the test names.
#include "historypanel.h"
#include "historyseries.h"
#include "historystore.h"
#include "mainwindow.h"
#include "reportfilterproxy.h"

#include <QApplication>
#include <QComboBox>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTreeView>
#include <QTreeWidget>

using namespace Gapwise;

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() != 3 && args.size() != 4)
        return 2;
    QTemporaryDir dir;
    HistorySeries::Spec spec;
    spec.tests = 150;
    spec.runs = 20;
    const QString storePath = dir.filePath(QStringLiteral("history.sqlite"));
    QString last, error;
    {
        HistoryStore store;
        if (!store.open(storePath, true, &error))
            return 1;
        for (int run = 0; run < spec.runs; ++run) {
            last = HistorySeries::writeJUnit(spec, run, dir.path());
            const auto record = readRunRecord(last, &error);
            if (!record || !store.addRun(*record, &error))
                return 1;
        }
    }
    MainWindow window;
    HistoryPanel *panel = attachHistoryPanel(&window, storePath, false);
    QSignalSpy loaded(panel, &HistoryPanel::historyLoaded);
    window.resize(1400, 900);
    window.openReport(last);
    if (!loaded.wait(60000))
        return 1;
    // The flaky tests' gap: its failures per run.
    panel->showBox()->setCurrentIndex(panel->showBox()->findData(HistoryPanel::Flaky));
    window.treeView()->expandAll();
    // By phase the gap is a second-level row: find it by title.
    const QModelIndexList hits
        = window.filterProxy()->match(window.filterProxy()->index(0, 0, window.filterProxy()->index(0, 0)),
            Qt::DisplayRole, QStringLiteral("TimeoutError"), 1, Qt::MatchStartsWith);
    if (!hits.isEmpty())
        window.treeView()->setCurrentIndex(hits.first());
    QApplication::processEvents();
    if (!window.saveScreenshot(args.at(1)))
        return 1;
    panel->showBox()->setCurrentIndex(panel->showBox()->findData(HistoryPanel::Regressions));
    panel->list()->setCurrentItem(panel->list()->topLevelItem(1));
    QApplication::processEvents();
    if (!window.saveScreenshot(args.at(2)))
        return 1;
    return args.size() < 4 || window.saveScreenshot(args.at(3), QSize(1366, 768)) ? 0 : 1;
}
