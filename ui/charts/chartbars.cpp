// SPDX-License-Identifier: GPL-3.0-or-later
#include "chartbars.h"

#include "distinctlabels.h"
#include "labelwrap.h"
#include "ratetext.h"
#include "statuspalette.h"

#include "qcustomplotheader.h"

#include <QCoreApplication>
#include <QHash>

#include <algorithm>

using namespace Gapwise;

namespace ChartBars {

namespace {

    QString tr(const char *text)
    {
        return QCoreApplication::translate("ChartBars", text);
    }

    struct Series
    {
        const char *name;
        TestStatus status;
        int PhaseBar::*field;
    };
    const Series PhaseSeries[] = { { QT_TRANSLATE_NOOP("ChartBars", "passed"), TestStatus::Passed, &PhaseBar::passed },
        { QT_TRANSLATE_NOOP("ChartBars", "failed"), TestStatus::Failed, &PhaseBar::failed },
        { QT_TRANSLATE_NOOP("ChartBars", "errors"), TestStatus::Error, &PhaseBar::errors },
        { QT_TRANSLATE_NOOP("ChartBars", "skipped"), TestStatus::Skipped, &PhaseBar::skipped },
        { QT_TRANSLATE_NOOP("ChartBars", "unknown"), TestStatus::Unknown, &PhaseBar::unknown } };

