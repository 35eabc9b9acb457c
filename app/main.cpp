// SPDX-License-Identifier: GPL-3.0-or-later
#include "comparecommand.h"
#include "darkpalette.h"
#include "exitcodes.h"
#include "exportcommand.h"
#include "historycommand.h"
#include "historypanel.h"
#include "historystore.h"
#include "historystoresetting.h"
#include "inspectcommand.h"
#include "mainwindow.h"
#include "sharedtriagecontroller.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QEventLoop>
#include <QFileInfo>
#include <QIcon>
#include <QScopeGuard>
#include <QSize>
#include <QTextStream>
#include <QThreadPool>

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
    return argc > 1
        && (std::strcmp(argv[1], "inspect") == 0 || std::strcmp(argv[1], "export") == 0
            || std::strcmp(argv[1], "compare") == 0 || std::strcmp(argv[1], "history") == 0);
}

// Waits for the import (it runs off the GUI thread like any other), and for the run history when the window
// shows one, then grabs the laid-out window at `size`.
int runScreenshot(
    MainWindow &window, const QStringList &files, const QString &out, HistoryPanel *history, const QSize &size)
{
    QEventLoop loop;
    QString error;
    if (history) {
        QObject::connect(history, &HistoryPanel::historyLoaded, &loop, &QEventLoop::quit);
        QObject::connect(history, &HistoryPanel::historyFailed, &loop, &QEventLoop::quit);
    } else {
        QObject::connect(&window, &MainWindow::reportLoaded, &loop, &QEventLoop::quit);
    }
    QObject::connect(&window, &MainWindow::importFailed, &loop, [&](const QString &message) {
        error = message;
        loop.quit();
    });
    window.openReports(files);
    loop.exec();
    if (!error.isEmpty()) {
        QTextStream(stderr) << "gapwise: " << error << '\n';
        return ExitCode::BadInput;
    }
    if (!window.saveScreenshot(out, size)) {
        QTextStream(stderr) << "gapwise: could not write " << out << '\n';
        return ExitCode::BadInput;
    }
    return ExitCode::Ok;
}

// "1366x768" → that size; anything else → invalid.
QSize parseSize(const QString &text)
{
    const QStringList parts = text.split(QLatin1Char('x'));
    bool w = false, h = false;
    const QSize size = parts.size() == 2 ? QSize(parts[0].toInt(&w), parts[1].toInt(&h)) : QSize();
    return w && h && size.width() >= 320 && size.height() >= 240 && size.width() <= 7680 && size.height() <= 4320
        ? size
        : QSize();
}

struct HistoryOptions
{
    QCommandLineOption store { QStringLiteral("store"),
        QStringLiteral("The run history store, a file or postgresql://user@host:port/db (default $GAPWISE_STORE, "
                       "else the window's setting, else the user's data folder)."),
        QStringLiteral("S") };
    QCommandLineOption add { QStringLiteral("history"),
        QStringLiteral("Add the opened report to the run history store and show its history.") };
    QCommandLineOption shared { QStringLiteral("shared"),
        QStringLiteral("Triage the opened report in the store with your team: it must be a run of the store "
                       "(--history adds it). Edits are shared as you make them; conflicts are shown.") };
};

