// SPDX-License-Identifier: GPL-3.0-or-later
// The remediation plan and its widget-free writers, on the seed and on a triaged sample.
#include "testsupport.h"
#include "triagefixtures.h"

#include "markdowndocument.h"
#include "planwriters.h"
#include "sessionfile.h"
#include "triagesession.h"

#include <catch2/catch.hpp>

#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>

using namespace Gapwise;
using namespace TestSupport;

namespace {

// A minimal RFC 4180 reader, so the test does not trust the writer's own idea of quoting.
QVector<QStringList> readCsv(const QString &text)
{
    QVector<QStringList> rows;
    QStringList row;
    QString cell;
    bool quoted = false;
    for (int i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if (quoted) {
            if (c == QLatin1Char('"') && i + 1 < text.size() && text[i + 1] == QLatin1Char('"')) {
                cell += c;
                ++i;
            } else if (c == QLatin1Char('"')) {
                quoted = false;
            } else {
                cell += c;
            }
        } else if (c == QLatin1Char('"')) {
            quoted = true;
        } else if (c == QLatin1Char(',')) {
            row.append(cell);
            cell.clear();
        } else if (c == QLatin1Char('\r')) {
            continue;
        } else if (c == QLatin1Char('\n')) {
            row.append(cell);
            rows.append(row);
            row.clear();
            cell.clear();
        } else {
            cell += c;
        }
    }
    return rows;
}

RemediationPlan seedPlan()
{
    const QString seed = sharedPath(QStringLiteral("seeds/000_42158a470332176e.txt"));
    const Report r = importOrFail(seed);
    return buildPlan(r, r, QDateTime(QDate(2026, 11, 25), QTime(12, 0)));
}

} // namespace

TEST_CASE("the plan orders gaps by priority, then failures", "[plan]")
{
    if (sharedPath(QStringLiteral("seeds")).isEmpty()) {
        WARN("../shared/seeds is absent: skipped");
        return;
    }
    const RemediationPlan plan = seedPlan();
    REQUIRE(plan.gaps.size() == 5);
    QStringList order;
    for (const PlanGap &g : plan.gaps)
        order.append(priorityName(g.gap.priority) + QLatin1Char(' ') + g.gap.id);
    CHECK(order
        == QStringList { QStringLiteral("P0 gap-5"), QStringLiteral("P0 gap-4"), QStringLiteral("P1 gap-1"),
            QStringLiteral("P1 gap-2"), QStringLiteral("P2 gap-3") });
    CHECK(plan.gaps[0].failures == 11);
    CHECK(plan.gaps[0].testsByPhase.size() == 2); // unit and integration
    CHECK(plan.unassignedFailures == 0);
    CHECK(plan.unnamedFailures == 14); // 7 integration + 7 e2e the report counts without naming
    CHECK(plan.otherRemediation.size() == 1); // "Backend API Health" addresses no gap
    CHECK_FALSE(plan.changes.any());
}

TEST_CASE("The Markdown and JSON plans write the export time with its zone", "[plan][export]")
{
    // QA: the Markdown plan said "Exported: 2026-12-04T18:27:10", the PDF "… 18:27:03 UTC".
    const Report r = importOrFail(QStringLiteral(GAPWISE_SAMPLE_REPORT));
    const QDateTime berlin(QDate(2026, 12, 4), QTime(18, 27, 10), Qt::OffsetFromUTC, 3600);
    const RemediationPlan plan = buildPlan(r, r, berlin);
    CHECK(planToMarkdown(plan).contains("- Exported: 2026-12-04T18:27:10+01:00\n"));
    CHECK(planToJson(plan)[QLatin1String("exportedAt")] == QLatin1String("2026-12-04T18:27:10+01:00"));
    const RemediationPlan utc = buildPlan(r, r, berlin.toUTC());
    CHECK(planToMarkdown(utc).contains("- Exported: 2026-12-04T17:27:10Z\n"));
}

TEST_CASE("CSV: one row per failing test, quoted so that it reads back exactly", "[plan][export]")
{
    if (sharedPath(QStringLiteral("seeds")).isEmpty()) {
        WARN("../shared/seeds is absent: skipped");
        return;
    }
    const QVector<QStringList> rows = readCsv(QString::fromUtf8(planToCsv(seedPlan())));
    REQUIRE(rows.size() == 1 + 25);
    CHECK(rows[0]
        == QStringList { QStringLiteral("test"), QStringLiteral("phase"), QStringLiteral("gap"),
            QStringLiteral("priority"), QStringLiteral("status"), QStringLiteral("message"), QStringLiteral("owner"),
            QStringLiteral("gap status"), QStringLiteral("notes") });
    for (const QStringList &row : rows)
        CHECK(row.size() == 9);
    CHECK(rows[1][2] == QStringLiteral("Service Authentication Breakdown"));
    CHECK(rows[1][3] == QStringLiteral("P0"));
    CHECK(rows[1][4] == QStringLiteral("failed"));

    // Quotes, commas, newlines and formula starts survive; formulas are defused.
    Report tricky = syntheticReport(3, 1);
    tricky.tests[1].message = QStringLiteral("a \"quoted\", multi\nline message");
    tricky.tests[2].name = QStringLiteral("=HYPERLINK(\"x\")");
    const QVector<QStringList> back = readCsv(QString::fromUtf8(planToCsv(buildPlan(tricky, tricky, QDateTime()))));
    bool sawMessage = false, sawFormula = false;
    for (const QStringList &row : back) {
        sawMessage = sawMessage || row[5] == QStringLiteral("a \"quoted\", multi\nline message");
        sawFormula = sawFormula || row[0] == QStringLiteral("'=HYPERLINK(\"x\")");
    }
    CHECK(sawMessage);
    CHECK(sawFormula);
}

