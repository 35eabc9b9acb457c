// SPDX-License-Identifier: GPL-3.0-or-later
#include "selectedrows.h"

#include <QItemSelectionModel>
#include <QSet>

QModelIndexList selectedRowsOf(const QItemSelectionModel *selectionModel)
{
    QModelIndexList rows;
    const QAbstractItemModel *model = selectionModel->model();
    if (!model)
        return rows;
    QSet<QModelIndex> seen; // the current selection and the stored ranges may overlap
    const QItemSelection selection = selectionModel->selection();
    for (const QItemSelectionRange &range : selection) {
        if (!range.isValid())
            continue;
        const QModelIndex parent = range.parent();
        for (int row = range.top(); row <= range.bottom(); ++row) {
            const QModelIndex index = model->index(row, 0, parent);
            if (!seen.contains(index)) {
                seen.insert(index);
                rows << index;
            }
        }
    }
    return rows;
}
