// SPDX-License-Identifier: GPL-3.0-or-later
#include "comparecommand.h"

#include "exitcodes.h"
#include "subcommandparser.h"

#include "comparewithrun.h"
#include "comparisonwriters.h"
#include "counttext.h"
#include "historystore.h"
#include "historysummary.h"
#include "importer.h"
#include "triagedrun.h"

#include <QCommandLineParser>
#include <QJsonDocument>
#include <QTextStream>

using namespace Gapwise;

namespace {

const char Usage[] = "Usage: gapwise compare OLD NEW [--json] [--store S]   (OLD: a report or a .gapwise session)\n";

void printText(const ComparisonDigest &d, QTextStream &out)
{
    out << "Comparing " << oldSideText(d) << "\n       with " << d.newSource << "\n\n";
    QStringList counts;
    for (int c = 0; c < ChangeClassCount; ++c)
        counts.append(QStringLiteral("%1: %2").arg(changeClassName(ChangeClass(c))).arg(d.counts[c]));
    out << counts.join(QLatin1String(", ")) << '\n';
    for (int c = 0; c < ChangeClassCount; ++c) {
        const auto change = ChangeClass(c);
        if (change == ChangeClass::Unchanged || d.count(change) == 0)
            continue;
        const QString name = changeClassName(change);
        out << '\n' << name.at(0).toUpper() << name.mid(1) << " (" << d.count(change) << "):\n";
        for (const ChangedTest &t : d.tests) {
            if (t.change != change)
                continue;
            out << "  " << t.name << "  [" << t.phase << "; " << t.gap;
            if (!t.knownIssue.isEmpty())
                out << "; known issue " << t.knownIssue;
            // A removed test's last verdict: "removed" alone did not say whether a failure went with it (QA).
            if (!t.inNew)
                out << "; was " << statusName(t.oldStatus);
            out << "]\n";
        }
    }
    QStringList deltas;
    for (const GroupDelta &g : d.gaps) {
        if (g.delta() != 0)
            deltas.append(QStringLiteral("  ") + groupDeltaText(g));
    }
    if (!deltas.isEmpty())
        out << "\nFailures per gap:\n" << deltas.join(QLatin1Char('\n')) << '\n';
    if (d.carriedEdits > 0 || !d.notCarried.isEmpty()) {
        out << "\nTriage carried over: "
            << countText(d.carriedChanges, QStringLiteral("%1 change"), QStringLiteral("%1 changes")) << " applied\n";
        if (!d.notCarried.isEmpty())
            out << "Not carried over (" << d.notCarried.size() << "):\n  " << d.notCarried.join(QLatin1String("\n  "))
                << '\n';
    }
    if (!d.restoredGaps.isEmpty())
        out << "Gaps kept from the old run: " << d.restoredGaps.join(QLatin1String(", ")) << '\n';
    if (!d.suggested.isEmpty())
        out << "\nSuggested into existing gaps (" << d.suggested.size() << "):\n  "
            << d.suggested.join(QLatin1String("\n  ")) << '\n';
}

} // namespace

int runCompareCommand(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Compare two runs: new failures, fixed, still failing, newly passing/skipped, added and removed tests.\n"
        "OLD may be a .gapwise session: its triage is carried over to NEW.\n"
        "Exit codes: 0 no new failures, 1 new failures, 2 usage, 3 a file that cannot be read or imported."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("compare"), QStringLiteral("The compare command."));
    parser.addPositionalArgument(
        QStringLiteral("OLD"), QStringLiteral("The earlier run: a report or a .gapwise session."));
    parser.addPositionalArgument(QStringLiteral("NEW"), QStringLiteral("The later run: a report."));
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print the comparison as JSON."));
    parser.addOption(json);
    const QCommandLineOption store(QStringLiteral("store"),
        QStringLiteral("A run history store: new failures in a gap it marks as a known issue count as known "
                       "failures, not new ones (and do not make the exit code 1)."),
        QStringLiteral("S"));
    parser.addOption(store);
    QTextStream err(stderr);
    if (const std::optional<int> done = parseSubcommand(parser, arguments, "compare", QString::fromUtf8(Usage)))
        return *done;
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 3) {
        err << "gapwise compare: expected OLD and NEW\n" << Usage;
        return ExitCode::Usage;
    }
    QString error;
    const auto oldRun = loadTriagedRun(positional.at(1), &error);
    if (!oldRun) {
        err << "gapwise: cannot open " << error << '\n';
        return ExitCode::BadInput;
    }
    if (positional.at(2).endsWith(QLatin1String(".gapwise"), Qt::CaseInsensitive)) {
        // NEW is the run as it came; its triage is what a session holds, and the plan's export compares that.
        err << "gapwise compare: NEW must be a test report; a .gapwise session may only be OLD. To compare a "
               "session's triaged plan with an earlier run: gapwise export --session "
            << positional.at(2) << " --compare " << positional.at(1) << '\n';
        return ExitCode::Usage;
    }
    const ImportResult newRun = importFile(positional.at(2));
    if (!newRun.ok()) {
        err << "gapwise: cannot import " << newRun.error.toString() << '\n';
        return ExitCode::BadInput;
    }
    KnownIssues known;
    if (parser.isSet(store)) {
        HistoryStore history;
        if (!history.open(parser.value(store), false, &error)) {
            err << "gapwise: " << error << '\n';
            return ExitCode::BadInput;
        }
        const auto issues = history.knownIssues(&error);
        if (!issues) {
            err << "gapwise: " << history.path() << ": " << error << '\n';
            return ExitCode::BadInput;
        }
        known = knownIssuesOf(*issues);
    }
    const ComparisonDigest digest = compareAndCarry(*oldRun, *newRun.report, known).digest;
    QTextStream out(stdout);
    if (parser.isSet(json))
        out << QJsonDocument(comparisonToJson(digest)).toJson(QJsonDocument::Indented);
    else
        printText(digest, out);
    return digest.count(ChangeClass::NewFailure) > 0 ? ExitCode::NewFailures : ExitCode::Ok;
}
