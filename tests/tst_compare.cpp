// SPDX-License-Identifier: GPL-3.0-or-later
// Matching tests across two runs and classifying what changed (runcomparison.h).
#include "testsupport.h"

#include "runcomparison.h"

#include <catch2/catch.hpp>

#include <map>

using namespace Gapwise;
using namespace TestSupport;

namespace {

// test name → change class, for exact comparisons that read well when they fail.
std::map<std::string, std::string> classesByName(const Report &oldRun, const Report &newRun, const RunComparison &c)
{
    std::map<std::string, std::string> byName;
    for (const TestChange &change : c.changes) {
        const TestCase &t = change.newIndex >= 0 ? newRun.tests[change.newIndex] : oldRun.tests[change.oldIndex];
        byName[t.name.toStdString()] = changeClassName(change.change).toStdString();
    }
    return byName;
}

TestCase test(const QString &phase, const QString &name, TestStatus status)
{
    TestCase t;
    t.phaseId = phase;
    t.name = name;
    t.id = phase + QLatin1String("::") + name;
    t.status = status;
    return t;
}

} // namespace

TEST_CASE("JUnit runs: every change class, matched by classname and name", "[compare]")
{
    const Report oldRun = importOrFail(dataPath(QStringLiteral("compare/run1.xml")));
    const Report newRun = importOrFail(dataPath(QStringLiteral("compare/run2.xml")));
    const RunComparison c = compareRuns(oldRun, newRun);
    const std::map<std::string, std::string> expected {
        { "shop.CartTest::test_add", "unchanged" },
        { "shop.CartTest::test_total", "new failure" },
        { "shop.DbTest::test_read", "still failing" },
        { "shop.DbTest::test_write", "still failing" },
        { "shop.DbTest::test_delete", "new failure" },
        { "shop.PayTest::test_refund", "fixed" },
        { "shop.PayTest::test_card", "newly passing" },
        { "shop.PayTest::test_wallet", "newly skipped" },
        { "shop.PayTest::test_legacy", "removed" },
        { "shop.PayTest::test_crypto", "removed" },
        { "shop.PayTest::test_apple", "added" },
        { "shop.PayTest::test_google", "new failure" },
    };
    CHECK(classesByName(oldRun, newRun, c) == expected);
    CHECK(c.count(ChangeClass::NewFailure) == 3);
    CHECK(c.count(ChangeClass::Fixed) == 1);
    CHECK(c.count(ChangeClass::StillFailing) == 2);
    CHECK(c.count(ChangeClass::NewlyPassing) == 1);
    CHECK(c.count(ChangeClass::NewlySkipped) == 1);
    CHECK(c.count(ChangeClass::Added) == 1);
    CHECK(c.count(ChangeClass::Removed) == 2);
    CHECK(c.count(ChangeClass::Unchanged) == 1);
    CHECK(c.newIdForOld.size() == 8);
}

TEST_CASE("Markdown runs: every change class, and renamed phases still match", "[compare]")
{
    const Report oldRun = importOrFail(dataPath(QStringLiteral("compare/run1.md")));
    const Report newRun = importOrFail(dataPath(QStringLiteral("compare/run2.md")));
    REQUIRE(oldRun.phases.size() == 2);
    REQUIRE(newRun.phases.size() == 2);
    REQUIRE(oldRun.phases[0].id != newRun.phases[0].id); // the fixture renames both phases
    const RunComparison c = compareRuns(oldRun, newRun);
    const std::map<std::string, std::string> expected {
        { "tests/unit/test_cart.py::test_add_item", "new failure" },
        { "tests/unit/test_cart.py::test_total", "still failing" },
        { "tests/unit/test_cart.py::test_discount", "newly skipped" },
        { "tests/unit/test_cart.py::test_currency", "newly passing" },
        { "tests/unit/test_cart.py::test_legacy_tax", "removed" },
        { "tests/unit/test_cart.py::test_rounding", "fixed" },
        { "tests/unit/test_cart.py::test_old_coupon", "removed" },
        { "tests/unit/test_cart.py::test_wishlist", "added" },
        { "tests/unit/test_cart.py::test_gift_card", "new failure" },
        { "tests/integration/test_db.py::test_read", "still failing" },
        { "tests/integration/test_db.py::test_write", "still failing" },
        { "tests/integration/test_db.py::test_delete", "new failure" },
    };
    CHECK(classesByName(oldRun, newRun, c) == expected);
    CHECK(c.phaseMap.value(oldRun.phases[0].id) == newRun.phases[0].id);
    CHECK(c.phaseMap.value(oldRun.phases[1].id) == newRun.phases[1].id);
    CHECK(c.count(ChangeClass::NewFailure) == 3);
    CHECK(c.count(ChangeClass::Unchanged) == 0);
}

