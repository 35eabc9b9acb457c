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

void ComparisonTableModel::updateDigest(const ComparisonDigest &digest)
{
    const auto sameRows = [&] {
        if (digest.tests.size() != m_digest.tests.size())
            return false;
        for (int row = 0; row < digest.tests.size(); ++row) {
            if (digest.tests[row].id != m_digest.tests[row].id
                || digest.tests[row].change != m_digest.tests[row].change)
                return false;
        }
        return true;
    };
    if (!sameRows()) {
        setDigest(digest);
        return;
    }
    QVector<int> changed;
    for (int row = 0; row < digest.tests.size(); ++row) {
        const ChangedTest &a = digest.tests[row];
        const ChangedTest &b = m_digest.tests[row];
        if (a.gap != b.gap || a.phase != b.phase || a.name != b.name || a.oldStatus != b.oldStatus
            || a.newStatus != b.newStatus)
            changed.append(row);
    }
    m_digest = digest;
    // One signal per run of adjacent rows: moving a gap's thousands of tests is a few signals, not thousands.
    for (int i = 0; i < changed.size();) {
        int j = i;
        while (j + 1 < changed.size() && changed[j + 1] == changed[j] + 1)
            ++j;
        Q_EMIT dataChanged(index(changed[i], 0), index(changed[j], ColumnCount - 1));
        i = j + 1;
    }
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
