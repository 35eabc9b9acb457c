// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <array>

namespace Gapwise {

// Attribute values that repeat across testcases (classname, file): each distinct value is converted from UTF-8
// once and every testcase gets a copy of the same QString (one block, shared), so nothing is allocated per
// testcase and later code can tell equal values by their shared characters. A small direct-mapped cache: a
// pytest file cycles through a module's few classes, Surefire through one class at a time.
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
    static constexpr int Entries = 64;
    std::array<Entry, Entries> m_entries;
    const QString m_null;
};

} // namespace Gapwise
