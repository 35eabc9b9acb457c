// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "junitdocument.h"

#include <QHash>

#include <array>

namespace Gapwise {

// How a JUnit testcase is named in Gapwise (documented in docs/junit.md):
// - a pytest node id ("tests/unit/test_a.py::TestC::test_x") when the test is a pytest one whose path is
//   known: from the `file` attribute (*.py) or from a dotted classname with a test module in it
//   ("tests.unit.test_a.TestC" → "tests/unit/test_a.py::TestC");
// - else "classname::name"; without a classname "file::name", else "suite::name", else the bare name.
// And which phase word its path carries ("tests/unit/…", "com.acme.integration.…").
//
// Many testcases share classname and file, so the work per (classname, file) is done once.
class JUnitNamer
{
public:
    QString testName(const JUnitCase &c, const QString &innermostSuiteName);
    // The same name as its parts, "prefix" "::" "name" (prefix and separator empty for a bare name), viewing
    // strings of `c` and of this namer, so the caller can copy them once into its own storage. False for the names
    // Gapwise composes (a suite-level outcome, a module that failed to collect): testName() makes those.
    struct NameParts
    {
        QStringView prefix, separator, name;
    };
    bool nameParts(const JUnitCase &c, const QString &innermostSuiteName, NameParts *parts);
    QString phaseWord(const JUnitCase &c);

private:
    struct Derived
    {
        QString file;
        QString nodePrefix; // "tests/unit/test_a.py::TestC" when the pair reads as pytest, else empty
        QString phaseWord;
        bool computed = false;
    };
    const Derived &derived(const JUnitCase &c);

    struct Recent
    {
        QString classname;
        Derived derived;
    };
    // Two entries a set, the older one replaced: direct-mapped, two classes of a module could share an entry
    // and evict each other at every testcase.
    struct RecentSet
    {
        Recent entries[2];
        int older = 0;
    };
    static constexpr int RecentSets = 64;

    QHash<QString, Derived> m_byClassname; // keyed by classname; recomputed when the file differs
    std::array<RecentSet, RecentSets> m_recent; // by the address of the classname's characters
};

} // namespace Gapwise
