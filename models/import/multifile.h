// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "importer.h"

#include <QStringList>

namespace Gapwise {

// A run that is several files: Maven Surefire and Gradle write one JUnit file per class, CI jobs keep one report
// per shard. The files (and every report file found under a folder, recursively) import one by one and merge
// into one Report:
// - phases with the same name are one phase; more than 12 phases named after suites or files (not test
//   stages such as Unit or Integration) fold into one phase named after the folder, as within one JUnit file;
// - a test that several files hold is kept in each (its id numbered) and reported as a duplicate;
// - the report's own gaps are kept, suggested gaps are suggested again over all the failures;
// - each file's diagnostics are kept, prefixed with its name; a file that cannot be imported is a warning
//   (the import fails only when none can).
ImportResult importFiles(const QStringList &paths, const ImportControl &control = {});

// The names of the files the importers read, as wildcard patterns: *.xml, *.trx, *.json, *.md, *.markdown,
// *.log, *.txt (the format is still decided by content). The one list: folders and file dialogs use it.
const QStringList &reportFilePatterns();

// The report files under `dir`, recursively, sorted: those reportFilePatterns() names, as absolute paths.
// Hidden files and folders below `dir` are left out.
QStringList reportFilesIn(const QString &dir);

// `dir` as an absolute path without "." and ".." parts or a trailing slash: "../runs/" → "/work/runs".
QString cleanFolderPath(const QString &dir);
// What a run from the folder `dir` is called: its name ("runs" for "runs/"), or the path for "/".
QString folderTitle(const QString &dir);

// Phases this many or fewer stay apart when a run is merged from several files (as in one JUnit file).
constexpr int MaxMergedSuitePhases = 12;

} // namespace Gapwise
