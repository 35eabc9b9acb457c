#include "phasechart.h"

#include "chartdataadapter.h"
#include "statuspalette.h"

#include "qcustomplotheader.h"

using namespace Gapwise;

PhaseChart::PhaseChart(ChartDataAdapter *adapter, QWidget *parent)
    : BarChart(parent)
    , m_adapter(adapter)
{
    setObjectName(QStringLiteral("phaseChart"));
    m_plot->yAxis->setLabel(tr("Tests"));
    m_plot->legend->setVisible(true);
    m_plot->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignRight);
    connect(adapter, &ChartDataAdapter::changed, this, &PhaseChart::refresh);
    refresh();
}

QCPAxis *PhaseChart::keyAxis() const { return m_plot->xAxis; }

void PhaseChart::rebuild()
{
    clearBars();
    const QVector<PhaseBar> &phases = m_adapter->phaseBars();
    QStringList ids;
    QVector<double> keys;
    QVector<QString> labels;
    for (int i = 0; i < phases.size(); ++i) {
        ids << phases[i].phaseId;
        keys << i;
        labels << phases[i].name;
    }
    setIds(ids);
    setCaption(phases.isEmpty() ? tr("<b>Tests per phase</b> — no phases in this report")
                                : tr("<b>Tests per phase</b>, failure rate above each bar"));

    struct Series { QString name; TestStatus status; int PhaseBar::*field; };
    const Series series[] = {{tr("passed"), TestStatus::Passed, &PhaseBar::passed},
                             {tr("failed"), TestStatus::Failed, &PhaseBar::failed},
                             {tr("errors"), TestStatus::Error, &PhaseBar::errors},
                             {tr("skipped"), TestStatus::Skipped, &PhaseBar::skipped}};
    QCPBars *below = nullptr;
    double maxTotal = 0;
    for (const Series &s : series) {
        auto *bars = new QCPBars(m_plot->xAxis, m_plot->yAxis);
        bars->setName(s.name);
        bars->setWidth(0.6);
        QVector<double> values;
        for (const PhaseBar &p : phases)
            values << p.*s.field;
        bars->setData(keys, values, true);
        if (below)
            bars->moveAbove(below);
        below = bars;
        addBars(bars, statusColor(s.status));
    }
    for (int i = 0; i < phases.size(); ++i) {
        maxTotal = qMax(maxTotal, double(phases[i].total()));
        auto *label = new QCPItemText(m_plot);
        label->setPositionAlignment(Qt::AlignHCenter | Qt::AlignBottom);
        label->position->setCoords(i, phases[i].total());
        label->setText(tr("%1% failing").arg(phases[i].failureRate() * 100, 0, 'f', 1));
        label->setColor(palette().color(QPalette::WindowText));
        label->setPadding(QMargins(0, 0, 0, 3));
        label->setClipToAxisRect(false);
    }
    QSharedPointer<QCPAxisTickerText> ticker(new QCPAxisTickerText);
    ticker->setTicks(keys, labels);
    m_plot->xAxis->setTicker(ticker);
    m_plot->xAxis->setSubTicks(false);
    m_plot->xAxis->setTickLength(0, 4);
    m_plot->xAxis->grid()->setVisible(false);
    m_plot->xAxis->setRange(-0.6, qMax(0.6, phases.size() - 0.4));
    // Headroom for the rate label and the legend in the top-right corner.
    m_plot->yAxis->setRange(0, qMax(1.0, maxTotal * 1.3));
}

QString PhaseChart::toolTipFor(int key) const
{
    const QVector<PhaseBar> &phases = m_adapter->phaseBars();
    if (key < 0 || key >= phases.size())
        return QString();
    const PhaseBar &p = phases[key];
    QString tip = tr("%1\n%2 passed, %3 failed, %4 errors, %5 skipped (%6 in all)\nfailure rate %7%")
                      .arg(p.name)
                      .arg(p.passed)
                      .arg(p.failed)
                      .arg(p.errors)
                      .arg(p.skipped)
                      .arg(p.total())
                      .arg(p.failureRate() * 100, 0, 'f', 1);
    if (p.unnamedFailures > 0)
        tip += QLatin1Char('\n') + tr("%1 failures counted but not named in the report").arg(p.unnamedFailures);
    return tip;
}
