// SPDX-License-Identifier: GPL-3.0-or-later
// The comparison with an earlier run in every export of the plan (RemediationPlan::comparison): Markdown and
// JSON as the CLI wrote them before the plan carried it, the CSV's change column, the PDF's first page.
#include "testsupport.h"

#include "comparisondigest.h"
#include "comparisonwriters.h"
#include "pdfexporter.h"
#include "planwriters.h"
#include "remediationplan.h"
#include "runcomparison.h"
#include "triagecarryover.h"
#include "triagedrun.h"
#include "triagesession.h"

#include <catch2/catch.hpp>

#include <QJsonArray>
#include <QPdfDocument>
#include <QPdfSelection>
#include <QRegularExpression>
#include <QTemporaryDir>

using namespace Gapwise;
using namespace TestSupport;

namespace {

const QDateTime Exported(QDate(2026, 11, 26), QTime(9, 30), Qt::UTC);

// run2.md against the session made on run1.md, as `gapwise export REPORT --compare OLD` does it.
struct Compared
{
    Report triaged;
    RemediationPlan bare; // the same plan without the comparison
    RemediationPlan plan;
};

Compared comparedRun2()
{
    QString error;
    const auto old = loadTriagedRun(dataPath(QStringLiteral("compare/md-run1.gapwise")), &error);
    INFO(error.toStdString());
    REQUIRE(old);
    const Report imported = importOrFail(dataPath(QStringLiteral("compare/run2.md")));
    const RunComparison comparison = compareRuns(old->imported, imported);
    TriageSession session;
    const CarryOverResult carry = carryOverTriage(session, imported, *old, comparison);
    Compared c;
    c.triaged = session.report();
    c.bare = buildPlan(imported, c.triaged, Exported);
    c.plan = c.bare;
    c.plan.comparison = digestComparison(old->triaged, c.triaged, comparison, &carry);
    return c;
}

QStringList csvLines(const QByteArray &csv)
{
    QStringList lines = QString::fromUtf8(csv).split(QStringLiteral("\r\n"));
    REQUIRE(lines.last().isEmpty()); // every record ends with CRLF
    lines.removeLast();
    return lines;
}

// The rows whose first cell is `test` (names in the fixtures need no quoting).
QStringList rowsOf(const QStringList &lines, const QString &test)
{
    QStringList rows;
    for (const QString &line : lines) {
        if (line.startsWith(test + QLatin1Char(',')))
            rows << line;
    }
    return rows;
}

QStringList pdfPages(const RemediationPlan &plan, const Report &triaged, const QTemporaryDir &dir)
{
    const QString path = dir.filePath(QStringLiteral("plan.pdf"));
    QString error;
    INFO(error.toStdString());
    REQUIRE(PdfExporter::exportPlan(plan, triaged, path, &error));
    QPdfDocument doc;
    REQUIRE(doc.load(path) == QPdfDocument::Error::None);
    QStringList pages;
    for (int i = 0; i < doc.pageCount(); ++i)
        pages << doc.getAllText(i).text().replace(QRegularExpression(QStringLiteral("\\s+")), QStringLiteral(" "));
    return pages;
}

} // namespace

TEST_CASE(
    "The Markdown plan holds the comparison right after the title block, as the CLI spliced it", "[compare][export]")
{
    const Compared c = comparedRun2();
    const QByteArray md = planToMarkdown(c.plan);
    // What `gapwise export --format md --compare` wrote before the plan carried the comparison.
    QByteArray spliced = planToMarkdown(c.bare);
    const int at = spliced.indexOf("\n## ");
    REQUIRE(at > 0);
    spliced.insert(at + 1, comparisonToMarkdown(*c.plan.comparison) + '\n');
    CHECK(md == spliced);

    CHECK(md.contains("- Exported: 2026-11-26T09:30:00Z\n\n## Since last run\n\nCompared with `"));
    CHECK(md.contains("- 3 new failures\n- 1 fixed\n- 3 still failing\n"));
    CHECK(md.contains("| new failure | `tests/integration/test_db.py::test_delete` | Integration Tests - Database | "
                      "Database outage | passed | failed |\n"));
    CHECK(md.contains("\n### Triage not carried over\n\n- edit "));
    CHECK(md.indexOf("## Since last run") < md.indexOf("## Summary"));
    CHECK_FALSE(planToMarkdown(c.bare).contains("Since last run"));
}

