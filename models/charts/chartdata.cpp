// SPDX-License-Identifier: GPL-3.0-or-later
#include "chartdata.h"
#include "grouplabels.h"
#include "phasecounts.h"

#include <QHash>

#include <algorithm>
#include <numeric>

namespace Gapwise {

double PhaseBar::failureRate() const
{
    return ran() > 0 ? double(failing()) / ran() : 0.0;
}

int GapBar::totalFailures() const
{
    int sum = 0;
    for (int n : failuresByPhase)
        sum += n;
    return sum;
}

namespace {

    QHash<QString, int> phaseSlots(const Report &report)
    {
        QHash<QString, int> map;
        for (int i = 0; i < report.phases.size(); ++i)
            map.insert(report.phases[i].id, i);
        return map;
    }

} // namespace

QVector<PhaseBar> phaseChartData(const Report &report)
{
    const auto slotOf = phaseSlots(report);
    const int n = report.phases.size();
    // Named tests per phase and status; the last slot collects tests without a (known) phase.
    QVector<std::array<int, 5>> named(n + 1, std::array<int, 5> {});
    for (const TestCase &t : report.tests)
        ++named[t.phaseId.isEmpty() ? n : slotOf.value(t.phaseId, n)][size_t(t.status)];

    // The report's count, or the named tests where it names more ("Skipped: 0" above 3 skipped tests: the
    // importer keeps the named ones, and the filter's chip counts them), else what it names.
    auto pick = [](int stated, int counted) { return stated >= 0 ? qMax(stated, counted) : counted; };
    QVector<PhaseBar> bars;
    bars.reserve(n + 1);
    for (int i = 0; i <= n; ++i) {
        const auto &c = named[i];
        PhaseBar bar;
        if (i < n) {
            const Phase &p = report.phases[i];
            bar.phaseId = p.id;
            bar.name = p.name;
            bar.passed = pick(p.passed, c[size_t(TestStatus::Passed)]);
            bar.failed = pick(p.failed, c[size_t(TestStatus::Failed)]);
            bar.errors = pick(p.errors, c[size_t(TestStatus::Error)]);
            bar.skipped = pick(p.skipped, c[size_t(TestStatus::Skipped)]);
            // Tests without a verdict: where the report states the whole split, what its total holds beyond it
            // (a TRX Inconclusive); where it states nothing, the named ones. A partly stated phase gets none: what
            // its unstated counts hold is not known.
            const bool nothingStated = p.total < 0 && p.passed < 0 && p.failed < 0 && p.errors < 0 && p.skipped < 0;
            bar.unknown = unknownCount(p) > 0 ? qMax(0, p.total - bar.withVerdict()) : 0; // named ones raise the split
            if (nothingStated)
                bar.unknown = c[size_t(TestStatus::Unknown)];
        } else {
            if (c[0] + c[1] + c[2] + c[3] + c[4] == 0)
                break;
            bar.name = noPhaseGroupTitle();
            bar.passed = c[size_t(TestStatus::Passed)];
            bar.failed = c[size_t(TestStatus::Failed)];
            bar.errors = c[size_t(TestStatus::Error)];
            bar.skipped = c[size_t(TestStatus::Skipped)];
            bar.unknown = c[size_t(TestStatus::Unknown)];
        }
        const int namedFailing = c[size_t(TestStatus::Failed)] + c[size_t(TestStatus::Error)];
        bar.unnamedFailures = qMax(0, bar.failed + bar.errors - namedFailing);
        bars.push_back(bar);
    }
    return bars;
}

GapChartData gapChartData(const Report &report)
{
    const auto slotOf = phaseSlots(report);
    const int phaseCount = report.phases.size();
    GapChartData data;
    for (const Phase &p : report.phases) {
        data.phaseIds << p.id;
        data.phaseNames << p.name;
    }
    QHash<QString, int> gapSlot;
    for (int i = 0; i < report.gaps.size(); ++i)
        gapSlot.insert(report.gaps[i].id, i);

    // Matrix gap × phase, with an extra row for "Unassigned" and an extra column for "No phase".
    const int gapCount = report.gaps.size();
    QVector<QVector<int>> counts(gapCount + 1, QVector<int>(phaseCount + 1, 0));
    bool anyWithoutPhase = false;
    for (const TestCase &t : report.tests) {
        if (!isFailing(t.status))
            continue;
        const int g = t.gapId.isEmpty() ? gapCount : gapSlot.value(t.gapId, gapCount);
        const int p = t.phaseId.isEmpty() ? phaseCount : slotOf.value(t.phaseId, phaseCount);
        anyWithoutPhase |= p == phaseCount;
        ++counts[g][p];
    }
    if (anyWithoutPhase) {
        data.phaseIds << QString();
        data.phaseNames << noPhaseGroupTitle();
    }
    const int columns = anyWithoutPhase ? phaseCount + 1 : phaseCount;
    for (int g = 0; g <= gapCount; ++g) {
        GapBar bar;
        if (g < gapCount) {
            bar.gapId = report.gaps[g].id;
            bar.title = report.gaps[g].title;
            bar.priority = report.gaps[g].priority;
        } else {
            bar.title = unassignedGroupTitle();
        }
        bar.failuresByPhase = counts[g].mid(0, columns);
        if (g == gapCount && bar.totalFailures() == 0)
            break;
        data.gaps.push_back(bar);
    }
    return data;
}

QVector<int> chartedGapRows(const GapChartData &data, int maxRows)
{
    QVector<int> rows(data.gaps.size());
    std::iota(rows.begin(), rows.end(), 0);
    if (rows.size() <= maxRows)
        return rows;
    std::stable_sort(rows.begin(), rows.end(),
        [&](int a, int b) { return data.gaps[a].totalFailures() > data.gaps[b].totalFailures(); });
    rows.resize(qMax(0, maxRows));
    std::sort(rows.begin(), rows.end());
    return rows;
}

QString phaseShortName(const QString &name)
{
    for (const QLatin1String separator :
        { QLatin1String(" - "), QLatin1String(" – "), QLatin1String(" — "), QLatin1String(": ") }) {
        const int at = name.indexOf(separator);
        if (at >= 3)
            return name.left(at).trimmed();
    }
    return name;
}

} // namespace Gapwise
