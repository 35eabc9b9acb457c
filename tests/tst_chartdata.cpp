// SPDX-License-Identifier: GPL-3.0-or-later
#include "chartdata.h"
#include "chartdataadapter.h"
#include "reportfactory.h"
#include "reporttreemodel.h"
#include "triagesession.h"

#include <catch2/catch.hpp>

#include <QCoreApplication>
#include <QSignalSpy>
#include <QUndoStack>

#include <algorithm>

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

TEST_CASE("Phase chart counts tests with no verdict: named ones where nothing is stated, else beyond a stated split",
    "[charts]")
{
    Report report;
    for (const char *id : { "counted", "stated" }) {
        Phase p;
        p.id = p.name = QString::fromLatin1(id);
        report.phases.append(p);
    }
    report.phases[1].total = 45; // states the whole split: 3 of its 45 have no verdict
    report.phases[1].passed = 40;
    report.phases[1].failed = 2;
    report.phases[1].errors = 0;
    report.phases[1].skipped = 0;
    const TestStatus statuses[] = { TestStatus::Failed, TestStatus::Unknown, TestStatus::Unknown, TestStatus::Passed };
    for (const QString &phase : { QStringLiteral("counted"), QStringLiteral("stated") }) {
        for (const TestStatus status : statuses) {
            TestCase t;
            t.name = QStringLiteral("test_%1").arg(report.tests.size());
            t.phaseId = phase;
            t.status = status;
            report.tests.append(t);
        }
    }
    const QVector<PhaseBar> bars = phaseChartData(report);
    REQUIRE(bars.size() == 2);
    // Counted from its names: the two unknown tests stand on the bar, which holds all four tests.
    CHECK(bars[0].unknown == 2);
    CHECK(bars[0].total() == 4);
    CHECK(bars[0].failureRate() == Approx(0.5)); // 1 failed of the 2 that have a verdict
    // Stated: the report's counts hold its named tests whatever their status; only what its total holds beyond
    // the split has no verdict.
    CHECK(bars[1].unknown == 3);
    CHECK(bars[1].total() == 45);
    CHECK(bars[1].failureRate() == Approx(2.0 / 42));
    // Partly stated (a total and a passed count only): what the unstated counts hold is not known, so none.
    report.phases[1].errors = report.phases[1].skipped = -1;
    CHECK(phaseChartData(report)[1].unknown == 0);
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
    model.session()->setGapPriority(QStringLiteral("gap-5"), Priority::P0);
    // Fine-grained edits fold into one recompute on the next event-loop turn.
    QCoreApplication::processEvents();
    CHECK(changed.count() == 2);
    CHECK(adapter.gapData().gaps[gapBar].priority == Priority::P0);
}

namespace {

// A session of `report` in a tree model, and the chart adapter over that model, made once the model shows the
// session (as the window wires them).
struct ChartedSession
{
    explicit ChartedSession(const Report &report)
        : adapter(showing(report))
    {
    }

    TriageSession session;
    ReportTreeModel model;
    ChartDataAdapter adapter;

private:
    ReportTreeModel *showing(const Report &report)
    {
        session.load(report);
        model.setSession(&session);
        return &model;
    }
};

// The adapter's gap numbers against a recompute from scratch of the same report.
void checkGapDataMatchesRecompute(const ChartDataAdapter &adapter, const Report &report)
{
    const GapChartData fresh = gapChartData(report);
    const GapChartData &kept = adapter.gapData();
    REQUIRE(kept.gaps.size() == fresh.gaps.size());
    CHECK(kept.phaseIds == fresh.phaseIds);
    for (int i = 0; i < fresh.gaps.size(); ++i) {
        INFO("gap bar " << i);
        CHECK(kept.gaps[i].gapId == fresh.gaps[i].gapId);
        CHECK(kept.gaps[i].failuresByPhase == fresh.gaps[i].failuresByPhase);
    }
}

} // namespace

