// SPDX-License-Identifier: GPL-3.0-or-later
// Which test a typed name means (testnamematch.h), by compare's identities: the surest step that names any
// test decides, and a name several tests share comes back as all of them.
#include "runcomparison.h"
#include "testnamematch.h"

#include <catch2/catch.hpp>

using namespace Gapwise;

namespace {

// The keys a store would hold: "pkg.Mod::t_both" is in two phases of one run, so its phase stays in front.
const QVector<NamedTest> Stored {
    { QStringLiteral("pkg.Mod::t_fixed"), QStringLiteral("pkg.Mod::t_fixed") }, // 0
    { QStringLiteral("pkg.Mod::t_dup"), QStringLiteral("pkg.Mod::t_dup") }, // 1
    { QStringLiteral("pkg.Other::t_dup"), QStringLiteral("pkg.Other::t_dup") }, // 2
    { QStringLiteral("smoke::pkg.Mod::t_both"), QStringLiteral("pkg.Mod::t_both") }, // 3
    { QStringLiteral("full::pkg.Mod::t_both"), QStringLiteral("pkg.Mod::t_both") }, // 4
    { QStringLiteral("tests/unit/test_a.py::test_pay"), QStringLiteral("tests\\unit\\test_a.py::test_pay") }, // 5
    { QStringLiteral("test_bare"), QStringLiteral("test_bare") }, // 6
    { QStringLiteral("t_dup"), QStringLiteral("t_dup") }, // 7: a bare test of that very name
};

QVector<int> match(const QString &typed)
{
    return matchTestName(typed, Stored);
}

} // namespace

TEST_CASE("a typed name finds a test by its key, its id or its plain name", "[compare][lookup]")
{
    CHECK(match(QStringLiteral("pkg.Mod::t_fixed")) == QVector<int> { 0 });
    CHECK(match(QStringLiteral("smoke::pkg.Mod::t_both")) == QVector<int> { 3 });
    // Ids as inspect shows them: JUnit "phase:key", Markdown "phase::key", a repeat "#2".
    CHECK(match(QStringLiteral("nightly:pkg.Mod::t_fixed")) == QVector<int> { 0 });
    CHECK(match(QStringLiteral("nightly::pkg.Mod::t_fixed")) == QVector<int> { 0 });
    CHECK(match(QStringLiteral("nightly:pkg.Mod::t_fixed#2")) == QVector<int> { 0 });
    CHECK(match(QStringLiteral("full:pkg.Mod::t_both")) == QVector<int> { 4 });
    // Written as the report wrote it: compare's normalised key.
    CHECK(match(QStringLiteral("tests\\unit\\test_a.py::test_pay")) == QVector<int> { 5 });
    // The plain function name, and a node id for a test stored bare: compare's last pass.
    CHECK(match(QStringLiteral("t_fixed")) == QVector<int> { 0 });
    CHECK(match(QStringLiteral("test_pay")) == QVector<int> { 5 });
    CHECK(match(QStringLiteral("tests/x/test_b.py::test_bare")) == QVector<int> { 6 });
}

TEST_CASE("a typed name several tests share names all of them, and a surer match wins first", "[compare][lookup]")
{
    CHECK(match(QStringLiteral("pkg.Mod::t_both")) == QVector<int> { 3, 4 });
    CHECK(match(QStringLiteral("t_both")) == QVector<int> { 3, 4 });
    CHECK(match(QStringLiteral("t_dup")) == QVector<int> { 7 }); // the key itself, before function names
    CHECK(match(QStringLiteral("pkg.Mod::t_dup")) == QVector<int> { 1 });
    // Two node ids that share only their function are two tests; nothing typed is nothing found.
    CHECK(match(QStringLiteral("pkg.Nope::t_fixed")).isEmpty());
    CHECK(match(QStringLiteral("t_nowhere")).isEmpty());
    CHECK(match(QStringLiteral("  ")).isEmpty());
}

TEST_CASE("compare pairs a bare function with a node id as the lookup does", "[compare][lookup]")
{
    Report oldRun, newRun;
    oldRun.tests.append(TestCase {});
    oldRun.tests.last().id = QStringLiteral("p:test_pay");
    oldRun.tests.last().name = QStringLiteral("test_pay");
    newRun.tests.append(TestCase {});
    newRun.tests.last().id = QStringLiteral("p:tests/unit/test_a.py::test_pay");
    newRun.tests.last().name = QStringLiteral("tests/unit/test_a.py::test_pay");
    CHECK(compareRuns(oldRun, newRun).newIdForOld.value(QStringLiteral("p:test_pay"))
        == QStringLiteral("p:tests/unit/test_a.py::test_pay"));
    CHECK(matchTestName(QStringLiteral("test_pay"), { { newRun.tests[0].name, newRun.tests[0].name } })
        == QVector<int> { 0 });
}
