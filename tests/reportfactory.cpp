// SPDX-License-Identifier: GPL-3.0-or-later
#include "reportfactory.h"

#include <QFile>
#include <QRandomGenerator>

using namespace Gapwise;

namespace ReportFactory {

namespace {

    Phase phase(const char *id, const char *name, const char *command, int passed, int failed, int errors, int skipped)
    {
        Phase p;
        p.id = QLatin1String(id);
        p.name = QLatin1String(name);
        p.command = QLatin1String(command);
        p.passed = passed;
        p.failed = failed;
        p.errors = errors;
        p.skipped = skipped;
        p.total = passed + failed + errors + skipped;
        return p;
    }

    Gap gap(int n, const char *title, Priority priority, const char *evidence)
    {
        Gap g;
        g.id = QStringLiteral("gap-%1").arg(n);
        g.title = QLatin1String(title);
        g.priority = priority;
        g.evidence << QLatin1String(evidence);
        g.line = 40 + n * 10;
        return g;
    }

    // tests/data/seedlike-tests.tsv: phase, name, gap, status, message per line; report lines from 101.
    QVector<TestCase> seedLikeTests()
    {
        QFile file(QStringLiteral(GAPWISE_TEST_DATA "/seedlike-tests.tsv"));
        if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
            qFatal("ReportFactory: cannot read %s", qPrintable(file.fileName()));
        QVector<TestCase> tests;
        int line = 100;
        while (!file.atEnd()) {
            QString text = QString::fromUtf8(file.readLine());
            if (text.endsWith(QLatin1Char('\n')))
                text.chop(1);
            if (text.isEmpty() || text.startsWith(QLatin1Char('#')))
                continue;
            const QStringList f = text.split(QLatin1Char('\t'));
            TestCase t;
            t.phaseId = f.value(0);
            t.name = f.value(1);
            t.id = t.phaseId + QLatin1Char(':') + t.name;
            t.gapId = f.value(2);
            t.status = statusFromName(f.value(3));
            t.message = f.value(4);
            t.line = ++line;
            tests << t;
        }
        return tests;
    }

} // namespace

Report seedLike()
{
    Report r;
    r.title = QStringLiteral("Checkout service test report");
    r.date = QStringLiteral("2026-11-20");
    r.sourceFile = QStringLiteral("seed-like.md");
    r.format = QStringLiteral("markdown");
    r.phases << phase("unit", "Unit", "pytest tests/unit -q", 110, 8, 1, 1)
             << phase("integration", "Integration", "pytest tests/integration", 50, 6, 2, 2)
             << phase("e2e", "E2E", "npx playwright test", 25, 12, 0, 3);
    r.phases[1].importErrors = 1;
    r.phases[1].importErrorMessages << QStringLiteral("ModuleNotFoundError: No module named 'redis'");
    r.gaps << gap(1, "Token refresh race in auth middleware", Priority::P0, "401 after refresh in 3 suites")
           << gap(2, "Database fixtures leak between tests", Priority::P1, "rows from earlier tests visible")
           << gap(3, "Timezone handling in report dates", Priority::P2, "off-by-one day in UTC-5")
           << gap(4, "Flaky selectors in checkout flow", Priority::P1, "element detached from DOM")
           << gap(5, "Deprecated config keys still read", Priority::P3, "warnings name old keys");
    r.tests = seedLikeTests();
    r.diagnostics << Diagnostic { Severity::Warning, 12, QStringLiteral("E2E states 12 failures but names 5") };
    return r;
}

Report generated(int tests, int phases, int gaps, quint32 seed)
{
    QRandomGenerator rng(seed);
    Report r;
    r.title = QStringLiteral("Generated report (%1 tests)").arg(tests);
    r.sourceFile = QStringLiteral("generated.md");
    const char *phaseNames[] = { "Unit", "Integration", "System", "E2E", "Performance", "Security" };
    for (int p = 0; p < phases; ++p) {
        Phase ph;
        ph.name = p < 6 ? QLatin1String(phaseNames[p]) : QStringLiteral("Phase %1").arg(p + 1);
        ph.id = ph.name.toLower();
        ph.command = QStringLiteral("pytest tests/%1").arg(ph.id);
        r.phases << ph;
    }
    for (int g = 0; g < gaps; ++g) {
        Gap gap;
        gap.id = QStringLiteral("gap-%1").arg(g + 1);
        gap.title = QStringLiteral("Root cause %1: component %2 misbehaves under load").arg(g + 1).arg(g * 7 % 23);
        gap.priority = static_cast<Priority>(g % 5);
        gap.evidence << QStringLiteral("seen in %1 suites").arg(1 + g % 9);
        r.gaps << gap;
    }
    r.tests.reserve(tests);
    for (int i = 0; i < tests; ++i) {
        TestCase t;
        const int roll = int(rng.bounded(100));
        t.status = roll < 70 ? TestStatus::Passed
            : roll < 90      ? TestStatus::Failed
            : roll < 95      ? TestStatus::Error
                             : TestStatus::Skipped;
        t.phaseId = r.phases[int(rng.bounded(quint32(phases)))].id;
        t.name = QStringLiteral("tests/%1/module_%2/test_file_%3.py::test_case_%4")
                     .arg(t.phaseId)
                     .arg(i % 97, 3, 10, QLatin1Char('0'))
                     .arg(i % 13, 2, 10, QLatin1Char('0'))
                     .arg(i, 6, 10, QLatin1Char('0'));
        t.id = t.phaseId + QLatin1Char(':') + t.name;
        if (isFailing(t.status)) {
            if (rng.bounded(10) != 0)
                t.gapId = r.gaps[int(rng.bounded(quint32(gaps)))].id;
            t.message
                = QStringLiteral("AssertionError: expected %1, got %2").arg(rng.bounded(1000)).arg(rng.bounded(1000));
        }
        t.line = 20 + i;
        r.tests << t;
    }
    return r;
}

} // namespace ReportFactory
