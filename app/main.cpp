#include "exitcodes.h"
#include "exportcommand.h"
#include "inspectcommand.h"
#include "mainwindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QIcon>
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
    return argc > 1 && (std::strcmp(argv[1], "inspect") == 0 || std::strcmp(argv[1], "export") == 0);
}

int runGui(int argc, char **argv)
{
    QApplication app(argc, argv);
    setApplicationInfo();
    QApplication::setApplicationDisplayName(QStringLiteral("Gapwise"));
    // Lets Wayland shells match the window to the installed desktop entry, and X11 ones show the icon.
    QGuiApplication::setDesktopFileName(QStringLiteral(GAPWISE_APP_ID));
    QApplication::setWindowIcon(QIcon::fromTheme(QStringLiteral("gapwise")));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Triage failing tests into root-cause gaps and export a remediation plan.\n\n"
        "Commands:\n"
        "  gapwise [FILE]              open FILE (or the bundled sample report) in the window\n"
        "  gapwise inspect FILE [--json]  print what Gapwise imports from FILE"));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("A test report to open."), QStringLiteral("[FILE]"));
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
    window.openReport(files.isEmpty() ? MainWindow::sampleReportPath() : files.first());
    window.show();
    return app.exec();
}

} // namespace

int main(int argc, char **argv)
{
    if (isHeadlessCommand(argc, argv)) {
        QCoreApplication app(argc, argv);
        setApplicationInfo();
        if (std::strcmp(argv[1], "export") == 0)
            return runExportCommand(QCoreApplication::arguments());
        return runInspectCommand(QCoreApplication::arguments());
    }
    return runGui(argc, argv);
}
