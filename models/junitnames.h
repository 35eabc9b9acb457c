#pragma once

#include "junitdocument.h"

namespace Gapwise {

// How a JUnit testcase is named in Gapwise (documented in docs/junit.md):
// - a pytest node id ("tests/unit/test_a.py::TestC::test_x") when the test is a pytest one whose path is
//   known: from the `file` attribute (*.py) or from a dotted classname with a test module in it
//   ("tests.unit.test_a.TestC" → "tests/unit/test_a.py::TestC");
// - else "classname::name"; without a classname "file::name", else "suite::name", else the bare name.
QString junitTestName(const JUnitCase &c, const QString &innermostSuiteName);

// The path whose directory segments may name a phase: the file, else the classname with dots as slashes.
QString junitPhasePath(const JUnitCase &c);

} // namespace Gapwise
