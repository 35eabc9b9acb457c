#pragma once

#include <QStringList>

// `gapwise export --format pdf|md|csv|json [--session S.gapwise | REPORT] -o OUT`. Returns the exit code.
int runExportCommand(const QStringList &arguments);
