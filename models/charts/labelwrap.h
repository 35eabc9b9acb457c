// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

class QFontMetrics;

namespace Gapwise {

// Breaks a label into at most `lines` lines of at most `width` pixels ("Integration Tests" / "(Non-Docker)")
// joined with '\n', as chart tick labels and PDF table cells take them. Breaks at a space where one fits,
// else after '/', '.', '_', ':', '-', ',' inside an identifier, and mid-word only when nothing else fits. Where
// that leaves more than `lines` lines, each line takes all that fits ("Integration" / "Tests (Non-" /
// "Docker)"); only what does not fit in `lines` lines even so is elided, at the end of the last one. `elided`,
// where given, says whether it was: a label's own "…" is not a sign of it.
QString wrapLabel(const QString &text, const QFontMetrics &metrics, int width, int lines = 2, bool *elided = nullptr);

// The width of the widest piece of `text` that wrapLabel has no place to break inside (a word, or a part of an
// identifier between its marks): a line narrower than that cuts it between two letters.
int widestUnbreakable(const QString &text, const QFontMetrics &metrics);

} // namespace Gapwise
