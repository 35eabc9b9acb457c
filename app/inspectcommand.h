#pragma once

#include <QStringList>

// `gapwise inspect FILE [--json]`: prints the imported model. `arguments` is the whole command line
// (program name, "inspect", ...), as QCommandLineParser expects. Returns the process exit code.
int runInspectCommand(const QStringList &arguments);

namespace ExitCode {
constexpr int Ok = 0;
constexpr int Usage = 2;
constexpr int BadInput = 3;
} // namespace ExitCode
