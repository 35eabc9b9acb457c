// SPDX-License-Identifier: GPL-3.0-or-later
#include "chartdataadapter.h"
#include "reporttreemodel.h"

#include <QTimer>

#include <utility>

namespace Gapwise {

ChartDataAdapter::ChartDataAdapter(ReportTreeModel *model, QObject *parent)
    : QObject(parent)
    , m_model(model)
{
    connect(model, &QAbstractItemModel::modelReset, this, &ChartDataAdapter::recompute);
    connect(model, &QAbstractItemModel::dataChanged, this, &ChartDataAdapter::scheduleRecompute);
    connect(model, &QAbstractItemModel::rowsMoved, this, &ChartDataAdapter::scheduleRecompute);
    connect(model, &QAbstractItemModel::rowsInserted, this, &ChartDataAdapter::scheduleRecompute);
    connect(model, &QAbstractItemModel::rowsRemoved, this, &ChartDataAdapter::scheduleRecompute);
    connect(model, &QAbstractItemModel::layoutChanged, this, &ChartDataAdapter::scheduleRecompute); // bulk moves
    connect(model, &ReportTreeModel::gapAssignmentsAboutToChange, this, [this] { m_followingAssignments = true; });
    connect(model, &ReportTreeModel::gapAssignmentsChanged, this, &ChartDataAdapter::followGapAssignments);
    recompute();
}

int ChartDataAdapter::phaseBarIndex(const QString &phaseId) const
{
    for (int i = 0; i < m_phaseBars.size(); ++i) {
        if (m_phaseBars[i].phaseId == phaseId)
            return i;
    }
    return -1;
}

int ChartDataAdapter::gapBarIndex(const QString &gapId) const
{
    return m_gapRowById.value(gapId, -1);
}

void ChartDataAdapter::scheduleRecompute()
{
    if (m_pending || m_followingAssignments) // the row signals of a move: followGapAssignments counts it
        return;
    m_pending = true;
    QTimer::singleShot(0, this, [this] {
        if (m_pending)
            recompute();
    });
}

void ChartDataAdapter::recompute()
{
    m_pending = false;
    m_phaseBars = phaseChartData(m_model->report());
    m_gapData = gapChartData(m_model->report());
    indexTests();
    emit changed();
}

void ChartDataAdapter::indexTests()
{
    m_gapRowById.clear();
    for (int i = 0; i < m_gapData.gaps.size(); ++i)
        m_gapRowById.insert(m_gapData.gaps[i].gapId, i);
    QHash<QString, int> column;
    for (int i = 0; i < m_gapData.phaseIds.size(); ++i)
        column.insert(m_gapData.phaseIds[i], i);
    const QVector<TestCase> &tests = m_model->report().tests;
    m_testGapRow.fill(-1, tests.size());
    m_testPhaseColumn.fill(-1, tests.size());
    for (int i = 0; i < tests.size(); ++i) {
        if (!isFailing(tests[i].status))
            continue;
        // A gap id the report does not know counts as Unassigned, as gapChartData does.
        m_testGapRow[i] = m_gapRowById.value(tests[i].gapId, m_gapRowById.value(QString(), -1));
        m_testPhaseColumn[i] = column.value(tests[i].phaseId, column.value(QString(), -1));
    }
}

void ChartDataAdapter::followGapAssignments(const QVector<int> &tests)
{
    m_followingAssignments = false;
    if (m_pending)
        return; // a full recompute is due anyway (a gap was added or removed in the same edit)
    const QVector<TestCase> &now = m_model->report().tests;
    // First where each test goes: a gap without a bar (Unassigned gaining its first failure) changes the
    // chart's rows, which only a recompute gets right.
    QVector<std::pair<int, int>> moves; // test, new row
    for (int i : tests) {
        if (i < 0 || i >= m_testGapRow.size() || m_testGapRow[i] < 0)
            continue; // not failing: not in the gap chart
        const auto row = m_gapRowById.constFind(now[i].gapId);
        const int to = row != m_gapRowById.cend()
            ? *row
            : (m_model->report().gapIndex(now[i].gapId) < 0 ? m_gapRowById.value(QString(), -1) : -1);
        if (to < 0) {
            recompute();
            return;
        }
        if (to != m_testGapRow[i])
            moves.append({ i, to });
    }
    QVector<int> rows;
    auto touch = [&rows](int row) {
        if (!rows.contains(row))
            rows.append(row);
    };
    for (const auto &[test, to] : std::as_const(moves)) {
        int &from = m_testGapRow[test];
        if (from == to)
            continue; // named twice by one edit
        const int column = m_testPhaseColumn[test];
        if (column >= 0) {
            --m_gapData.gaps[from].failuresByPhase[column];
            ++m_gapData.gaps[to].failuresByPhase[column];
        }
        touch(from);
        touch(to);
        from = to;
    }
    // Unassigned's bar is shown only while it has failures: emptied, the rows change.
    const int unassigned = m_gapRowById.value(QString(), -1);
    if (unassigned >= 0 && m_gapData.gaps[unassigned].totalFailures() == 0) {
        recompute();
        return;
    }
    if (!rows.isEmpty())
        emit gapBarsChanged(rows);
}

} // namespace Gapwise
