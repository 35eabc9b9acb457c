// SPDX-License-Identifier: GPL-3.0-or-later
#include "inspectcommand.h"

#include "exitcodes.h"
#include "subcommandparser.h"

#include "displaytext.h"
#include "importer.h"
#include "multifile.h"
#include "phasecounts.h"
#include "reportjson.h"
#include "sessionfile.h"
#include "triagesession.h"

#include <QCommandLineParser>
#include <QJsonDocument>
#include <QTextStream>

#include <algorithm>

using namespace Gapwise;

namespace {

QString numberText(int n)
{
    return n < 0 ? QStringLiteral("-") : QString::number(n);
}

void printSummary(const Report &report, QTextStream &out)
{
    out << report.shownTitle() << '\n';
    if (!report.date.isEmpty())
        out << "Date: " << report.date << '\n';
    if (!report.environment.isEmpty())
        out << "Environment: " << report.environment << '\n';
    out << "Format: " << report.format << '\n';
    if (!report.unreadFiles.isEmpty())
        out << unreadFilesText(report.unreadFiles) << '\n';
    out << '\n';
    out << "Phases (" << report.phases.size() << "):\n";
    for (const Phase &p : report.phases) {
        out << "  " << p.name << ": " << numberText(p.total) << " total, " << numberText(p.passed) << " passed, "
            << numberText(p.failed) << " failed, " << numberText(p.errors) << (p.errors == 1 ? " error, " : " errors, ")
            << numberText(p.skipped) << " skipped";
        if (unknownCount(p) > 0) // an Inconclusive: without it the parts would not add up to the total
            out << ", " << unknownCount(p) << " unknown";
        if (p.durationSeconds >= 0)
            out << ", " << durationText(p.durationSeconds, QLocale());
        if (!p.outcome.isEmpty())
            out << " — the report says: " << p.outcome;
        out << '\n';
    }
    out << "\nGaps (" << report.gaps.size() << "):\n";
    // By priority, P0 first and gaps without one last, as the plan lists them; report order within a priority.
    QVector<Gap> gaps = report.gaps;
    std::stable_sort(gaps.begin(), gaps.end(),
        [](const Gap &a, const Gap &b) { return int(a.priority) < int(b.priority); }); // None is the enum's last
    for (const Gap &g : std::as_const(gaps)) {
        const auto inGap = std::count_if(
            report.tests.cbegin(), report.tests.cend(), [&](const TestCase &t) { return t.gapId == g.id; });
        out << "  [" << (priorityName(g.priority).isEmpty() ? QStringLiteral("--") : priorityName(g.priority)) << "] "
            << g.title << " (" << inGap << (inGap == 1 ? " test)\n" : " tests)\n");
    }
    const auto unassigned = std::count_if(report.tests.cbegin(), report.tests.cend(),
        [](const TestCase &t) { return t.gapId.isEmpty() && isFailing(t.status); });
    const int errors = report.countTests(TestStatus::Error);
    out << "\nTests: " << report.tests.size() << " named (" << report.countTests(TestStatus::Failed) << " failed, "
        << errors << (errors == 1 ? " error, " : " errors, ") << report.countTests(TestStatus::Passed) << " passed, "
        << report.countTests(TestStatus::Skipped) << " skipped";
    if (const int unknown = report.countTests(TestStatus::Unknown); unknown > 0)
        out << ", " << unknown << " unknown";
    out << "); " << unassigned << (unassigned == 1 ? " failing test in no gap\n" : " failing tests in no gap\n");
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
    const QCommandLineOption session(QStringLiteral("session"),
        QStringLiteral("Print the report of a saved .gapwise session with its triage applied."),
        QStringLiteral("S.gapwise"));
    parser.addOption(json);
    parser.addOption(session);
    QTextStream err(stderr);
    if (const std::optional<int> done = parseSubcommand(parser, arguments, "inspect",
            QStringLiteral("Usage: gapwise inspect FILE… [--json] | gapwise inspect --session S.gapwise [--json]\n")))
        return *done;
    const QStringList positional = parser.positionalArguments();
    const bool fromSession = parser.isSet(session);
    if (fromSession ? positional.size() != 1 : positional.size() < 2) {
        err << "gapwise inspect: expected FILE… (files or folders: one run) or --session S.gapwise\n"
               "Usage: gapwise inspect FILE… [--json] | gapwise inspect --session S.gapwise [--json]\n";
        return ExitCode::Usage;
    }
    Report report;
    if (fromSession) {
        QString error;
        if (!loadTriagedReport(parser.value(session), &report, &error)) {
            err << "gapwise: cannot open " << error << '\n';
            return ExitCode::BadInput;
        }
    } else {
        const ImportResult result = importFiles(positional.mid(1)); // several files or a folder: one run
        if (!result.ok()) {
            err << "gapwise: cannot import " << result.error.toString() << '\n';
            return ExitCode::BadInput;
        }
        report = *result.report;
        if (report.holdsNothing()) { // a text file that is no report reads as Markdown without anything in it
            err << "gapwise: cannot import " << positional.mid(1).join(QLatin1String(", "))
                << ": no test report in it (no title, phases, tests or gaps found)\n";
            return ExitCode::BadInput;
        }
        warnOfUnreadFiles(report, err);
    }
    QTextStream out(stdout);
    if (parser.isSet(json))
        out << QJsonDocument(reportToJson(report)).toJson(QJsonDocument::Indented);
    else
        printSummary(report, out);
    return ExitCode::Ok;
}
