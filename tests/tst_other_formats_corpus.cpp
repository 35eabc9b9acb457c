// SPDX-License-Identifier: GPL-3.0-or-later
// Every TRX, NUnit and CTRF file of the shared corpus (../shared/corpus/other-formats) imports with exactly the
// counts its producer states in the file: TRX <Counters>, NUnit <test-run>, CTRF results.summary. The stated
// counts are read here independently of the importers (QXmlStreamReader, QJsonDocument).
#include "testsupport.h"

#include <catch2/catch.hpp>

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QXmlStreamReader>

using namespace Gapwise;

namespace {

QDir otherFormats()
{
    const QString path = TestSupport::sharedPath(QStringLiteral("corpus/other-formats"));
    return QDir(path);
}

// The attributes of the first element named `element`, or empty.
QXmlStreamAttributes firstElement(const QString &path, const QString &element)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    QXmlStreamReader xml(&f);
    while (xml.readNextStartElement() || !xml.atEnd()) {
        if (xml.isStartElement() && xml.name() == element)
            return xml.attributes();
        if (!xml.isStartElement())
            xml.readNext();
    }
    return {};
}

int number(const QXmlStreamAttributes &a, const char *name)
{
    bool ok = false;
    const int n = a.value(QLatin1String(name)).toInt(&ok);
    return ok ? n : -1;
}

struct Tally
{
    int tests = 0, passed = 0, failed = 0, errors = 0, skipped = 0, unknown = 0;
    explicit Tally(const Report &r)
        : tests(int(r.tests.size()))
        , passed(r.countTests(TestStatus::Passed))
        , failed(r.countTests(TestStatus::Failed))
        , errors(r.countTests(TestStatus::Error))
        , skipped(r.countTests(TestStatus::Skipped))
        , unknown(r.countTests(TestStatus::Unknown))
    {
    }
};

bool skipWithoutCorpus()
{
    if (otherFormats().exists())
        return false;
    WARN("../shared/corpus/other-formats is absent: the other-formats corpus checks are skipped");
    return true;
}

} // namespace

TEST_CASE("Shared TRX files: the counts of their Counters", "[trx][corpus]")
{
    if (skipWithoutCorpus())
        return;
    const QStringList files = otherFormats().entryList({ QStringLiteral("*.trx") }, QDir::Files, QDir::Name);
    REQUIRE(files.size() >= 4);
    for (const QString &name : files) {
        const QString path = otherFormats().filePath(name);
        INFO(name.toStdString());
        const Report r = TestSupport::importOrFail(path);
        const QXmlStreamAttributes c = firstElement(path, QStringLiteral("Counters"));
        REQUIRE(number(c, "total") >= 0);
        const Tally t(r);
        CHECK(r.format == QLatin1String("trx"));
        CHECK(t.tests == number(c, "total"));
        CHECK(t.passed == number(c, "passed"));
        CHECK(t.failed == number(c, "failed"));
        // What did not pass or fail was not executed, or gave no verdict (xUnit's TRX leaves notExecuted 0).
        CHECK(t.errors + t.skipped + t.unknown == number(c, "total") - number(c, "passed") - number(c, "failed"));
        CHECK(t.errors == number(c, "error") + number(c, "timeout") + number(c, "aborted"));
    }
    // What each file holds, beyond its counters (the producer's own summaries, dorny/test-reporter's fixtures).
    const Tally silent(TestSupport::importOrFail(otherFormats().filePath(QStringLiteral("dorny__SilentNotes.trx"))));
    CHECK(silent.skipped == 12);
    const Report dotnet = TestSupport::importOrFail(otherFormats().filePath(QStringLiteral("dorny__dotnet-trx.trx")));
    CHECK(Tally(dotnet).skipped == 1);
    const TestCase *custom
        = TestSupport::testNamed(dotnet, QStringLiteral("DotnetTests.XUnitTests.CalculatorTests::Custom Name"));
    CHECK(custom != nullptr);
}

TEST_CASE("Shared NUnit files: the counts of their test-run", "[nunit][corpus]")
{
    if (skipWithoutCorpus())
        return;
    for (const char *file : { "dorny__dotnet-nunit.xml", "dorny__nunit-sample.xml" }) {
        const QString path = otherFormats().filePath(QLatin1String(file));
        INFO(file);
        const Report r = TestSupport::importOrFail(path);
        const QXmlStreamAttributes run = firstElement(path, QStringLiteral("test-run"));
        const Tally t(r);
        CHECK(r.format == QLatin1String("nunit"));
        CHECK(t.tests == number(run, "total"));
        CHECK(t.passed == number(run, "passed") + qMax(0, number(run, "warnings")));
        CHECK(t.failed + t.errors == number(run, "failed")); // NUnit counts an error as failed
        CHECK(t.skipped == number(run, "skipped"));
        CHECK(t.unknown == number(run, "inconclusive"));
    }
    // Two fixtures of nunit-sample both have Test1 and Test2: four tests, none merged.
    const Report sample = TestSupport::importOrFail(otherFormats().filePath(QStringLiteral("dorny__nunit-sample.xml")));
    int test1 = 0;
    for (const TestCase &t : sample.tests)
        test1 += t.name.endsWith(QLatin1String("::Test1")) ? 1 : 0;
    CHECK(test1 == 2);
}

TEST_CASE("Shared CTRF examples: the counts of their summary", "[ctrf][corpus]")
{
    if (skipWithoutCorpus())
        return;
    const QStringList files = otherFormats().entryList({ QStringLiteral("ctrf__*.json") }, QDir::Files, QDir::Name);
    int reports = 0;
    for (const QString &name : files) {
        if (name.contains(QLatin1String("schema")))
            continue;
        const QString path = otherFormats().filePath(name);
        INFO(name.toStdString());
        QFile f(path);
        REQUIRE(f.open(QIODevice::ReadOnly));
        const QJsonObject summary = QJsonDocument::fromJson(f.readAll())
                                        .object()[QLatin1String("results")]
                                        .toObject()[QLatin1String("summary")]
                                        .toObject();
        const Report r = TestSupport::importOrFail(path);
        const Tally t(r);
        CHECK(r.format == QLatin1String("ctrf"));
        CHECK(t.tests == summary[QLatin1String("tests")].toInt());
        CHECK(t.passed == summary[QLatin1String("passed")].toInt());
        CHECK(t.failed == summary[QLatin1String("failed")].toInt());
        CHECK(t.skipped == summary[QLatin1String("skipped")].toInt() + summary[QLatin1String("pending")].toInt());
        CHECK(t.unknown == summary[QLatin1String("other")].toInt());
        ++reports;
    }
    CHECK(reports == 5);
    // The schema itself is JSON but no report.
    CHECK_FALSE(importFile(otherFormats().filePath(QStringLiteral("ctrf__ctrf.schema.json"))).ok());
}
