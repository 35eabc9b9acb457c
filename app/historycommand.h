// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>

// `gapwise history add|list|flaky|test|gaps|known …`: many runs of a suite in a history store (README.md,
// "Run history"). Every subcommand takes --store S and --json. Exit 0, 2 usage, 3 a file or store that cannot
// be read or written. `arguments` is the whole command line.
int runHistoryCommand(const QStringList &arguments);
