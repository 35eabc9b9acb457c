#include "chartdataadapter.h"
#include "reporttreemodel.h"

#include <QTimer>

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
    for (int i = 0; i < m_gapData.gaps.size(); ++i) {
        if (m_gapData.gaps[i].gapId == gapId)
            return i;
    }
    return -1;
}

void ChartDataAdapter::scheduleRecompute()
{
    if (m_pending)
        return;
    m_pending = true;
    QTimer::singleShot(0, this, &ChartDataAdapter::recompute);
}

void ChartDataAdapter::recompute()
{
    m_pending = false;
    m_phaseBars = phaseChartData(m_model->report());
    m_gapData = gapChartData(m_model->report());
    emit changed();
}

} // namespace Gapwise
