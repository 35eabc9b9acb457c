// SPDX-License-Identifier: GPL-3.0-or-later
// The part of the Markdown report builder that decides whether a mention of a test names a test the report
// already listed: the same node id, a shortened form of it, or a bare function name only one test has.
#include "markdownreportbuilder.h"

#include "testidentifiers.h"

#include <optional>

namespace Gapwise {

namespace {

    QString lastPartOf(const QString &key)
    {
        return key.section(QLatin1String("::"), -1);
    }

    // "x.py::T::test_y" (elided path) and "T::test_y" (class only) are "tests/e2e/x.py::T::test_y" written
    // shorter: one key ends with the other at a path or "::" boundary.
    bool isShortenedForm(const QString &a, const QString &b)
    {
        const QString &shorter = a.size() <= b.size() ? a : b;
        const QString &longer = a.size() <= b.size() ? b : a;
        if (!longer.endsWith(shorter))
            return false;
        const qsizetype at = longer.size() - shorter.size();
        return at == 0 || longer[at - 1] == QLatin1Char('/')
            || (at >= 2 && longer.mid(at - 2, 2) == QLatin1String("::"));
    }

} // namespace

// A node id matches the same node id anywhere in the report; else, in its phase (anywhere when it stands in
// no phase), the one test written shorter or longer, or the one test named only by its bare function. Two
// node ids that share a function ("a.py::T::test_x", "b.py::U::test_x", "a.py::test_x[1]") are two tests.
int MarkdownReportBuilder::findByNodeId(const QString &key, const QString &phaseId) const
{
    const auto inScope = [&](int index) { return phaseId.isEmpty() || m_report.tests[index].phaseId == phaseId; };
    int found = -1;
    int matches = 0;
    for (int index : m_testsByLastPart.value(lastPartOf(key))) {
        if (inScope(index) && isShortenedForm(normalisedTestKey(m_report.tests[index].name), key)) {
            found = index;
            ++matches;
        }
    }
    for (const QString &bare : { lastPartOf(key), testFunctionOf(key) }) {
        const int index = m_testsByKey.value(bare, -1);
        if (index >= 0 && index != found && inScope(index) && !isNodeId(m_report.tests[index].name)) {
            found = index;
            ++matches;
        }
    }
    return matches == 1 ? found : -1;
}

// A bare name ("test_y") is the one test of that function in the report, else the one in its phase. Where
// several share it, it names none of them: AmbiguousMention.
int MarkdownReportBuilder::findByBareName(const QString &key, std::optional<int> &phaseIndex)
{
    const bool parametrised = key.contains(QLatin1Char('['));
    QVector<int> candidates;
    for (int index : m_testsByFunction.value(testFunctionOf(key))) {
        if (!parametrised || lastPartOf(normalisedTestKey(m_report.tests[index].name)) == key)
            candidates.append(index);
    }
    if (candidates.size() == 1)
        return candidates.first();
    if (!phaseIndex)
        phaseIndex = phaseForResults(); // only now: a mention of a known test must not open a phase
    if (*phaseIndex == PendingPhase)
        return candidates.isEmpty() ? -1 : AmbiguousMention;
    int inPhase = -1, inPhaseCount = 0;
    for (int index : std::as_const(candidates)) {
        if (m_report.tests[index].phaseId == m_report.phases[*phaseIndex].id) {
            inPhase = index;
            ++inPhaseCount;
        }
    }
    if (inPhaseCount > 1)
        return AmbiguousMention;
    return inPhase; // none: a test of this phase that other phases also have
}

int MarkdownReportBuilder::findMentionedTest(const QString &name, const QString &key, std::optional<int> &phaseIndex)
{
    // The same node id anywhere in the report is the same test: a report that lists its results twice
    // (pytest output, then a table by priority) names one test, not two.
    // A test once named "test_y" and since known by its node id answers to "test_y" only while no other
    // test shares that name.
    if (const int index = m_testsByKey.value(key, -1);
        index >= 0 && normalisedTestKey(m_report.tests[index].name) == key)
        return index;
    if (!isNodeId(name))
        return findByBareName(key, phaseIndex);
    if (!phaseIndex)
        phaseIndex = phaseForResults();
    return findByNodeId(key, *phaseIndex == PendingPhase ? QString() : m_report.phases[*phaseIndex].id);
}

void MarkdownReportBuilder::indexTest(int index)
{
    const QString key = normalisedTestKey(m_report.tests[index].name);
    m_testsByKey.insert(key, index);
    QVector<int> &byLastPart = m_testsByLastPart[lastPartOf(key)];
    if (!byLastPart.contains(index))
        byLastPart.append(index);
    QVector<int> &byFunction = m_testsByFunction[testFunctionOf(key)];
    if (!byFunction.contains(index))
        byFunction.append(index);
}

int MarkdownReportBuilder::addTest(
    const QString &name, TestStatus status, bool expected, const QString &message, const QString &history, int line)
{
    const QString key = normalisedTestKey(name);
    std::optional<int> phaseIndex; // found when needed
    int index = findMentionedTest(name, key, phaseIndex);
    if (index == AmbiguousMention) {
        if (!m_ambiguousNames.contains(key)) {
            m_ambiguousNames.insert(key);
            addDiagnostic(Severity::Info, line,
                QStringLiteral("“%1” names several tests of the report; this mention is not attached to one of them")
                    .arg(name));
        }
        m_lastTest = -1; // an error line below it belongs to no test either
        return -1;
    }
    if (index >= 0) {
        TestCase &test = m_report.tests[index];
        if (test.phaseId == pendingPhaseId() && !m_sections.isEmpty()) {
            // Named first in a cause group outside any phase, then listed in the phase that ran it: it keeps
            // the phase it was run in.
            if (!phaseIndex)
                phaseIndex = phaseForResults();
            if (*phaseIndex != PendingPhase) {
                test.phaseId = m_report.phases[*phaseIndex].id;
                test.id = test.phaseId + QStringLiteral("::") + normalisedTestKey(test.name);
            }
        }
        if (status != TestStatus::Unknown && status != test.status) {
            if (test.status != TestStatus::Unknown)
                test.history += (test.history.isEmpty() ? QString() : QStringLiteral(" → ")) + statusName(test.status);
            test.status = status;
            test.expectedFailure = expected;
        }
        if (!message.isEmpty() && test.message != message)
            test.message = message;
        if (isNodeId(name) && !isNodeId(test.name)) {
            test.name = name; // "test_y", then "a.py::T::test_y": the test is known by its node id from now on
            indexTest(index);
        }
        m_lastTest = index;
        m_lastTestSection = m_sections.isEmpty() ? -1 : m_sections.last().blockIndex;
        return index;
    }
    if (!phaseIndex)
        phaseIndex = phaseForResults();
    const QString phaseId = *phaseIndex == PendingPhase ? pendingPhaseId() : m_report.phases[*phaseIndex].id;
    TestCase test;
    test.name = name;
    test.phaseId = phaseId;
    test.id = phaseId + QStringLiteral("::") + key;
    test.status = status;
    test.expectedFailure = expected;
    test.message = message;
    test.history = history;
    test.line = line;
    m_report.tests.append(test);
    index = int(m_report.tests.size()) - 1;
    indexTest(index);
    m_lastTest = index;
    m_lastTestSection = m_sections.isEmpty() ? -1 : m_sections.last().blockIndex;
    return index;
}

} // namespace Gapwise
