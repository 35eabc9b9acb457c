// SPDX-License-Identifier: GPL-3.0-or-later
#include "exportcommand.h"

#include "comparewithrun.h"
#include "exitcodes.h"
#include "historystore.h"
#include "historysummary.h"
#include "importer.h"
#include "knownissues.h"
#include "multifile.h"
#include "pdfexporter.h"
#include "planformats.h"
#include "planhistory.h"
#include "planwriters.h"
#include "runcomparison.h"
#include "sessionfile.h"
#include "storelocation.h"
#include "subcommandparser.h"
#include "triagedrun.h"
#include "triagesession.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

using namespace Gapwise;

namespace {

QVector<PlanHistoryTest> planTests(const QVector<JudgedTest> &tests)
{
    QVector<PlanHistoryTest> out;
    out.reserve(tests.size());
    for (const JudgedTest &t : tests) {
        PlanHistoryTest p;
        p.name = t.timeline.name;
        p.strip = outcomeStrip(t.timeline.outcomes);
        p.numbers = t.verdict.explanation();
        p.failingSince = t.failingSinceRun;
        p.newFailure = t.verdict.newFailure;
        p.knownIssue = t.knownIssue;
        out.append(p);
    }
    return out;
}

// The store's summary as the PDF plan's History page (plain data: the export code reads no store).
PlanHistory planHistoryOf(const HistorySummary &s)
{
    PlanHistory p;
    p.store = storeDisplayName(s.storePath);
    p.runs = int(s.window.size());
    if (!s.window.isEmpty()) {
        p.firstRun = s.window.first().displayName();
        p.lastRun = s.window.last().displayName();
    }
    p.rule = historyRuleText();
    p.newFailures = s.newFailures;
    p.knownFailures = s.knownFailures;
    p.flaky = planTests(s.flaky);
    p.regressions = planTests(s.regressions);
    p.failing = planTests(s.failing);
    for (const GapTrend &g : s.gaps)
        p.gaps.append({ g.title.isEmpty() ? g.key : g.title, g.tracker, g.failures });
    return p;
}

// What a store says for the plan: the history of the plan's run (the window ends with it when the store holds
// it, else with the newest run) and the known issues compare judges new failures with.
struct StoreView
{
    HistorySummary history;
    KnownIssues known;
};

std::optional<StoreView> readStore(const QString &storePath, const QString &planFile, QString *error)
{
    HistoryStore store;
    if (!store.open(storePath, false, error))
        return std::nullopt;
    QString why;
    const auto hash = fileSha256(planFile, &why);
    const auto run = hash ? store.findRunByHash(*hash, &why) : std::nullopt;
    auto summary = summariseHistory(store, DefaultHistoryWindow, error, run ? run->id : 0);
    const auto known = summary ? store.knownIssues(error) : std::nullopt;
    if (!summary || !known) {
        *error = QStringLiteral("%1: %2").arg(storePath, *error);
        return std::nullopt;
    }
    return StoreView { std::move(*summary), knownIssuesOf(*known) };
}

} // namespace

