// SPDX-License-Identifier: GPL-3.0-or-later
#include "ratetext.h"

#include <catch2/catch.hpp>

using Gapwise::percentText;

TEST_CASE("Failure rates are never rounded to something untrue", "[ratetext]")
{
    CHECK(percentText(0.0) == QStringLiteral("0.0%"));
    CHECK(percentText(2.0 / 4142) == QStringLiteral("<0.1%")); // 0.048%: "0.0%" would say nothing fails
    CHECK(percentText(6.0 / 36) == QStringLiteral("16.7%"));
    CHECK(percentText(4141.0 / 4142) == QStringLiteral(">99.9%")); // "100.0%" would say everything fails
    CHECK(percentText(1.0) == QStringLiteral("100.0%"));
    CHECK(percentText(2.0 / 4142, 0) == QStringLiteral("<1%"));
    CHECK(percentText(0.5, 0) == QStringLiteral("50%"));
    CHECK(percentText(0.996, 0) == QStringLiteral(">99%"));
}
