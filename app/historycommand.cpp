// SPDX-License-Identifier: GPL-3.0-or-later
#include "historycommand.h"

#include "exitcodes.h"

#include "counttext.h"
#include "historystore.h"
#include "historysummary.h"
#include "runrecord.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

#include <algorithm>
#include <optional>

using namespace Gapwise;

namespace {

const char Usage[] = "Usage: gapwise history add FILE... [--label L] [--branch B] [--commit C]\n"
                     "       gapwise history list\n"
                     "       gapwise history flaky [--runs N]\n"
                     "       gapwise history test TEST [--runs N]   (its key, the id inspect shows, or its name)\n"
                     "       gapwise history gaps [--runs N]\n"
                     "       gapwise history known GAP TRACKER_ID [--url URL]   (GAP: its id or its title)\n"
                     "       gapwise history remove RUN   (its number, as list shows it: 3 or #3)\n"
                     "Every subcommand takes --store S (default $GAPWISE_STORE, else the user's data folder) "
                     "and --json.\n";

struct Options
{
    QCommandLineParser parser;
    QCommandLineOption store { QStringLiteral("store"),
        QStringLiteral("The history store: a file, or postgresql://user@host:port/db (default $GAPWISE_STORE)."),
        QStringLiteral("S") };
    QCommandLineOption json { QStringLiteral("json"), QStringLiteral("Print JSON.") };
    QCommandLineOption runs { QStringLiteral("runs"),
        QStringLiteral("The window: the last N runs (default %1).").arg(DefaultHistoryWindow), QStringLiteral("N") };
    QCommandLineOption label { QStringLiteral("label"), QStringLiteral("A label for the added run."),
        QStringLiteral("L") };
    QCommandLineOption branch { QStringLiteral("branch"), QStringLiteral("The branch the run tested."),
        QStringLiteral("B") };
    QCommandLineOption commit { QStringLiteral("commit"), QStringLiteral("The commit the run tested."),
        QStringLiteral("C") };
    QCommandLineOption url { QStringLiteral("url"), QStringLiteral("The known issue's URL."), QStringLiteral("URL") };

