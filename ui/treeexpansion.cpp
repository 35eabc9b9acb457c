// SPDX-License-Identifier: GPL-3.0-or-later
#include "treeexpansion.h"

#include <QHeaderView>
#include <QTreeView>

#include <utility>

int expandToFit(QTreeView *tree, int rowBudget)
{
    const QAbstractItemModel *model = tree->model();
    if (!model)
        return 0;
    QModelIndexList level;
    for (int r = 0; r < model->rowCount(); ++r)
        level << model->index(r, 0);
    int shown = int(level.size());
    while (!level.isEmpty()) {
        QModelIndexList next;
        for (const QModelIndex &group : std::as_const(level)) {
            const int children = model->rowCount(group);
            if (children == 0)
                continue;
            if (shown + children > rowBudget)
                return shown; // in order: a later, smaller group does not jump ahead of this one
            tree->expand(group);
            shown += children;
            for (int r = 0; r < children; ++r) {
                const QModelIndex child = model->index(r, 0, group);
                if (model->hasChildren(child))
                    next << child;
            }
        }
        level = next;
    }
    return shown;
}

int rowsThatFit(const QTreeView *tree, int minimum)
{
    const int rowHeight = qMax(1, tree->fontMetrics().height() + 4);
    const int height = tree->viewport()->height() - (tree->header()->isVisible() ? 0 : tree->header()->height());
    return qMax(minimum, height / rowHeight);
}
