#include "chartdata.h"
#include "chartdataadapter.h"
#include "reportfactory.h"
#include "reporttreemodel.h"

#include <catch2/catch.hpp>

#include <QCoreApplication>
#include <QSignalSpy>

using namespace Gapwise;

TEST_CASE("Phase chart numbers come from the phase counts, unnamed failures included", "[charts]")
{
    const Report report = ReportFactory::seedLike();
    const QVector<PhaseBar> bars = phaseChartData(report);
    REQUIRE(bars.size() == report.phases.size());
    for (int i = 0; i < bars.size(); ++i) {
        const Phase &p = report.phases[i];
        CHECK(bars[i].phaseId == p.id);
        CHECK(bars[i].passed == p.passed);
        CHECK(bars[i].failed == p.failed);
        CHECK(bars[i].errors == p.errors);
        CHECK(bars[i].skipped == p.skipped);
        int named = 0;
        for (const TestCase &t : report.tests)
            named += t.phaseId == p.id && isFailing(t.status) ? 1 : 0;
        CHECK(bars[i].unnamedFailures == qMax(0, p.failed + p.errors - named));
        CHECK(bars[i].failureRate() == Approx(double(p.failed + p.errors) / (p.passed + p.failed + p.errors)));
    }
}

TEST_CASE("Phase chart falls back to named tests where a phase states no counts", "[charts]")
{
    const Report report = ReportFactory::generated(500, 3, 4);
    const QVector<PhaseBar> bars = phaseChartData(report);
    REQUIRE(bars.size() == 3);
    int total = 0;
    for (const PhaseBar &bar : bars) {
        CHECK(bar.unnamedFailures == 0);
        total += bar.total();
    }
    CHECK(total == report.tests.size());
}

TEST_CASE("Gap chart stacks named failing tests by phase", "[charts]")
{
    const Report report = ReportFactory::seedLike();
    const GapChartData data = gapChartData(report);
    REQUIRE(data.phaseIds.size() == report.phases.size());
    REQUIRE(data.gaps.size() == report.gaps.size() + 1); // the seed has unassigned failures
    CHECK(data.gaps.last().gapId.isEmpty());
    int sum = 0;
    for (const GapBar &bar : data.gaps) {
        for (int p = 0; p < data.phaseIds.size(); ++p) {
            int expected = 0;
            for (const TestCase &t : report.tests)
                expected += isFailing(t.status) && t.gapId == bar.gapId && t.phaseId == data.phaseIds[p] ? 1 : 0;
            CHECK(bar.failuresByPhase[p] == expected);
        }
        const int g = report.gapIndex(bar.gapId);
        CHECK(bar.priority == (g >= 0 ? report.gaps[g].priority : Priority::None));
        sum += bar.totalFailures();
    }
    CHECK(sum == report.countTests(TestStatus::Failed) + report.countTests(TestStatus::Error));
}

TEST_CASE("Chart adapter follows the model's signals", "[charts]")
{
    ReportTreeModel model;
    ChartDataAdapter adapter(&model);
    QSignalSpy changed(&adapter, &ChartDataAdapter::changed);
    CHECK(adapter.phaseBars().isEmpty());
    model.setReport(ReportFactory::seedLike());
    CHECK(changed.count() == 1);
    CHECK(adapter.phaseBars().size() == 3);
    const int gapBar = adapter.gapBarIndex(QStringLiteral("gap-5"));
    REQUIRE(gapBar >= 0);
    model.setGapPriority(QStringLiteral("gap-5"), Priority::P0);
    // Fine-grained edits fold into one recompute on the next event-loop turn.
    QCoreApplication::processEvents();
    CHECK(changed.count() == 2);
    CHECK(adapter.gapData().gaps[gapBar].priority == Priority::P0);
}
