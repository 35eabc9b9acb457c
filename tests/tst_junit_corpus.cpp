// SPDX-License-Identifier: GPL-3.0-or-later
// Every file of the shared JUnit corpus: no crash; broken ones give a clear error; counts match what the
// file states, or, where the file contradicts itself, the testcases actually present (rule: docs/junit.md).
#include "testsupport.h"

#include <catch2/catch.hpp>

#include <QDir>
#include <QFile>
#include <QHash>
#include <QXmlStreamReader>

#include <algorithm>
#include <iterator>

using namespace Gapwise;

namespace {

enum
{
    Tests,
    Failures,
    Errors,
    Skipped,
    Kinds
};
const char *const KindNames[Kinds] = { "tests", "failures", "errors", "skipped" };

// What the file says about itself, read here with a plain QXmlStreamReader pass, independent of the importer.
struct Survey
{
    bool junit = true; // well-formed, no entity declarations, root <testsuites>/<testsuite>
    bool declaresEntities = false;
    int stated[Kinds] = { -1, -1, -1, -1 };
    int present[Kinds] = { 0, 0, 0, 0 };
    int runs[Kinds] = { 0, 0, 0, 0 }; // present, plus each rerun element as a test of its own
};

struct SuiteAttrs
{
    int stated[Kinds] = { -1, -1, -1, -1 };
    QVector<int> children;
};

int attr(const QXmlStreamAttributes &a, const char *name)
{
    bool ok = false;
    const int n = a.value(QLatin1String(name)).toInt(&ok);
    return ok && n >= 0 ? n : -1;
}

// A suite's stated count: its attribute, else the sum of what its child suites state.
int statedOf(const QVector<SuiteAttrs> &suites, int s, int k)
{
    if (suites[s].stated[k] >= 0)
        return suites[s].stated[k];
    int sum = -1;
    for (int c : suites[s].children) {
        const int n = statedOf(suites, c, k);
        if (n >= 0)
            sum = qMax(sum, 0) + n;
    }
    return sum;
}

int outcomeKind(QXmlStreamReader &r, const QString &statusAttr)
{
    bool failure = false, error = false, skipped = false, rerun = false;
    while (r.readNextStartElement()) {
        const QStringView n = r.name();
        failure |= n == QLatin1String("failure");
        error |= n == QLatin1String("error");
        skipped |= n == QLatin1String("skipped");
        rerun |= n == QLatin1String("rerunFailure") || n == QLatin1String("rerunError");
        r.skipCurrentElement();
    }
    if (failure)
        return Failures;
    if (error)
        return Errors;
    if (skipped)
        return Skipped;
    if (QStringList {
            QStringLiteral("disabled"), QStringLiteral("skipped"), QStringLiteral("notrun"), QStringLiteral("ignored") }
            .contains(statusAttr))
        return Skipped;
    return rerun ? Failures : Tests; // Tests = passed
}

Survey survey(const QByteArray &xml)
{
    Survey s;
    s.declaresEntities = xml.contains("<!ENTITY");
    QXmlStreamReader r(xml);
    QVector<SuiteAttrs> suites;
    QVector<int> topLevel, stack;
    int rootStated[Kinds] = { -1, -1, -1, -1 };
    bool rootIsSuite = false, seenRoot = false;
    // suite|classname|name|file → its tests' outcomes: a repeat of a failed one is a rerun (counted once, the last
    // outcome wins), a repeat of one that passed or was skipped is another test of that name.
    QHash<QString, QVector<int>> testsOfKey;
    QVector<int> outcomes, earlierRuns;
    while (!r.atEnd()) {
        r.readNext();
        if (r.isEndElement() && (r.name() == QLatin1String("testsuite") || r.name() == QLatin1String("testsuites"))
            && !stack.isEmpty())
            stack.removeLast();
        if (!r.isStartElement())
            continue;
        const QStringView n = r.name();
        const QXmlStreamAttributes a = r.attributes();
        if (!seenRoot) {
            seenRoot = true;
            if (n != QLatin1String("testsuites") && n != QLatin1String("testsuite")) {
                s.junit = false;
                return s;
            }
            if (n == QLatin1String("testsuites")) {
                for (int k = 0; k < Kinds; ++k)
                    rootStated[k] = attr(a, KindNames[k]);
                if (rootStated[Skipped] < 0)
                    rootStated[Skipped] = attr(a, "skips");
                continue;
            }
            rootIsSuite = true;
        }
        if (n == QLatin1String("testsuite") || n == QLatin1String("testsuites")) {
            SuiteAttrs suite;
            for (int k = 0; k < Kinds; ++k)
                suite.stated[k] = attr(a, KindNames[k]);
            if (suite.stated[Skipped] < 0)
                suite.stated[Skipped] = attr(a, "skips");
            const int index = int(suites.size());
            suites.append(suite);
            (stack.isEmpty() ? topLevel : suites[stack.last()].children).append(index);
            stack.append(index);
        } else if (n == QLatin1String("testcase")) {
            const QString key = QString::number(stack.isEmpty() ? -1 : stack.last()) + QLatin1Char('|')
                + a.value(QLatin1String("classname")) + QLatin1Char('|') + a.value(QLatin1String("name"))
                + QLatin1Char('|') + a.value(QLatin1String("file"));
            const int kind = outcomeKind(r, a.value(QLatin1String("status")).toString().toLower());
            QVector<int> &same = testsOfKey[key];
            const auto failed = std::find_if(same.cbegin(), same.cend(),
                [&outcomes](int i) { return outcomes[i] == Failures || outcomes[i] == Errors; });
            if (failed != same.cend()) {
                earlierRuns.append(outcomes[*failed]);
                outcomes[*failed] = kind;
            } else {
                same.append(int(outcomes.size()));
                outcomes.append(kind);
            }
        } else if ((n == QLatin1String("failure") || n == QLatin1String("error")) && !stack.isEmpty()) {
            outcomes.append(n == QLatin1String("failure") ? Failures : Errors); // a suite-level outcome
            r.skipCurrentElement();
        } else {
            r.skipCurrentElement();
        }
    }
    if (r.hasError() || !seenRoot) {
        s.junit = false;
        return s;
    }
    for (int kind : outcomes) {
        ++s.present[Tests];
        if (kind != Tests)
            ++s.present[kind];
    }
    std::copy(std::cbegin(s.present), std::cend(s.present), std::begin(s.runs));
    for (int kind : earlierRuns) {
        ++s.runs[Tests];
        if (kind != Tests)
            ++s.runs[kind];
    }
    for (int k = 0; k < Kinds; ++k) {
        if (rootIsSuite) {
            s.stated[k] = statedOf(suites, 0, k);
        } else if (rootStated[k] >= 0) {
            s.stated[k] = rootStated[k];
        } else {
            for (int t : topLevel) {
                const int v = statedOf(suites, t, k);
                if (v >= 0)
                    s.stated[k] = qMax(s.stated[k], 0) + v;
            }
        }
    }
    return s;
}

void importedCounts(const Report &report, int *counts)
{
    counts[Tests] = int(report.tests.size());
    counts[Failures] = report.countTests(TestStatus::Failed);
    counts[Errors] = report.countTests(TestStatus::Error);
    counts[Skipped] = report.countTests(TestStatus::Skipped);
}

} // namespace

