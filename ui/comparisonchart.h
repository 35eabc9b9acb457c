#pragma once

#include "comparisondigest.h"

#include <QWidget>

class QCustomPlot;

// Failing tests per gap, last run and this run side by side (horizontal bars: gap titles stay readable).
// Only draws what the digest says; the numbers come from models/comparisondigest.h.
class ComparisonChart : public QWidget
{
    Q_OBJECT
public:
    explicit ComparisonChart(QWidget *parent = nullptr);
    void setDeltas(const QVector<Gapwise::GroupDelta> &gaps);
    QCustomPlot *plot() const { return m_plot; }

private:
    QCustomPlot *m_plot;
};