int runExportCommand(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Export the remediation plan of a report or a saved triage session."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("export"), QStringLiteral("The export command."));
    parser.addPositionalArgument(
        QStringLiteral("REPORT"), QStringLiteral("A report to export (or use --session)."), QStringLiteral("[REPORT]"));
    const QCommandLineOption format(QStringLiteral("format"),
        planFormatKeys() + QStringLiteral("; without it, the one OUT's suffix names (%1).").arg(planFormatSuffixes()),
        QStringLiteral("FORMAT"));
    const QCommandLineOption session(
        QStringLiteral("session"), QStringLiteral("A saved .gapwise session to export."), QStringLiteral("S.gapwise"));
    const QCommandLineOption output(
        { QStringLiteral("o"), QStringLiteral("output") }, QStringLiteral("Where to write."), QStringLiteral("OUT"));
    const QCommandLineOption compareWith(QStringLiteral("compare"),
        QStringLiteral("An earlier run (report or .gapwise session) to compare with: the plan gets a "
                       "\"since last run\" section (every format). With REPORT, OLD's triage "
                       "is carried over; with --session, the session's own triage applies."),
        QStringLiteral("OLD"));
    const QCommandLineOption store(QStringLiteral("store"),
        QStringLiteral("A run history store: the PDF, Markdown and JSON plans get a \"History\" "
                       "section (new, flaky, regressions, failing since, per-gap trend), and with --compare "
                       "new failures in a gap marked as a known issue count as known, not new."),
        QStringLiteral("S"));
    parser.addOptions({ format, session, output, compareWith, store });
    QTextStream err(stderr);
    const QString usage = QStringLiteral("Usage: gapwise export [--format %1] [--session S.gapwise | "
                                         "REPORT…] [--compare OLD] [--store S] -o OUT\n")
                              .arg(planFormatKeyList().join(QLatin1Char('|')));
    if (const std::optional<int> done = parseSubcommand(parser, arguments, "export", usage))
        return *done;
    const QStringList positional = parser.positionalArguments();
    const bool fromSession = parser.isSet(session);
    if (!parser.isSet(output) || (fromSession ? positional.size() != 1 : positional.size() < 2)) {
        err << "gapwise export: expected -o OUT and REPORT… or --session\n" << usage;
        return ExitCode::Usage;
    }
    const std::optional<PlanFormat> fmt
        = parser.isSet(format) ? planFormatFromKey(parser.value(format)) : planFormatFromFileName(parser.value(output));
    if (!fmt) {
        if (parser.isSet(format))
            err << "gapwise export: unknown --format \"" << parser.value(format) << "\": give " << planFormatKeys()
                << '\n';
        else
            err << "gapwise export: " << parser.value(output) << " names no format by its suffix: give --format "
                << planFormatKeys() << '\n';
        err << usage;
        return ExitCode::Usage;
    }
    if (*fmt == PlanFormat::Pdf && !qobject_cast<QApplication *>(QCoreApplication::instance())) {
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
        const ImportResult result = importFiles(positional.mid(1)); // several files or a folder: one run
        if (!result.ok()) {
            err << "gapwise: cannot import " << result.error.toString() << '\n';
            return ExitCode::BadInput;
        }
        imported = triaged = *result.report;
        warnOfUnreadFiles(imported, err);
    }
    std::optional<StoreView> stored;
    if (parser.isSet(store)) {
        const QString planFile = fromSession ? parser.value(session) : positional.at(1);
        stored = readStore(parser.value(store), planFile, &error);
        if (!stored) {
            err << "gapwise: " << error << '\n';
            return ExitCode::BadInput;
        }
    }
    const KnownIssues known = stored ? stored->known : KnownIssues();
    std::optional<ComparisonDigest> digest;
    if (parser.isSet(compareWith)) {
        const auto oldRun = loadTriagedRun(parser.value(compareWith), &error);
        if (!oldRun) {
            err << "gapwise: cannot open " << error << '\n';
            return ExitCode::BadInput;
        }
        if (fromSession) { // the session's own triage is the plan; gaps match OLD's by id and title
            RunComparison comparison = compareRuns(oldRun->imported, imported);
            markKnownFailures(comparison, triaged, known);
            digest = digestComparison(oldRun->triaged, triaged, comparison);
            digest->oldSession = sessionPathOf(*oldRun);
            noteKnownIssues(*digest, triaged, known);
        } else {
            CarriedComparison carried = compareAndCarry(*oldRun, imported, known);
            triaged = std::move(carried.triaged);
            edits = std::move(carried.edits);
            digest = std::move(carried.digest);
        }
    }
    RemediationPlan plan = buildPlan(imported, triaged, edits, QDateTime::currentDateTime());
    plan.comparison = digest;
    if (stored)
        plan.history = planHistoryOf(stored->history);
    const QString out = parser.value(output);
    if (*fmt == PlanFormat::Pdf) {
        if (!PdfExporter::exportPlan(plan, triaged, out, &error)) {
            err << "gapwise: cannot write " << out << ": " << error << '\n';
            return ExitCode::BadInput;
        }
        return ExitCode::Ok;
    }
    const HistorySummary *history = stored ? &stored->history : nullptr;
    QByteArray bytes;
    if (history && *fmt == PlanFormat::Json) { // the history is a member of the plan's object
        QJsonObject json = planToJson(plan);
        json.insert(QStringLiteral("history"), history->toJson());
        bytes = QJsonDocument(json).toJson(QJsonDocument::Indented);
    } else {
        bytes = planToText(plan, *fmt);
        if (history && *fmt == PlanFormat::Markdown)
            bytes += '\n' + historyToMarkdown(*history);
    }
    if (!writeFileAtomically(out, bytes, &error)) {
        err << "gapwise: cannot write " << out << ": " << error << '\n';
        return ExitCode::BadInput;
    }
    return ExitCode::Ok;
}

bool exportNeedsWidgets(int argc, char **argv)
{
    // QCustomPlot draws the PDF's charts and is a widget: only the PDF needs a QApplication. The arguments are
    // read by hand because no application, and so no parser, exists yet.
    std::optional<QString> format;
    QString output;
    for (int i = 2; i < argc; ++i) {
        const QString arg = QString::fromLocal8Bit(argv[i]);
        const QString next = i + 1 < argc ? QString::fromLocal8Bit(argv[i + 1]) : QString();
        if (arg == QLatin1String("--format"))
            format = next;
        else if (arg.startsWith(QLatin1String("--format=")))
            format = arg.mid(9);
        else if (arg == QLatin1String("-o") || arg == QLatin1String("--output"))
            output = next;
        else if (arg.startsWith(QLatin1String("--output=")))
            output = arg.mid(9);
    }
    return (format ? planFormatFromKey(*format) : planFormatFromFileName(output)) == PlanFormat::Pdf;
}