TEST_CASE("Chart adapter follows a move and its undo incrementally: only the two gaps' bars change", "[charts]")
{
    ChartedSession charted(ReportFactory::generated(3000, 4, 12));
    auto &[session, model, adapter] = charted;
    QSignalSpy changed(&adapter, &ChartDataAdapter::changed);
    QSignalSpy barsChanged(&adapter, &ChartDataAdapter::gapBarsChanged);
    const Report &report = model.report();
    const QString from = report.gaps[1].id, to = report.gaps[4].id;
    QStringList moved;
    for (const TestCase &t : report.tests) {
        if (t.gapId == from && isFailing(t.status))
            moved << t.id;
    }
    REQUIRE(moved.size() >= 10);
    const int fromRow = adapter.gapBarIndex(from), toRow = adapter.gapBarIndex(to);
    const int before = adapter.gapData().gaps[toRow].totalFailures();

    session.moveTests(moved, to);
    QCoreApplication::processEvents(); // nothing else may be pending: the row signals were not a recompute
    CHECK(changed.count() == 0);
    REQUIRE(barsChanged.count() == 1);
    QVector<int> rows = barsChanged.takeFirst().at(0).value<QVector<int>>();
    std::sort(rows.begin(), rows.end());
    CHECK(rows == QVector<int> { qMin(fromRow, toRow), qMax(fromRow, toRow) });
    CHECK(adapter.gapData().gaps[fromRow].totalFailures() == 0);
    CHECK(adapter.gapData().gaps[toRow].totalFailures() == before + moved.size());
    checkGapDataMatchesRecompute(adapter, model.report());

    session.undoStack()->undo();
    QCoreApplication::processEvents();
    CHECK(changed.count() == 0);
    CHECK(barsChanged.count() == 1);
    CHECK(adapter.gapData().gaps[toRow].totalFailures() == before);
    checkGapDataMatchesRecompute(adapter, model.report());
}

TEST_CASE("Chart adapter recomputes when a move changes which bars exist", "[charts]")
{
    ChartedSession charted(ReportFactory::generated(600, 3, 5));
    auto &[session, model, adapter] = charted;
    const int unassigned = adapter.gapBarIndex(QString());
    REQUIRE(unassigned >= 0); // a tenth of the failing tests have no gap
    QSignalSpy changed(&adapter, &ChartDataAdapter::changed);
    QStringList orphans;
    for (const TestCase &t : model.report().tests) {
        if (isFailing(t.status) && t.gapId.isEmpty())
            orphans << t.id;
    }
    REQUIRE_FALSE(orphans.isEmpty());
    session.moveTests(orphans, model.report().gaps[0].id); // Unassigned empties: its bar goes
    QCoreApplication::processEvents();
    CHECK(changed.count() == 1);
    CHECK(adapter.gapBarIndex(QString()) < 0);
    checkGapDataMatchesRecompute(adapter, model.report());
    session.undoStack()->undo(); // back to Unassigned: its bar returns
    QCoreApplication::processEvents();
    CHECK(changed.count() == 2);
    REQUIRE(adapter.gapBarIndex(QString()) == unassigned);
    CHECK(adapter.gapData().gaps[unassigned].totalFailures() == orphans.size());
    checkGapDataMatchesRecompute(adapter, model.report());
}

TEST_CASE("A gap chart of more gaps than it shows keeps the ones with the most failures, in their order", "[charts]")
{
    GapChartData data;
    data.phaseIds << QStringLiteral("unit");
    data.phaseNames << QStringLiteral("Unit");
    for (const int failures : { 1, 5, 3, 5, 2 }) {
        GapBar bar;
        bar.gapId = QStringLiteral("gap-%1").arg(data.gaps.size());
        bar.failuresByPhase = { failures };
        data.gaps.append(bar);
    }
    CHECK(chartedGapRows(data, 3) == QVector<int> { 1, 2, 3 });
    CHECK(chartedGapRows(data, 1) == QVector<int> { 1 }); // of two with five, the earlier
    CHECK(chartedGapRows(data, 5) == QVector<int> { 0, 1, 2, 3, 4 });
    CHECK(chartedGapRows(data, 300) == QVector<int> { 0, 1, 2, 3, 4 });
}
