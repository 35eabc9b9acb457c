// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QColor>

// The colour `t` of the way from `from` to `to` (0: from, 1: to). Dimmed text and tinted panels are made this
// way from the palette's own colours, so they stay readable in light and dark themes.
inline QColor blend(const QColor &from, const QColor &to, double t)
{
    return QColor::fromRgbF(from.redF() + (to.redF() - from.redF()) * t,
        from.greenF() + (to.greenF() - from.greenF()) * t, from.blueF() + (to.blueF() - from.blueF()) * t);
}
