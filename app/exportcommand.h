// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>

// `gapwise export --format pdf|md|csv|json [--session S.gapwise | REPORT] -o OUT`. Returns the exit code.
int runExportCommand(const QStringList &arguments);

// True for `export --format pdf`: main() then starts a QApplication (offscreen when there is no display).
bool exportNeedsWidgets(int argc, char **argv);
