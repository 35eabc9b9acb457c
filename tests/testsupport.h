// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "importer.h"

#include <QString>
#include <QStringList>

class QTemporaryDir;

namespace TestSupport {

QString dataPath(const QString &name); // tests/data/<name>
QString sharedPath(const QString &name); // ../shared/<name>, empty when the shared folder is absent
Gapwise::Report importOrFail(const QString &path);
// `bytes` imported as a file of that name (its ending picks the format); fails the test case when it does not import.
Gapwise::Report importBytesOrFail(const QByteArray &bytes, const QString &fileName = QStringLiteral("inline.md"),
    const Gapwise::ImportControl &control = {});
// `bytes` written as the file `name` in `dir`; fails the test case when the folder or the file cannot be made.
QString writeFileOrFail(const QTemporaryDir &dir, const QString &name, const QByteArray &bytes);
// The bytes of the file at `path`; empty where it cannot be read (a check on them then fails, naming what is missing).
QByteArray fileContents(const QString &path);
// A Markdown run whose phase headings state an outcome: "Payment Tests - CRITICAL FAILURE BLOCKING CHECKOUT"
// (4 tests, 3 failed), then "Unit Tests (95.2% SUCCESS)" (42 tests, 40 passed).
QByteArray checkoutRunWithOutcomes();

// The report's phases in order, by id or by name: one comparison says which phases there are and in what order.
QStringList phaseIds(const Gapwise::Report &report);
QStringList phaseNames(const Gapwise::Report &report);
QStringList testNames(const Gapwise::Report &report); // the tests' names, in the report's order
const Gapwise::Phase *phaseNamed(const Gapwise::Report &report, const QString &nameContains);
const Gapwise::Gap *gapTitled(const Gapwise::Report &report, const QString &titleContains);
const Gapwise::TestCase *testNamed(const Gapwise::Report &report, const QString &name);
// The test of that name; fails the test case when there is none, listing the names the report has.
const Gapwise::TestCase &requireTest(const Gapwise::Report &report, const char *name);

} // namespace TestSupport
