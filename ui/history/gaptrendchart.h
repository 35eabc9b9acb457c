// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QVector>
#include <QWidget>

class QCustomPlot;
class QCPBars;

namespace Gapwise {
struct GapTrend;
struct StoredRun;
} // namespace Gapwise

// A gap's failing tests per run (bars, oldest left, the open run last and darker), from the history store.
class GapTrendChart : public QWidget
{
    Q_OBJECT
public:
    explicit GapTrendChart(QWidget *parent = nullptr);
    void setTrend(const Gapwise::GapTrend *trend, const QVector<Gapwise::StoredRun> &window);
    QCustomPlot *plot() const { return m_plot; }
    int barCount() const { return m_count; }

private:
    QCustomPlot *m_plot;
    QCPBars *m_bars;
    QCPBars *m_current;
    int m_count = 0;
};
