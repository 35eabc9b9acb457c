// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFont>
#include <QString>

namespace Gapwise {

// A line quoted from a report as `font` can draw it: a status emoji that no installed font has a glyph for
// ("❌", "✅", "⏭️" on a system without an emoji font) reads as a text mark ("✗", "✓", "⏭") or, where even
// that has no glyph, as ASCII ("[x]"), instead of an empty box. Everything else is kept as it is. GUI thread
// only (it lays text out to ask for glyphs, with Qt's font fallback).
QString withDrawableStatusMarks(const QString &text, const QFont &font);

} // namespace Gapwise
