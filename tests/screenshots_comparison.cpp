// SPDX-License-Identifier: GPL-3.0-or-later
// screenshots_comparison OUT.png: the comparison window on the Markdown fixtures (a session made on run 1,
// compared with run 2) at 1200x700, for a reviewer to look at. Not a ctest test.
#include "comparisonview.h"

#include <QApplication>
#include <QEventLoop>
#include <QTimer>

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM") && qEnvironmentVariableIsEmpty("DISPLAY"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const QString out = argc > 1 ? QString::fromLocal8Bit(argv[1]) : QStringLiteral("comparison.png");
    ComparisonView view;
    view.resize(1200, 700);
    view.show();
    QEventLoop loop;
    QObject::connect(&view, &ComparisonView::compared, &loop, &QEventLoop::quit);
    QObject::connect(&view, &ComparisonView::failed, &loop, &QEventLoop::quit);
    view.compare(QStringLiteral(GAPWISE_TEST_DATA "/compare/md-run1.gapwise"),
        QStringLiteral(GAPWISE_TEST_DATA "/compare/run2.md"));
    loop.exec();
    QTimer::singleShot(200, &loop, &QEventLoop::quit); // let the queued replot and layout happen
    loop.exec();
    return view.grab().save(out) ? 0 : 3;
}
