// SPDX-License-Identifier: GPL-3.0-or-later
// The JUnit builder's string storage (stringarena.h, sharedsuffix.h, byteinterner.h): the strings it hands out
// are ordinary QStrings. Equal to what concatenation gives, null-terminated, independent of one another when
// changed, and still valid after the arena, the whole string or the interner they came from is gone.
#include "byteinterner.h"
#include "sharedsuffix.h"
#include "stringarena.h"

#include <QStringList>

#include <catch2/catch.hpp>

#include <memory>

using namespace Gapwise;

TEST_CASE("String arena: each string is its parts joined, and behaves as its own", "[junit][strings]")
{
    QStringList expected;
    QStringList got;
    {
        StringArena arena;
        for (int i = 0; i < 20000; ++i) { // past several blocks: 4,096 characters up to megabytes
            const QString name = QStringLiteral("tests/unit/test_m%1.py::TestC::test_%2").arg(i % 37).arg(i);
            expected << QLatin1String("unit:") + name;
            got << arena.join({ u"unit", u":", name });
        }
        CHECK(arena.join({ u"", QStringView() }).isNull());
    } // the arena is gone; its strings keep their blocks
    REQUIRE(got == expected);
    for (const QString &s : std::as_const(got))
        REQUIRE(s.utf16()[s.size()] == u'\0');

    // Changing one string (appending, writing a character, clearing) leaves its neighbours as they were.
    got[5].append(QLatin1String("-changed"));
    got[6][0] = QLatin1Char('X');
    got[7].clear();
    got[8].resize(3);
    CHECK(got[4] == expected[4]);
    CHECK(got[5] == expected[5] + QLatin1String("-changed"));
    CHECK(got[6] == QLatin1Char('X') + expected[6].mid(1));
    CHECK(got[7].isEmpty());
    CHECK(got[8] == expected[8].left(3));
    CHECK(got[9] == expected[9]);

    // The last string alive in a block may grow in place over its dead neighbours: it stays right.
    QString last = got[19999];
    got.clear();
    last.append(QString(100000, QLatin1Char('y')));
    CHECK(last == expected[19999] + QString(100000, QLatin1Char('y')));
}

TEST_CASE("String arena: a huge string gets its own block", "[junit][strings]")
{
    StringArena arena;
    const QString huge(1 << 20, QLatin1Char('h'));
    const QString small = arena.join({ u"a" });
    const QString big = arena.join({ u"p:", huge });
    CHECK(small == QLatin1String("a"));
    CHECK(big == QLatin1String("p:") + huge);
    CHECK(arena.join({ u"b" }) == QLatin1String("b"));
}

TEST_CASE("Shared suffix: the tail of a string without a copy", "[junit][strings]")
{
    QString id = QStringLiteral("integration:tests/it/test_api.py::test_get");
    QString name = sharedSuffix(id, 12);
    CHECK(name == QLatin1String("tests/it/test_api.py::test_get"));
    CHECK(name.constData() == id.constData() + 12); // shared, not copied
    CHECK(name.utf16()[name.size()] == u'\0');
    CHECK(sharedSuffix(id, 0) == id);
    CHECK(sharedSuffix(id, id.size()).isEmpty());

    name.append(QLatin1String("[1]")); // detaches: the id is untouched
    CHECK(id == QLatin1String("integration:tests/it/test_api.py::test_get"));
    CHECK(name == QLatin1String("tests/it/test_api.py::test_get[1]"));

    QString other = sharedSuffix(id, 12);
    id = QString(); // the tail outlives the whole
    CHECK(other == QLatin1String("tests/it/test_api.py::test_get"));
    other.prepend(QLatin1String("x/")); // alone in its block now: changed in place or moved, still right
    CHECK(other == QLatin1String("x/tests/it/test_api.py::test_get"));
}

TEST_CASE("Byte interner: equal values share one string, empty ones are null", "[junit][strings]")
{
    auto interner = std::make_unique<ByteInterner>();
    const QString a = interner->intern("tests.unit.test_a.TestC");
    const QString b = interner->intern("tests.unit.test_a.TestC");
    CHECK(a == QLatin1String("tests.unit.test_a.TestC"));
    CHECK(a.constData() == b.constData());
    CHECK(interner->intern("").isNull());
    CHECK(interner->intern(QByteArrayView()).isNull());
    CHECK(interner->intern("caf\xc3\xa9") == QString::fromUtf8("caf\xc3\xa9"));
    QStringList values;
    for (int i = 0; i < 1000; ++i) // more values than entries: evicted ones are converted again, still right
        values << interner->intern(QByteArray(QByteArray("c") + QByteArray::number(i % 300)));
    interner.reset();
    for (int i = 0; i < 1000; ++i)
        REQUIRE(values[i] == QLatin1Char('c') + QString::number(i % 300));
}
