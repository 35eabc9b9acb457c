// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QModelIndexList>

class QItemSelectionModel;

// The selected rows (column 0) of a view that selects whole rows, read straight from the selection's
// ranges. QItemSelectionModel::selectedRows() asks isRowSelected() for every row, which walks every range:
// 1,000 ctrl-clicked tests cost a million range checks there, a thousand here.
QModelIndexList selectedRowsOf(const QItemSelectionModel *selectionModel);
