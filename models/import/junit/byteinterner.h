// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <array>

namespace Gapwise {

// Attribute values that repeat across testcases (classname, file): each distinct value is converted from UTF-8
// once and every testcase gets a copy of the same QString (one block, shared), so nothing is allocated per
// testcase and later code can tell equal values by their shared characters. A small cache of two entries per
// set, the older one replaced: a pytest file cycles through a module's few classes, Surefire through one class
// at a time. (Direct-mapped, two of a module's seven classes fell on one entry about every third module and
// then evicted each other at every testcase: converted again, and a new string for the namer to look up.)
class ByteInterner
{
public:
    // The value as a string; a null string for an empty or absent value.
    const QString &intern(QByteArrayView bytes);

private:
    struct Entry
    {
        QByteArray bytes;
        QString text;
    };
    struct Set
    {
        Entry entries[2];
        int older = 0; // the entry replaced next
    };
    static constexpr int Sets = 64;
    std::array<Set, Sets> m_sets;
    const QString m_null;
};

} // namespace Gapwise
