// SPDX-License-Identifier: GPL-3.0-or-later
// The JUnit reader's `time` parser (junitseconds.h) gives, for every text, what Qt's conversion gave before
// it: the same double to the bit, -1 where that was not a number or negative. And the builder's byte hash
// (bytehash.h) reads exactly its bytes and tells near-identical ids apart.
#include "bytehash.h"
#include "junitseconds.h"

#include <QByteArray>
#include <QRandomGenerator>
#include <QSet>
#include <QStringList>

#include <catch2/catch.hpp>

#include <cstring>

using namespace Gapwise;

namespace {

// What the reader did before junitseconds.h: the reference.
double qtSeconds(QByteArrayView text)
{
    bool ok = false;
    const double s = text.trimmed().toDouble(&ok);
    return ok && s >= 0 ? s : -1.0;
}

// The same bits: equal values, and 0.0 not -0.0.
bool sameDouble(double a, double b)
{
    quint64 x = 0, y = 0;
    std::memcpy(&x, &a, sizeof a);
    std::memcpy(&y, &b, sizeof b);
    return x == y;
}

} // namespace

TEST_CASE("JUnit time: the same seconds as Qt's conversion, to the bit, for written and odd forms", "[junit][numbers]")
{
    const char *const texts[] = { "", " ", "0", "0.0", "0.000", "00.5", "1", "12", "0.004", "0.1", "0.2", "0.3",
        "1.7976931348623157", "123456.789012", "0.000000000000000000001", "0.0000000000000000000001",
        "0.00000000000000000000001", "9007199254740992", "9007199254740993", "9007199254740992.5",
        "99999999999999999999", "1234567890123456789", "12345678901234567890", "3.14159265358979323846",
        "0.30000000000000004", "5e-324", "1e3", "1E3", "1.5e2", " 1.5", "1.5 ", "\t2\n", "+1.5", "-1.5", "-0", "-0.0",
        "-345345", "1.", ".5", ".", "1..2", "1.2.3", "1,5", "0x10", "inf", "-inf", "+inf", "nan", "NaN", "Infinity",
        "1e400", "1e-400", "abc", "1.5s", "12:30", "\u00a01", "1_000", "٣" };
    for (const char *text : texts) {
        INFO("time=\"" << text << '"');
        CHECK(sameDouble(junitSeconds(text), qtSeconds(text)));
    }
}

TEST_CASE("JUnit time: random decimals and near-decimals give what Qt's conversion gives", "[junit][numbers]")
{
    QRandomGenerator rng(19);
    const char alphabet[] = "0123456789012345678901234567890123456789..  e-+";
    int mismatches = 0;
    for (int i = 0; i < 200000; ++i) {
        QByteArray text;
        const int length = int(rng.bounded(1, 26));
        // Mostly digits with at most one point (what runners write), sometimes anything from the alphabet.
        const bool plain = rng.bounded(4) != 0;
        const int point = plain ? int(rng.bounded(-1, length)) : -1;
        for (int k = 0; k < length; ++k) {
            if (k == point)
                text += '.';
            else if (plain)
                text += char('0' + rng.bounded(10));
            else
                text += alphabet[rng.bounded(int(sizeof alphabet) - 1)];
        }
        if (!sameDouble(junitSeconds(text), qtSeconds(text))) {
            ++mismatches;
            UNSCOPED_INFO("time=\"" << text.constData() << "\": " << junitSeconds(text) << " vs " << qtSeconds(text));
        }
    }
    CHECK(mismatches == 0);
}

TEST_CASE(
    "Byte hash: reads its bytes only, the same every time, and ids one character apart differ", "[junit][numbers]")
{
    // Every length around the 8-byte steps, with other bytes around it in memory: only its own are read.
    const QByteArray text = "unit:tests/unit/test_module_0042.py::TestC3::test_case_004242_behaves";
    for (int length = 0; length <= text.size(); ++length) {
        QByteArray copy = text.left(length) + "#######";
        QByteArray other = text.left(length) + "*******";
        CHECK(byteHash(copy.constData(), std::size_t(length)) == byteHash(other.constData(), std::size_t(length)));
        CHECK(byteHash(copy.constData(), std::size_t(length)) == byteHash(text.constData(), std::size_t(length)));
    }
    // 100,000 ids as the synthetic benchmark names them: next to no two share a hash, nor the low bits a table
    // of 2^18 slots uses (those decide how far it probes).
    QSet<quint32> hashes;
    QSet<quint32> lowBits;
    for (int i = 0; i < 100000; ++i) {
        const QString id = QStringLiteral("unit:tests/unit/test_module_%1.py::TestC%2::test_case_%3_behaves")
                               .arg(i / 200, 4, 10, QLatin1Char('0'))
                               .arg(i % 7)
                               .arg(i, 6, 10, QLatin1Char('0'));
        const quint32 h = byteHash(id.utf16(), std::size_t(id.size()) * 2);
        hashes.insert(h);
        lowBits.insert(h & ((1U << 18) - 1));
    }
    CHECK(hashes.size() >= 99990);
    // 100,000 random values over 262,144 slots fill about 83,000 of them (1 - e^-0.38 of the slots, times the
    // slots): a hash that clusters fills far fewer.
    CHECK(lowBits.size() > 80000);
}
