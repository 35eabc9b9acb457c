// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLocale>
#include <QString>

namespace Gapwise {

// A count with its noun ("1 error", "3 errors", "1,236 errors") in one call, so that no text says "1 errors" and
// every count in one text groups its digits the same way. `one` and `many` each hold %1 for the number (tr()
// strings in the window, so that a translation may put it elsewhere). A negative count is one the report did not
// state: "– errors".
inline QString countText(qint64 n, const QString &one, const QString &many, const QLocale &locale = QLocale())
{
    if (n < 0)
        return many.arg(QStringLiteral("–"));
    return (n == 1 ? one : many).arg(locale.toString(n));
}

} // namespace Gapwise