TEST_CASE("A name both phases use is matched through the phase the other tests moved to", "[compare]")
{
    Report oldRun;
    oldRun.tests = { test(QStringLiteral("unit"), QStringLiteral("test_only_unit"), TestStatus::Passed),
        test(QStringLiteral("unit"), QStringLiteral("test_shared"), TestStatus::Failed),
        test(QStringLiteral("e2e"), QStringLiteral("test_only_e2e"), TestStatus::Passed),
        test(QStringLiteral("e2e"), QStringLiteral("test_shared"), TestStatus::Passed) };
    Report newRun;
    // Phases renamed and listed in the other order: document order alone would pair them wrongly.
    newRun.tests = { test(QStringLiteral("e2e-staging"), QStringLiteral("test_shared"), TestStatus::Failed),
        test(QStringLiteral("e2e-staging"), QStringLiteral("test_only_e2e"), TestStatus::Passed),
        test(QStringLiteral("unit-fast"), QStringLiteral("test_shared"), TestStatus::Passed),
        test(QStringLiteral("unit-fast"), QStringLiteral("test_only_unit"), TestStatus::Passed) };
    const RunComparison c = compareRuns(oldRun, newRun);
    CHECK(c.phaseMap.value(QStringLiteral("unit")) == QLatin1String("unit-fast"));
    CHECK(c.phaseMap.value(QStringLiteral("e2e")) == QLatin1String("e2e-staging"));
    CHECK(c.newIdForOld.value(QStringLiteral("unit::test_shared")) == QLatin1String("unit-fast::test_shared"));
    CHECK(c.newIdForOld.value(QStringLiteral("e2e::test_shared")) == QLatin1String("e2e-staging::test_shared"));
    CHECK(c.changes[0].change == ChangeClass::NewFailure); // e2e's shared test passed before
    CHECK(c.changes[2].change == ChangeClass::Fixed); // unit's shared test failed before
}

TEST_CASE("A test named bare in one run and by node id in the other is the same test", "[compare]")
{
    Report oldRun;
    oldRun.tests = { test(QStringLiteral("unit"), QStringLiteral("test_refund"), TestStatus::Failed) };
    Report newRun;
    newRun.tests
        = { test(QStringLiteral("unit"), QStringLiteral("tests/unit/test_pay.py::test_refund"), TestStatus::Failed) };
    const RunComparison c = compareRuns(oldRun, newRun);
    REQUIRE(c.changes.size() == 1);
    CHECK(c.changes[0].change == ChangeClass::StillFailing);
    CHECK(c.changes[0].oldIndex == 0);
}

TEST_CASE("Expected failures are not failures, and unknown states are no change", "[compare]")
{
    Report oldRun;
    oldRun.tests = { test(QStringLiteral("unit"), QStringLiteral("test_xfail"), TestStatus::Passed),
        test(QStringLiteral("unit"), QStringLiteral("test_unknown"), TestStatus::Passed) };
    Report newRun = oldRun;
    newRun.tests[0].status = TestStatus::Failed;
    newRun.tests[0].expectedFailure = true;
    newRun.tests[1].status = TestStatus::Unknown;
    const RunComparison c = compareRuns(oldRun, newRun);
    CHECK(c.count(ChangeClass::Unchanged) == 2);
    CHECK(c.count(ChangeClass::NewFailure) == 0);
}
