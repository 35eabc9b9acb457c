#pragma once

#include "chartdata.h"

#include <QObject>

namespace Gapwise {

class ReportTreeModel;

// Keeps the chart numbers in step with the tree model: recomputes on the model's own signals (a reset at
// once; bursts of fine-grained edits folded into one recompute on the next event-loop turn) and says so.
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
    void changed();

private:
    void recompute();
    void scheduleRecompute();

    ReportTreeModel *m_model;
    QVector<PhaseBar> m_phaseBars;
    GapChartData m_gapData;
    bool m_pending = false;
};

} // namespace Gapwise
