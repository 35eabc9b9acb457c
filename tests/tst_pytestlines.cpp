// SPDX-License-Identifier: GPL-3.0-or-later
#include "pytestlines.h"

#include <catch2/catch.hpp>

using namespace Gapwise;

TEST_CASE("pytest output lines", "[pytest]")
{
    SECTION("-v result lines with progress")
    {
        const PytestLine l = parsePytestLine(QStringLiteral("tests/a.py::TestA::test_b PASSED                 [ 10%]"));
        CHECK(l.kind == PytestLine::Result);
        CHECK(l.nodeId == QStringLiteral("tests/a.py::TestA::test_b"));
        CHECK(l.status == TestStatus::Passed);
        CHECK(l.message.isEmpty());
    }
    SECTION("short summary lines carry the message")
    {
        const PytestLine l
            = parsePytestLine(QStringLiteral("FAILED tests/a.py::TestA::test_c - AssertionError: 1 != 2"));
        CHECK(l.kind == PytestLine::Result);
        CHECK(l.status == TestStatus::Failed);
        CHECK(l.message == QStringLiteral("AssertionError: 1 != 2"));
        const PytestLine e = parsePytestLine(QStringLiteral("ERROR tests/a.py::test_d - fixture 'db' not found"));
        CHECK(e.status == TestStatus::Error);
        const PytestLine x = parsePytestLine(QStringLiteral("tests/a.py::test_e XFAIL"));
        CHECK(x.status == TestStatus::Skipped); // as pytest's tally counts an xfail
        CHECK(x.expectedFailure);
    }
    SECTION("collection errors")
    {
        const PytestLine l = parsePytestLine(QStringLiteral("ERROR collecting tests/integration/test_auth.py"));
        CHECK(l.kind == PytestLine::CollectionError);
        CHECK(l.nodeId == QStringLiteral("tests/integration/test_auth.py"));
        CHECK(parsePytestLine(QStringLiteral("ERROR tests/integration/test_auth.py")).kind
            == PytestLine::CollectionError);
    }
    SECTION("the final tally")
    {
        const PytestLine l
            = parsePytestLine(QStringLiteral("===== 7 failed, 51 passed, 2 errors, 3 deselected in 51.07s ====="));
        CHECK(l.kind == PytestLine::Tally);
        CHECK(l.failed == 7);
        CHECK(l.passed == 51);
        CHECK(l.errors == 2);
        CHECK(l.deselected == 3);
        CHECK(l.skipped == -1);
        CHECK(l.seconds == Approx(51.07));
    }
    SECTION("prose is nothing")
    {
        CHECK(parsePytestLine(QStringLiteral("We passed the review in time")).kind == PytestLine::Other);
        CHECK(parsePytestLine(QString()).kind == PytestLine::Other);
    }
    SECTION("durations")
    {
        CHECK(parseDuration(QStringLiteral("1.95 seconds")) == Approx(1.95));
        CHECK(parseDuration(QStringLiteral("2m 5s")) == Approx(125));
        CHECK(parseDuration(QStringLiteral("0:01:05")) == Approx(65));
        CHECK(parseDuration(QStringLiteral("500ms")) == Approx(0.5));
        CHECK(parseDuration(QStringLiteral("soon")) < 0);
        CHECK(parseDuration(QStringLiteral("1:02:03")) == Approx(3723));
        CHECK(parseDuration(QStringLiteral("96.42 seconds (1:36)")) == Approx(96.42));
    }
    SECTION("a time of day is no duration")
    {
        CHECK(parseDuration(QStringLiteral("2025-09-12 19:37:33 UTC")) < 0);
        CHECK(parseDuration(QStringLiteral("2025-09-12T19:37:33Z")) < 0);
        CHECK(parseDuration(QStringLiteral("03:04:36 PST")) < 0);
        CHECK(parseDuration(QStringLiteral("7:15:00 pm")) < 0);
        CHECK(parseDuration(QStringLiteral("2025-09-16 05:47:00 - 05:52:00 UTC")) < 0);
        CHECK(parseDuration(QStringLiteral("07:30:00 - 07:45:00")) < 0);
        // The duration beside the times it ran between is read.
        CHECK(parseDuration(QStringLiteral("53 minutes (2025-09-12 12:07:00 - 13:00:00 UTC)")) == Approx(3180));
    }
}
