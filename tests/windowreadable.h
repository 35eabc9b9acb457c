// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>

class MainWindow;
class QModelIndex;
class QTreeView;

namespace TestSupport {

// The width TestNameDelegate has for a name in `index`'s cell: the style's text rect less a margin either side.
int nameTextRoom(const QTreeView *tree, const QModelIndex &index);
// The test rows the tree shows (in expanded groups) whose own name (splitTestName().own, what the Name column
// keeps whole) is wider than its cell, each as "name: needs N px, has M px"; `checked` counts the rows looked at.
QStringList clippedTestNames(const QTreeView *tree, int *checked = nullptr);
// The phase and gap chart labels that are elided (end in an ellipsis).
QStringList elidedChartLabels(const MainWindow &window);

} // namespace TestSupport
