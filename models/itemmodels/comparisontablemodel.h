// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "comparisondigest.h"

#include <QAbstractTableModel>

namespace Gapwise {

// The changed tests of a comparison as a table: one row per test, the change class first so a proxy can
// filter on it (ChangeKeyRole holds "new-failure", "fixed", ...). Replaced whole when a comparison opens;
// updated in place (dataChanged) when triage edits change its rows' gaps.
class ComparisonTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Columns
    {
        ChangeColumn,
        TestColumn,
        PhaseColumn,
        GapColumn,
        BeforeColumn,
        NowColumn,
        ColumnCount
    };
    // SortRole: the change class in its order of importance (new failures first), else the text.
    enum Roles
    {
        ChangeKeyRole = Qt::UserRole + 100,
        SortRole
    };

    explicit ComparisonTableModel(QObject *parent = nullptr);

    void setDigest(const ComparisonDigest &digest);
    // The same comparison after triage edits: the same rows, some in another gap. Signals dataChanged for
    // the rows that changed, so views keep their selection and scroll position; a digest with other rows
    // is set whole (setDigest).
    void updateDigest(const ComparisonDigest &digest);
    const ComparisonDigest &digest() const { return m_digest; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    ComparisonDigest m_digest;
};

} // namespace Gapwise