TEST_CASE("The JSON plan holds the comparison object only when runs are compared", "[compare][export]")
{
    const Compared c = comparedRun2();
    QJsonObject json = planToJson(c.plan);
    const QJsonObject comparison = json.value(QStringLiteral("comparison")).toObject();
    CHECK(comparison == comparisonToJson(*c.plan.comparison));
    CHECK(comparison.value(QStringLiteral("counts")).toObject().value(QStringLiteral("new-failure")).toInt() == 3);
    CHECK(comparison.value(QStringLiteral("counts")).toObject().value(QStringLiteral("removed")).toInt() == 2);
    CHECK(comparison.value(QStringLiteral("tests")).toArray().size() == 12);
    CHECK(comparison.value(QStringLiteral("notCarried")).toArray().size() == 2);
    json.remove(QStringLiteral("comparison"));
    CHECK(json == planToJson(c.bare)); // the rest of the plan is what it was
    CHECK_FALSE(planToJson(c.bare).contains(QStringLiteral("comparison")));
}

TEST_CASE("The CSV plan gets a change column, and rows for fixed and removed tests", "[compare][export]")
{
    const Compared c = comparedRun2();
    const QStringList bare = csvLines(planToCsv(c.bare));
    const QStringList compared = csvLines(planToCsv(c.plan));
    // Without a comparison, no change column; the gap's owner, status and notes come last either way.
    CHECK(bare.first() == QLatin1String("test,phase,gap,priority,status,message,owner,gap status,notes"));
    CHECK(compared.first() == QLatin1String("test,phase,gap,priority,status,message,change,owner,gap status,notes"));

    // The failing tests' rows are today's rows with the change class after the message, in the same order.
    REQUIRE(compared.size() > bare.size());
    for (int i = 1; i < bare.size(); ++i) {
        INFO(compared[i].toStdString());
        const int gapColumns = int(bare[i].section(QLatin1Char(','), 0, -4).size()); // owner, gap status, notes
        CHECK(compared[i].startsWith(bare[i].left(gapColumns) + QLatin1Char(',')));
        CHECK(compared[i].endsWith(bare[i].mid(gapColumns)));
        CHECK(compared[i].count(QLatin1Char(',')) - bare[i].count(QLatin1Char(',')) == 1);
    }
    const auto changeOf = [&](const QString &test) {
        const QStringList rows = rowsOf(compared, test);
        INFO(test.toStdString());
        REQUIRE(rows.size() == 1);
        return rows.first().section(QLatin1Char(','), -4, -4);
    };
    CHECK(changeOf(QStringLiteral("tests/integration/test_db.py::test_delete")) == QLatin1String("new-failure"));
    CHECK(changeOf(QStringLiteral("tests/integration/test_db.py::test_read")) == QLatin1String("still-failing"));
    CHECK(changeOf(QStringLiteral("tests/unit/test_cart.py::test_gift_card")) == QLatin1String("new-failure"));

    // After the failing tests: one row per fixed test and per removed test that failed last time.
    const QStringList extra = compared.mid(bare.size());
    int removedFailing = 0;
    for (const ChangedTest &t : c.plan.comparison->tests)
        removedFailing += t.change == ChangeClass::Removed && t.oldStatus == TestStatus::Failed ? 1 : 0;
    CHECK(removedFailing == 1);
    CHECK(c.plan.comparison->count(ChangeClass::Removed) == 2);
    CHECK(extra.size() == c.plan.comparison->count(ChangeClass::Fixed) + removedFailing);
    // A fixed test passes in no gap now: its row names the gap it failed in last time.
    CHECK(extra.contains(QStringLiteral(
        "tests/unit/test_cart.py::test_rounding,Unit Tests - Cart and Pricing,Cart Totals Wrong,,passed,,fixed,,,")));
    // test_old_coupon passed in run 1: removing a passing test is nothing to remediate.
    CHECK(rowsOf(compared, QStringLiteral("tests/unit/test_cart.py::test_old_coupon")).isEmpty());
    CHECK(extra.contains(
        QStringLiteral("tests/unit/test_cart.py::test_legacy_tax,Unit Tests,Legacy Tax Tables,,,,removed,,,")));
}

