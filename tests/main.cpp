#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>

#include <QApplication>
#include <QSettings>

int main(int argc, char **argv)
{
    // catch_discover_tests runs this binary at build time without the test environment: default to offscreen.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    // A QApplication, not a QGuiApplication: the window tests create widgets.
    QApplication app(argc, argv);
    // Window tests must not read or overwrite a user's saved layout and recent files.
    QCoreApplication::setOrganizationName(QStringLiteral("GapwiseTests"));
    QCoreApplication::setApplicationName(QStringLiteral("gapwise_tests"));
    QSettings().clear(); // every run starts from a first-run window, whatever an earlier run left

    return Catch::Session().run(argc, argv);
}