void describeCommandLine(QCommandLineParser &parser, QCommandLineOption &screenshot, const HistoryOptions &history)
{
    parser.setApplicationDescription(QStringLiteral(
        "Triage failing tests into root-cause gaps and export a remediation plan.\n\n"
        "Commands:\n"
        "  gapwise [FILE…]                       open FILE (or the bundled sample report) in the window;\n"
        "                                        several files or a folder open as one run\n"
        "  gapwise [--history] [--store S] FILE  also show FILE's run history (--history adds it first)\n"
        "  gapwise --shared [--store S] FILE     triage FILE's stored run together with your team\n"
        "  gapwise FILE.gapwise                  open a saved triage session\n"
        "  gapwise --screenshot OUT.png [--size WxH] [FILE]\n"
        "                                        lay the window out at 1400x900 (or WxH) with FILE,\n"
        "                                        save a PNG, exit\n"
        "  gapwise --dark [FILE]                 the window in Fusion with a dark palette\n"
        "  gapwise inspect FILE… [--json]        print what Gapwise imports from FILE (or files, folders)\n"
        "  gapwise inspect --session S.gapwise [--json]   the same with a saved triage applied\n"
        "  gapwise export --format pdf|md|csv|json|ctrf [--session S.gapwise | FILE…] [--compare OLD] -o OUT\n"
        "                                        write the remediation plan; with --compare, what\n"
        "                                        changed since the run OLD comes first\n"
        "  gapwise compare OLD NEW [--json]      new, fixed and still-failing tests; OLD may be a session\n"
        "  gapwise history add|list|flaky|test|gaps|known|remove … [--store S] [--json]\n"
        "                                        run history: flaky tests, regressions, failing since\n\n"
        "Exit codes: 0 success, 1 new failures (compare), 2 usage,\n"
        "            3 a file that cannot be read, imported or written.\n"
        "See also: gapwise inspect --help, gapwise export --help, man gapwise."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("FILE"),
        QStringLiteral("A test report, a folder of reports or a .gapwise session to open; several files are one run."),
        QStringLiteral("[FILE…]"));
    screenshot = QCommandLineOption(QStringLiteral("screenshot"),
        QStringLiteral("Open FILE, lay the window out at 1400x900, save it as PNG to OUT and exit."),
        QStringLiteral("OUT"));
    parser.addOption(screenshot);
    parser.addOption(history.store);
    parser.addOption(history.add);
    parser.addOption(history.shared);
    parser.addOption(QCommandLineOption(QStringLiteral("size"),
        QStringLiteral("With --screenshot: the window's size, e.g. 1366x768."), QStringLiteral("WxH"),
        QStringLiteral("1400x900")));
    parser.addOption(QCommandLineOption(QStringLiteral("dark"), QStringLiteral("Fusion with a dark palette.")));
}

bool hasArgument(int argc, char **argv, std::initializer_list<const char *> names)
{
    for (int i = 1; i < argc; ++i) {
        for (const char *name : names) {
            if (std::strcmp(argv[i], name) == 0)
                return true;
        }
    }
    return false;
}

// --help and --version answer without a display.
int runHelpOrVersion(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    setApplicationInfo();
    QCommandLineParser parser;
    QCommandLineOption screenshot(QStringLiteral("screenshot"));
    const HistoryOptions history;
    describeCommandLine(parser, screenshot, history);
    if (!parser.parse(QCoreApplication::arguments())) {
        QTextStream(stderr) << "gapwise: " << parser.errorText() << '\n';
        return ExitCode::Usage;
    }
    if (parser.isSet(QStringLiteral("version")))
        QTextStream(stdout) << QCoreApplication::applicationName() << ' ' << QCoreApplication::applicationVersion()
                            << '\n';
    else
        QTextStream(stdout) << parser.helpText();
    return ExitCode::Ok;
}

int runGui(int argc, char **argv)
{
    // A screenshot needs no screen: without a display, draw offscreen.
    if (hasArgument(argc, argv, { "--screenshot" }) && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")
        && qEnvironmentVariableIsEmpty("DISPLAY") && qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    // A store query or a report's hash still running when the window closes ends before the application object
    // goes: QCoreApplication waits for its pool only after the GUI half is torn down.
    const auto drainPool = qScopeGuard([] { QThreadPool::globalInstance()->waitForDone(); });
    setApplicationInfo();
    QApplication::setApplicationDisplayName(QStringLiteral("Gapwise"));
    // Lets Wayland shells match the window to the installed desktop entry, and X11 ones show the icon.
    QGuiApplication::setDesktopFileName(QStringLiteral(GAPWISE_APP_ID));
    QApplication::setWindowIcon(QIcon::fromTheme(QStringLiteral("gapwise")));

    QCommandLineParser parser;
    QCommandLineOption screenshotOption(QStringLiteral("screenshot"));
    const HistoryOptions historyOptions;
    describeCommandLine(parser, screenshotOption, historyOptions);
    if (!parser.parse(QCoreApplication::arguments())) {
        QTextStream(stderr) << "gapwise: " << parser.errorText() << '\n' << parser.helpText();
        return ExitCode::Usage;
    }
    const QStringList files = parser.positionalArguments(); // several files or a folder: one run
    const QSize size = parseSize(parser.value(QStringLiteral("size")));
    if (!size.isValid()) {
        QTextStream(stderr) << "gapwise: --size takes WIDTHxHEIGHT, e.g. 1366x768\n";
        return ExitCode::Usage;
    }
    if (parser.isSet(QStringLiteral("dark")))
        applyDarkPalette(app);
    MainWindow window;
    // The history dock appears when a store is there to read (a file, or a server: it says when it cannot
    // connect), or --history makes one.
    const QString store = windowHistoryStore(parser.value(historyOptions.store));
    HistoryPanel *history = nullptr;
    const bool shared = parser.isSet(historyOptions.shared);
    if (parser.isSet(historyOptions.add) || shared || hasHistoryStoreSetting() || Gapwise::isServerStoreLocation(store)
        || QFileInfo::exists(store))
        history = attachHistoryPanel(&window, store, parser.isSet(historyOptions.add));
    if (history) // Edit > Share This Run's Triage Through the Store; --shared starts it once the run is found
        attachSharedTriage(&window, history, store, shared);
    const QStringList opened = files.isEmpty() ? QStringList { MainWindow::sampleReportPath() } : files;
    if (parser.isSet(screenshotOption))
        return runScreenshot(window, opened, parser.value(screenshotOption), history, size);
    window.openReports(opened);
    // Work left by a crash: with no file named, every recovery file is offered (in a banner that the sample's
    // load does not hide); a named report's own recovery file is offered once it is loaded.
    if (files.isEmpty())
        window.offerRecovery();
    window.show();
    return app.exec();
}

} // namespace

int main(int argc, char **argv)
{
    if (isHeadlessCommand(argc, argv) && std::strcmp(argv[1], "export") == 0 && exportNeedsWidgets(argc, argv)) {
        // The PDF's charts are drawn by a widget; no display is needed for that.
        if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM") && qEnvironmentVariableIsEmpty("DISPLAY")
            && qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
        // Taken before QApplication, which would strip --session (X11 session management) from them.
        QStringList arguments;
        for (int i = 0; i < argc; ++i)
            arguments << QString::fromLocal8Bit(argv[i]);
        QApplication app(argc, argv);
        setApplicationInfo();
        return runExportCommand(arguments);
    }
    if (isHeadlessCommand(argc, argv)) {
        QCoreApplication app(argc, argv);
        setApplicationInfo();
        if (std::strcmp(argv[1], "compare") == 0)
            return runCompareCommand(QCoreApplication::arguments());
        if (std::strcmp(argv[1], "history") == 0)
            return runHistoryCommand(QCoreApplication::arguments());
        if (std::strcmp(argv[1], "export") == 0)
            return runExportCommand(QCoreApplication::arguments());
        return runInspectCommand(QCoreApplication::arguments());
    }
    if (hasArgument(argc, argv, { "-h", "--help", "-?", "--help-all", "-v", "--version" }))
        return runHelpOrVersion(argc, argv);
    return runGui(argc, argv);
}
