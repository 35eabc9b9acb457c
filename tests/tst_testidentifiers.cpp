// SPDX-License-Identifier: GPL-3.0-or-later
#include "testidentifiers.h"

#include <catch2/catch.hpp>

using namespace Gapwise;

TEST_CASE("test identifiers: node ids, functions, files", "[identifiers]")
{
    CHECK(isNodeId(QStringLiteral("tests/unit/test_x.py::TestC::test_y")));
    CHECK(isNodeId(QStringLiteral("netra_backend\\tests\\unit\\x.py::T::test_y")));
    CHECK(isNodeId(QStringLiteral("tests/.../x.py::T::t")));
    CHECK(isNodeId(QStringLiteral("TestX::test_y")));
    CHECK(isNodeId(QStringLiteral("tests/test_a.py::test_b[param-1]")));
    CHECK_FALSE(isNodeId(QStringLiteral("tests/test_a.py")));
    CHECK(isTestFunctionName(QStringLiteral("test_something_works")));
    CHECK_FALSE(isTestFunctionName(QStringLiteral("test_something.py")));
    CHECK_FALSE(isTestFunctionName(QStringLiteral("contest_winner")));

    const QStringList found = findTestIdentifiers(
        QStringLiteral("run test_priority1_critical.py (Tests 1-25), then `test_a` and tests/x.py::T::test_b PASSED; "
                       "module app.test_utils.helper is no test"));
    CHECK(found == QStringList { QStringLiteral("test_a"), QStringLiteral("tests/x.py::T::test_b") });

    CHECK(testFunctionOf(QStringLiteral("a.py::T::test_y[1]")) == QStringLiteral("test_y"));
    CHECK(normalisedTestKey(QStringLiteral("tests\\unit\\a.py::T::t")) == QStringLiteral("tests/unit/a.py::T::t"));
    CHECK(normalisedTestKey(QStringLiteral("tests/.../a.py::T::t")) == QStringLiteral("a.py::T::t"));
}
