// SPDX-License-Identifier: GPL-3.0-or-later
#include "runrecord.h"

#include "failuresignature.h"
#include "runcomparison.h"
#include "sessionfile.h"
#include "testidentifiers.h"
#include "triagedrun.h"

#include <QFileInfo>
#include <QHash>
#include <QSet>

#include <algorithm>

namespace Gapwise {

RunOutcome outcomeOfStatus(int storedStatus)
{
    if (storedStatus & ExpectedFailureBit)
        return RunOutcome::Other;
    switch (TestStatus(storedStatus)) {
    case TestStatus::Passed:
        return RunOutcome::Pass;
    case TestStatus::Failed:
    case TestStatus::Error:
        return RunOutcome::Fail;
    default:
        break;
    }
    return RunOutcome::Other;
}

QString storedResultName(int storedStatus)
{
    if (storedStatus < 0)
        return runOutcomeName(RunOutcome::Absent);
    if (storedStatus & ExpectedFailureBit)
        return QStringLiteral("expected failure");
    switch (outcomeOfStatus(storedStatus)) {
    case RunOutcome::Pass:
    case RunOutcome::Fail:
        return runOutcomeName(outcomeOfStatus(storedStatus));
    default:
        break;
    }
    return TestStatus(storedStatus) == TestStatus::Skipped ? QStringLiteral("skipped") : QStringLiteral("unknown");
}

QString storedResultKey(int storedStatus)
{
    return storedResultName(storedStatus).replace(QLatin1Char(' '), QLatin1Char('-'));
}

QVector<QString> historyTestKeys(const Report &report)
{
    const int n = int(report.tests.size());
    QVector<QString> bases;
    bases.reserve(n);
    QVector<QString> keys;
    keys.reserve(n);
    // A name a phase repeats is another test each time (the importer folded reruns of failures already): the
    // k-th of them is "key#k", numbered in document order within its phase as compare pairs them, so each
    // keeps its own history. A phase in front would make the key differ with every file name.
    QHash<QString, int> occurrences; // "phase\nkey" → how many so far
    occurrences.reserve(n);
    QHash<QString, QString> phaseOfKey; // the first phase seen with a key
    QSet<QString> inSeveralPhases;
    for (const TestCase &t : report.tests) {
        bases.append(normalisedTestKey(t.name));
        const QString &base = bases.last();
        const int k = ++occurrences[t.phaseId + QLatin1Char('\n') + base];
        keys.append(k == 1 ? base : base + QLatin1Char('#') + QString::number(k));
        const auto phase = phaseOfKey.constFind(base);
        if (phase == phaseOfKey.cend())
            phaseOfKey.insert(base, t.phaseId);
        else if (*phase != t.phaseId)
            inSeveralPhases.insert(base);
    }
    for (int i = 0; i < n; ++i) {
        if (inSeveralPhases.contains(bases[i]))
            keys[i] = report.tests[i].phaseId + QStringLiteral("::") + keys[i];
    }
    return keys;
}

RunRecord makeRunRecord(
    const Report &report, const QString &sourceFile, const QString &contentHash, const QDateTime &fileTime)
{
    RunRecord run;
    run.sourceFile = sourceFile;
    run.contentHash = contentHash;
    run.title = report.title;
    run.time = reportDateTime(report.date);
    if (!run.time.isValid())
        run.time = fileTime;
    const QVector<QString> keys = historyTestKeys(report);
    QHash<QString, int> failuresPerGap;
    run.results.reserve(report.tests.size());
    for (int i = 0; i < report.tests.size(); ++i) {
        const TestCase &t = report.tests[i];
        ResultRecord r;
        r.key = keys[i]; // unique within the run: every test the report has is stored
        r.name = t.name;
        r.status = int(t.status) | (t.expectedFailure ? ExpectedFailureBit : 0);
        r.durationSeconds = t.durationSeconds;
        r.gapKey = t.gapId;
        if (failsInRun(t)) {
            const FailureSignature signature = failureSignature(t);
            r.signatureKey = signature.key();
            r.signatureTitle = signature.title();
            if (!t.gapId.isEmpty())
                ++failuresPerGap[t.gapId];
        }
        run.results.append(r);
    }
    for (const Gap &g : report.gaps) {
        GapRecord gap;
        gap.key = g.id;
        gap.title = g.title;
        gap.priority = priorityName(g.priority);
        gap.status = gapStatusName(g.status);
        gap.owner = g.owner;
        gap.suggested = g.suggested;
        gap.failures = failuresPerGap.value(g.id);
        run.gaps.append(gap);
    }
    return run;
}

std::optional<RunRecord> readRunRecord(const QString &path, QString *error)
{
    const auto run = loadTriagedRun(path, error);
    if (!run)
        return std::nullopt;
    if (!holdsTestResults(run->triaged)) {
        const auto &phases = run->triaged.phases;
        const bool counted = std::any_of(phases.cbegin(), phases.cend(), [](const Phase &p) { return p.total > 0; });
        *error = counted ? QStringLiteral("%1: names no test (it states its results only as counts, and the history "
                                          "keeps each test's result); nothing added")
                               .arg(path)
                         : QStringLiteral("%1: no test results in it; nothing added").arg(path);
        return std::nullopt;
    }
    // A session is the run of the reports it names: its content is theirs, as the window hashes them when it
    // opens the session or the reports, so the two are one run in the store.
    QStringList reportPaths { path };
    if (isSessionPath(path)) {
        const auto session = readSessionFile(path, error); // read by loadTriagedRun a moment ago
        if (!session)
            return std::nullopt;
        reportPaths = session->resolvedReportPaths();
    }
    QString why;
    const auto hash = runSha256(reportPaths, &why);
    if (!hash) {
        *error = QStringLiteral("%1: %2").arg(path, why);
        return std::nullopt;
    }
    return makeRunRecord(run->triaged, QFileInfo(path).absoluteFilePath(), *hash, QFileInfo(path).lastModified());
}

} // namespace Gapwise
