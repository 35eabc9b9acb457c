// SPDX-License-Identifier: GPL-3.0-or-later
#include "testnameparts.h"

namespace Gapwise {

namespace {

    // The part of `name` that may hold separators: everything before a trailing "[...]" parametrisation.
    int unparametrisedLength(const QString &name)
    {
        if (!name.endsWith(QLatin1Char(']')))
            return int(name.size());
        int depth = 0;
        for (int i = int(name.size()) - 1; i >= 0; --i) {
            if (name[i] == QLatin1Char(']'))
                ++depth;
            else if (name[i] == QLatin1Char('[') && --depth == 0)
                return i;
        }
        return int(name.size());
    }

    TestNameParts splitAt(const QString &name, int at, int separatorLength)
    {
        TestNameParts parts { name.mid(at + separatorLength).trimmed(), name.left(at).trimmed() };
        if (parts.own.isEmpty())
            return { name, QString() };
        if (parts.context == parts.own) // jest-junit writes the title as class and name: nothing to add
            parts.context.clear();
        return parts;
    }

} // namespace

TestNameParts splitTestName(const QString &name)
{
    const int head = unparametrisedLength(name);
    const QStringView searchable = QStringView(name).left(head);
    if (const int at = int(searchable.lastIndexOf(QLatin1String("::"))); at > 0)
        return splitAt(name, at, 2);
    for (const QString &sep : { QStringLiteral(" \u203a "), QStringLiteral(" > ") }) {
        if (const int at = int(searchable.lastIndexOf(sep)); at > 0)
            return splitAt(name, at, int(sep.size()));
    }
    if (!searchable.contains(QLatin1Char(' '))) {
        if (const int at = int(searchable.lastIndexOf(QLatin1Char('/'))); at > 0 && at < head - 1)
            return splitAt(name, at, 1);
    }
    return { name, QString() };
}

} // namespace Gapwise