    Options()
    {
        parser.setApplicationDescription(QStringLiteral("Run history: many runs of a suite in a store; flaky tests "
                                                        "told from regressions."));
        parser.addHelpOption();
        parser.addPositionalArgument(QStringLiteral("history"), QStringLiteral("The history command."));
        parser.addPositionalArgument(
            QStringLiteral("SUBCOMMAND"), QStringLiteral("add, list, flaky, test, gaps, known or remove."));
        parser.addOptions({ store, json, runs, label, branch, commit, url });
    }
    QString storePath() const { return parser.isSet(store) ? parser.value(store) : HistoryStore::defaultPath(); }
};

// "1 run", "20 runs".
QString runsText(qsizetype runs)
{
    return countText(runs, QStringLiteral("%1 run"), QStringLiteral("%1 runs"), QLocale::c());
}

// The window --runs asks for (`whole` without it), or nullopt, said on `err`, when it is no positive number.
std::optional<int> windowOption(const Options &o, int whole, QTextStream &err)
{
    if (!o.parser.isSet(o.runs))
        return whole;
    bool ok = false;
    const int runs = o.parser.value(o.runs).toInt(&ok);
    if (!ok || runs <= 0) {
        err << "gapwise history: --runs takes a positive number, not \"" << o.parser.value(o.runs) << "\"\n";
        return std::nullopt;
    }
    return runs;
}

void printJson(const QJsonValue &value)
{
    QTextStream(stdout) << (value.isArray() ? QJsonDocument(value.toArray()) : QJsonDocument(value.toObject()))
                               .toJson(QJsonDocument::Indented);
}

int addRuns(HistoryStore &store, const Options &o, const QStringList &files, QTextStream &out, QTextStream &err)
{
    QJsonArray added;
    int status = ExitCode::Ok;
    for (const QString &file : files) {
        QString error;
        auto record = readRunRecord(file, &error);
        if (!record) {
            err << "gapwise: cannot import " << error << '\n';
            status = ExitCode::BadInput;
            continue;
        }
        record->label = o.parser.value(o.label);
        record->branch = o.parser.value(o.branch);
        record->commit = o.parser.value(o.commit);
        const auto result = store.addRun(*record, &error);
        if (!result) {
            err << "gapwise: " << error << '\n';
            return ExitCode::BadInput; // the store itself fails: the next file would too
        }
        added.append(QJsonObject { { QStringLiteral("file"), file }, { QStringLiteral("run"), result->runId },
            { QStringLiteral("added"), result->added }, { QStringLiteral("tests"), int(record->results.size()) },
            { QStringLiteral("carried"), result->carried } });
        if (o.parser.isSet(o.json))
            continue;
        if (result->added)
            out << file << ": added as run #" << result->runId << " ("
                << countText(
                       record->results.size(), QStringLiteral("%1 test"), QStringLiteral("%1 tests"), QLocale::c())
                << (result->carried > 0 ? QStringLiteral(", ")
                               + countText(result->carried, QStringLiteral("%1 failure carried into triaged gaps"),
                                   QStringLiteral("%1 failures carried into triaged gaps"), QLocale::c())
                                        : QString())
                << ")\n";
        else
            out << file << ": already stored as run #" << result->runId << " (same content); nothing added\n";
    }
    if (o.parser.isSet(o.json))
        printJson(added);
    return status;
}

QString branchText(const StoredRun &r)
{
    if (r.branch.isEmpty())
        return {};
    QString text = QStringLiteral("  [") + r.branch;
    if (!r.commit.isEmpty())
        text += QLatin1Char('@') + r.commit;
    return text + QLatin1Char(']');
}

int listRuns(const HistoryStore &store, const Options &o, QTextStream &out, QTextStream &err)
{
    QString error;
    const QVector<StoredRun> runs = store.runs(&error);
    if (!error.isEmpty()) {
        err << "gapwise: " << store.path() << ": " << error << '\n';
        return ExitCode::BadInput;
    }
    if (o.parser.isSet(o.json)) {
        QJsonArray a;
        for (const StoredRun &r : runs)
            a.append(QJsonObject { { QStringLiteral("id"), r.id }, { QStringLiteral("source"), r.source },
                { QStringLiteral("sha256"), r.contentHash }, { QStringLiteral("time"), r.time.toString(Qt::ISODate) },
                { QStringLiteral("label"), r.label }, { QStringLiteral("branch"), r.branch },
                { QStringLiteral("commit"), r.commit }, { QStringLiteral("title"), r.title },
                { QStringLiteral("tests"), r.tests }, { QStringLiteral("failing"), r.failing } });
        printJson(a);
        return ExitCode::Ok;
    }
    out << runsText(runs.size()) << " in " << store.path() << '\n';
    for (const StoredRun &r : runs)
        out << "  #" << r.id << "  " << r.time.toString(Qt::ISODate) << "  " << r.tests << " tests, " << r.failing
            << " failing  " << (r.label.isEmpty() ? r.source : r.label) << branchText(r) << '\n';
    return ExitCode::Ok;
}

void printJudged(const QString &heading, const QVector<JudgedTest> &tests, QTextStream &out)
{
    out << '\n' << heading << " (" << tests.size() << "):\n";
    for (const JudgedTest &t : tests) {
        out << "  " << t.timeline.key << "  |" << outcomeStrip(t.timeline.outcomes) << "|  " << t.verdict.explanation();
        if (!t.failingSinceRun.isEmpty() && t.verdict.kind != HistoryKind::Flaky)
            out << ", failing since " << t.failingSinceRun;
        if (t.verdict.newFailure)
            out << (t.knownIssue.isEmpty() ? QStringLiteral(", new")
                                           : QStringLiteral(", known (%1)").arg(t.knownIssue));
        out << '\n';
    }
}

int flaky(const HistoryStore &store, const Options &o, QTextStream &out, QTextStream &err)
{
    const auto window = windowOption(o, DefaultHistoryWindow, err);
    if (!window)
        return ExitCode::Usage;
    QString error;
    const auto summary = summariseHistory(store, *window, &error);
    if (!summary) {
        err << "gapwise: " << store.path() << ": " << error << '\n';
        return ExitCode::BadInput;
    }
    if (o.parser.isSet(o.json)) {
        QJsonObject j = summary->toJson();
        j.remove(QStringLiteral("gaps"));
        printJson(j);
        return ExitCode::Ok;
    }
    out << "Last " << runsText(summary->window.size()) << " of " << store.path() << " (oldest left; . pass, F fail, "
        << "s skipped or expected, blank absent)\nRule: " << historyRuleText() << '\n';
    printJudged(QStringLiteral("Flaky"), summary->flaky, out);
    printJudged(QStringLiteral("Regressions (not flaky)"), summary->regressions, out);
    out << "\nNew failures in the newest run: " << summary->newFailures << " (" << summary->knownFailures
        << " of them known issues)\n";
    return ExitCode::Ok;
}

// The one stored test `test` names, or why not: unknown (BadInput), or ambiguous (Usage: which one is for the
// user to say; a test picked for them would be history of a test they did not mean).
int findOneTest(const HistoryStore &store, const QString &test, QString *key, QTextStream &err)
{
    QString error;
    const auto found = store.findTests(test, &error);
    if (!found) {
        err << "gapwise: " << store.path() << ": " << error << '\n';
        return ExitCode::BadInput;
    }
    if (found->isEmpty()) {
        err << "gapwise: no stored run has a test \"" << test << "\"\n";
        return ExitCode::BadInput;
    }
    if (found->size() > 1) {
        constexpr int Listed = 10; // enough to see the pattern; a name a thousand tests share needs no more
        err << "gapwise: \"" << test << "\" names " << found->size() << " stored tests; give one of their keys:\n";
        for (int i = 0; i < found->size() && i < Listed; ++i)
            err << "  " << found->at(i).key << '\n';
        if (found->size() > Listed)
            err << "  … and " << found->size() - Listed << " more\n";
        return ExitCode::Usage;
    }
    *key = found->first().key;
    return ExitCode::Ok;
}

int testHistory(const HistoryStore &store, const Options &o, const QString &test, QTextStream &out, QTextStream &err)
{
    const auto windowRuns = windowOption(o, 0, err); // 0: the whole history
    if (!windowRuns)
        return ExitCode::Usage;
    QString key;
    if (const int status = findOneTest(store, test, &key, err); status != ExitCode::Ok)
        return status;
    QString error;
    auto timeline = store.testHistory(key, &error);
    const QVector<StoredRun> all = store.runs(&error);
    if (!error.isEmpty() || !timeline) {
        err << "gapwise: " << store.path() << ": " << (error.isEmpty() ? QStringLiteral("no test ") + key : error)
            << '\n';
        return ExitCode::BadInput;
    }
    // --runs N: the last N runs, judged as flaky judges them (the run before the window says where a streak
    // began).
    const QVector<StoredRun> runs = lastRuns(all, *windowRuns);
    if (const int skipped = int(all.size() - runs.size()); skipped > 0) {
        timeline->before = timeline->outcomes.value(skipped - 1, RunOutcome::Absent);
        timeline->outcomes = timeline->outcomes.mid(skipped);
        timeline->statuses = timeline->statuses.mid(skipped);
        timeline->gaps = timeline->gaps.mid(skipped);
        timeline->carriedFrom = timeline->carriedFrom.mid(skipped);
    }
    const JudgedTest judged = judgeTest(*timeline, runs);
    if (o.parser.isSet(o.json)) {
        QJsonObject j = judgedTestJson(judged, runs);
        QJsonArray perRun;
        for (int i = 0; i < runs.size(); ++i) {
            QJsonObject r { { QStringLiteral("run"), runs[i].id }, { QStringLiteral("name"), runs[i].displayName() },
                { QStringLiteral("outcome"), storedResultKey(timeline->statuses.value(i, -1)) } };
            if (!timeline->gaps[i].isEmpty())
                r.insert(QStringLiteral("gap"), timeline->gaps[i]);
            if (timeline->carriedFrom[i] > 0)
                r.insert(QStringLiteral("carriedFromRun"), timeline->carriedFrom[i]);
            perRun.append(r);
        }
        j.insert(QStringLiteral("runs"), perRun);
        printJson(j);
        return ExitCode::Ok;
    }
    out << timeline->name << "  (key " << timeline->key << ")\n"
        << historyKindName(judged.verdict.kind) << ": " << judged.verdict.explanation() << '\n';
    if (!judged.failingSinceRun.isEmpty())
        out << "Failing since " << judged.failingSinceRun << '\n';
    for (int i = 0; i < runs.size(); ++i) {
        out << "  " << runs[i].displayName() << "  " << runs[i].time.toString(Qt::ISODate) << "  "
            << storedResultName(timeline->statuses.value(i, -1));
        if (!timeline->gaps[i].isEmpty())
            out << "  gap " << timeline->gaps[i];
        if (timeline->carriedFrom[i] > 0)
            out << " (carried from run #" << timeline->carriedFrom[i] << ')';
        out << '\n';
    }
    return ExitCode::Ok;
}

int gaps(const HistoryStore &store, const Options &o, QTextStream &out, QTextStream &err)
{
    const auto window = windowOption(o, DefaultHistoryWindow, err);
    if (!window)
        return ExitCode::Usage;
    QString error;
    const QVector<StoredRun> runs = lastRuns(store.runs(&error), *window);
    const auto trends = store.gapTrends(runs, &error);
    const auto unassigned = trends ? store.unassignedFailures(runs, &error) : std::nullopt;
    if (!trends || !unassigned) {
        err << "gapwise: " << store.path() << ": " << error << '\n';
        return ExitCode::BadInput;
    }
    if (o.parser.isSet(o.json)) {
        HistorySummary s;
        s.window = runs;
        s.gaps = *trends;
        const QJsonObject j = s.toJson();
        QJsonArray inNoGap;
        for (int n : *unassigned)
            inNoGap.append(n);
        printJson(QJsonObject { { QStringLiteral("runs"), j.value(QStringLiteral("runs")) },
            { QStringLiteral("gaps"), j.value(QStringLiteral("gaps")) }, { QStringLiteral("unassigned"), inNoGap } });
        return ExitCode::Ok;
    }
    const auto countsLine = [](const QVector<int> &perRun) {
        QStringList counts;
        for (int f : perRun)
            counts << QString::number(f);
        return counts.join(QLatin1Char(' '));
    };
    out << "Failures per gap in the last " << runsText(runs.size()) << " (oldest first):\n";
    if (trends->isEmpty())
        out << "  No gaps in these runs.\n"; // as the PDF says: an empty list reads as output cut short
    for (const GapTrend &g : *trends) {
        out << "  " << g.key << "  " << g.title
            << (g.tracker.isEmpty() ? QString() : QStringLiteral("  [known: %1]").arg(g.tracker)) << "\n    "
            << countsLine(g.failures) << '\n';
    }
    // Failing tests in no gap are in none of the lines above: said, so the lines do not read as every failure.
    if (std::any_of(unassigned->cbegin(), unassigned->cend(), [](int n) { return n > 0; }))
        out << "  Unassigned  failing tests in no gap\n    " << countsLine(*unassigned) << '\n';
    return ExitCode::Ok;
}

int removeRun(HistoryStore &store, const Options &o, const QString &typed, QTextStream &out, QTextStream &err)
{
    QString number = typed.trimmed();
    if (number.startsWith(QLatin1Char('#')))
        number.remove(0, 1);
    bool ok = false;
    const qint64 runId = number.toLongLong(&ok);
    if (!ok || runId <= 0) {
        err << "gapwise history: remove takes a run's number as `gapwise history list` shows it (3 or #3), not \""
            << typed << "\"\n";
        return ExitCode::Usage;
    }
    QString error;
    const auto removed = store.removeRun(runId, &error);
    if (!removed) {
        err << "gapwise: " << error << '\n';
        return ExitCode::BadInput;
    }
    if (o.parser.isSet(o.json)) {
        printJson(
            QJsonObject { { QStringLiteral("removed"), removed->id }, { QStringLiteral("source"), removed->source },
                { QStringLiteral("time"), removed->time.toString(Qt::ISODate) },
                { QStringLiteral("tests"), removed->tests }, { QStringLiteral("failing"), removed->failing } });
        return ExitCode::Ok;
    }
    out << "Removed run #" << removed->id << "  " << removed->time.toString(Qt::ISODate) << "  "
        << countText(removed->tests, QStringLiteral("%1 test"), QStringLiteral("%1 tests"), QLocale::c()) << ", "
        << removed->failing << " failing  " << (removed->label.isEmpty() ? removed->source : removed->label)
        << branchText(*removed) << "\nfrom " << store.path() << '\n';
    return ExitCode::Ok;
}

// The one stored gap `typed` names (its id, or its title), or why not: unknown (BadInput), or a title several
// gaps have (Usage: the user says which id).
int findOneGap(const HistoryStore &store, const QString &typed, QString *key, QTextStream &err)
{
    QString error;
    const auto found = store.findGapKeys(typed, &error);
    if (!found) {
        err << "gapwise: " << store.path() << ": " << error << '\n';
        return ExitCode::BadInput;
    }
    if (found->isEmpty()) {
        err << "gapwise: " << store.path() << ": no stored run has a gap with the id or title \"" << typed
            << "\" (see `gapwise history gaps`)\n";
        return ExitCode::BadInput;
    }
    if (found->size() > 1) {
        err << "gapwise: \"" << typed << "\" is the title of " << found->size()
            << " stored gaps; give one of their ids:\n";
        for (const QString &k : *found)
            err << "  " << k << '\n';
        return ExitCode::Usage;
    }
    *key = found->first();
    return ExitCode::Ok;
}

int markKnown(HistoryStore &store, const Options &o, const QStringList &rest, QTextStream &out, QTextStream &err)
{
    QString key;
    if (const int status = findOneGap(store, rest.at(0), &key, err); status != ExitCode::Ok)
        return status;
    QString error;
    if (!store.setKnownIssue(key, rest.at(1), o.parser.value(o.url), &error)) {
        err << "gapwise: " << store.path() << ": " << error << '\n';
        return ExitCode::BadInput;
    }
    if (o.parser.isSet(o.json))
        printJson(QJsonObject { { QStringLiteral("gap"), key }, { QStringLiteral("tracker"), rest.at(1) },
            { QStringLiteral("url"), o.parser.value(o.url) } });
    else if (key == rest.at(0))
        out << key << " is a known issue: " << rest.at(1) << '\n';
    else
        out << key << " (" << rest.at(0) << ") is a known issue: " << rest.at(1) << '\n';
    return ExitCode::Ok;
}

} // namespace

