// SPDX-License-Identifier: GPL-3.0-or-later
// The JUnit builder's id index (testidindex.h): every id inserted is found at its test, through growth from
// empty and after clear(); ids never inserted, and ids that differ in one character, are not.
#include "testidindex.h"

#include <catch2/catch.hpp>

using namespace Gapwise;

TEST_CASE("Test id index finds each test by its id, across growth and clearing", "[junit][index]")
{
    QVector<TestCase> tests;
    TestIdIndex index(tests);
    CHECK(index.find(u"unit:anything") == -1); // empty, never sized

    constexpr int Count = 5000; // from 16 slots up: a dozen rehashes
    for (int i = 0; i < Count; ++i) {
        TestCase t;
        t.id = QStringLiteral("unit:tests/test_m%1.py::test_%2").arg(i % 37).arg(i);
        tests.append(t);
        index.insert(i);
    }
    int found = 0;
    for (int i = 0; i < Count; ++i)
        found += index.find(tests[i].id) == i;
    CHECK(found == Count);
    CHECK(index.find(u"unit:tests/test_m0.py::test_5000") == -1);
    CHECK(index.find(QString(tests[7].id).append(QLatin1Char('x'))) == -1);
    CHECK(index.find(QString(tests[7].id).chopped(1)) == -1);

    // Cleared, the same room holds other ids; the old ones are gone.
    index.clear();
    CHECK(index.find(tests[0].id) == -1);
    tests[0].id = QStringLiteral("integration:renamed");
    index.insert(0);
    CHECK(index.find(u"integration:renamed") == 0);
    CHECK(index.find(tests[1].id) == -1);

    index.release();
    CHECK(index.find(u"integration:renamed") == -1);
    index.reserve(100);
    index.insert(0);
    CHECK(index.find(u"integration:renamed") == 0);
}
