// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>

// `gapwise compare OLD NEW [--json]`: classifies every test of NEW against OLD (a report or a .gapwise
// session, whose triage is carried over). Exit 0, or 1 when NEW has new failures (a CI gate), 2 usage,
// 3 a file that cannot be read or imported. `arguments` is the whole command line.
int runCompareCommand(const QStringList &arguments);
