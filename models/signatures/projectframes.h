// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>

namespace Gapwise {

// The innermost frames of the project's own code in a failure's trace, at most two, innermost first, as
// "module:function" without line numbers: Python tracebacks, pytest's long format, Java's "at …(…)". Test
// code (tests differ, the code under test is what fails in the same place) and library, runner and runtime
// frames are left out (docs/junit.md, "Frames").
QStringList projectFrames(const QStringList &lines);

} // namespace Gapwise
