// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "chartdata.h"

#include <QHash>
#include <QObject>

namespace Gapwise {

class ReportTreeModel;

// Keeps the chart numbers in step with the tree model: recomputes on the model's own signals (a reset at
// once; bursts of fine-grained edits folded into one recompute on the next event-loop turn) and says so.
// Tests changing gap (a move, its undo) are followed incrementally: the counts of the gaps they left and
// joined change, and gapBarsChanged names those bars; nothing is recomputed over all tests.
class ChartDataAdapter : public QObject
{
    Q_OBJECT
public:
    explicit ChartDataAdapter(ReportTreeModel *model, QObject *parent = nullptr);

    const QVector<PhaseBar> &phaseBars() const { return m_phaseBars; }
    const GapChartData &gapData() const { return m_gapData; }
    int phaseBarIndex(const QString &phaseId) const; // -1 when absent
    int gapBarIndex(const QString &gapId) const;

signals:
    void changed(); // everything may differ: rebuild
    void gapBarsChanged(const QVector<int> &rows); // only these gap bars' numbers changed

private:
    void recompute();
    void scheduleRecompute();
    void indexTests();
    void followGapAssignments(const QVector<int> &tests);

    ReportTreeModel *m_model;
    QVector<PhaseBar> m_phaseBars;
    GapChartData m_gapData;
    // Per test: its gap bar and phase column when it is failing, else -1 (what an incremental update needs).
    QVector<int> m_testGapRow;
    QVector<int> m_testPhaseColumn;
    QHash<QString, int> m_gapRowById; // "" = Unassigned, when it has a bar
    bool m_pending = false;
    bool m_followingAssignments = false;
};

} // namespace Gapwise