int runHistoryCommand(const QStringList &arguments)
{
    Options o;
    QTextStream out(stdout);
    QTextStream err(stderr);
    if (!o.parser.parse(arguments)) {
        err << "gapwise history: " << o.parser.errorText() << '\n' << Usage;
        return ExitCode::Usage;
    }
    if (o.parser.isSet(QStringLiteral("help"))) {
        out << o.parser.helpText() << '\n' << Usage;
        return ExitCode::Ok;
    }
    const QStringList args = o.parser.positionalArguments().mid(1); // after "history"
    const QString sub = args.value(0);
    const QStringList rest = args.mid(1);
    const bool ok = (sub == QLatin1String("add") && !rest.isEmpty())
        || ((sub == QLatin1String("list") || sub == QLatin1String("flaky") || sub == QLatin1String("gaps"))
            && rest.isEmpty())
        || ((sub == QLatin1String("test") || sub == QLatin1String("remove")) && rest.size() == 1)
        || (sub == QLatin1String("known") && rest.size() == 2);
    if (ok && o.parser.isSet(o.runs)
        && !(sub == QLatin1String("flaky") || sub == QLatin1String("test") || sub == QLatin1String("gaps"))) {
        err << "gapwise history: --runs is for flaky, test and gaps, not \"" << sub << "\"\n" << Usage;
        return ExitCode::Usage;
    }
    if (!ok) {
        err << "gapwise history: "
            << (sub.isEmpty() ? QStringLiteral("which subcommand?")
                              : QStringLiteral("wrong arguments for \"%1\"").arg(sub))
            << '\n'
            << Usage;
        return ExitCode::Usage;
    }
    HistoryStore store;
    QString error;
    if (!store.open(o.storePath(), sub == QLatin1String("add"), &error)) {
        err << "gapwise: " << error << '\n';
        return ExitCode::BadInput;
    }
    if (sub == QLatin1String("add"))
        return addRuns(store, o, rest, out, err);
    if (sub == QLatin1String("list"))
        return listRuns(store, o, out, err);
    if (sub == QLatin1String("flaky"))
        return flaky(store, o, out, err);
    if (sub == QLatin1String("test"))
        return testHistory(store, o, rest.first(), out, err);
    if (sub == QLatin1String("gaps"))
        return gaps(store, o, out, err);
    if (sub == QLatin1String("remove"))
        return removeRun(store, o, rest.first(), out, err);
    return markKnown(store, o, rest, out, err);
}
