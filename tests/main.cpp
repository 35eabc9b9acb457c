// SPDX-License-Identifier: GPL-3.0-or-later
#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>

#include <QCoreApplication>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QThreadPool>

// Each test executable makes the application object its area needs (tests/CMakeLists.txt): QCoreApplication
// for the importers, QGuiApplication for the item models (fonts, colours), QApplication for the window.
#include GAPWISE_TEST_APPLICATION_HEADER

int main(int argc, char **argv)
{
    // catch_discover_tests runs this binary at build time without the test environment: default to offscreen.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    // Settings, recent files and recovery files go to a folder of this process alone: ctest runs test
    // processes in parallel, and none may read another's saved layout, nor touch the user's.
    QTemporaryDir home;
    qputenv("XDG_CONFIG_HOME", home.filePath(QStringLiteral("config")).toLocal8Bit());
    qputenv("XDG_DATA_HOME", home.filePath(QStringLiteral("data")).toLocal8Bit());
    GAPWISE_TEST_APPLICATION app(argc, argv);
    // Background work a test's window left running (a history dock's store query) ends before the application
    // object goes: QCoreApplication waits for its pool only after the GUI half is torn down.
    const auto drainPool = qScopeGuard([] { QThreadPool::globalInstance()->waitForDone(); });
    QCoreApplication::setOrganizationName(QStringLiteral("GapwiseTests"));
    QCoreApplication::setApplicationName(QStringLiteral("gapwise_tests"));
    return Catch::Session().run(argc, argv);
}
