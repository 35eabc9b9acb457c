#include "exportcommand.h"

#include "exitcodes.h"
#include "comparisondigest.h"
#include "importer.h"
#include "pdfexporter.h"
#include "planwriters.h"
#include "runcomparison.h"
#include "sessionfile.h"
#include "triagecarryover.h"
#include "triagedrun.h"
#include "triagesession.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QFileInfo>
#include <QJsonDocument>
#include <QTextStream>

using namespace Gapwise;

namespace {

const QStringList Formats = {QStringLiteral("pdf"), QStringLiteral("md"), QStringLiteral("csv"), QStringLiteral("json")};

} // namespace

int runExportCommand(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Export the remediation plan of a report or a saved triage session."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("export"), QStringLiteral("The export command."));
    parser.addPositionalArgument(QStringLiteral("REPORT"), QStringLiteral("A report to export (or use --session)."), QStringLiteral("[REPORT]"));
    const QCommandLineOption format(QStringLiteral("format"), QStringLiteral("pdf, md, csv or json."), QStringLiteral("FORMAT"));
    const QCommandLineOption session(QStringLiteral("session"), QStringLiteral("A saved .gapwise session to export."), QStringLiteral("S.gapwise"));
    const QCommandLineOption output({QStringLiteral("o"), QStringLiteral("output")}, QStringLiteral("Where to write."), QStringLiteral("OUT"));
    const QCommandLineOption compareWith(QStringLiteral("compare"),
                                         QStringLiteral("An earlier run (report or .gapwise session) to compare with: the plan gets a "
                                                        "\"since last run\" section (every format). With REPORT, OLD's triage "
                                                        "is carried over; with --session, the session's own triage applies."),
                                         QStringLiteral("OLD"));
    parser.addOptions({format, session, output, compareWith});
    QTextStream err(stderr);
    const QString usage = QStringLiteral("Usage: gapwise export --format pdf|md|csv|json [--session S.gapwise | REPORT] [--compare OLD] -o OUT\n");
    if (!parser.parse(arguments)) {
        err << "gapwise export: " << parser.errorText() << '\n' << usage;
        return ExitCode::Usage;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        QTextStream(stdout) << parser.helpText();
        return ExitCode::Ok;
    }
    const QStringList positional = parser.positionalArguments();
    const QString fmt = parser.value(format).toLower();
    const bool fromSession = parser.isSet(session);
    if (!Formats.contains(fmt) || !parser.isSet(output) || positional.size() != (fromSession ? 1 : 2)) {
        err << "gapwise export: " << (Formats.contains(fmt) ? "expected -o OUT and one REPORT or --session" : "unknown --format")
            << '\n' << usage;
        return ExitCode::Usage;
    }
    if (fmt == QLatin1String("pdf") && !qobject_cast<QApplication *>(QCoreApplication::instance())) {
        err << "gapwise export: the PDF format needs the application started by main()\n";
        return ExitCode::Usage;
    }

    Report imported, triaged;
    QVector<QJsonObject> edits; // the edits that made `triaged`: the plan's "what the triage changed"
    QString error;
    if (fromSession) {
        // loadTriagedReport applies the edits; the plan compares with the report as imported.
        if (!loadTriagedReport(parser.value(session), &triaged, &error, &edits)) {
            err << "gapwise: cannot open " << error << '\n';
            return ExitCode::BadInput;
        }
        const auto file = readSessionFile(parser.value(session), &error);
        const ImportResult original = file ? importFile(file->resolvedReportPath()) : ImportResult();
        imported = original.ok() ? *original.report : triaged;
    } else {
        const ImportResult result = importFile(positional.at(1));
        if (!result.ok()) {
            err << "gapwise: cannot import " << result.error.toString() << '\n';
            return ExitCode::BadInput;
        }
        imported = triaged = *result.report;
    }
    std::optional<ComparisonDigest> digest;
    if (parser.isSet(compareWith)) {
        const auto oldRun = loadTriagedRun(parser.value(compareWith), &error);
        if (!oldRun) {
            err << "gapwise: cannot open " << error << '\n';
            return ExitCode::BadInput;
        }
        const RunComparison comparison = compareRuns(oldRun->imported, imported);
        if (fromSession) { // the session's own triage is the plan; gaps match OLD's by id and title
            digest = digestComparison(oldRun->triaged, triaged, comparison);
        } else {
            TriageSession carried;
            const CarryOverResult carry = carryOverTriage(carried, imported, *oldRun, comparison);
            triaged = carried.report();
            edits = editsInForce(carried);
            digest = digestComparison(oldRun->triaged, triaged, comparison, &carry);
        }
    }
    RemediationPlan plan = buildPlan(imported, triaged, edits, QDateTime::currentDateTime());
    plan.comparison = digest;
    const QString out = parser.value(output);
    if (fmt == QLatin1String("pdf")) {
        if (!PdfExporter::exportPlan(plan, triaged, out, &error)) {
            err << "gapwise: cannot write " << out << ": " << error << '\n';
            return ExitCode::BadInput;
        }
        return ExitCode::Ok;
    }
    const QByteArray bytes = fmt == QLatin1String("md")  ? planToMarkdown(plan)
                           : fmt == QLatin1String("csv") ? planToCsv(plan)
                                                         : QJsonDocument(planToJson(plan)).toJson(QJsonDocument::Indented);
    if (!writeFileAtomically(out, bytes, &error)) {
        err << "gapwise: cannot write " << out << ": " << error << '\n';
        return ExitCode::BadInput;
    }
    return ExitCode::Ok;
}

bool exportNeedsWidgets(int argc, char **argv)
{
    // QCustomPlot draws the PDF's charts and is a widget: only the PDF needs a QApplication.
    for (int i = 2; i < argc; ++i) {
        const QString arg = QString::fromLocal8Bit(argv[i]).toLower();
        if (arg == QLatin1String("--format=pdf") || (arg == QLatin1String("--format") && i + 1 < argc
                                                      && QString::fromLocal8Bit(argv[i + 1]).toLower() == QLatin1String("pdf")))
            return true;
    }
    return false;
}
