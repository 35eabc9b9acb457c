// SPDX-License-Identifier: GPL-3.0-or-later
#include "displaytext.h"

#include <QCoreApplication>

namespace Gapwise {

QString cutForDisplay(const QString &text, int limit)
{
    if (text.size() <= limit)
        return text;
    const int cut = text.at(limit - 1).isHighSurrogate() ? limit - 1 : limit;
    return text.left(cut)
        + QCoreApplication::translate(
            "DisplayText", "… (%Ln more characters not shown)", nullptr, int(text.size() - cut));
}

} // namespace Gapwise