    // The unknown stack is drawn, and named in a legend, only where some phase has such tests: most reports have
    // none, and their charts stay as they were.
    bool showsSeries(const Series &s, const QVector<PhaseBar> &phases)
    {
        return s.status != TestStatus::Unknown
            || std::any_of(phases.cbegin(), phases.cend(), [](const PhaseBar &p) { return p.unknown > 0; });
    }

} // namespace

QVector<QCPBars *> addPhaseBars(QCustomPlot &plot, const QVector<PhaseBar> &phases)
{
    QVector<double> keys;
    for (int i = 0; i < phases.size(); ++i)
        keys << i;
    QVector<QCPBars *> stack;
    for (const Series &s : PhaseSeries) {
        if (!showsSeries(s, phases))
            continue;
        auto *bars = new QCPBars(plot.xAxis, plot.yAxis);
        bars->setName(tr(s.name));
        bars->setWidth(0.6);
        bars->setBrush(statusColor(s.status));
        QVector<double> values;
        for (const PhaseBar &p : phases)
            values << p.*s.field;
        bars->setData(keys, values, true);
        if (!stack.isEmpty())
            bars->moveAbove(stack.last());
        stack << bars;
    }
    plot.yAxis->setRange(0, qMax(1.0, mostPhaseTests(phases) * 1.15)); // headroom for the rate labels
    return stack;
}

QVector<std::pair<QString, QColor>> phaseSeriesLegend(const QVector<PhaseBar> &phases)
{
    QVector<std::pair<QString, QColor>> legend;
    for (const Series &s : PhaseSeries) {
        if (showsSeries(s, phases))
            legend.append({ tr(s.name), statusColor(s.status) });
    }
    return legend;
}

void addFailureRates(
    QCustomPlot &plot, const QVector<PhaseBar> &phases, const QColor &color, const QFont &font, bool withWord)
{
    for (int i = 0; i < phases.size(); ++i) {
        if (phases[i].passed + phases[i].failed + phases[i].errors == 0)
            continue; // nothing ran (a phase that only names its command, or only skipped tests): no rate
        auto *label = new QCPItemText(&plot);
        label->setPositionAlignment(Qt::AlignHCenter | Qt::AlignBottom);
        label->position->setCoords(i, phases[i].total());
        const QString rate = percentText(phases[i].failureRate());
        label->setText(withWord ? tr("%1 failing").arg(rate) : rate);
        label->setColor(color);
        label->setFont(font);
        label->setPadding(QMargins(0, 0, 0, 3));
        label->setClipToAxisRect(false);
    }
}

static QStringList namesOf(const QVector<PhaseBar> &phases)
{
    QStringList names;
    for (const PhaseBar &p : phases)
        names << p.name;
    return names;
}

QVector<QString> phaseLabelNames(const QStringList &phaseNames)
{
    QHash<QString, int> uses;
    for (const QString &name : phaseNames)
        ++uses[phaseShortName(name)];
    QVector<QString> names;
    for (const QString &name : phaseNames) {
        const QString shortName = phaseShortName(name);
        QString rest = name.mid(shortName.size());
        while (!rest.isEmpty() && (rest[0].isSpace() || rest[0].isPunct()) && rest[0] != QLatin1Char('('))
            rest.remove(0, 1);
        names << (uses.value(shortName) > 1 && !rest.isEmpty() ? rest : shortName);
    }
    return names;
}

bool phaseWordsFit(const QVector<PhaseBar> &phases, const QFontMetrics &metrics, int slot)
{
    const int width = qMax(40, slot - metrics.averageCharWidth() * 2);
    const QVector<QString> names = phaseLabelNames(namesOf(phases));
    return std::all_of(
        names.cbegin(), names.cend(), [&](const QString &name) { return widestUnbreakable(name, metrics) <= width; });
}

QVector<QString> phaseLabels(
    const QVector<PhaseBar> &phases, const QFontMetrics &metrics, int slot, int lines, int moreLines)
{
    QVector<QString> labels;
    bool anyElided = false;
    for (const QString &name : phaseLabelNames(namesOf(phases))) {
        bool elided = false;
        // Two characters apart from the next bar's label; elided only past `lines` lines.
        labels << wrapLabel(name, metrics, qMax(40, slot - metrics.averageCharWidth() * 2), lines, &elided);
        anyElided = anyElided || elided;
    }
    return anyElided && moreLines > lines ? phaseLabels(phases, metrics, slot, moreLines) : labels;
}

QHash<int, QVector<QCPBars *>> addGapBars(QCustomPlot &plot, const GapChartData &data, int rows)
{
    rows = qMin(rows, int(data.gaps.size()));
    plot.yAxis->setRangeReversed(true); // the first gap on top, as in the report
    QHash<int, QVector<QCPBars *>> stacks;
    for (Priority priority : { Priority::P0, Priority::P1, Priority::P2, Priority::P3, Priority::None }) {
        QVector<int> rowsOf;
        for (int i = 0; i < rows; ++i) {
            if (data.gaps[i].priority == priority)
                rowsOf << i;
        }
        if (rowsOf.isEmpty())
            continue;
        QVector<QCPBars *> &stack = stacks[int(priority)];
        for (int p = 0; p < data.phaseIds.size(); ++p) {
            auto *bars = new QCPBars(plot.yAxis, plot.xAxis);
            bars->setName(phaseShortName(data.phaseNames[p]));
            bars->setWidth(0.65);
            bars->setBrush(phaseShade(priorityColor(priority), p, int(data.phaseIds.size())));
            QVector<double> keys, values;
            for (int row : std::as_const(rowsOf)) {
                keys << row;
                values << data.gaps[row].failuresByPhase.value(p);
            }
            bars->setData(keys, values, true);
            if (!stack.isEmpty())
                bars->moveAbove(stack.last());
            stack << bars;
        }
    }
    plot.xAxis->setRange(0, qMax(1.0, mostGapFailures(data) * 1.1));
    return stacks;
}

QVector<QString> gapLabels(const GapChartData &data, int rows, const QFontMetrics &metrics, int width, int lines)
{
    rows = qMin(rows, int(data.gaps.size()));
    QStringList titles;
    for (int i = 0; i < rows; ++i)
        titles << data.gaps[i].title;
    // Alike titles (eight "ModuleNotFoundError: No module named 'app.…'") keep the part that tells them apart.
    // A title's end goes onto further lines before anything is elided.
    const QStringList shortTitles = distinctLabels(titles, [&](const QString &title, Qt::TextElideMode mode) {
        return mode == Qt::ElideRight ? wrapLabel(title, metrics, width, lines)
                                      : metrics.elidedText(title, mode, width);
    });
    QVector<QString> labels;
    QHash<QString, int> seen;
    for (int i = 0; i < rows; ++i) {
        const QString prio = priorityName(data.gaps[i].priority);
        QString label = prio.isEmpty() ? shortTitles[i] : prio + QStringLiteral("  ") + shortTitles[i];
        // Two gaps of one title (made apart by hand) still read as two bars: "(2)" on the second.
        if (const int n = ++seen[label]; n > 1)
            label += QStringLiteral(" (%1)").arg(n);
        labels << label;
    }
    return labels;
}

double mostPhaseTests(const QVector<PhaseBar> &phases)
{
    double most = 0;
    for (const PhaseBar &p : phases)
        most = qMax(most, double(p.total()));
    return most;
}

double mostGapFailures(const GapChartData &data)
{
    double most = 0;
    for (const GapBar &gap : data.gaps)
        most = qMax(most, double(gap.totalFailures()));
    return most;
}

QColor phaseShade(const QColor &base, int phase, int phases)
{
    if (phases <= 1)
        return base;
    const int step = 55 / qMax(1, phases - 1); // the lightest still clearly coloured
    return base.lighter(100 + phase * step);
}

QColor phaseLegendGrey()
{
    return QColor(0x70, 0x70, 0x70);
}

void setCategoryTicks(QCPAxis *axis, const QVector<QString> &labels)
{
    QVector<double> keys;
    for (int i = 0; i < labels.size(); ++i)
        keys << i;
    QSharedPointer<QCPAxisTickerText> ticker(new QCPAxisTickerText);
    ticker->setTicks(keys, labels);
    axis->setTicker(ticker);
    axis->setSubTicks(false);
    axis->setTickLength(0, 4);
    axis->grid()->setVisible(false);
    axis->setRange(-0.6, qMax(0.6, labels.size() - 0.4));
}

} // namespace ChartBars
