// SPDX-License-Identifier: GPL-3.0-or-later
#include "junitreport.h"
#include "counttext.h"
#include "hugepages.h"
#include "phasewords.h"
#include "pytestsections.h"
#include "sharedsuffix.h"
#include "testidentifiers.h"

#include <QFileInfo>

#include <algorithm>

namespace Gapwise {
namespace {

    constexpr int MaxCountWarnings = 20;
    // More outermost suites than this are classes or test files (Surefire, jest-junit, Jenkins aggregates), not
    // stages of a campaign: they become one phase. Real campaigns have a handful of stages.
    constexpr int MaxSuitePhases = 12;

    struct Counts
    {
        int n[CountKinds] = { 0, 0, 0, 0 };
        void add(TestStatus s)
        {
            ++n[CountTests];
            if (s == TestStatus::Failed)
                ++n[CountFailures];
            else if (s == TestStatus::Error)
                ++n[CountErrors];
            else if (s == TestStatus::Skipped)
                ++n[CountSkipped];
        }
    };

    // "3 tests, 0 failures": only the kinds the file states.
    QString countsText(const int *n, const int *stated)
    {
        static const char *const one[CountKinds] = { "%1 test", "%1 failure", "%1 error", "%1 skipped" };
        static const char *const many[CountKinds] = { "%1 tests", "%1 failures", "%1 errors", "%1 skipped" };
        QStringList parts;
        for (int k = 0; k < CountKinds; ++k) {
            if (stated[k] >= 0)
                parts << countText(n[k], QLatin1String(one[k]), QLatin1String(many[k]), QLocale::c());
        }
        return parts.join(QLatin1String(", "));
    }

    bool disagrees(const int *stated, const Counts &present)
    {
        for (int k = 0; k < CountKinds; ++k) {
            if (stated[k] >= 0 && stated[k] != present.n[k])
                return true;
        }
        return false;
    }

    // Whether a name made of these parts is its own test key (normalisedTestKey changes nothing): no space at
    // either end, no '\\', no "/.../" (which cannot span the "::" between the parts).
    bool isOwnKey(const JUnitNamer::NameParts &p)
    {
        const QStringView first = p.prefix.isEmpty() ? p.name : p.prefix;
        if (p.name.isEmpty() || first.isEmpty() || first.front().isSpace() || p.name.back().isSpace())
            return false;
        for (const QStringView part : { p.prefix, p.name }) {
            if (part.contains(QLatin1Char('\\')))
                return false;
            for (qsizetype dot = part.indexOf(QLatin1Char('.')); dot >= 0;
                 dot = part.indexOf(QLatin1Char('.'), dot + 1)) {
                if (dot >= 1 && part.sliced(dot - 1).startsWith(QLatin1String("/.../")))
                    return false;
            }
        }
        return true;
    }

