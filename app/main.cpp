#include "inspectcommand.h"
#include "mainwindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QEventLoop>
#include <QTextStream>

#include <cstring>

namespace {

void setApplicationInfo()
{
    QCoreApplication::setOrganizationName(QStringLiteral("Gapwise"));
    QCoreApplication::setApplicationName(QStringLiteral("gapwise"));
    QCoreApplication::setApplicationVersion(QStringLiteral(GAPWISE_VERSION));
}

// Headless commands run on QCoreApplication, so they need no display.
bool isHeadlessCommand(int argc, char **argv)
{
    return argc > 1 && std::strcmp(argv[1], "inspect") == 0;
}

// Waits for the import (it runs off the GUI thread like any other), then grabs the laid-out window.
int runScreenshot(MainWindow &window, const QString &file, const QString &out)
{
    QEventLoop loop;
    QString error;
    QObject::connect(&window, &MainWindow::reportLoaded, &loop, &QEventLoop::quit);
    QObject::connect(&window, &MainWindow::importFailed, &loop, [&](const QString &message) {
        error = message;
        loop.quit();
    });
    window.openReport(file);
    loop.exec();
    if (!error.isEmpty()) {
        QTextStream(stderr) << "gapwise: " << error << '\n';
        return ExitCode::BadInput;
    }
    if (!window.saveScreenshot(out)) {
        QTextStream(stderr) << "gapwise: could not write " << out << '\n';
        return ExitCode::BadInput;
    }
    return ExitCode::Ok;
}

int runGui(int argc, char **argv)
{
    QApplication app(argc, argv);
    setApplicationInfo();
    QApplication::setApplicationDisplayName(QStringLiteral("Gapwise"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Triage failing tests into root-cause gaps and export a remediation plan.\n\n"
        "Commands:\n"
        "  gapwise [FILE]              open FILE (or the bundled sample report) in the window\n"
        "  gapwise --screenshot OUT.png [FILE]  lay the window out at 1400x900 with FILE, save a PNG, exit\n"
        "  gapwise inspect FILE [--json]  print what Gapwise imports from FILE"));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("A test report to open."), QStringLiteral("[FILE]"));
    const QCommandLineOption screenshotOption(
        QStringLiteral("screenshot"), QStringLiteral("Open FILE, lay the window out at 1400x900, save it as PNG to OUT and exit."),
        QStringLiteral("OUT"));
    parser.addOption(screenshotOption);
    if (!parser.parse(QCoreApplication::arguments())) {
        QTextStream(stderr) << "gapwise: " << parser.errorText() << '\n' << parser.helpText();
        return ExitCode::Usage;
    }
    if (parser.isSet(QStringLiteral("version"))) {
        parser.showVersion();
    }
    if (parser.isSet(QStringLiteral("help"))) {
        QTextStream(stdout) << parser.helpText();
        return ExitCode::Ok;
    }
    const QStringList files = parser.positionalArguments();
    if (files.size() > 1) {
        QTextStream(stderr) << "gapwise: expected at most one FILE\n";
        return ExitCode::Usage;
    }
    MainWindow window;
    const QString file = files.isEmpty() ? MainWindow::sampleReportPath() : files.first();
    if (parser.isSet(screenshotOption))
        return runScreenshot(window, file, parser.value(screenshotOption));
    window.openReport(file);
    window.show();
    return app.exec();
}

} // namespace

int main(int argc, char **argv)
{
    if (isHeadlessCommand(argc, argv)) {
        QCoreApplication app(argc, argv);
        setApplicationInfo();
        return runInspectCommand(QCoreApplication::arguments().mid(1));
    }
    return runGui(argc, argv);
}
