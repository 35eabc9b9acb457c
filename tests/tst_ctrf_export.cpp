// SPDX-License-Identifier: GPL-3.0-or-later
// `export --format ctrf`: the triaged run as CTRF. Validated against the CTRF schema of the shared corpus with
// tests/jsonschemacheck (the keywords that schema uses), and read back by Gapwise's own CTRF importer.
#include "jsonschemacheck.h"
#include "planformats.h"
#include "planwriters.h"
#include "remediationplan.h"
#include "testsupport.h"
#include "triagesession.h"

#include <catch2/catch.hpp>

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

using namespace Gapwise;
using TestSupport::importBytesOrFail;

namespace {

QJsonObject sharedCtrfSchema()
{
    const QString path = TestSupport::sharedPath(QStringLiteral("corpus/other-formats/ctrf__ctrf.schema.json"));
    QFile f(path);
    if (path.isEmpty() || !f.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(f.readAll()).object();
}

QJsonObject ctrfOf(const Report &imported, const Report &triaged)
{
    const RemediationPlan plan = buildPlan(imported, triaged, QDateTime(QDate(2026, 12, 2), QTime(12, 0), Qt::UTC));
    const QByteArray bytes = planToText(plan, PlanFormat::Ctrf);
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &error);
    REQUIRE(error.error == QJsonParseError::NoError);
    return doc.object();
}

} // namespace

TEST_CASE("CTRF export: valid against the CTRF schema, every test, gaps in extra.gapwise", "[ctrf][export]")
{
    CHECK(planFormatFromKey(QStringLiteral("ctrf")) == PlanFormat::Ctrf);
    CHECK(planFormatInfo(PlanFormat::Ctrf).fileSuffix() == QLatin1String("json"));

    const Report imported = TestSupport::importOrFail(TestSupport::dataPath(QStringLiteral("dotnet/xunit2-traps.xml")));
    TriageSession session;
    session.load(imported);
    REQUIRE(!imported.gaps.isEmpty());
    const QString gap = imported.gaps.first().id;
    session.setGapOwner(gap, QStringLiteral("orders-team"));
    const QJsonObject ctrf = ctrfOf(session.imported(), session.report());

    // The fields CTRF requires, with their types (checked whether or not the schema is at hand).
    CHECK(ctrf[QLatin1String("reportFormat")] == QLatin1String("CTRF"));
    CHECK(ctrf[QLatin1String("specVersion")].toString() == QLatin1String("1.0.0"));
    const QJsonObject results = ctrf[QLatin1String("results")].toObject();
    CHECK(results[QLatin1String("tool")].toObject()[QLatin1String("name")] == QLatin1String("gapwise"));
    const QJsonObject summary = results[QLatin1String("summary")].toObject();
    CHECK(summary[QLatin1String("tests")].toInt() == 5);
    CHECK(summary[QLatin1String("passed")].toInt() == 2);
    CHECK(summary[QLatin1String("failed")].toInt() == 2);
    CHECK(summary[QLatin1String("skipped")].toInt() == 1);
    CHECK(summary[QLatin1String("other")].toInt() == 0);
    const QJsonArray tests = results[QLatin1String("tests")].toArray();
    REQUIRE(tests.size() == 5);
    int inGap = 0;
    for (const QJsonValue t : tests) {
        const QJsonObject o = t.toObject();
        CHECK(!o[QLatin1String("name")].toString().isEmpty());
        CHECK(o[QLatin1String("duration")].isDouble());
        inGap += o[QLatin1String("extra")].toObject()[QLatin1String("gapwise")].toObject()[QLatin1String("gap")] == gap;
    }
    CHECK(inGap == 2);
    const QJsonArray gaps
        = ctrf[QLatin1String("extra")].toObject()[QLatin1String("gapwise")].toObject()[QLatin1String("gaps")].toArray();
    REQUIRE(gaps.size() == 1);
    CHECK(gaps[0].toObject()[QLatin1String("owner")] == QLatin1String("orders-team"));

    const QJsonObject schema = sharedCtrfSchema();
    if (schema.isEmpty()) {
        WARN("../shared/corpus/other-formats/ctrf__ctrf.schema.json is absent: the schema check is skipped");
    } else {
        const QStringList violations = jsonSchemaViolations(ctrf, schema);
        INFO(violations.join(QLatin1Char('\n')).toStdString());
        CHECK(violations.isEmpty());
        // The checker is no rubber stamp: it refuses what the schema forbids.
        QJsonObject wrong = ctrf;
        wrong.insert(QStringLiteral("gaps"), QJsonArray());
        QJsonObject wrongResults = results;
        wrongResults.remove(QStringLiteral("summary"));
        wrong.insert(QStringLiteral("results"), wrongResults);
        CHECK(jsonSchemaViolations(wrong, schema).size() == 2);
        // And the shared examples, written by the CTRF authors, pass it.
        for (const char *example : { "ctrf__minimal.json", "ctrf__comprehensive.json", "ctrf__with-retries.json" }) {
            QFile f(TestSupport::sharedPath(QStringLiteral("corpus/other-formats/") + QLatin1String(example)));
            REQUIRE(f.open(QIODevice::ReadOnly));
            INFO(example);
            CHECK(jsonSchemaViolations(QJsonDocument::fromJson(f.readAll()).object(), schema).isEmpty());
        }
    }

    // Read back: the same counts, and the gap with its tests and owner.
    const Report back = importBytesOrFail(QJsonDocument(ctrf).toJson(), QStringLiteral("back.json"));
    CHECK(back.format == QLatin1String("ctrf"));
    CHECK(back.tests.size() == 5);
    CHECK(back.countTests(TestStatus::Failed) == 2);
    REQUIRE(back.gaps.size() == 1);
    CHECK(back.gaps[0].id == gap);
    CHECK(back.gaps[0].owner == QLatin1String("orders-team"));
}
