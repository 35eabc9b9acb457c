// SPDX-License-Identifier: GPL-3.0-or-later
// Where a Markdown report names its own cause groups, Gapwise's suggested gaps only take the failing tests
// those groups leave (tests/data/markdown/named-groups-leftovers.md).
#include "testsupport.h"

#include <catch2/catch.hpp>

using namespace Gapwise;
using namespace TestSupport;

TEST_CASE("suggested gaps only fill what the report's own groups leave", "[markdown][suggestions]")
{
    const Report r = importOrFail(dataPath(QStringLiteral("markdown/named-groups-leftovers.md")));
    const Gap *named = gapTitled(r, QStringLiteral("Settings loader ignores overrides"));
    REQUIRE(named);
    CHECK_FALSE(named->suggested);
    // The group's tests stay where the report put them.
    for (const char *name : { "tests/integration/test_settings.py::test_override_from_env",
             "tests/integration/test_settings.py::test_override_from_file" }) {
        const TestCase *t = testNamed(r, QLatin1String(name));
        INFO(name);
        REQUIRE(t);
        CHECK(t->gapId == named->id);
        CHECK_FALSE(t->gapSuggested);
    }
    // The three failures with one signature the report leaves ungrouped get one suggested gap.
    const TestCase *checkout = testNamed(r, QStringLiteral("tests/integration/test_pool.py::test_pool_checkout"));
    REQUIRE(checkout);
    REQUIRE_FALSE(checkout->gapId.isEmpty());
    CHECK(checkout->gapSuggested);
    const Gap *suggested = &r.gaps[r.gapIndex(checkout->gapId)];
    CHECK(suggested->suggested);
    for (const char *name :
        { "tests/integration/test_pool.py::test_pool_release", "tests/integration/test_pool.py::test_pool_resize" }) {
        const TestCase *t = testNamed(r, QLatin1String(name));
        INFO(name);
        REQUIRE(t);
        CHECK(t->gapId == suggested->id);
    }
    // A failure alone with its cause is left for the engineer, as after any import.
    const TestCase *cache = testNamed(r, QStringLiteral("tests/integration/test_cache.py::test_cache_warmup"));
    REQUIRE(cache);
    CHECK(cache->gapId.isEmpty());
    CHECK(r.gaps.size() == 2);
    // Nothing passing is ever placed in a suggestion.
    const TestCase *ping = testNamed(r, QStringLiteral("tests/integration/test_pool.py::test_pool_ping"));
    REQUIRE(ping);
    CHECK(ping->gapId.isEmpty());
}
