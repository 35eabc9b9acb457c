// SPDX-License-Identifier: GPL-3.0-or-later
#include "chartaxes.h"

#include "qcustomplotheader.h"

void useWholeNumberTicks(QCustomPlot &plot)
{
    QSharedPointer<QCPAxisTickerFixed> counts(new QCPAxisTickerFixed);
    counts->setTickStep(1.0);
    counts->setScaleStrategy(QCPAxisTickerFixed::ssMultiples); // 1, 2, 5, 10 … as the range needs
    for (QCPAxis *axis : plot.axisRect()->axes())
        axis->setTicker(counts);
}
