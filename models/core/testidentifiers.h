// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

namespace Gapwise {

// Recognises the ways reports name a test: a pytest node id (`tests/unit/test_x.py::TestC::test_y`,
// Windows and elided paths, class-only `TestC::test_y`, parametrised `[a-b]`) or a bare test function
// (`test_something`). A file name (`test_something.py`) names a file, not a test.
bool isNodeId(const QString &text);
bool isTestFunctionName(const QString &text);
bool isTestIdentifier(const QString &text);

// Every test identifier standing in free text, in order, without duplicates.
QStringList findTestIdentifiers(const QString &text);

// The last segment of a node id without parameters ("test_y" for "a.py::T::test_y[1]").
QString testFunctionOf(const QString &identifier);

// A key that matches the same test however it is written: '\' and '/' unified, "tests/.../" elision
// dropped. Used for stable test ids.
QString normalisedTestKey(const QString &identifier);

} // namespace Gapwise
