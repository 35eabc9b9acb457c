// SPDX-License-Identifier: GPL-3.0-or-later
#include "phasechart.h"

#include "chartdataadapter.h"
#include "ratetext.h"
#include "statuspalette.h"

#include "qcustomplotheader.h"

using namespace Gapwise;

PhaseChart::PhaseChart(ChartDataAdapter *adapter, QWidget *parent)
    : BarChart(parent)
    , m_adapter(adapter)
{
    setObjectName(QStringLiteral("phaseChart"));
    m_plot->yAxis->setLabel(tr("Tests"));
    connect(adapter, &ChartDataAdapter::changed, this, &PhaseChart::refresh);
    refresh();
}

QString PhaseChart::emptyText() const
{
    return tr("No test results in this report");
}

QCPAxis *PhaseChart::keyAxis() const
{
    return m_plot->xAxis;
}

void PhaseChart::rebuild()
{
    clearBars();
    const QVector<PhaseBar> &phases = m_adapter->phaseBars();
    QStringList ids;
    QVector<double> keys;
    QVector<QString> labels;
    // Each label gets its bar's slot of the axis; the tooltip has the full name.
    const QFontMetrics labelMetrics(font());
    const int slot = int(m_plot->width() * 0.85 / qMax(1, int(phases.size())));
    for (int i = 0; i < phases.size(); ++i) {
        ids << phases[i].phaseId;
        keys << i;
        labels << labelMetrics.elidedText(phaseShortName(phases[i].name), Qt::ElideRight, qMax(40, slot));
    }
    setIds(ids);

    struct Series
    {
        QString name;
        TestStatus status;
        int PhaseBar::*field;
    };
    const Series series[] = { { tr("passed"), TestStatus::Passed, &PhaseBar::passed },
        { tr("failed"), TestStatus::Failed, &PhaseBar::failed }, { tr("errors"), TestStatus::Error, &PhaseBar::errors },
        { tr("skipped"), TestStatus::Skipped, &PhaseBar::skipped } };
    // The legend sits in the caption, where it can never cover a bar or a rate label.
    QString caption = tr("<b>Tests per phase</b> &nbsp; failure rate above each bar &nbsp;");
    for (const Series &s : series) {
        caption += QStringLiteral(" <span style=\"color:%1\">&#9632;</span>&nbsp;%2")
                       .arg(statusColor(s.status).name(), s.name);
    }
    setCaption(phases.isEmpty() ? tr("<b>Tests per phase</b> — no phases in this report") : caption);
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
    // "12.5% failing" where the bar is wide enough, else just "12.5%".
    const QFontMetrics metrics(font());
    const double barPixels = m_plot->width() * 0.8 * 0.6 / qMax(1, int(phases.size()));
    const bool longLabel = barPixels > metrics.horizontalAdvance(tr("%1% failing").arg(100.0, 0, 'f', 1)) * 1.1;
    for (int i = 0; i < phases.size(); ++i) {
        maxTotal = qMax(maxTotal, double(phases[i].total()));
        if (phases[i].total() == 0)
            continue; // a phase that only names its command ran nothing: no rate to show
        auto *label = new QCPItemText(m_plot);
        label->setPositionAlignment(Qt::AlignHCenter | Qt::AlignBottom);
        label->position->setCoords(i, phases[i].total());
        const QString rate = percentText(phases[i].failureRate());
        label->setText(longLabel ? tr("%1 failing").arg(rate) : rate);
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
    m_plot->yAxis->setRange(0, qMax(1.0, maxTotal * 1.15)); // headroom for the rate labels
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
