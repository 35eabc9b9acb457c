// screenshots_comparemode OUT.png: the main window in comparison mode on the Markdown fixtures (run 2 open,
// compared with the session made on run 1) at 1400x900, for a reviewer to look at. Not a ctest test.
#include "comparisonmode.h"
#include "mainwindow.h"

#include <QApplication>
#include <QTreeView>
#include <QEventLoop>
#include <QTimer>

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
    w.openReport(QStringLiteral(GAPWISE_TEST_DATA "/compare/run2.md"));
    loop.exec();
    QObject::connect(w.comparisonMode(), &ComparisonMode::compared, &loop, &QEventLoop::quit);
    QObject::connect(w.comparisonMode(), &ComparisonMode::failed, &loop, &QEventLoop::quit);
    w.compareWith(QStringLiteral(GAPWISE_TEST_DATA "/compare/md-run1.gapwise"));
    loop.exec();
    w.treeView()->expandAll(); // the test rows and their Change column in view
    return w.saveScreenshot(out) ? 0 : 3;
}