TEST_CASE("JSON: the plan with a schema version, exact counts for the seed", "[plan][export]")
{
    if (sharedPath(QStringLiteral("seeds")).isEmpty()) {
        WARN("../shared/seeds is absent: skipped");
        return;
    }
    const QByteArray bytes = QJsonDocument(planToJson(seedPlan())).toJson();
    QJsonParseError error;
    const QJsonObject json = QJsonDocument::fromJson(bytes, &error).object();
    REQUIRE(error.error == QJsonParseError::NoError);
    CHECK(json.value(QStringLiteral("schemaVersion")).toInt() == PlanJsonSchemaVersion);
    const QJsonArray gaps = json.value(QStringLiteral("gaps")).toArray();
    REQUIRE(gaps.size() == 5);
    int tests = 0;
    for (const QJsonValue g : gaps)
        tests += g.toObject().value(QStringLiteral("tests")).toArray().size();
    CHECK(tests == 25);
    CHECK(json.value(QStringLiteral("phases")).toArray().size() == 3);
    CHECK(json.value(QStringLiteral("phases")).toArray()[0].toObject().value(QStringLiteral("failureRate")).toDouble()
        == Approx(20.0 / 37));
    CHECK(gaps[0].toObject().value(QStringLiteral("remediation")).toArray().size() == 1);
    CHECK(json.value(QStringLiteral("unassigned")).toArray().isEmpty());
}

TEST_CASE("Markdown: valid CommonMark that md4c reads back into the same plan", "[plan][export]")
{
    TriageSession session;
    session.load(importOrFail(QStringLiteral(GAPWISE_SAMPLE_REPORT)));
    const Report &r = session.report();
    session.moveTests({ r.tests[0].id }, QStringLiteral("gap-4"));
    session.mergeGaps(QStringLiteral("gap-3"), QStringLiteral("gap-1"));
    session.renameGap(QStringLiteral("gap-2"), QStringLiteral("Promotion cache | TTL `stale`"));
    const RemediationPlan plan = buildPlan(session);
    const MarkdownDocument doc = parseMarkdown(planToMarkdown(plan));

    QStringList headings;
    int tableRows = 0;
    int testItems = 0;
    for (const MarkdownBlock &b : doc.blocks) {
        if (b.kind == MarkdownBlock::Heading && b.level == 3)
            headings.append(b.text);
        if (b.kind == MarkdownBlock::TableRow && !b.headerRow)
            ++tableRows;
        if (b.kind == MarkdownBlock::ListItem && b.codeSpans.size() == 1)
            ++testItems;
    }
    CHECK(tableRows == 3);
    CHECK(headings.contains(QStringLiteral("P1 — Promotion cache | TTL `stale`"))); // escaped, read back whole
    CHECK(headings.contains(QStringLiteral("What the triage changed")));
    CHECK_FALSE(headings.contains(QStringLiteral("P2 — Inventory Reservation Races"))); // merged away
    int failing = 0;
    for (const TestCase &t : r.tests)
        failing += isFailing(t.status);
    CHECK(testItems == failing);
    CHECK(plan.changes.movedTests == 1); // by hand; the merge's two are told by the merge
    CHECK(plan.changes.mergedGaps
        == QStringList { QStringLiteral("Inventory Reservation Races → Currency Rounding Drift") });
    CHECK(plan.changes.renamedGaps.size() == 1);
}

TEST_CASE("A gap Gapwise suggested and nobody accepted says so in the Markdown, JSON and PDF text", "[plan][export]")
{
    Report r = syntheticReport(40, 3);
    r.gaps[2].suggested = true;
    const RemediationPlan plan = buildPlan(r, r, QDateTime(QDate(2026, 11, 29), QTime(12, 0)));
    const QString markdown = QString::fromUtf8(planToMarkdown(plan));
    CHECK(markdown.count(QStringLiteral("Suggested by Gapwise")) == 1);
    // The line sits in that gap's section, right under its heading.
    const qsizetype heading = markdown.indexOf(QStringLiteral(" — ") + r.gaps[2].title + QLatin1Char('\n'));
    REQUIRE(heading >= 0);
    CHECK(markdown.indexOf(QStringLiteral("Suggested by Gapwise"), heading)
        < markdown.indexOf(QStringLiteral("- Failures:"), heading));

    const QJsonArray gaps = planToJson(plan).value(QStringLiteral("gaps")).toArray();
    int suggested = 0;
    for (const QJsonValue g : gaps) {
        const QJsonObject o = g.toObject();
        REQUIRE(o.contains(QStringLiteral("suggested")));
        if (o.value(QStringLiteral("suggested")).toBool()) {
            ++suggested;
            CHECK(o.value(QStringLiteral("id")).toString() == r.gaps[2].id);
        }
    }
    CHECK(suggested == 1);
}

