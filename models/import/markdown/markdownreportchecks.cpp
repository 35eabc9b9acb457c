// SPDX-License-Identifier: GPL-3.0-or-later
// The end of a Markdown import: where results outside any phase go, the cross-checks of counts that become
// diagnostics, and remediation items linked to the gaps they address.
#include "markdownreportbuilder.h"

#include "counttext.h"
#include "markdowntext.h"
#include "titlematcher.h"

#include <QSet>

#include <tuple>

namespace Gapwise {

using namespace MarkdownText;

void MarkdownReportBuilder::finish()
{
    while (!m_sections.isEmpty())
        closeSection();
    if (m_report.title.isEmpty())
        m_report.title = m_firstHeading;

    placePendingResults();
    checkPhaseCounts();
    linkRemediationToGaps();

    if (m_report.tests.isEmpty() && m_report.phases.isEmpty())
        addDiagnostic(Severity::Info, 0, QStringLiteral("no test results found: no phase counts, no named tests"));
}

void MarkdownReportBuilder::placePendingResults()
{
    const bool pendingTests = std::any_of(m_report.tests.cbegin(), m_report.tests.cend(),
        [](const TestCase &t) { return t.phaseId == pendingPhaseId(); });
    const bool pendingCounts = m_pending.total >= 0 || m_pending.failed >= 0 || m_pending.passed >= 0;
    // With several runs, counts outside them sum the runs up: they are the report's, not a phase's.
    // A total alone outside the runs ("Total Coordination Gaps: 5") may count anything; outcomes count tests.
    const bool pendingOutcomes = m_pending.failed >= 0 || m_pending.passed >= 0;
    QString id;
    if (m_report.phases.isEmpty() && (pendingTests || pendingCounts)) {
        // A report without phase headings is one phase, named after the report.
        m_pending.name = m_report.title.isEmpty() ? QStringLiteral("Tests") : m_report.title;
        m_pending.id = slugify(m_pending.name);
        if (m_pending.id.isEmpty())
            m_pending.id = QStringLiteral("tests");
        m_pending.line = 1;
        m_report.phases.append(m_pending);
        id = m_pending.id;
    } else if (m_report.phases.size() == 1) {
        id = m_report.phases.first().id; // one results section: the report's other tests belong to it
        // Counts a summary states for the one run fill what its own section leaves unsaid.
        Phase &only = m_report.phases.first();
        const Phase stated = pendingOutcomes ? m_pending : Phase();
        for (int Phase::*field : { &Phase::total, &Phase::passed, &Phase::failed, &Phase::errors, &Phase::skipped,
                 &Phase::deselected, &Phase::collected, &Phase::selected }) {
            if (only.*field < 0)
                only.*field = stated.*field;
        }
    }
    if (pendingTests && id.isEmpty()) {
        // Summary counts outside the phases repeat what the phases say; only the tests need a home.
        Phase other;
        other.id = QStringLiteral("other-tests");
        other.name = QStringLiteral("Other tests");
        other.importErrorMessages = m_pending.importErrorMessages;
        m_report.phases.append(other);
        id = other.id;
    }
    for (TestCase &t : m_report.tests) {
        if (t.phaseId == pendingPhaseId()) {
            t.phaseId = id;
            t.id = id + t.id.mid(pendingPhaseId().size());
        }
    }
}

void MarkdownReportBuilder::checkPhaseCounts()
{
    for (Phase &p : m_report.phases) {
        if (p.importErrors < 0 && !p.importErrorMessages.isEmpty())
            p.importErrors = int(p.importErrorMessages.size());
        const auto namedWith = [&](TestStatus status) {
            return int(std::count_if(m_report.tests.cbegin(), m_report.tests.cend(),
                [&](const TestCase &t) { return t.phaseId == p.id && t.status == status; }));
        };
        const int namedFailing = namedWith(TestStatus::Failed);
        if (p.total < 0 && p.passed < 0 && p.failed < 0 && p.errors < 0 && p.skipped < 0 && namedFailing > 0) {
            // A phase that states no count but names tests, some failing: its counts are its named tests (what
            // the window counts), not "5 failed" beside "-" for the passed and errors it names too.
            p.passed = namedWith(TestStatus::Passed);
            p.failed = namedFailing;
            p.errors = namedWith(TestStatus::Error);
            p.skipped = namedWith(TestStatus::Skipped);
            p.total = p.passed + p.failed + p.errors + p.skipped + namedWith(TestStatus::Unknown);
        }
        if (p.failed >= 0 && namedFailing > p.failed) {
            addDiagnostic(Severity::Warning, p.line,
                QStringLiteral("phase “%1” states %2 failed but names %3")
                    .arg(p.name, QString::number(p.failed),
                        countText(namedFailing, QStringLiteral("%1 failing test"), QStringLiteral("%1 failing tests"),
                            QLocale::c())));
        }
        if (p.failed < 0 && namedFailing > 0)
            p.failed = namedFailing;
        // "**Skipped:** 0" over a table that lists three "[SKIP]" rows: the listed tests are kept, and said.
        // Each count with its noun, one and many: "states 1 error but names 2 tests with errors".
        for (const auto &[field, status, statedOne, statedMany, namedOne, namedMany] :
            { std::tuple { &Phase::skipped, TestStatus::Skipped, "%1 skipped", "%1 skipped", "%1 skipped test",
                  "%1 skipped tests" },
                std::tuple { &Phase::errors, TestStatus::Error, "%1 error", "%1 errors", "%1 test with errors",
                    "%1 tests with errors" } }) {
            const int named = namedWith(status);
            if (p.*field >= 0 && named > p.*field) {
                addDiagnostic(Severity::Warning, p.line,
                    QStringLiteral("phase “%1” states %2 but names %3; the named tests are kept")
                        .arg(p.name,
                            countText(p.*field, QLatin1String(statedOne), QLatin1String(statedMany), QLocale::c()),
                            countText(named, QLatin1String(namedOne), QLatin1String(namedMany), QLocale::c())));
            }
        }
        const int outcomes = qMax(0, p.passed) + qMax(0, p.failed) + qMax(0, p.skipped);
        // "phase “X”: 3 failed + 9 passed + 1 skipped = 13", the sum either check below contradicts; "= 13 results"
        // `withNoun`.
        const auto sumText = [&p, outcomes](bool withNoun = false) {
            return QStringLiteral("phase “%1”: %2 failed + %3 passed%4 = %5")
                .arg(p.name)
                .arg(p.failed)
                .arg(p.passed)
                .arg(p.skipped > 0 ? QStringLiteral(" + %1 skipped").arg(p.skipped) : QString())
                .arg(withNoun
                        ? countText(outcomes, QStringLiteral("%1 result"), QStringLiteral("%1 results"), QLocale::c())
                        : QString::number(outcomes));
        };
        if (p.selected >= 0 && p.passed >= 0 && p.failed >= 0 && outcomes != p.selected) {
            addDiagnostic(Severity::Warning, p.line,
                sumText(true)
                    + countText(p.selected, QStringLiteral(", but %1 test was selected"),
                        QStringLiteral(", but %1 tests were selected"), QLocale::c()));
        } else if (p.total >= 0 && p.passed >= 0 && p.failed >= 0 && outcomes != p.total
            && outcomes + qMax(0, p.errors - qMax(0, p.importErrors)) != p.total
            && outcomes + qMax(0, p.deselected) != p.total) {
            addDiagnostic(Severity::Warning, p.line, sumText() + QStringLiteral(", but the total is %1").arg(p.total));
        }
        if (p.total < 0 && p.passed >= 0 && p.failed >= 0)
            p.total = outcomes + qMax(0, p.errors - qMax(0, p.importErrors));
    }
    // "Failure Rate: 54%" is a cross-check of the counts, never a count of its own.
    for (const StatedRate &rate : std::as_const(m_statedRates)) {
        const Phase &p = m_report.phases[rate.phase];
        const int base = p.selected > 0 ? p.selected : p.total;
        if (base <= 0 || (p.failed < 0 && p.passed < 0))
            continue;
        const double failing = p.failed >= 0 ? p.failed : base - p.passed;
        const double computed = 100.0 * failing / (p.selected > 0 ? qMax(base, p.failed + qMax(0, p.passed)) : base);
        if (qAbs(computed - rate.percent) > 1.5) {
            addDiagnostic(Severity::Warning, rate.line,
                QStringLiteral("phase “%1”: the stated failure rate %2% does not match the counts (%3%)")
                    .arg(p.name, QString::number(rate.percent, 'f', 1), QString::number(computed, 'f', 1)));
        }
    }
}

void MarkdownReportBuilder::linkRemediationToGaps()
{
    if (m_report.gaps.isEmpty())
        return;
    TitleMatcher matcher;
    QStringList titles;
    QSet<QString> stated; // gaps whose priority the report gives
    for (const Gap &g : m_report.gaps) {
        titles.append(g.title);
        if (g.priority != Priority::None)
            stated.insert(g.id);
    }
    matcher.setTitles(titles);
    for (RemediationItem &item : m_report.remediation) {
        int gap = matcher.bestMatch(item.title);
        if (gap < 0)
            gap = matcher.bestMatch(item.title + QLatin1Char(' ') + item.details, 1.5);
        if (gap < 0)
            continue;
        item.gapIds.append(m_report.gaps[gap].id);
        // A gap the report gives no priority takes the most urgent remediation item that addresses it.
        Gap &g = m_report.gaps[gap];
        if (item.priority != Priority::None && (g.priority == Priority::None || item.priority < g.priority)
            && !stated.contains(g.id))
            g.priority = item.priority;
    }
}

} // namespace Gapwise
