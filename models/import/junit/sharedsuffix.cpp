// SPDX-License-Identifier: GPL-3.0-or-later
#include "sharedsuffix.h"

namespace Gapwise {

QString sharedSuffix(const QString &text, qsizetype from)
{
    if (from <= 0)
        return text;
    if (from >= text.size())
        return QString(); // not shared: an empty tail keeps no block alive
    QString::DataPointer tail = text.data_ptr(); // a reference more on the block
    tail.ptr += from;
    tail.size -= from;
    return QString(std::move(tail));
}

} // namespace Gapwise
