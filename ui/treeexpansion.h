// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

class QTreeView;

// Opens a tree's groups breadth-first while the rows they reveal fit in `rowBudget`: the top-level groups
// in view order, then their sub-groups. A failures-first tree so shows its failing tests on the first
// screen without burying them under an expanded 20,000-test gap. Returns the rows now shown.
int expandToFit(QTreeView *tree, int rowBudget);

// Rows of the tree's current height (at least `minimum`, for a view not laid out yet).
int rowsThatFit(const QTreeView *tree, int minimum = 24);
