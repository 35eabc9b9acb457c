// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QSize>

class MainWindow;

namespace TestSupport {

// Shows `window` as on a first run (no layout saved by an earlier window) at `size`, its "save changes?"
// answered Discard, and waits until it is exposed; false when it never is.
bool showFirstRun(MainWindow &window, const QSize &size);

} // namespace TestSupport
