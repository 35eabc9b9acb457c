// SPDX-License-Identifier: GPL-3.0-or-later
#include "reportfactory.h"

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
    struct Row
    {
        const char *phase, *name, *gap;
        TestStatus status;
        const char *message;
    };
    const Row rows[] = {
        { "unit", "tests/unit/test_auth.py::test_refresh_token_expiry", "gap-1", TestStatus::Failed,
            "AssertionError: 401 != 200" },
        { "unit", "tests/unit/test_auth.py::test_refresh_concurrent", "gap-1", TestStatus::Failed,
            "AssertionError: token reused" },
        { "unit", "tests/unit/test_auth.py::test_logout_clears_token", "gap-1", TestStatus::Error,
            "KeyError: 'session'" },
        { "unit", "tests/unit/test_dates.py::test_report_date_utc", "gap-3", TestStatus::Failed,
            "2026-11-19 != 2026-11-20" },
        { "unit", "tests/unit/test_dates.py::test_week_boundary", "gap-3", TestStatus::Failed, "off by one day" },
        { "unit", "tests/unit/test_config.py::test_legacy_keys", "gap-5", TestStatus::Failed,
            "DeprecationWarning raised" },
        { "unit", "tests/unit/test_config.py::test_env_override", "gap-5", TestStatus::Failed, "expected 'prod'" },
        { "unit", "tests/unit/test_cart.py::test_discount_rounding", "", TestStatus::Failed,
            "Decimal('9.99') != Decimal('10.00')" },
        { "unit", "tests/unit/test_cart.py::test_empty_cart_total", "", TestStatus::Failed, "ZeroDivisionError" },
        { "unit", "tests/unit/test_cart.py::test_add_item", "", TestStatus::Passed, "" },
        { "integration", "tests/integration/test_orders.py::test_order_roundtrip", "gap-2", TestStatus::Failed,
            "IntegrityError: duplicate key" },
        { "integration", "tests/integration/test_orders.py::test_order_listing", "gap-2", TestStatus::Failed,
            "3 rows != 1 row" },
        { "integration", "tests/integration/test_orders.py::test_cancel_order", "gap-2", TestStatus::Error,
            "fixture 'db' teardown failed" },
        { "integration", "tests/integration/test_users.py::test_user_signup", "gap-2", TestStatus::Failed,
            "email already exists" },
        { "integration", "tests/integration/test_auth_flow.py::test_refresh_over_http", "gap-1", TestStatus::Failed,
            "401 Unauthorized" },
        { "integration", "tests/integration/test_auth_flow.py::test_parallel_sessions", "gap-1", TestStatus::Error,
            "ConnectionResetError" },
        { "integration", "tests/integration/test_reports.py::test_export_timezone", "gap-3", TestStatus::Failed,
            "naive datetime" },
        { "integration", "tests/integration/test_cache.py::test_cache_warmup", "", TestStatus::Failed,
            "redis unavailable" },
        { "integration", "tests/integration/test_cache.py::test_cache_ttl", "", TestStatus::Skipped, "needs redis" },
        { "e2e", "checkout.spec.ts > pays with saved card", "gap-4", TestStatus::Failed, "locator('#pay') detached" },
        { "e2e", "checkout.spec.ts > applies coupon", "gap-4", TestStatus::Failed, "timeout 30000ms exceeded" },
        { "e2e", "checkout.spec.ts > shows order summary", "gap-4", TestStatus::Failed, "element not visible" },
        { "e2e", "login.spec.ts > stays signed in after refresh", "gap-1", TestStatus::Failed, "redirected to /login" },
        { "e2e", "profile.spec.ts > edits address", "gap-2", TestStatus::Failed, "stale address shown" },
        { "e2e", "search.spec.ts > finds products", "", TestStatus::Passed, "" },
    };
    int line = 100;
    for (const Row &row : rows) {
        TestCase t;
        t.phaseId = QLatin1String(row.phase);
        t.name = QString::fromUtf8(row.name);
        t.id = t.phaseId + QLatin1Char(':') + t.name;
        t.gapId = QLatin1String(row.gap);
        t.status = row.status;
        t.message = QString::fromUtf8(row.message);
        t.line = ++line;
        r.tests << t;
    }
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