    QString runText(const TestCase &t)
    {
        return statusName(t.status) + (t.message.isEmpty() ? QString() : QLatin1String(": ") + t.message);
    }

} // namespace

JUnitReportBuilder::JUnitReportBuilder(const JUnitDocument &doc, const QString &displayName)
    : m_doc(doc)
    , m_displayName(displayName)
{
}

int JUnitReportBuilder::phaseFor(const JUnitCase &c)
{
    const QString word = m_namer.phaseWord(c);
    const int top = c.topLevel;
    if (m_lastPhase >= 0 && top == m_lastTop && word == m_lastPhaseWord)
        return m_lastPhase;
    m_lastTop = top;
    m_lastPhaseWord = word;
    m_lastPhase = phaseIndexFor(c, word, top);
    return m_lastPhase;
}

int JUnitReportBuilder::phaseIndexFor(const JUnitCase &c, const QString &word, int top)
{
    const QString key = word.isEmpty() ? QStringLiteral("suite:%1").arg(top) : QLatin1String("path:") + word;
    if (const auto it = m_phaseByKey.constFind(key); it != m_phaseByKey.cend())
        return *it;
    Phase p;
    if (!word.isEmpty()) {
        p.name = phaseWordTitle(word);
        p.id = word;
        p.line = c.line;
    } else if (top >= 0) {
        p.name = c.topLevelName.isEmpty() ? QStringLiteral("Suite %1").arg(m_report.phases.size() + 1) : c.topLevelName;
        p.id = slugify(p.name);
        p.line = c.topLevelLine;
    } else {
        p.name = m_doc.rootName.isEmpty() ? QStringLiteral("Tests") : m_doc.rootName;
        p.id = slugify(p.name);
        p.line = m_doc.rootLine;
    }
    // Phase ids stay unique: a second "tests" suite becomes "tests-2".
    const QString base = p.id;
    for (int n = 2; m_report.phaseIndex(p.id) >= 0; ++n)
        p.id = base + QLatin1Char('-') + QString::number(n);
    p.total = p.passed = p.failed = p.errors = p.skipped = 0;
    m_report.phases.append(p);
    m_phaseFromSuite.append(word.isEmpty() && top >= 0);
    const int index = int(m_report.phases.size()) - 1;
    m_phaseByKey.insert(key, index);
    return index;
}

// Folds the suite-named phases into one phase named after the report when there are too many of them: 176
// phases named after Java classes make an unreadable chart and say nothing about the campaign's stages.
// Test ids follow their new phase; tests with the same key in two suites stay apart as #2, #3.
void JUnitReportBuilder::foldManySuitePhases()
{
    if (m_phaseFromSuite.count(true) <= MaxSuitePhases)
        return;
    Phase all;
    all.name = m_doc.rootName.isEmpty() ? QFileInfo(m_displayName).completeBaseName() : m_doc.rootName;
    if (all.name.isEmpty())
        all.name = QStringLiteral("Tests");
    all.id = slugify(all.name);
    all.line = m_doc.rootLine;
    all.total = all.passed = all.failed = all.errors = all.skipped = 0;
    QVector<Phase> kept;
    QVector<int> newIndex(m_report.phases.size(), -1);
    int allIndex = -1;
    for (int i = 0; i < m_report.phases.size(); ++i) {
        Phase &p = m_report.phases[i];
        if (!m_phaseFromSuite[i]) {
            newIndex[i] = int(kept.size());
            kept.append(std::move(p));
            continue;
        }
        if (allIndex < 0) { // where the first suite phase stood
            allIndex = int(kept.size());
            kept.append(all);
        }
        newIndex[i] = allIndex;
        if (p.importErrors > 0) {
            kept[allIndex].importErrors = qMax(0, kept[allIndex].importErrors) + p.importErrors;
            kept[allIndex].importErrorMessages << p.importErrorMessages;
        }
    }
    Phase &folded = kept[allIndex];
    const QString base = folded.id;
    auto taken = [&kept, allIndex](const QString &id) {
        for (int i = 0; i < kept.size(); ++i) {
            if (i != allIndex && kept[i].id == id)
                return true;
        }
        return false;
    };
    for (int n = 2; taken(folded.id); ++n)
        folded.id = base + QLatin1Char('-') + QString::number(n);
    m_report.phases = std::move(kept);

    m_byId.clear();
    for (int i = 0; i < m_report.tests.size(); ++i) {
        TestCase &t = m_report.tests[i];
        const bool moved = m_phaseFromSuite[m_testPhase[i]];
        m_testPhase[i] = newIndex[m_testPhase[i]];
        if (moved) {
            t.phaseId = folded.id;
            const QString key = folded.id + QLatin1Char(':') + normalisedTestKey(t.name);
            t.id = key;
            for (int n = 2; m_byId.find(t.id) >= 0; ++n)
                t.id = key + QLatin1Char('#') + QString::number(n);
        }
        m_byId.insert(i);
    }
    m_report.diagnostics.append({ Severity::Info, m_doc.rootLine,
        QStringLiteral("%1 test suites are shown as one phase, \"%2\": so many suites are classes or files, not "
                       "stages of the run")
            .arg(m_phaseFromSuite.count(true))
            .arg(folded.name) });
}

void JUnitReportBuilder::expectBytes(qint64 bytes)
{
    // A bare <testcase .../> line of pytest or Surefire is 150-200 bytes; failures and output only add bytes,
    // so this rarely guesses too many. Bounded: a huge file of traces does not reserve millions of tests.
    constexpr qint64 BytesPerCase = 150;
    constexpr qint64 MaxReserved = 1'000'000; // 200 MB of vector (untouched until filled), 16 MB of id slots
    const qsizetype expected = qsizetype(qBound<qint64>(0, bytes / BytesPerCase, MaxReserved));
    if (expected < 1000)
        return; // small files: growing costs nothing worth a guess
    m_report.tests.reserve(expected);
    adviseHugePages(m_report.tests.constData(), qint64(m_report.tests.capacity()) * qint64(sizeof(TestCase)));
    m_byId.reserve(expected);
    m_origins.reserve(expected);
    m_testPhase.reserve(expected);
}

void JUnitReportBuilder::mergeRerun(TestCase &t, JUnitCase &&c)
{
    // A failed test again in its suite is a rerun (pytest-rerunfailures, gotestsum --rerun-fails, flaky
    // plugins): one test, the last outcome wins, the earlier ones go to its history.
    m_earlierRuns.append({ c.suite, t.status });
    if (m_reruns == 0)
        m_firstRerunLine = c.line;
    QString history = t.history;
    if (!history.isEmpty())
        history += QLatin1String("; ");
    history += QLatin1String("earlier run: ") + runText(t);
    for (const QString &h : std::as_const(c.history))
        history += QLatin1String("; ") + h;
    t.history = history;
    t.status = c.status;
    t.expectedFailure = c.expectedFailure;
    t.message = std::move(c.message);
    if (!c.details.isEmpty() || c.status == TestStatus::Passed)
        t.details = std::move(c.details);
    t.line = c.line;
    t.durationSeconds = c.seconds;
    ++m_reruns;
}

// Each testcase is named and its id written when it comes, and filed one testcase later: by then the id
// index's slot for it, a cache miss per test on a big report, has been fetched while the reader parsed the next
// one. Filing stays in document order, so reruns, numbered namesakes and every count are as if filed at once.
void JUnitReportBuilder::addCase(JUnitCase &&c)
{
    if (c.failureElements + c.errorElements > 1 && ++m_severalOutcomes == 1) {
        QStringList parts;
        if (c.failureElements > 0)
            parts << countText(
                c.failureElements, QStringLiteral("%1 failure"), QStringLiteral("%1 failures"), QLocale::c());
        if (c.errorElements > 0)
            parts << countText(c.errorElements, QStringLiteral("%1 error"), QStringLiteral("%1 errors"), QLocale::c());
        m_firstSeveralLine = c.line;
        m_firstSeveralText = QStringLiteral("%1 in one testcase (%2)").arg(parts.join(QLatin1String(" and ")), c.name);
        m_firstSeveralKind = c.failureElements > 0 ? QStringLiteral("failure") : QStringLiteral("error");
    }
    PendingCase next;
    next.phaseIndex = phaseFor(c);
    next.phaseId = m_report.phases[next.phaseIndex].id;
    // Stable ids: the same test in the same file always gets the same id; true duplicates (the same name in
    // two suites) are numbered in document order. Nearly always the name is its own key: the id is then written
    // once from the name's parts, and the name is the id's tail (one string for both, no temporary).
    JUnitNamer::NameParts parts;
    const bool asWritten = m_namer.nameParts(c, c.suiteName, &parts) && isOwnKey(parts);
    if (asWritten) {
        next.base = m_ids.join({ next.phaseId, u":", parts.prefix, parts.separator, parts.name });
    } else {
        next.name = m_namer.testName(c, c.suiteName);
        const QString key = normalisedTestKey(next.name);
        next.base = m_ids.join({ next.phaseId, u":", key });
        if (key == next.name)
            next.name = QString(); // the tail of base, below
    }
    next.hash = TestIdIndex::hashOf(next.base);
    m_byId.prefetch(next.hash);
    next.c = std::move(c);
    if (m_hasPending)
        file(std::move(m_pending));
    m_pending = std::move(next);
    m_hasPending = true;
}

void JUnitReportBuilder::fileLastCase()
{
    if (m_hasPending)
        file(std::move(m_pending));
    m_hasPending = false;
}

void JUnitReportBuilder::file(PendingCase &&p)
{
    JUnitCase &c = p.c;
    TestCase t;
    t.phaseId = std::move(p.phaseId);
    t.id = p.base;
    quint32 hash = p.hash;
    bool namesake = false;
    for (int n = 2;; ++n) {
        const int existing = m_byId.find(t.id, hash);
        if (existing < 0)
            break;
        const Origin &o = m_origins[existing];
        if (!c.synthetic && !o.synthetic && o.suite == c.suite) {
            // Tools rerun only what failed, and stop at the first pass: after a pass or a skip the same name is
            // another test (Jest titles, TestNG data-provider rows), which the file's counts count too.
            if (isFailing(m_report.tests[existing].status)) {
                mergeRerun(m_report.tests[existing], std::move(c));
                return;
            }
            namesake = true;
        }
        t.id = p.base + QLatin1Char('#') + QString::number(n);
        hash = TestIdIndex::hashOf(t.id);
    }
    if (namesake && m_namesakes++ == 0)
        m_firstNamesakeLine = c.line;
    t.name = p.name.isNull() ? sharedSuffix(p.base, t.phaseId.size() + 1) : std::move(p.name);
    t.status = c.status;
    t.expectedFailure = c.expectedFailure;
    t.message = std::move(c.message);
    t.details = std::move(c.details);
    t.history = c.history.join(QLatin1String("; "));
    t.line = c.line;
    if (c.sourceLine > 0) {
        t.sourceFile = c.file;
        t.sourceLine = c.sourceLine;
    }
    t.durationSeconds = c.seconds;
    noteImportError(m_report.phases[p.phaseIndex], t);
    m_origins.append(Origin { c.suite, c.synthetic });
    m_testPhase.append(p.phaseIndex);
    m_report.tests.append(std::move(t));
    m_byId.insert(int(m_report.tests.size()) - 1, hash);
}

// pytest's JUnit XML writes a module that failed to import as an erroring testcase ("collection failure"):
// count it in the phase's import errors, as the pytest-log importer does.
void JUnitReportBuilder::noteImportError(Phase &phase, const TestCase &t)
{
    if (t.status != TestStatus::Error || t.message != QLatin1String("collection failure"))
        return;
    for (const QStringView line : QStringView(t.details).split(QLatin1Char('\n'))) {
        const QString text = exceptionLineText(line.toString());
        if (!text.isEmpty() && isImportErrorMessage(text)) {
            phase.importErrors = qMax(0, phase.importErrors) + 1;
            phase.importErrorMessages << t.name + QLatin1String(": ") + text;
            return;
        }
    }
}

void JUnitReportBuilder::countAndWarn()
{
    QVector<Counts> perSuite(m_doc.suites.size());
    Counts all;
    for (int i = 0; i < m_report.tests.size(); ++i) {
        const TestCase &t = m_report.tests[i];
        all.add(t.status);
        for (int s = m_origins[i].suite; s >= 0; s = m_doc.suites[s].parent)
            perSuite[s].add(t.status);
        Phase &p = m_report.phases[m_testPhase[i]];
        ++p.total;
        switch (t.status) {
        case TestStatus::Passed:
            ++p.passed;
            break;
        case TestStatus::Failed:
            ++p.failed;
            break;
        case TestStatus::Error:
            ++p.errors;
            break;
        case TestStatus::Skipped:
            ++p.skipped;
            break;
        case TestStatus::Unknown:
            break;
        }
        if (t.durationSeconds >= 0)
            p.durationSeconds = qMax(0.0, p.durationSeconds) + t.durationSeconds;
    }
    // What the counts would be with every rerun element counted as a test of its own, as some writers count.
    QVector<Counts> perSuiteRuns = perSuite;
    Counts allRuns = all;
    for (const auto &[suite, earlier] : std::as_const(m_earlierRuns)) {
        allRuns.add(earlier);
        for (int s = suite; s >= 0; s = m_doc.suites[s].parent)
            perSuiteRuns[s].add(earlier);
    }
    int warnings = 0;
    auto warn = [&](int line, const QString &what, const int *stated, const Counts &present, const Counts &runs) {
        if (!disagrees(stated, present))
            return;
        if (!disagrees(stated, runs)) { // the file is right, it only counts runs where Gapwise counts tests
            m_report.diagnostics.append({ Severity::Info, line,
                QStringLiteral("%1 states %2, counting each rerun as a test; Gapwise counts each test once, with "
                               "its last outcome: %3")
                    .arg(what, countsText(stated, stated), countsText(present.n, stated)) });
            return;
        }
        if (++warnings > MaxCountWarnings)
            return;
        m_report.diagnostics.append({ Severity::Warning, line,
            QStringLiteral("%1 states %2 but its testcases give %3; Gapwise counts the testcases")
                .arg(what, countsText(stated, stated), countsText(present.n, stated)) });
    };
    if (!m_doc.rootIsSuite)
        warn(m_doc.rootLine, QStringLiteral("the report"), m_doc.rootStated, all, allRuns);
    for (int s = 0; s < m_doc.suites.size(); ++s) {
        const JUnitSuite &suite = m_doc.suites[s];
        warn(suite.line, QStringLiteral("suite \"%1\"").arg(suite.name), suite.stated, perSuite[s], perSuiteRuns[s]);
    }
    if (warnings > MaxCountWarnings)
        m_report.diagnostics.append({ Severity::Warning, 0,
            countText(warnings - MaxCountWarnings,
                QStringLiteral("%1 more suite states counts that disagree with its testcases"),
                QStringLiteral("%1 more suites state counts that disagree with their testcases"), QLocale::c()) });
}

Report JUnitReportBuilder::finish()
{
    fileLastCase();
    m_report.format = QStringLiteral("junit");
    m_report.sourceFile = m_displayName;
    m_report.title = m_doc.rootName;
    const auto outermost
        = std::count_if(m_doc.suites.cbegin(), m_doc.suites.cend(), [](const JUnitSuite &s) { return s.parent < 0; });
    if (m_report.title.isEmpty() && outermost == 1) // of many suites, the first one names only itself
        m_report.title = m_doc.suites.first().name;
    if (m_report.title.isEmpty())
        m_report.title = QFileInfo(m_displayName).fileName();
    if (!m_doc.suites.isEmpty()) {
        m_report.date = m_doc.suites.first().timestamp;
        m_report.environment = m_doc.suites.first().hostname;
    }
    foldManySuitePhases();
    countAndWarn();
    m_report.summaryFacts << countText(m_doc.suites.size(), QStringLiteral("%1 test suite"),
                                 QStringLiteral("%1 test suites"), QLocale::c())
            + QStringLiteral(", ")
            + countText(m_report.tests.size(), QStringLiteral("%1 test"), QStringLiteral("%1 tests"), QLocale::c());
    if (m_reruns > 0)
        m_report.diagnostics.append({ Severity::Info, m_firstRerunLine,
            countText(m_reruns,
                QStringLiteral("%1 testcase element repeats a failed test of the same suite (a rerun, here): each "
                               "test is counted once with its last outcome, earlier outcomes are in its history"),
                QStringLiteral("%1 testcase elements repeat a failed test of the same suite (reruns, the first here): "
                               "each test is counted once with its last outcome, earlier outcomes are in its history"),
                QLocale::c()) });
    if (m_namesakes > 0)
        m_report.diagnostics.append({ Severity::Info, m_firstNamesakeLine,
            countText(m_namesakes,
                QStringLiteral("%1 testcase element repeats the name of a test of the same suite that did not fail "
                               "(here): no rerun, so it is a test of its own, its id numbered (#2)"),
                QStringLiteral(
                    "%1 testcase elements repeat the name of a test of the same suite that did not fail (the "
                    "first here): no reruns, so each is a test of its own, its id numbered (#2, …)"),
                QLocale::c()) });
    if (m_doc.negativeTimes > 0)
        m_report.diagnostics.append({ Severity::Warning, m_doc.firstNegativeTimeLine,
            m_doc.negativeTimes == 1
                ? QStringLiteral("time=\"%1\" is negative: that duration is left out").arg(m_doc.firstNegativeTime)
                : QStringLiteral("%1 time attributes are negative (the first here: time=\"%2\"): those durations are "
                                 "left out")
                      .arg(m_doc.negativeTimes)
                      .arg(m_doc.firstNegativeTime) });
    if (m_severalOutcomes == 1)
        m_report.diagnostics.append({ Severity::Info, m_firstSeveralLine,
            QStringLiteral("%1: its message is the first %2, its details hold all of them in order")
                .arg(m_firstSeveralText, m_firstSeveralKind) });
    else if (m_severalOutcomes > 1)
        m_report.diagnostics.append({ Severity::Info, m_firstSeveralLine,
            QStringLiteral("%1 testcases hold more than one failure or error (the first here: %2): the message of "
                           "each is its first failure (else its first error), its details hold all of them in order")
                .arg(m_severalOutcomes)
                .arg(m_firstSeveralText) });
    if (m_report.tests.isEmpty())
        m_report.diagnostics.append({ Severity::Info, 0, QStringLiteral("the report contains no test cases") });
    m_origins.clear();
    m_byId.release();
    return std::move(m_report);
}

} // namespace Gapwise
