// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "report.h"

#include <QStringView>
#include <QVector>

namespace Gapwise {

// Which test of a report has an id, while the JUnit builder adds them: one test in a million is a rerun
// or a namesake, every other one is new. An open-addressing table of (hash, test index) pairs, 8 bytes a
// slot, that compares ids only where the hashes agree: a QHash<QString, int> reads each probed key's
// characters (a cache miss per probe on a million tests) and costs 40 bytes a test.
class TestIdIndex
{
public:
    explicit TestIdIndex(const QVector<TestCase> &tests)
        : m_tests(tests)
    {
    }

    void reserve(qsizetype count);
    // The hash the table files `id` under: computed once, passed to find() and insert().
    static quint32 hashOf(QStringView id);
    // The index of the test whose id this is, or -1.
    int find(QStringView id) const { return find(id, hashOf(id)); }
    int find(QStringView id, quint32 hash) const;
    // Adds tests[index] under its id, which no indexed test has.
    void insert(int index) { insert(index, hashOf(m_tests[index].id)); }
    void insert(int index, quint32 hash);
    // Starts fetching where find() and insert() will look for this hash, so that they, a little later, wait less.
    void prefetch(quint32 hash) const
    {
        if (!m_slots.isEmpty())
            __builtin_prefetch(m_slots.constData() + (hash & quint32(m_slots.size() - 1)));
    }
    void clear(); // keeps the room
    void release(); // frees it

private:
    struct Slot
    {
        quint32 hash;
        qint32 index; // -1: empty
    };
    void rehash(qsizetype slotCount);
    void place(quint32 hash, int index);

    const QVector<TestCase> &m_tests;
    QVector<Slot> m_slots; // a power of two, at most half full
    qsizetype m_count = 0;
};

} // namespace Gapwise
