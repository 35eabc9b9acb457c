#include "inspectcommand.h"

#include "importer.h"
#include "reportjson.h"

#include <QCommandLineParser>
#include <QJsonDocument>
#include <QTextStream>

using namespace Gapwise;

namespace {

QString countText(int n)
{
    return n < 0 ? QStringLiteral("-") : QString::number(n);
}

void printSummary(const Report &report, QTextStream &out)
{
    out << report.title << '\n';
    if (!report.date.isEmpty())
        out << "Date: " << report.date << '\n';
    if (!report.environment.isEmpty())
        out << "Environment: " << report.environment << '\n';
    out << "Format: " << report.format << "\n\n";
    out << "Phases (" << report.phases.size() << "):\n";
    for (const Phase &p : report.phases) {
        out << "  " << p.name << ": " << countText(p.total) << " total, " << countText(p.passed) << " passed, "
            << countText(p.failed) << " failed, " << countText(p.errors) << " errors, " << countText(p.skipped)
            << " skipped";
        if (p.durationSeconds >= 0)
            out << ", " << p.durationSeconds << " s";
        out << '\n';
    }
    out << "\nGaps (" << report.gaps.size() << "):\n";
    for (const Gap &g : report.gaps) {
        const auto inGap = std::count_if(report.tests.cbegin(), report.tests.cend(),
                                         [&](const TestCase &t) { return t.gapId == g.id; });
        out << "  [" << (priorityName(g.priority).isEmpty() ? QStringLiteral("--") : priorityName(g.priority)) << "] "
            << g.title << " (" << inGap << " tests)\n";
    }
    const auto unassigned = std::count_if(report.tests.cbegin(), report.tests.cend(),
                                          [](const TestCase &t) { return t.gapId.isEmpty() && isFailing(t.status); });
    out << "\nTests: " << report.tests.size() << " named (" << report.countTests(TestStatus::Failed) << " failed, "
        << report.countTests(TestStatus::Error) << " errors, " << report.countTests(TestStatus::Passed) << " passed, "
        << report.countTests(TestStatus::Skipped) << " skipped); " << unassigned << " failing tests in no gap\n";
    out << "Remediation items: " << report.remediation.size() << '\n';
    if (!report.diagnostics.isEmpty()) {
        out << "\nDiagnostics (" << report.diagnostics.size() << "):\n";
        for (const Diagnostic &d : report.diagnostics)
            out << "  " << severityName(d.severity) << (d.line > 0 ? QStringLiteral(" line %1").arg(d.line) : QString())
                << ": " << d.message << '\n';
    }
}

} // namespace

int runInspectCommand(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Print what Gapwise imports from a test report."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("inspect"), QStringLiteral("The inspect command."));
    parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("A Markdown report, JUnit XML or pytest log."));
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print the whole model as JSON."));
    parser.addOption(json);
    QTextStream err(stderr);
    if (!parser.parse(arguments)) {
        err << "gapwise inspect: " << parser.errorText() << "\nUsage: gapwise inspect FILE [--json]\n";
        return ExitCode::Usage;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        QTextStream(stdout) << parser.helpText();
        return ExitCode::Ok;
    }
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 2) {
        err << "gapwise inspect: expected exactly one FILE\nUsage: gapwise inspect FILE [--json]\n";
        return ExitCode::Usage;
    }
    const ImportResult result = importFile(positional.at(1));
    if (!result.ok()) {
        err << "gapwise: cannot import " << result.error.toString() << '\n';
        return ExitCode::BadInput;
    }
    QTextStream out(stdout);
    if (parser.isSet(json))
        out << QJsonDocument(reportToJson(*result.report)).toJson(QJsonDocument::Indented);
    else
        printSummary(*result.report, out);
    return ExitCode::Ok;
}
