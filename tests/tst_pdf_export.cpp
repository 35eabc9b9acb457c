// SPDX-License-Identifier: GPL-3.0-or-later
// The PDF plan read back with QtPdf: pages, every gap, priority order, page numbers, no raster images.
#include "testsupport.h"
#include "triagefixtures.h"

#include "pdfexporter.h"
#include "remediationplan.h"

#include <catch2/catch.hpp>

#include <QFile>
#include <QPdfDocument>
#include <QPdfSelection>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>

using namespace Gapwise;
using namespace TestSupport;

namespace {

QString normalized(QString text)
{
    // Headings wrap; the PDF's text then has line breaks where the title had spaces.
    return text.replace(QRegularExpression(QStringLiteral("\\s+")), QStringLiteral(" "));
}

struct ExportedPdf
{
    QString path;
    QStringList pages; // each page's text, whitespace normalised
    QString all() const { return pages.join(QLatin1Char(' ')); }
};

// `rawPages`, if given, gets each page's text as the PDF has it, its lines apart.
ExportedPdf exportPdf(const Report &report, const QTemporaryDir &dir, QStringList *rawPages = nullptr)
{
    ExportedPdf pdf;
    pdf.path = dir.filePath(QStringLiteral("plan.pdf"));
    const RemediationPlan plan = buildPlan(report, report, QDateTime(QDate(2026, 1, 2), QTime(3, 4)));
    QString error;
    INFO(error.toStdString());
    REQUIRE(PdfExporter::exportPlan(plan, report, pdf.path, &error));
    QPdfDocument doc;
    REQUIRE(doc.load(pdf.path) == QPdfDocument::Error::None);
    for (int i = 0; i < doc.pageCount(); ++i) {
        const QString text = doc.getAllText(i).text();
        pdf.pages << normalized(text);
        if (rawPages)
            *rawPages << text;
    }
    return pdf;
}

// Raster images in the PDF: pdfimages -list when poppler-utils is there, else the image XObjects in the bytes.
int imageCount(const QString &path)
{
    const QString pdfimages = QStandardPaths::findExecutable(QStringLiteral("pdfimages"));
    if (!pdfimages.isEmpty()) {
        QProcess process;
        process.start(pdfimages, { QStringLiteral("-list"), path });
        REQUIRE(process.waitForFinished(30000));
        REQUIRE(process.exitCode() == 0);
        const QStringList lines
            = QString::fromUtf8(process.readAllStandardOutput()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        REQUIRE(lines.size() >= 2); // the header and its underline
        return int(lines.size()) - 2;
    }
    QFile file(path);
    REQUIRE(file.open(QIODevice::ReadOnly));
    return int(file.readAll().count("/Subtype /Image"));
}

void checkPlanPdf(const Report &report, const ExportedPdf &pdf)
{
    REQUIRE(pdf.pages.size() >= 2);
    const QString text = pdf.all();
    for (int i = 0; i < pdf.pages.size(); ++i) {
        const QString number = QStringLiteral("Page %1 of %2").arg(i + 1).arg(pdf.pages.size());
        INFO(number.toStdString());
        CHECK(pdf.pages[i].contains(number));
    }
    // The plan's headings follow the summary and charts; chart labels name the gaps too, so look after them.
    const int planStart = text.indexOf(QStringLiteral("Remediation plan by priority"));
    REQUIRE(planStart > 0);
    int lastP0 = -1, firstP1 = text.size();
    for (const Gap &gap : report.gaps) {
        const QString heading = normalized(priorityName(gap.priority) + QStringLiteral(" · ") + gap.title);
        const int at = gap.priority == Priority::None ? text.indexOf(normalized(gap.title), planStart)
                                                      : text.indexOf(heading, planStart);
        INFO(gap.title.toStdString());
        CHECK(at > planStart);
        if (gap.priority == Priority::P0)
            lastP0 = qMax(lastP0, at);
        if (gap.priority == Priority::P1)
            firstP1 = qMin(firstP1, at);
    }
    CHECK(lastP0 < firstP1);
    CHECK(imageCount(pdf.path) == 0);
}

} // namespace

TEST_CASE("The seed's plan as PDF: every gap, P0 before P1, page numbers, vector only", "[pdf]")
{
    const QString seed = sharedPath(QStringLiteral("seeds/000_42158a470332176e.txt"));
    if (seed.isEmpty() || !QFile::exists(seed)) {
        WARN("The shared seed is absent (../shared/seeds): skipping the seed PDF test");
        return;
    }
    const Report report = importOrFail(seed);
    QTemporaryDir dir;
    const ExportedPdf pdf = exportPdf(report, dir);
    checkPlanPdf(report, pdf);
    // The summary: phases with their failure rates, the counts the report names and does not.
    CHECK(pdf.pages[0].contains(QStringLiteral("54.1%")));
    // 14 failed and the 4 import errors of its integration phase: 43 failing, 25 of them named.
    CHECK(pdf.pages[0].contains(QStringLiteral("14 failures and 4 errors counted but not named by the report")));
    // Chart text is text too (ticks, the rate labels).
    CHECK(pdf.pages[0].count(QStringLiteral("100.0%")) >= 2);
}

TEST_CASE("The bundled sample's plan as PDF", "[pdf]")
{
    const Report report = importOrFail(QStringLiteral(GAPWISE_SAMPLE_REPORT));
    REQUIRE(!report.gaps.isEmpty());
    QTemporaryDir dir;
    checkPlanPdf(report, exportPdf(report, dir));
}

TEST_CASE("A plan with nothing to remediate says so under its heading", "[pdf]")
{
    Report report;
    Phase phase;
    phase.id = phase.name = QStringLiteral("Unit");
    report.phases.append(phase);
    TestCase passing;
    passing.name = QStringLiteral("test_ok");
    passing.phaseId = phase.id;
    passing.status = TestStatus::Passed;
    report.tests.append(passing);
    QTemporaryDir dir;
    const ExportedPdf pdf = exportPdf(report, dir);
    const QString text = pdf.all();
    const int planStart = text.indexOf(QStringLiteral("Remediation plan by priority"));
    REQUIRE(planStart > 0);
    CHECK(text.indexOf(QStringLiteral("Nothing to remediate"), planStart) > planStart);
}

TEST_CASE("A suggested gap nobody accepted says so in the PDF, an accepted one does not", "[pdf]")
{
    Report report = importOrFail(QStringLiteral(GAPWISE_SAMPLE_REPORT));
    REQUIRE(report.gaps.size() >= 2);
    // The sample has suggested gaps of its own (its unassigned timeouts): only gap 1 is one here.
    for (Gap &gap : report.gaps)
        gap.suggested = false;
    report.gaps[1].suggested = true;
    QTemporaryDir dir;
    CHECK(exportPdf(report, dir).all().count(QStringLiteral("Suggested by Gapwise, not accepted yet")) == 1);
    report.gaps[1].suggested = false;
    // Accepted: no "not accepted" line (a once-suggested gap's evidence still says where it came from).
    CHECK_FALSE(exportPdf(report, dir).all().contains(QStringLiteral("not accepted yet")));
}

TEST_CASE("Notes on several lines stay several lines in the PDF, and a name's line break shows as one", "[pdf]")
{
    Report report = syntheticReport(40, 3);
    report.gaps[0].notes = QStringLiteral("Line one | pipe\n* bullet with `code`");
    for (TestCase &t : report.tests) {
        if (t.gapId == report.gaps[1].id && isFailing(t.status)) {
            t.name = QStringLiteral("test_newline\nin name");
            break;
        }
    }
    QTemporaryDir dir;
    const ExportedPdf pdf = exportPdf(report, dir);
    // Run together, the two lines read "pipe* bullet"; on two lines the text has a break between them.
    CHECK(pdf.all().contains(QStringLiteral("Notes: Line one | pipe * bullet with `code`")));
    CHECK_FALSE(pdf.all().contains(QStringLiteral("pipe*")));
    CHECK(pdf.all().contains(QStringLiteral("test_newline \u21B5 in name")));
}

TEST_CASE("A long plan continues across pages without losing a test", "[pdf]")
{
    const Report report = syntheticReport(900, 6);
    QTemporaryDir dir;
    const ExportedPdf pdf = exportPdf(report, dir);
    checkPlanPdf(report, pdf);
    CHECK(pdf.pages.size() > 10);
    const QString text = pdf.all();
    CHECK(text.contains(QStringLiteral("(continued)")));
    int failing = 0;
    for (const TestCase &t : report.tests) {
        if (!isFailing(t.status))
            continue;
        ++failing;
        INFO(t.name.toStdString());
        CHECK(text.contains(t.name + QLatin1Char(' ')));
    }
    CHECK(failing > 600);
}

TEST_CASE("A continued section's heading stays within the page, however long its gap's title", "[pdf]")
{
    Report report = syntheticReport(900, 6);
    const QString title = QStringLiteral("Service auth: missing E2E bypass key ").repeated(6).trimmed();
    for (Gap &gap : report.gaps) // whichever gap runs onto another page
        gap.title = title + QStringLiteral(" #%1").arg(gap.id);
    QTemporaryDir dir;
    const ExportedPdf pdf = exportPdf(report, dir);
    const QString text = pdf.all();
    // Before: the whole title, then the phase and "(continued)", past the right margin.
    CHECK_FALSE(text.contains(
        QRegularExpression(QRegularExpression::escape(title) + QStringLiteral(" #[^()]{0,80}\\(continued\\)"))));
    CHECK(
        text.contains(QRegularExpression(QStringLiteral("Service auth[^()]{0,150}\u2026[^()]{0,150}\\(continued\\)"))));
}

TEST_CASE("A PDF that cannot be written leaves no file and says why", "[pdf]")
{
    const Report report = importOrFail(QStringLiteral(GAPWISE_SAMPLE_REPORT));
    const RemediationPlan plan = buildPlan(report, report, QDateTime::currentDateTime());
    QString error;
    CHECK_FALSE(PdfExporter::exportPlan(plan, report, QStringLiteral("/nonexistent-dir/plan.pdf"), &error));
    CHECK_FALSE(error.isEmpty());
    CHECK_FALSE(QFile::exists(QStringLiteral("/nonexistent-dir/plan.pdf")));
}

TEST_CASE("The page size follows the locale: Letter in the US and Canada, A4 elsewhere", "[pdf]")
{
    const QLocale before;
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    CHECK(PdfExporter::defaultPageSize().id() == QPageSize::Letter);
    QLocale::setDefault(QLocale(QLocale::French, QLocale::Canada));
    CHECK(PdfExporter::defaultPageSize().id() == QPageSize::Letter);
    QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
    CHECK(PdfExporter::defaultPageSize().id() == QPageSize::A4);
    QLocale::setDefault(before);
}

TEST_CASE("A phase's stated outcome stands under its name in the PDF's phase table", "[pdf][phase-outcome]")
{
    const Report report = importBytesOrFail(checkoutRunWithOutcomes());
    REQUIRE(report.phases.size() == 2);
    REQUIRE(report.phases[0].outcome == QStringLiteral("CRITICAL FAILURE BLOCKING CHECKOUT"));
    QTemporaryDir dir;
    const QString first = exportPdf(report, dir).pages.value(0);
    const int name = first.indexOf(QStringLiteral("Payment Tests"));
    const int outcome = first.indexOf(QStringLiteral("CRITICAL FAILURE BLOCKING CHECKOUT"));
    INFO(first.toStdString());
    REQUIRE(name >= 0);
    CHECK(outcome > name); // whole, after its phase's name ...
    CHECK(outcome < first.indexOf(QStringLiteral("Unit Tests"), name)); // ... and before the next phase
    CHECK(first.count(QStringLiteral("CRITICAL FAILURE")) == 1); // not in the name as well
}

TEST_CASE("The PDF's phase table says what each failure rate is of", "[pdf][rate]")
{
    // 16 failed of the 21 that ran; 3 skipped, not counted; one failing test named.
    const Report report = importBytesOrFail("# Nightly\n\n## Integration\n\n- **Total Tests:** 24\n- **Passed:** 5\n"
                                            "- **Failed:** 16\n- **Skipped:** 3\n\n"
                                            "| Test | Result |\n|------|--------|\n| test_login | [FAIL] failed |\n");
    REQUIRE(report.phases.size() == 1);
    QTemporaryDir dir;
    const QString first = exportPdf(report, dir).pages.value(0);
    INFO(first.toStdString());
    CHECK(first.contains(QStringLiteral("Failure rate")));
    CHECK(first.contains(QStringLiteral("76.2% (16 of 21)")));
    CHECK(first.contains(
        QStringLiteral("Failure rate: failed and errors of the tests that ran (passed, failed, errors); skipped ones "
                       "not counted.")));
}

TEST_CASE(
    "The PDF states the phase table, count notes and summary line of the other formats and lists the import notes",
    "[pdf][counts]")
{
    QTemporaryDir dir;
    // The first page of the report's plan, and the plan.
    const auto firstPage = [&](const char *markdown, RemediationPlan *plan) {
        const Report report = importBytesOrFail(QByteArray(markdown));
        *plan = buildPlan(report, report, QDateTime());
        return exportPdf(report, dir).pages.value(0);
    };
    RemediationPlan plan;
    // A phase stating 6 tests beside 2 passed, 4 failed and 2 import errors; one failing test named.
    const QString first
        = firstPage("# Nightly Run\n\n## Test Execution Results by Phase\n\n### Phase 1: Integration Tests\n\n"
                    "**Results Summary:**\n- **Total Tests Collected:** 6\n- **Import Errors:** 2\n- **Failed:** 4\n"
                    "- **Passed:** 2\n\n#### Gap 1: Login Broken (1 failure)\n- `test_login_integration`\n",
            &plan);
    INFO(first.toStdString());
    CHECK(first.contains(QStringLiteral("Integration Tests 8 2 4 2 — 75.0% (6 of 8)")));
    CHECK(first.contains(QStringLiteral("Integration Tests: the report states 6 tests, but its counts add up to 8 "
                                        "(2 passed, 4 failed, 2 errors); the plan shows 8.")));
    CHECK(first.contains(planSummaryLine(plan, QLocale())));
    CHECK(first.contains(QStringLiteral("1 gap · 3 failures and 2 errors counted but not named by the report")));
    CHECK_FALSE(first.contains(QStringLiteral("in no gap"))); // 0 of them: left out
    CHECK_FALSE(first.contains(QStringLiteral("Import notes"))); // the report contradicts nothing

    // States 0 skipped and names 3; its total, 6, is 2 passed + 1 failed + the 3 skipped.
    const QString page = firstPage(
        "# Staging Run\n\n## Summary\n- **Total Tests:** 6\n- **Passed:** 2\n- **Failed:** 1\n- **Skipped:** 0\n\n"
        "## Test Results\n\n| Test | Result | Time |\n|------|--------|------|\n| test_one | [PASS] passed | 0.1s |\n"
        "| test_two | [PASS] passed | 0.1s |\n| test_three | [FAIL] failed | 0.1s |\n"
        "| test_four | [SKIP] skipped | 0.0s |\n| test_five | [SKIP] skipped | 0.0s |\n"
        "| test_six | [SKIP] skipped | 0.0s |\n",
        &plan);
    INFO(page.toStdString());
    CHECK(page.contains(QStringLiteral("Test Results 6 2 1 — 3 33.3% (1 of 3)")));
    const int notes = page.indexOf(QStringLiteral("Import notes"));
    REQUIRE(notes > 0);
    CHECK(page.indexOf(QStringLiteral("Warning, line 9: phase “Test Results” states 0 skipped but names 3 skipped "
                                      "tests; the named tests are kept"),
              notes)
        > notes);
}

TEST_CASE("A long test id keeps its status on the line of its name's last part", "[pdf][layout]")
{
    Report report = syntheticReport(3, 1);
    const QString longId = QStringLiteral(
        "tests/e2e/staging/"
        "test_1_websocket_events_staging.py::TestWebSocketEventsStaging::test_websocket_event_flow_real");
    for (int i = 0; i < report.tests.size(); ++i) {
        TestCase &t = report.tests[i];
        t.name = longId + QString::number(i);
        t.status = TestStatus::Failed;
        t.gapId = report.gaps[0].id;
    }
    QTemporaryDir dir;
    QStringList raw;
    exportPdf(report, dir, &raw);
    const QStringList lines = raw.join(QLatin1Char('\n')).split(QRegularExpression(QStringLiteral("[\r\n]+")));
    int statuses = 0;
    for (const QString &line : lines) {
        if (!line.contains(QStringLiteral("[failed]")))
            continue;
        ++statuses;
        INFO(line.toStdString());
        CHECK(line.contains(QStringLiteral("::test_websocket_event_flow_real")));
    }
    CHECK(statuses == 3);
}

TEST_CASE("A short last block of the plan is not left with its last lines alone on a page", "[pdf][layout]")
{
    // However many tests come before it, 3 remediation items linked to no gap stay on one page with their
    // heading, and the last 3 of 12 on one page.
    for (int tests = 40; tests <= 76; tests += 2) {
        for (const int itemCount : { 3, 12 }) {
            Report report = syntheticReport(tests, 1);
            for (TestCase &t : report.tests) {
                t.status = TestStatus::Failed;
                t.gapId = report.gaps[0].id;
                t.message.clear();
            }
            report.remediation.clear();
            for (int i = 1; i <= itemCount; ++i) {
                RemediationItem item;
                item.priority = Priority::P3;
                item.title = QStringLiteral("Loose item %1").arg(i);
                item.details = QStringLiteral("Details of loose item %1").arg(i);
                report.remediation.append(item);
            }
            QTemporaryDir dir;
            const ExportedPdf pdf = exportPdf(report, dir);
            INFO(tests << " tests, " << itemCount << " items, " << pdf.pages.size() << " pages");
            int headingPage = -1;
            for (int p = 0; p < pdf.pages.size(); ++p) {
                if (pdf.pages[p].contains(QStringLiteral("Remediation items linked to no gap")))
                    headingPage = p;
            }
            REQUIRE(headingPage >= 0);
            const int lastPage = int(pdf.pages.size()) - 1;
            for (int i = 1; i <= 3; ++i) {
                if (itemCount == 3)
                    CHECK(pdf.pages[headingPage].contains(QStringLiteral("Details of loose item %1").arg(i)));
                else
                    CHECK(pdf.pages[lastPage].contains(
                        QStringLiteral("Details of loose item %1").arg(itemCount + 1 - i)));
            }
        }
    }
}
