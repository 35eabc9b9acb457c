// SPDX-License-Identifier: GPL-3.0-or-later
#include "subcommandparser.h"

#include "exitcodes.h"
#include "report.h"

#include <QCommandLineParser>
#include <QTextStream>

std::optional<int> parseSubcommand(
    QCommandLineParser &parser, const QStringList &arguments, const char *name, const QString &usage)
{
    if (!parser.parse(arguments)) {
        QTextStream(stderr) << "gapwise " << name << ": " << parser.errorText() << '\n' << usage;
        return ExitCode::Usage;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        QTextStream(stdout) << parser.helpText();
        return ExitCode::Ok;
    }
    return std::nullopt;
}

void warnOfUnreadFiles(const Gapwise::Report &report, QTextStream &err)
{
    for (const QString &file : report.unreadFiles)
        err << "gapwise: warning: not imported: " << file << '\n';
    err.flush();
}
