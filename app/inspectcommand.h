// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>

// `gapwise inspect FILE [--json]`: prints the imported model. `arguments` is the whole command line
// (program name, "inspect", ...), as QCommandLineParser expects. Returns the process exit code.
int runInspectCommand(const QStringList &arguments);
