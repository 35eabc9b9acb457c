// SPDX-License-Identifier: GPL-3.0-or-later
// Scores the Markdown importer against tests/data/markdown-gold.json: 25 reports of the shared corpus,
// labelled by hand (tests and their statuses, the counts each run states, the cause groups the report names).
// The four scores and their floors are defined in the file's header; this test computes exactly those.
#include "testsupport.h"

#include <catch2/catch.hpp>

#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>

using namespace Gapwise;

namespace {

// Lower case, anything but letters and digits a single space.
QString normalised(const QString &text)
{
    static const QRegularExpression other(QStringLiteral("[^a-z0-9]+"));
    return text.toLower().replace(other, QStringLiteral(" ")).simplified();
}

QStringList wordsOf(const QString &text)
{
    return normalised(text).split(QLatin1Char(' '), Qt::SkipEmptyParts);
}

int countOf(const Phase &p, const QString &field)
{
    static const QHash<QString, int Phase::*> fields = {
        { QStringLiteral("total"), &Phase::total },
        { QStringLiteral("passed"), &Phase::passed },
        { QStringLiteral("failed"), &Phase::failed },
        { QStringLiteral("errors"), &Phase::errors },
        { QStringLiteral("skipped"), &Phase::skipped },
        { QStringLiteral("deselected"), &Phase::deselected },
        { QStringLiteral("collected"), &Phase::collected },
    };
    const auto it = fields.constFind(field);
    return it == fields.constEnd() ? -2 : p.**it;
}

struct Tally
{
    int tests = 0, found = 0, rightStatus = 0, counts = 0, rightCounts = 0, groups = 0, foundGroups = 0;
    QStringList misses; // what went wrong, per report, printed when a floor is missed
};

void scoreReport(const QJsonObject &gold, const Report &report, Tally &tally)
{
    const QString file = gold.value(QStringLiteral("file")).toString();
    // A test matches by its name, or the last segment of its node id.
    QHash<QString, const TestCase *> byName;
    for (const TestCase &t : report.tests) {
        byName.insert(normalised(t.name), &t);
        byName.insert(normalised(t.name.section(QStringLiteral("::"), -1)), &t);
    }
    for (const QJsonValue &v : gold.value(QStringLiteral("tests")).toArray()) {
        const QJsonObject t = v.toObject();
        const QString name = t.value(QStringLiteral("name")).toString();
        ++tally.tests;
        const TestCase *found = byName.value(normalised(name));
        if (!found) {
            tally.misses << QStringLiteral("%1: test %2 not found").arg(file, name);
            continue;
        }
        ++tally.found;
        if (statusName(found->status) == t.value(QStringLiteral("status")).toString())
            ++tally.rightStatus;
        else
            tally.misses << QStringLiteral("%1: %2 is %3").arg(file, name, statusName(found->status));
    }
    for (const QJsonValue &v : gold.value(QStringLiteral("phases")).toArray()) {
        const QJsonObject p = v.toObject();
        const QStringList words = wordsOf(p.value(QStringLiteral("name")).toString());
        QVector<const Phase *> candidates;
        for (const Phase &phase : report.phases) {
            const QStringList have = wordsOf(phase.name);
            if (std::all_of(words.cbegin(), words.cend(), [&](const QString &w) { return have.contains(w); }))
                candidates.append(&phase);
        }
        for (auto it = p.constBegin(); it != p.constEnd(); ++it) {
            if (it.key() == QLatin1String("name"))
                continue;
            ++tally.counts;
            const int want = it.value().toInt();
            if (std::any_of(candidates.cbegin(), candidates.cend(),
                    [&](const Phase *ph) { return countOf(*ph, it.key()) == want; }))
                ++tally.rightCounts;
            else
                tally.misses << QStringLiteral("%1: phase “%2” %3 = %4 not found")
                                    .arg(file, p.value(QStringLiteral("name")).toString(), it.key())
                                    .arg(want);
        }
    }
    for (const QJsonValue &v : gold.value(QStringLiteral("groups")).toArray()) {
        const QJsonObject g = v.toObject();
        const QString title = g.value(QStringLiteral("title")).toString();
        const QStringList words = wordsOf(title);
        ++tally.groups;
        bool matched = false;
        for (const Gap &gap : report.gaps) {
            const QStringList have = wordsOf(gap.title);
            const auto shared
                = std::count_if(words.cbegin(), words.cend(), [&](const QString &w) { return have.contains(w); });
            if (shared * 4 < 3 * words.size())
                continue;
            bool testsInside = true;
            for (const QJsonValue &n : g.value(QStringLiteral("tests")).toArray()) {
                const TestCase *t = byName.value(normalised(n.toString()));
                testsInside = testsInside && (!t || t->gapId == gap.id);
            }
            if (testsInside) {
                matched = true;
                break;
            }
        }
        if (matched)
            ++tally.foundGroups;
        else
            tally.misses << QStringLiteral("%1: group “%2” not found").arg(file, title);
    }
}

double share(int part, int whole)
{
    return whole == 0 ? 1.0 : double(part) / whole;
}

} // namespace

TEST_CASE("the Markdown importer meets the floors of the hand-labelled gold set", "[markdown][gold][corpus]")
{
    const QString corpus = TestSupport::sharedPath(QStringLiteral("corpus/markdown-reports"));
    if (corpus.isEmpty()) {
        WARN("../shared is absent: the gold set refers to its reports, skipped");
        return;
    }
    QFile file(TestSupport::dataPath(QStringLiteral("markdown-gold.json")));
    REQUIRE(file.open(QIODevice::ReadOnly));
    const QJsonObject gold = QJsonDocument::fromJson(file.readAll()).object();
    const QJsonArray reports = gold.value(QStringLiteral("reports")).toArray();
    REQUIRE(reports.size() == 25);

    Tally tally;
    for (const QJsonValue &v : reports) {
        const QString name = v.toObject().value(QStringLiteral("file")).toString();
        const Report report = TestSupport::importOrFail(corpus + QLatin1Char('/') + name);
        scoreReport(v.toObject(), report, tally);
    }
    // The set must hold enough of each kind for its shares to mean something.
    REQUIRE(tally.tests >= 80);
    REQUIRE(tally.counts >= 30);
    REQUIRE(tally.groups >= 25);

    const QJsonObject floors
        = gold.value(QStringLiteral("scores")).toObject().value(QStringLiteral("floors")).toObject();
    const double found = share(tally.found, tally.tests);
    const double status = share(tally.rightStatus, tally.found);
    const double counts = share(tally.rightCounts, tally.counts);
    const double groups = share(tally.foundGroups, tally.groups);
    INFO("found " << found << " (" << tally.found << "/" << tally.tests << "), status " << status << ", phase counts "
                  << counts << " (" << tally.rightCounts << "/" << tally.counts << "), groups " << groups << " ("
                  << tally.foundGroups << "/" << tally.groups << ")\n"
                  << tally.misses.join(QLatin1Char('\n')).toStdString());
    CHECK(found >= floors.value(QStringLiteral("found")).toDouble());
    CHECK(status >= floors.value(QStringLiteral("status")).toDouble());
    CHECK(counts >= floors.value(QStringLiteral("phaseCounts")).toDouble());
    CHECK(groups >= floors.value(QStringLiteral("groups")).toDouble());
}
