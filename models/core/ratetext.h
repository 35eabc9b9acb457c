// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace Gapwise {

// A failure rate (0..1) as a percentage with `decimals` places, never rounded to a value that is not true:
// 2 failures in 4,142 tests read "<0.1%", not "0.0%"; 4,141 of 4,142 read ">99.9%", not "100.0%".
inline QString percentText(double fraction, int decimals = 1)
{
    const double percent = fraction * 100;
    double step = 1;
    for (int i = 0; i < decimals; ++i)
        step /= 10;
    if (percent > 0 && percent < step / 2)
        return QStringLiteral("<%1%").arg(step, 0, 'f', decimals);
    if (percent < 100 && percent > 100 - step / 2)
        return QStringLiteral(">%1%").arg(100 - step, 0, 'f', decimals);
    return QStringLiteral("%1%").arg(percent, 0, 'f', decimals);
}

} // namespace Gapwise
