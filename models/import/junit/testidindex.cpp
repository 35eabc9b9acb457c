// SPDX-License-Identifier: GPL-3.0-or-later
#include "testidindex.h"
#include "bytehash.h"
#include "hugepages.h"

namespace Gapwise {
quint32 TestIdIndex::hashOf(QStringView id)
{
    return byteHash(
        id.utf16(), std::size_t(id.size()) * sizeof(char16_t)); // the table's layout is the same in every run
}

void TestIdIndex::reserve(qsizetype count)
{
    qsizetype slotCount = 16;
    while (slotCount < 2 * count)
        slotCount *= 2;
    if (slotCount > m_slots.size())
        rehash(slotCount);
}

int TestIdIndex::find(QStringView id, quint32 hash) const
{
    if (m_slots.isEmpty())
        return -1;
    const qsizetype mask = m_slots.size() - 1;
    for (qsizetype i = hash & mask;; i = (i + 1) & mask) {
        const Slot &slot = m_slots[i];
        if (slot.index < 0)
            return -1;
        if (slot.hash == hash && m_tests[slot.index].id == id)
            return slot.index;
    }
}

void TestIdIndex::insert(int index, quint32 hash)
{
    if (2 * (m_count + 1) > m_slots.size())
        rehash(qMax<qsizetype>(16, 2 * m_slots.size()));
    place(hash, index);
    ++m_count;
}

void TestIdIndex::clear()
{
    m_slots.fill(Slot { 0, -1 });
    m_count = 0;
}

void TestIdIndex::release()
{
    m_slots = QVector<Slot>();
    m_count = 0;
}

void TestIdIndex::rehash(qsizetype slotCount)
{
    const QVector<Slot> old = std::move(m_slots);
    m_slots = QVector<Slot>();
    m_slots.reserve(slotCount);
    adviseHugePages(m_slots.constData(), qint64(slotCount) * qint64(sizeof(Slot)));
    m_slots.resize(slotCount, Slot { 0, -1 });
    for (const Slot &slot : old) {
        if (slot.index >= 0)
            place(slot.hash, slot.index);
    }
}

void TestIdIndex::place(quint32 hash, int index)
{
    const qsizetype mask = m_slots.size() - 1;
    for (qsizetype i = hash & mask;; i = (i + 1) & mask) {
        if (m_slots[i].index < 0) {
            m_slots[i] = Slot { hash, index };
            return;
        }
    }
}

} // namespace Gapwise
