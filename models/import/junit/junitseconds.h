// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArrayView>

namespace Gapwise {

// A JUnit `time` attribute in seconds, or -1 when it is absent, not a number or negative (Jenkins has
// "-345345" in its corpus: a duration is never negative). Exactly what QByteArrayView::trimmed().toDouble()
// gives: the plain decimals every test runner writes ("0.004", "12") take a short exact path, everything else
// (spaces, signs, exponents, long or odd forms) is left to Qt. One in every testcase: it showed in profiles.
double junitSeconds(QByteArrayView text);

} // namespace Gapwise
