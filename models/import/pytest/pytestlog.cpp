// SPDX-License-Identifier: GPL-3.0-or-later
#include "pytestlog.h"
#include "gapsuggester.h"
#include "phasewords.h"
#include "pytestsections.h"
#include "testidentifiers.h"

#include <QFileInfo>
#include <QRegularExpression>
#include <QSet>

namespace Gapwise {
namespace {

    int atLeastZero(int n)
    {
        return qMax(0, n);
    }

    // The phase word every node id of the run agrees on ("tests/unit/..." → "unit"); empty when none or mixed.
    QString commonPhaseWord(const PytestRun &run)
    {
        QString word;
        for (const TestCase &t : run.tests) {
            const QString w = phaseWordOfPath(t.name.section(QLatin1String("::"), 0, 0));
            if (w.isEmpty())
                continue;
            if (!word.isEmpty() && w != word)
                return QString();
            word = w;
        }
        return word;
    }

    void countPhase(const PytestRun &run, Phase &p)
    {
        if (run.tally.kind == PytestLine::Tally) {
            // pytest leaves zero counts out of its tally: absent means 0 here. xpassed count as passed and
            // xfailed as skipped, since a phase has no columns of their own.
            const PytestLine &t = run.tally;
            p.passed = atLeastZero(t.passed) + atLeastZero(t.xpassed);
            p.failed = atLeastZero(t.failed);
            p.errors = atLeastZero(t.errors);
            p.skipped = atLeastZero(t.skipped) + atLeastZero(t.xfailed);
            p.deselected = t.deselected;
            p.durationSeconds = t.seconds;
        } else {
            p.passed = p.failed = p.errors = p.skipped = 0;
            for (const TestCase &t : run.tests) {
                p.passed += t.status == TestStatus::Passed;
                p.failed += t.status == TestStatus::Failed;
                p.errors += t.status == TestStatus::Error;
                p.skipped += t.status == TestStatus::Skipped;
            }
        }
        p.total = p.passed + p.failed + p.errors + p.skipped;
    }

    bool isMarkdownMarker(const QString &line)
    {
        static const QRegularExpression marker(
            QStringLiteral("^(?:#{1,6}(?:\\s|$)|```|~~~|\\|.*\\|$|\\*\\*[^*]+\\*\\*|<!--)"));
        return marker.match(line).hasMatch();
    }

} // namespace

void addPytestRuns(const QVector<PytestRun> &runs, Report &report)
{
    QSet<QString> ids;
    for (const TestCase &t : std::as_const(report.tests))
        ids.insert(t.id);
    for (int r = 0; r < runs.size(); ++r) {
        const PytestRun &run = runs[r];
        Phase p;
        const QString word = commonPhaseWord(run);
        if (!word.isEmpty()) {
            p.id = word;
            p.name = phaseWordTitle(word);
        } else {
            p.name = runs.size() > 1 ? QStringLiteral("pytest run %1").arg(r + 1) : QStringLiteral("pytest");
            p.id = slugify(p.name);
        }
        const QString baseId = p.id;
        for (int n = 2; report.phaseIndex(p.id) >= 0; ++n)
            p.id = baseId + QLatin1Char('-') + QString::number(n);
        p.command = QStringLiteral("pytest");
        p.line = run.line;
        p.collected = run.collected;
        p.importErrors = run.importErrors;
        p.importErrorMessages = run.importErrorMessages;
        countPhase(run, p);
        report.phases.append(p);
        for (TestCase t : run.tests) {
            t.phaseId = p.id;
            const QString base = p.id + QLatin1Char(':') + normalisedTestKey(t.name);
            t.id = base;
            for (int n = 2; ids.contains(t.id); ++n)
                t.id = base + QLatin1Char('#') + QString::number(n);
            ids.insert(t.id);
            report.tests.append(t);
        }
        report.diagnostics += run.diagnostics;
        if (report.environment.isEmpty())
            report.environment = run.platform;
    }
}

bool looksLikePytestLog(const QByteArray &utf8Head)
{
    const QString text = QString::fromUtf8(utf8Head.left(qsizetype(64) * 1024));
    int results = 0;
    int lines = 0;
    for (const QStringView view : QStringView(text).split(QLatin1Char('\n'))) {
        if (++lines > 3000)
            break;
        const QString line = cleanPytestLine(view.toString());
        if (line.isEmpty())
            continue;
        if (isSessionBanner(line))
            return true;
        // Markdown structure before any pytest banner: a report that quotes pytest output, not a log.
        if (isMarkdownMarker(line))
            return false;
        if (parsePytestLine(line).kind != PytestLine::Other)
            ++results;
    }
    return results > 0;
}

ImportResult importPytestLog(const QByteArray &utf8, const QString &displayName, const ImportControl &control)
{
    ImportResult result;
    result.error.file = displayName;
    PytestLogReader reader;
    qsizetype pos = 0;
    int lineNumber = 0;
    int lastPermille = -1;
    while (pos < utf8.size()) {
        qsizetype end = utf8.indexOf('\n', pos);
        if (end < 0)
            end = utf8.size();
        reader.addLine(QString::fromUtf8(utf8.constData() + pos, end - pos), ++lineNumber);
        pos = end + 1;
        if ((lineNumber & 0xfff) == 0) {
            if (control.cancelled()) {
                result.error.message = QStringLiteral("import cancelled");
                return result;
            }
            const int permille = int(qMin<qint64>(1000, pos * 1000 / utf8.size()));
            if (control.progress && permille != lastPermille)
                control.progress(lastPermille = permille);
        }
    }
    const QVector<PytestRun> runs = reader.finish();
    if (runs.isEmpty()) {
        result.error.message = QStringLiteral("no pytest results found (no result lines, summary or final tally)");
        return result;
    }
    Report report;
    report.format = QStringLiteral("pytest-log");
    report.sourceFile = displayName;
    report.title = QStringLiteral("pytest log %1").arg(QFileInfo(displayName).fileName());
    addPytestRuns(runs, report);
    suggestGaps(report);
    if (report.tests.isEmpty())
        report.diagnostics.append({ Severity::Info, 0,
            QStringLiteral("the log names no tests; run pytest with -v or -rA to see each test") });
    result.report = report;
    if (control.progress)
        control.progress(1000);
    return result;
}

} // namespace Gapwise
