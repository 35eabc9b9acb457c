// SPDX-License-Identifier: GPL-3.0-or-later
#include "testidentifiers.h"
#include "testsupport.h"

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

    // A folder named like a test is part of a path ("test_framework/ssot/e2e_auth_helper.py", corpus 0460).
    CHECK(findTestIdentifiers(QStringLiteral("`test_framework/ssot/e2e_auth_helper.py` and test_support\\db.py help "
                                             "test_login"))
        == QStringList { QStringLiteral("test_login") });

    CHECK(testFunctionOf(QStringLiteral("a.py::T::test_y[1]")) == QStringLiteral("test_y"));
    CHECK(normalisedTestKey(QStringLiteral("tests\\unit\\a.py::T::t")) == QStringLiteral("tests/unit/a.py::T::t"));
    CHECK(normalisedTestKey(QStringLiteral("tests/.../a.py::T::t")) == QStringLiteral("a.py::T::t"));
}

TEST_CASE("a path whose folder is named like a test is no test in a Markdown report", "[identifiers][markdown]")
{
    const Report r = TestSupport::importBytesOrFail(
        QByteArrayLiteral("# Run\n\n## Unit Tests\n\n- `tests/unit/test_a.py::test_one` PASSED\n\n"
                          "## Root Cause Analysis\n\n### Issue 1: Auth helper missing\n\n"
                          "- `test_framework/ssot/e2e_auth_helper.py` provides SSOT patterns\n"));
    REQUIRE(TestSupport::testNames(r) == QStringList { QStringLiteral("tests/unit/test_a.py::test_one") });
}
