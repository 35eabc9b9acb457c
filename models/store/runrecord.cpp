// SPDX-License-Identifier: GPL-3.0-or-later
#include "runrecord.h"

#include "failuresignature.h"
#include "runcomparison.h"
#include "sessionfile.h"
#include "testidentifiers.h"
#include "triagedrun.h"

#include <QFileInfo>
#include <QHash>
#include <QRegularExpression>
#include <QSet>

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

QVector<QString> historyTestKeys(const Report &report)
{
    QVector<QString> keys;
    keys.reserve(report.tests.size());
    QHash<QString, int> uses;
    uses.reserve(report.tests.size());
    for (const TestCase &t : report.tests) {
        keys.append(normalisedTestKey(t.name));
        ++uses[keys.last()];
    }
    for (int i = 0; i < keys.size(); ++i) {
        if (uses.value(keys[i]) > 1)
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
    QHash<QString, int> rowOfKey; // a test a run names twice in one phase counts once: the last outcome wins
    rowOfKey.reserve(report.tests.size());
    for (int i = 0; i < report.tests.size(); ++i) {
        const TestCase &t = report.tests[i];
        ResultRecord r;
        r.key = keys[i];
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
        const auto seen = rowOfKey.constFind(r.key);
        if (seen != rowOfKey.cend()) {
            run.results[*seen] = r;
            continue;
        }
        rowOfKey.insert(r.key, int(run.results.size()));
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

namespace {

    // "Sept" and "September" alike: the month a name starts with, 0 when it names none.
    int monthNamed(const QString &name)
    {
        static const QStringList months
            = { QStringLiteral("jan"), QStringLiteral("feb"), QStringLiteral("mar"), QStringLiteral("apr"),
                  QStringLiteral("may"), QStringLiteral("jun"), QStringLiteral("jul"), QStringLiteral("aug"),
                  QStringLiteral("sep"), QStringLiteral("oct"), QStringLiteral("nov"), QStringLiteral("dec") };
        return int(months.indexOf(name.left(3).toLower())) + 1;
    }

    // "September 15, 2025", "Sep 15 2025 14:30", "15 September 2025": dates as people write them in a
    // report's header. Without a time of day, midnight, as for "2025-09-15".
    QDateTime writtenOutDateTime(const QString &text)
    {
        static const QString time = QStringLiteral(R"((?:,?\s+(?:at\s+)?(\d{1,2}):(\d{2})(?::(\d{2}))?)?)");
        static const QRegularExpression monthFirst(
            QStringLiteral(R"(^([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b)") + time);
        static const QRegularExpression dayFirst(
            QStringLiteral(R"(^(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})\b)") + time);
        int day = 0, month = 0, year = 0;
        QRegularExpressionMatch m = monthFirst.match(text);
        if (m.hasMatch()) {
            month = monthNamed(m.captured(1));
            day = m.captured(2).toInt();
        } else if (m = dayFirst.match(text); m.hasMatch()) {
            day = m.captured(1).toInt();
            month = monthNamed(m.captured(2));
        } else {
            return {};
        }
        year = m.captured(3).toInt();
        const QDate date(year, month, day);
        const QTime clock(m.captured(4).toInt(), m.captured(5).toInt(), m.captured(6).toInt());
        if (!date.isValid() || !clock.isValid())
            return {};
        return QDateTime(date, clock, Qt::UTC);
    }

} // namespace

QDateTime reportDateTime(const QString &date)
{
    const QString text = date.trimmed();
    if (text.isEmpty())
        return {};
    QDateTime t = QDateTime::fromString(text, Qt::ISODate);
    if (!t.isValid())
        t = QDateTime::fromString(text, Qt::RFC2822Date);
    if (!t.isValid()) {
        // "2026-11-30 02:00 UTC", "2026-11-30, nightly": the leading date (and time) is what counts.
        static const QRegularExpression leading(
            QStringLiteral(R"(^(\d{4}-\d{2}-\d{2})(?:[ T](\d{2}:\d{2}(?::\d{2})?))?)"));
        const auto m = leading.match(text);
        if (m.hasMatch()) {
            QString time = m.captured(2).isEmpty() ? QStringLiteral("00:00:00") : m.captured(2);
            if (time.size() == 5)
                time += QStringLiteral(":00");
            t = QDateTime::fromString(m.captured(1) + QLatin1Char('T') + time, Qt::ISODate);
        }
    }
    if (!t.isValid())
        t = writtenOutDateTime(text);
    if (t.isValid() && t.timeSpec() == Qt::LocalTime)
        t.setTimeSpec(Qt::UTC); // reports rarely say the zone; read them as UTC so the order is stable
    return t;
}

std::optional<RunRecord> readRunRecord(const QString &path, QString *error)
{
    QString why;
    const auto hash = fileSha256(path, &why);
    if (!hash) {
        *error = QStringLiteral("%1: %2").arg(path, why);
        return std::nullopt;
    }
    const auto run = loadTriagedRun(path, error);
    if (!run)
        return std::nullopt;
    return makeRunRecord(run->triaged, QFileInfo(path).absoluteFilePath(), *hash, QFileInfo(path).lastModified());
}

} // namespace Gapwise
