// SPDX-License-Identifier: GPL-3.0-or-later
// How long the PDF plan takes: bench_pdfexport [FAILING_TESTS=5000] [OUT.pdf] or bench_pdfexport --report FILE
// [OUT.pdf]. Not a ctest test: timing belongs in a benchmark you run by hand, on a quiet machine.
#include "triagefixtures.h"

#include "importer.h"
#include "pdfexporter.h"
#include "remediationplan.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTextStream>

using namespace Gapwise;

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QStringList args = QCoreApplication::arguments().mid(1);
    QTextStream out(stdout);
    Report report;
    if (args.value(0) == QLatin1String("--report")) {
        const ImportResult result = importFile(args.value(1));
        if (!result.ok()) {
            out << "cannot import " << result.error.toString() << '\n';
            return 3;
        }
        report = *result.report;
        args = args.mid(2);
    } else {
        const int failing = args.isEmpty() ? 5000 : args.takeFirst().toInt();
        // syntheticReport fails 4 tests in 5.
        report = TestSupport::syntheticReport(failing * 5 / 4, 12);
    }
    QTemporaryDir dir;
    const QString path = args.isEmpty() ? dir.filePath(QStringLiteral("plan.pdf")) : args.first();
    int failing = 0;
    for (const TestCase &t : report.tests)
        failing += isFailing(t.status) ? 1 : 0;

    QElapsedTimer timer;
    timer.start();
    const RemediationPlan plan = buildPlan(report, report, QDateTime::currentDateTime());
    const qint64 planMs = timer.restart();
    const PlanCharts charts = PdfExporter::chartsFor(plan, report);
    const qint64 chartsMs = timer.restart();
    QString error;
    if (!PdfExporter::write(plan, charts, path, &error)) {
        out << "cannot write " << path << ": " << error << '\n';
        return 3;
    }
    const qint64 writeMs = timer.elapsed();
    out << report.tests.size() << " tests, " << failing << " failing, " << report.gaps.size() << " gaps → " << path
        << '\n'
        << "plan " << planMs << " ms, charts " << chartsMs << " ms, pages+file " << writeMs << " ms, total "
        << planMs + chartsMs + writeMs << " ms, " << QFileInfo(path).size() / 1024 << " KiB\n";
    return 0;
}
