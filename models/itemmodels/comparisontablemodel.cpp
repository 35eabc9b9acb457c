// SPDX-License-Identifier: GPL-3.0-or-later
#include "comparisontablemodel.h"

#include "displaytext.h"
#include "statuspalette.h"

#include <QBrush>
#include <QColor>

namespace Gapwise {

ComparisonTableModel::ComparisonTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void ComparisonTableModel::setDigest(const ComparisonDigest &digest)
{
    beginResetModel();
    m_digest = digest;
    endResetModel();
}

int ComparisonTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_digest.tests.size());
}

int ComparisonTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ComparisonTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ChangedTest &t = m_digest.tests[index.row()];
    if (role == ChangeKeyRole)
        return changeClassKey(t.change);
    if (role == SortRole && index.column() == ChangeColumn)
        return int(t.change);
    if (role == SortRole)
        role = Qt::DisplayRole;
    if (role == Qt::ForegroundRole && index.column() == ChangeColumn) {
        const QColor c = changeColor(t.change);
        return c.isValid() ? QVariant(QBrush(c)) : QVariant();
    }
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    switch (index.column()) {
    case ChangeColumn:
        return changeClassName(t.change);
    case TestColumn:
        return role == Qt::DisplayRole ? onOneLine(t.name) : t.name; // a table row has one line
    case PhaseColumn:
        return t.phase;
    case GapColumn:
        return t.gap;
    case BeforeColumn:
        return t.inOld ? statusName(t.oldStatus) : QStringLiteral("—");
    case NowColumn:
        return t.inNew ? statusName(t.newStatus) : QStringLiteral("—");
    default:
        break;
    }
    return {};
}

QVariant ComparisonTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    static const char *const titles[] = { "Change", "Test", "Phase", "Gap", "Before", "Now" };
    return section >= 0 && section < ColumnCount ? tr(titles[section]) : QVariant();
}

} // namespace Gapwise