TEST_CASE(
    "JUnit corpus: every file imports or fails clearly, counts follow the file or its testcases", "[junit][corpus]")
{
    const QString dirPath = TestSupport::sharedPath(QStringLiteral("corpus/junit-xml"));
    if (dirPath.isEmpty() || !QDir(dirPath).exists()) {
        WARN("../shared/corpus/junit-xml is absent: JUnit corpus test skipped");
        return;
    }
    const QFileInfoList files = QDir(dirPath).entryInfoList(QDir::Files, QDir::Name);
    REQUIRE_FALSE(files.isEmpty());
    int imported = 0, refused = 0, agreeing = 0, disagreeing = 0;
    for (const QFileInfo &info : files) {
        const QString path = info.absoluteFilePath();
        INFO("file " << info.fileName().toStdString());
        const ImportResult result = importFile(path);
        if (!result.ok()) {
            CHECK_FALSE(result.error.message.isEmpty());
            CHECK(result.error.file == path);
        }
        const bool isXml = info.suffix() == QLatin1String("xml") || info.suffix() == QLatin1String("xsd");
        if (!isXml)
            continue; // LICENSE and SOURCES files: only "no crash, clear outcome"
        QFile file(path);
        REQUIRE(file.open(QIODevice::ReadOnly));
        const Survey s = survey(file.readAll());
        if (!s.junit || s.declaresEntities) {
            ++refused;
            INFO("error: " << result.error.toString().toStdString());
            REQUIRE_FALSE(result.ok());
            CHECK(result.error.line > 0);
            if (info.fileName().contains(QLatin1String("testXxe")))
                CHECK(result.error.message.contains(QLatin1String("entit")));
            continue;
        }
        INFO("error: " << result.error.toString().toStdString());
        REQUIRE(result.ok());
        ++imported;
        const Report &report = *result.report;
        CHECK(report.format == QLatin1String("junit"));
        int counts[Kinds];
        importedCounts(report, counts);
        int phaseTotal = 0;
        for (const Phase &p : report.phases)
            phaseTotal += p.total;
        CHECK(phaseTotal == counts[Tests]);
        const bool warned = std::any_of(report.diagnostics.cbegin(), report.diagnostics.cend(),
            [](const Diagnostic &d) { return d.severity == Severity::Warning; });
        const bool noted = std::any_of(report.diagnostics.cbegin(), report.diagnostics.cend(),
            [](const Diagnostic &d) { return d.message.contains(QLatin1String("counting each rerun as a test")); });
        bool agrees = true;
        for (int k = 0; k < Kinds; ++k) {
            INFO(KindNames[k] << ": stated " << s.stated[k] << ", present " << s.present[k] << ", imported "
                              << counts[k]);
            if (s.stated[k] >= 0 && s.stated[k] == s.present[k]) {
                CHECK(counts[k] == s.stated[k]);
            } else {
                CHECK(counts[k] == s.present[k]);
                if (s.stated[k] >= 0) {
                    agrees = false;
                    // A contradiction in the file is reported, with its line; a file that counts each rerun as a
                    // test is right about its runs, and gets a note instead.
                    CHECK((warned || (s.stated[k] == s.runs[k] && noted)));
                }
            }
        }
        ++(agrees ? agreeing : disagreeing);
    }
    INFO("imported " << imported << ", refused " << refused << ", agreeing " << agreeing << ", disagreeing "
                     << disagreeing);
    CHECK(imported > 0);
    CHECK(refused > 0);
    CHECK(disagreeing > 0);
}
