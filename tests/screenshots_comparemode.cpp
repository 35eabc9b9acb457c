// SPDX-License-Identifier: GPL-3.0-or-later
// screenshots_comparemode OUT.png [by-gap] [new] [WIDTHxHEIGHT] [open=NEW] [old=OLD]: the main window in
// comparison mode on the Markdown fixtures (run 2 open, compared with the session made on run 1) or on NEW
// compared with OLD, 1400x900 by default, grouped by phase unless "by-gap", with the change filter on new
// failures when "new" is given; for a reviewer to look at. Not a ctest test.
#include "comparisonmode.h"
#include "mainwindow.h"

#include "filterbar.h"

#include <QApplication>
#include <QComboBox>
#include <QEventLoop>
#include <QTimer>
#include <QTreeView>

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM") && qEnvironmentVariableIsEmpty("DISPLAY"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("gapwise-screenshots")); // leave the user's settings alone
    const QString out = argc > 1 ? QString::fromLocal8Bit(argv[1]) : QStringLiteral("comparemode.png");
    MainWindow w;
    QEventLoop loop;
    QObject::connect(&w, &MainWindow::reportLoaded, &loop, &QEventLoop::quit);
    QObject::connect(&w, &MainWindow::importFailed, &loop, &QEventLoop::quit);
    QString open = QStringLiteral(GAPWISE_TEST_DATA "/compare/run2.md");
    QString old = QStringLiteral(GAPWISE_TEST_DATA "/compare/md-run1.gapwise");
    for (int i = 2; i < argc; ++i) {
        const QString arg = QString::fromLocal8Bit(argv[i]);
        if (arg.startsWith(QLatin1String("open=")))
            open = arg.mid(5);
        else if (arg.startsWith(QLatin1String("old=")))
            old = arg.mid(4);
    }
    w.openReport(open);
    loop.exec();
    QObject::connect(w.comparisonMode(), &ComparisonMode::compared, &loop, &QEventLoop::quit);
    QObject::connect(w.comparisonMode(), &ComparisonMode::failed, &loop, &QEventLoop::quit);
    w.compareWith(old);
    loop.exec();
    QSize size(1400, 900);
    for (int i = 2; i < argc; ++i) {
        const QString arg = QString::fromLocal8Bit(argv[i]);
        if (arg == QLatin1String("by-gap"))
            w.filterBar()->groupingBox()->setCurrentIndex(1);
        else if (arg == QLatin1String("new"))
            w.filterBar()->changeBox()->setCurrentIndex(2);
        else if (arg.contains(QLatin1Char('x')) && !arg.contains(QLatin1Char('=')))
            size = QSize(arg.section(QLatin1Char('x'), 0, 0).toInt(), arg.section(QLatin1Char('x'), 1, 1).toInt());
    }
    w.treeView()->expandAll(); // the test rows and their Change column in view
    return w.saveScreenshot(out, size) ? 0 : 3;
}
