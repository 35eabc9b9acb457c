// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

#include <optional>

class QCommandLineParser;
class QTextStream;

namespace Gapwise {
struct Report;
}

// The start every subcommand shares: `arguments` parsed into `parser`. A parse error prints "gapwise NAME: …"
// and `usage` to stderr and gives ExitCode::Usage; --help prints the help and gives ExitCode::Ok; otherwise
// nothing is printed, no exit code is given, and the command goes on.
std::optional<int> parseSubcommand(
    QCommandLineParser &parser, const QStringList &arguments, const char *name, const QString &usage);

// One warning on `err` for each file of a run of several that could not be imported, naming it and why:
// "gapwise: warning: not imported: a.xml (line 9: malformed XML: …)".
void warnOfUnreadFiles(const Gapwise::Report &report, QTextStream &err);
