// SPDX-License-Identifier: GPL-3.0-or-later
#include "triagefixtures.h"

#include "reportjson.h"
#include "triagesession.h"

#include <QRandomGenerator>

using namespace Gapwise;

namespace TestSupport {

Report syntheticReport(int tests, int gaps)
{
    Report r;
    r.title = QStringLiteral("Synthetic report");
    r.format = QStringLiteral("markdown");
    const char *phaseNames[] = { "Unit", "Integration", "E2E" };
    for (int p = 0; p < 3; ++p) {
        Phase phase;
        phase.id = QString::fromLatin1(phaseNames[p]).toLower();
        phase.name = QLatin1String(phaseNames[p]);
        r.phases.append(phase);
    }
    for (int g = 0; g < gaps; ++g) {
        Gap gap;
        gap.id = QStringLiteral("gap-%1").arg(g + 1);
        gap.title = QStringLiteral("Gap %1").arg(g + 1);
        gap.priority = static_cast<Priority>(g % 4);
        gap.evidence = { QStringLiteral("evidence of gap %1").arg(g + 1) };
        r.gaps.append(gap);
    }
    for (int t = 0; t < tests; ++t) {
        TestCase test;
        test.phaseId = r.phases[t % 3].id;
        test.name = QStringLiteral("tests/%1/test_m%2.py::test_case_%3").arg(test.phaseId).arg(t % 17).arg(t);
        test.id = test.phaseId + QStringLiteral("::") + test.name;
        test.status = t % 5 == 0 ? TestStatus::Passed : (t % 7 == 0 ? TestStatus::Error : TestStatus::Failed);
        if (test.status != TestStatus::Passed && gaps > 0 && t % 3 != 0)
            test.gapId = r.gaps[t % gaps].id;
        test.message = QStringLiteral("AssertionError: value %1").arg(t);
        test.line = t + 1;
        r.tests.append(test);
    }
    for (Phase &p : r.phases) {
        p.total = int(
            std::count_if(r.tests.cbegin(), r.tests.cend(), [&](const TestCase &t) { return t.phaseId == p.id; }));
        p.failed = int(std::count_if(r.tests.cbegin(), r.tests.cend(),
            [&](const TestCase &t) { return t.phaseId == p.id && t.status == TestStatus::Failed; }));
        p.errors = int(std::count_if(r.tests.cbegin(), r.tests.cend(),
            [&](const TestCase &t) { return t.phaseId == p.id && t.status == TestStatus::Error; }));
        p.passed = p.total - p.failed - p.errors;
    }
    return r;
}

QJsonObject stateOf(const TriageSession &session)
{
    return reportToJson(session.report());
}

void applyScriptedEdits(TriageSession &session)
{
    const Report &r = session.report();
    session.moveTests({ r.tests[1].id, r.tests[2].id, r.tests[4].id }, r.gaps[0].id);
    const QString created
        = session.moveTestsToNewGap({ r.tests[7].id, r.tests[8].id }, QStringLiteral("Flaky network"));
    session.renameGap(created, QStringLiteral("Flaky network in CI"));
    session.setGapPriority(created, Priority::P1);
    session.setGapOwner(r.gaps[1].id, QStringLiteral("dana"));
    session.setGapStatus(r.gaps[1].id, GapStatus::InProgress);
    session.setGapNotes(r.gaps[2].id, QStringLiteral("same root cause as the cache bug"));
    session.mergeGaps(r.gaps[3].id, r.gaps[2].id);
    session.deleteGap(r.gaps[1].id);
}

void randomEdit(TriageSession &session, QRandomGenerator &rng)
{
    const Report &r = session.report();
    auto anyGap = [&]() -> QString {
        if (r.gaps.isEmpty() || rng.bounded(8) == 0)
            return QString(); // Unassigned
        return r.gaps[int(rng.bounded(int(r.gaps.size())))].id;
    };
    auto someTests = [&](int most) {
        QStringList ids;
        const int n = 1 + int(rng.bounded(most));
        for (int k = 0; k < n; ++k)
            ids.append(r.tests[int(rng.bounded(int(r.tests.size())))].id);
        return ids;
    };
    switch (rng.bounded(9)) {
    case 0:
        session.moveTests(someTests(1), anyGap());
        break;
    case 1:
        session.moveTests(someTests(40), anyGap());
        break;
    case 2:
        session.createGap(QStringLiteral("created %1").arg(rng.bounded(1000)), static_cast<Priority>(rng.bounded(5)));
        break;
    case 3:
        session.moveTestsToNewGap(someTests(10), QStringLiteral("new %1").arg(rng.bounded(1000)));
        break;
    case 4:
        if (!r.gaps.isEmpty())
            session.renameGap(anyGap(), QStringLiteral("renamed %1").arg(rng.bounded(1000)));
        break;
    case 5:
        if (!r.gaps.isEmpty())
            session.setGapPriority(anyGap(), static_cast<Priority>(rng.bounded(5)));
        break;
    case 6:
        if (r.gaps.size() > 1)
            session.mergeGaps(anyGap(), anyGap());
        break;
    case 7:
        if (r.gaps.size() > 1 && rng.bounded(2))
            session.deleteGap(anyGap());
        break;
    default:
        if (!r.gaps.isEmpty())
            session.setGapOwner(anyGap(), QStringLiteral("owner %1").arg(rng.bounded(9)));
        break;
    }
}

} // namespace TestSupport