TEST_CASE(
    "A phase whose tests all lack a verdict has no failure rate in the plan, one with a verdict has one", "[plan]")
{
    Report r;
    for (const char *id : { "undecided", "ran" }) {
        Phase p;
        p.id = p.name = QString::fromLatin1(id);
        r.phases.append(p);
    }
    const std::pair<const char *, TestStatus> tests[]
        = { { "undecided", TestStatus::Unknown }, { "undecided", TestStatus::Unknown }, { "ran", TestStatus::Unknown },
              { "ran", TestStatus::Failed }, { "ran", TestStatus::Passed } };
    for (const auto &[phase, status] : tests) {
        TestCase t;
        t.name = QStringLiteral("test_%1").arg(r.tests.size());
        t.phaseId = QString::fromLatin1(phase);
        t.status = status;
        r.tests.append(t);
    }
    const RemediationPlan plan = buildPlan(r, r, QDateTime(QDate(2026, 12, 3), QTime(12, 0)));
    REQUIRE(plan.phases.size() == 2);
    CHECK(plan.phases[0].failureRate < 0); // written "–"
    CHECK(plan.phases[1].failureRate == Approx(0.5)); // 1 failed of the 2 that ran
}

TEST_CASE("Notes typed on several lines keep their lines in the Markdown, and read as typed", "[plan][export]")
{
    Report r = syntheticReport(40, 3);
    r.gaps[0].notes = QStringLiteral("Line one | pipe\n* not emphasis\n- not a list\n---\n\n1. not a step\r\nlast");
    const RemediationPlan plan = buildPlan(r, r, QDateTime(QDate(2026, 12, 4), QTime(12, 0)));
    const QString markdown = QString::fromUtf8(planToMarkdown(plan));
    CHECK(markdown.contains(QStringLiteral(
        "Line one \\| pipe\\\n\\* not emphasis\\\n\\- not a list\\\n\\---\n\n1\\. not a step\\\nlast\n")));
    // md4c reads two paragraphs back, the first with its four lines, and neither a list nor a heading.
    const MarkdownDocument doc = parseMarkdown(planToMarkdown(plan));
    QStringList paragraphs;
    for (const MarkdownBlock &b : doc.blocks) {
        if (b.kind == MarkdownBlock::Paragraph)
            paragraphs.append(b.text);
        CHECK_FALSE((b.kind == MarkdownBlock::ListItem && b.text.contains(QStringLiteral("not a"))));
        CHECK_FALSE((b.kind == MarkdownBlock::Heading && b.text.contains(QStringLiteral("Line one"))));
    }
    CHECK(paragraphs.contains(QStringLiteral("Line one | pipe\n* not emphasis\n- not a list\n---")));
    CHECK(paragraphs.contains(QStringLiteral("1. not a step\nlast")));
}

TEST_CASE("Plans name the files of a folder that could not be imported", "[plan][export]")
{
    // A folder's 5 malformed files were mentioned nowhere in the plan ("junit-xml (74 files)" of 79).
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    writeFileOrFail(dir, QStringLiteral("a.xml"),
        R"(<testsuite name="A"><testcase classname="c.A" name="t"><failure message="boom"/></testcase></testsuite>)");
    writeFileOrFail(dir, QStringLiteral("b.xml"), "<testsuite name=\"B\">\n<testcase");
    const ImportResult imported = importFile(dir.path());
    REQUIRE(imported.ok());
    const Report &run = *imported.report;
    const RemediationPlan plan = buildPlan(run, run, QDateTime::currentDateTime());
    const QString line = QString::fromUtf8(planToMarkdown(plan));
    CHECK(line.contains(QLatin1String("\n- 1 file not imported: b.xml (line ")));
    const QJsonArray unread = planToJson(plan).value(QStringLiteral("notImported")).toArray();
    REQUIRE(unread.size() == 1);
    CHECK(unread.first().toString().startsWith(QLatin1String("b.xml (line ")));
    // A run whose files were all read says nothing of it.
    Report whole = run;
    whole.unreadFiles.clear();
    whole.diagnostics.clear(); // the unread file's diagnostic, which the plan lists as an import note
    const RemediationPlan clean = buildPlan(whole, whole, QDateTime::currentDateTime());
    CHECK_FALSE(QString::fromUtf8(planToMarkdown(clean)).contains(QLatin1String("not imported")));
    CHECK_FALSE(planToJson(clean).contains(QStringLiteral("notImported")));
}
