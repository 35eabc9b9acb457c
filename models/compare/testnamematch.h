// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QVector>

namespace Gapwise {

// The identities compare matches tests by (runcomparison.h), for anything else that has to tell which test a
// name means, so that a name compare accepts names the same test everywhere.
QString testMatchKey(const QString &name); // the normalised node id, or JUnit classname::name
QString testMatchFunction(const QString &name); // the bare test function: "t_fixed" for "pkg.Mod::t_fixed"

// A test as a store or a run knows it: its key across runs (the phase kept in front only where a run had the
// key in several phases; "#k" for the k-th test of a name in its phase) and its name as the report wrote it.
struct NamedTest
{
    QString key;
    QString name;
};

// The tests that `typed` (a name someone wrote) names, by compare's identities from the surest on; the first
// step that names any test decides, so a surer match is never lost among looser ones:
// 1. the key itself; 2. the same key without the phase (a key several phases share names each of them);
// 3. a test id as `gapwise inspect` shows it, "phase:key" ("phase::key" in Markdown runs; "key#2", the second
//    test of that name in its phase, is stored as "key#2" too);
// 4. the bare test function, where one side names only that (`t_fixed` for `pkg.Mod::t_fixed`; not
//    `other.Mod::t_fixed`, which names another test).
// More than one index back is ambiguous: the caller asks which one, never picks one.
QVector<int> matchTestName(const QString &typed, const QVector<NamedTest> &tests);

} // namespace Gapwise
