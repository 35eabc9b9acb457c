// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "enums.h"
#include "runcomparison.h"

#include <QColor>
#include <QFont>
#include <QIcon>

namespace Gapwise {

// Semantic colours shared by the tree and the charts. Mid-saturation so they read on light and dark bases.
QColor statusColor(TestStatus status);
QColor priorityColor(Priority priority);
// A test's change since the last run, in the tree's Change column and the comparison table alike: new
// failures red, fixed and newly passing green, still failing amber; invalid (the view's default) otherwise.
QColor changeColor(ChangeClass change);
// Small filled discs, built once per status (QIcon is implicitly shared, so handing it out copies nothing).
QIcon statusIcon(TestStatus status);

// How the tree shows what Gapwise proposed and the engineer has not accepted yet: italic.
QFont suggestionFont();

// Rank for sorting and "worst status below": failing first.
int statusSeverityRank(TestStatus status);

} // namespace Gapwise
