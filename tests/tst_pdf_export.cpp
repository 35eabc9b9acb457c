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

ExportedPdf exportPdf(const Report &report, const QTemporaryDir &dir)
{
    ExportedPdf pdf;
    pdf.path = dir.filePath(QStringLiteral("plan.pdf"));
    const RemediationPlan plan = buildPlan(report, report, QDateTime(QDate(2026, 1, 2), QTime(3, 4)));
    QString error;
    INFO(error.toStdString());
    REQUIRE(PdfExporter::exportPlan(plan, report, pdf.path, &error));
    QPdfDocument doc;
    REQUIRE(doc.load(pdf.path) == QPdfDocument::Error::None);
    for (int i = 0; i < doc.pageCount(); ++i)
        pdf.pages << normalized(doc.getAllText(i).text());
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
    CHECK(pdf.pages[0].contains(QStringLiteral("14 failures counted but not named")));
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
