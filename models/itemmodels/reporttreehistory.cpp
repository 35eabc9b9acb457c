// SPDX-License-Identifier: GPL-3.0-or-later
// ReportTreeModel with a run history: the History column (a test's strip of last runs, a flaky or new marker,
// since when it fails).
#include "reporttreemodel.h"

#include <QColor>

namespace Gapwise {

void ReportTreeModel::setHistory(std::shared_ptr<const TestHistoryMarks> history)
{
    // Marks made for another report (the history of a report since replaced) would name the wrong tests.
    if (history && history->size() != int(report().tests.size()))
        history.reset();
    if (!history && !m_history)
        return;
    m_history = std::move(history);
    Q_EMIT historyChanged();
    emitColumnChanged(HistoryColumn,
        { Qt::DisplayRole, SortRole, Qt::ToolTipRole, Qt::ForegroundRole, HistoryStripRole, HistoryMarksRole });
}

// One dataChanged per parent (top level, each group's children): the structure does not change.
void ReportTreeModel::emitColumnChanged(int column, const QVector<int> &roles)
{
    if (m_tree.roots.empty())
        return;
    Q_EMIT dataChanged(index(0, column), index(int(m_tree.roots.size()) - 1, column), roles);
    for (const auto &top : m_tree.roots) {
        const QModelIndex topIndex = indexOfGroup(top.get());
        if (!top->children.empty())
            Q_EMIT dataChanged(
                index(0, column, topIndex), index(int(top->children.size()) - 1, column, topIndex), roles);
        for (const auto &mid : top->children) {
            if (!mid->tests.empty()) {
                const QModelIndex midIndex = indexOfGroup(mid.get());
                Q_EMIT dataChanged(
                    index(0, column, midIndex), index(int(mid->tests.size()) - 1, column, midIndex), roles);
            }
        }
    }
}

QVariant ReportTreeModel::historyData(const QModelIndex &index, int role) const
{
    const int test = testIndexAt(index);
    if (!m_history || test < 0 || test >= m_history->size())
        return {};
    const unsigned marks = m_history->marksOf(test);
    switch (role) {
    case HistoryStripRole:
        return m_history->strip(test);
    case HistoryMarksRole:
        return marks;
    case Qt::DisplayRole:
        // The marker beside the strip: what a triager acts on differently.
        return (marks & TestHistoryMarks::FlakyMark) ? tr("flaky")
            : (marks & TestHistoryMarks::NewMark)    ? tr("new")
            : (marks & TestHistoryMarks::KnownMark)  ? tr("known")
                                                     : QString();
    case Qt::ForegroundRole:
        if (marks & TestHistoryMarks::FlakyMark)
            return QColor(0xef, 0x6c, 0x00);
        if (marks & TestHistoryMarks::NewMark)
            return QColor(0xc6, 0x28, 0x28);
        if (marks & TestHistoryMarks::KnownMark)
            return QColor(0x61, 0x61, 0x61); // the dock's "known" badge
        return {};
    case Qt::ToolTipRole:
        return m_history->toolTips.value(test);
    case SortRole:
        // New failures, then flaky tests, then regressions, then the rest; by failures in the strip within.
        // A known failure sorts as the failures around it: its mark only says why it is not new.
        return int(marks & ~unsigned(TestHistoryMarks::KnownMark)) * 1000
            + int(m_history->strip(test).count(QLatin1Char('F')));
    default:
        return {};
    }
}

} // namespace Gapwise