TEST_CASE("The CSV's comparison rows stay RFC 4180 and defuse formulas", "[compare][export]")
{
    RemediationPlan plan;
    ComparisonDigest digest;
    ChangedTest fixed { ChangeClass::Fixed, QStringLiteral("t1"), QStringLiteral("=HYPERLINK(\"http://x\",\"y\")"),
        QStringLiteral("Unit, fast"), QStringLiteral("Unassigned") };
    fixed.inOld = fixed.inNew = true;
    fixed.oldGap = QStringLiteral("@gap");
    fixed.oldStatus = TestStatus::Failed;
    fixed.newStatus = TestStatus::Passed;
    digest.tests << fixed;
    plan.comparison = digest;
    CHECK(csvLines(planToCsv(plan))
        == QStringList { QStringLiteral("test,phase,gap,priority,status,message,change,owner,gap status,notes"),
            QStringLiteral("\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",\"Unit, fast\",'@gap,,passed,,fixed,,,") });
}

TEST_CASE(
    "The PDF's first page says what changed since the last run, and only when runs are compared", "[compare][pdf]")
{
    const Compared c = comparedRun2();
    QTemporaryDir dir;
    const QStringList pages = pdfPages(c.plan, c.triaged, dir);
    REQUIRE(pages.size() >= 2);
    const QString &first = pages.first();
    CHECK(first.contains(QStringLiteral("Since last run")));
    CHECK(first.contains(QStringLiteral("3 new failures · 1 fixed · 3 still failing")));
    CHECK(first.contains(QStringLiteral("Failing tests per gap")));
    CHECK(first.contains(QStringLiteral("New failures (3)")));
    // Under their gap, with the gap's number of new failures.
    CHECK(first.contains(QStringLiteral(
        "Unassigned (2) tests/unit/test_cart.py::test_add_item tests/unit/test_cart.py::test_gift_card")));
    CHECK(first.contains(QStringLiteral("Database outage (1) tests/integration/test_db.py::test_delete")));
    for (const ChangedTest &t : c.plan.comparison->tests) {
        if (t.change != ChangeClass::NewFailure)
            continue;
        INFO(t.name.toStdString());
        CHECK(first.contains(t.name));
    }
    CHECK(first.contains(QStringLiteral("2 not carried")));
    CHECK(first.contains(c.plan.comparison->notCarried.first().simplified()));
    // The plan's pages mark the new failures.
    CHECK(pages.mid(1)
              .join(QLatin1Char(' '))
              .contains(QStringLiteral("tests/integration/test_db.py::test_delete [failed, new]")));

    QTemporaryDir bareDir;
    const QStringList bare = pdfPages(c.bare, c.triaged, bareDir);
    CHECK_FALSE(bare.join(QLatin1Char(' ')).contains(QStringLiteral("Since last run")));
    CHECK_FALSE(bare.join(QLatin1Char(' ')).contains(QStringLiteral(", new]")));
}

TEST_CASE("The PDF names the first 20 new failures and counts the rest", "[compare][pdf]")
{
    Compared c = comparedRun2();
    ComparisonDigest &digest = *c.plan.comparison;
    for (int i = 0; i < 25; ++i) {
        ChangedTest t { ChangeClass::NewFailure,
            QStringLiteral("gen::test_generated_%1").arg(i, 2, 10, QLatin1Char('0')),
            QStringLiteral("test_generated_%1").arg(i, 2, 10, QLatin1Char('0')), QStringLiteral("Generated"),
            QStringLiteral("Unassigned") };
        t.inNew = true;
        t.newStatus = TestStatus::Failed;
        digest.tests.insert(i, t); // before the real ones, in order
    }
    QTemporaryDir dir;
    const QString first = pdfPages(c.plan, c.triaged, dir).first();
    CHECK(first.contains(QStringLiteral("test_generated_00")));
    CHECK(first.contains(QStringLiteral("test_generated_19")));
    CHECK_FALSE(first.contains(QStringLiteral("test_generated_20")));
    CHECK(first.contains(QStringLiteral("… and 8 more, marked “new” in the plan"))); // 5 generated + the 3 real ones
}

TEST_CASE("The PDF of a run compared with itself says that nothing changed", "[compare][pdf]")
{
    const Report run = importOrFail(dataPath(QStringLiteral("compare/run2.xml")));
    RemediationPlan plan = buildPlan(run, run, Exported);
    plan.comparison = digestComparison(run, run, compareRuns(run, run));
    QTemporaryDir dir;
    const QString first = pdfPages(plan, run, dir).first();
    CHECK(first.contains(QStringLiteral("0 new failures · 0 fixed · 5 still failing")));
    CHECK(first.contains(QStringLiteral("Every gap and every phase has as many failing tests as in the last run.")));
    CHECK_FALSE(first.contains(QStringLiteral("New failures (")));
    CHECK_FALSE(first.contains(QStringLiteral("Failing tests per phase")));
}
