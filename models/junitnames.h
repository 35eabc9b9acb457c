#pragma once

#include "junitdocument.h"

namespace Gapwise {

// How a JUnit testcase is named in Gapwise (documented in docs/junit.md):
// - a pytest node id ("tests/unit/test_a.py::TestC::test_x") when the test is a pytest one whose path is
//   known: from the `file` attribute (*.py) or from a dotted classname with a test module in it
//   ("tests.unit.test_a.TestC" → "tests/unit/test_a.py::TestC");
// - else "classname::name"; without a classname "file::name", else "suite::name", else the bare name.
// And which phase word its path carries ("tests/unit/…", "com.acme.integration.…").
//
// Consecutive testcases share classname and file, so the work per (classname, file) is done once.
class JUnitNamer
{
public:
    QString testName(const JUnitCase &c, const QString &innermostSuiteName);
    QString phaseWord(const JUnitCase &c);

private:
    void update(const JUnitCase &c);

    QString m_classname, m_file;
    bool m_valid = false;
    QString m_nodePrefix; // "tests/unit/test_a.py::TestC" when the pair reads as pytest, else empty
    QString m_phaseWord;
};

} // namespace Gapwise
