// SPDX-License-Identifier: GPL-3.0-or-later
#include "firstrunwindow.h"

#include "mainwindow.h"
#include "sessioncontroller.h"

#include <QSettings>
#include <QTest>

namespace TestSupport {

bool showFirstRun(MainWindow &window, const QSize &size)
{
    QSettings().remove(QStringLiteral("window"));
    window.sessionController()->setAsker([] { return SessionController::Answer::Discard; });
    window.resize(size);
    window.show();
    return QTest::qWaitForWindowExposed(&window);
}

} // namespace TestSupport
