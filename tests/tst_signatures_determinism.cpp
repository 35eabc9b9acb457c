// SPDX-License-Identifier: GPL-3.0-or-later
// Suggested gaps do not depend on the order of the tests: the same failures shuffled give the same groups,
// the same ids and the same titles. And the miner's own rules: what varies merges, what names a cause does not.
#include "gapsuggester.h"
#include "loghub.h"
#include "templateminer.h"
#include "testsupport.h"

#include <QFile>
#include <QMap>
#include <QRandomGenerator>

#include <catch2/catch.hpp>

using namespace Gapwise;

namespace {

TestCase failing(const QString &name, const QString &message)
{
    TestCase t;
    t.id = QLatin1String("p:") + name;
    t.name = name;
    t.status = TestStatus::Failed;
    t.message = message;
    return t;
}

// Gap id → (title, its tests' names): what a user sees, independent of where the tests stand.
QMap<QString, QPair<QString, QStringList>> groupsOf(const Report &r)
{
    QMap<QString, QPair<QString, QStringList>> groups;
    for (const Gap &g : r.gaps)
        groups[g.id].first = g.title;
    for (const TestCase &t : r.tests) {
        if (!t.gapId.isEmpty())
            groups[t.gapId].second << t.name;
    }
    for (auto &g : groups)
        g.second.sort();
    return groups;
}

void checkShuffled(const QVector<TestCase> &tests)
{
    Report ordered;
    ordered.tests = tests;
    suggestGaps(ordered);
    const auto expected = groupsOf(ordered);
    REQUIRE_FALSE(expected.isEmpty());
    QRandomGenerator random(17);
    for (int round = 0; round < 3; ++round) {
        Report shuffled;
        shuffled.tests = tests;
        for (int i = int(shuffled.tests.size()) - 1; i > 0; --i)
            std::swap(shuffled.tests[i], shuffled.tests[random.bounded(i + 1)]);
        suggestGaps(shuffled);
        CHECK(groupsOf(shuffled) == expected);
    }
}

} // namespace

TEST_CASE("Suggested gaps: shuffled tests give the same groups, ids and titles", "[signatures]")
{
    QVector<TestCase> tests;
    const QStringList users
        = { QStringLiteral("alice"), QStringLiteral("bob"), QStringLiteral("carol"), QStringLiteral("dave") };
    for (int i = 0; i < 12; ++i) {
        tests << failing(QStringLiteral("login%1").arg(i),
            QStringLiteral("AssertionError: login failed for user %1 after %2 retries").arg(users[i % 4]).arg(i));
        tests << failing(QStringLiteral("blk%1").arg(i),
            QStringLiteral("IOError: block blk_-%1 lost on 10.0.0.%2:50010").arg(1000000 + 7919 * i).arg(i));
        tests << failing(QStringLiteral("start%1").arg(i),
            i % 2 ? QStringLiteral("cupsd startup failed") : QStringLiteral("cupsd shutdown failed"));
    }
    tests << failing(QStringLiteral("m1"), QStringLiteral("ModuleNotFoundError: No module named 'redis'"));
    tests << failing(QStringLiteral("m2"), QStringLiteral("ModuleNotFoundError: No module named 'redis'"));
    tests << failing(QStringLiteral("m3"), QStringLiteral("ModuleNotFoundError: No module named 'psycopg2'"));
    tests << failing(QStringLiteral("m4"), QStringLiteral("ModuleNotFoundError: No module named 'psycopg2'"));
    checkShuffled(tests);

    Report r;
    r.tests = tests;
    suggestGaps(r);
    const auto groups = groupsOf(r);
    // Users and retry counts vary: one gap of 12; block ids and hosts vary: one gap of 12; startup and
    // shutdown (six times each) are two causes; each missing module is its own.
    QMap<int, int> sizes;
    for (const auto &g : groups)
        ++sizes[int(g.second.size())];
    CHECK(sizes == QMap<int, int> { { 12, 2 }, { 6, 2 }, { 2, 2 } });
    CHECK(TestSupport::gapTitled(r, QStringLiteral("AssertionError: login failed for user … after … retries"))
        != nullptr);
    CHECK(TestSupport::gapTitled(r, QStringLiteral("cupsd startup failed")) != nullptr);
    CHECK(TestSupport::gapTitled(r, QStringLiteral("cupsd shutdown failed")) != nullptr);
}

TEST_CASE("Suggested gaps: shuffled Loghub lines give the same groups", "[signatures][loghub]")
{
    const QString path = TestSupport::sharedPath(QStringLiteral("corpus/loghub-2k/Linux.csv"));
    if (path.isEmpty() || !QFile::exists(path)) {
        WARN("../shared/corpus/loghub-2k is absent: shuffled Loghub test skipped");
        return;
    }
    const QVector<Loghub::Line> lines = Loghub::readCsv(path);
    REQUIRE(lines.size() == 2000);
    QVector<TestCase> tests;
    for (int i = 0; i < lines.size(); ++i)
        tests << failing(QStringLiteral("line%1").arg(i + 1), lines[i].content);
    checkShuffled(tests);
}

TEST_CASE("Template mining: tokens, ids and variable-length parts", "[signatures]")
{
    const TemplateTokens t
        = splitTemplate(QStringLiteral("rhost=<HOST:PORT> user=root (uid=<NUM>) blk_-160899 tty2 x86_64"));
    CHECK(t.words
        == QStringList { QStringLiteral("rhost"), QStringLiteral("<HOST:PORT>"), QStringLiteral("user"),
            QStringLiteral("root"), QStringLiteral("uid"), QStringLiteral("<NUM>"), QStringLiteral("<ID>"),
            QStringLiteral("tty2"), QStringLiteral("<ID>") });
    CHECK(t.separators.first() == QLatin1String("="));
    CHECK(splitTemplate(QStringLiteral("after <NUM>s")).words
        == QStringList { QStringLiteral("after"), QStringLiteral("<NUM>s") });

    // A variable part of one or three tokens, and a constant where others vary: one template each time.
    const QVector<MinerInput> inputs = {
        { QString(), QStringLiteral("close, <NUM> bytes sent, lifetime <NUM>"), 5 },
        { QString(), QStringLiteral("close, <NUM> bytes (<NUM> KB) sent, lifetime <NUM>"), 3 },
        { QString(), QStringLiteral("Failed password for root from <HOST:PORT>"), 9 },
        { QString(), QStringLiteral("Failed password for guest from <HOST:PORT>"), 1 },
        { QString(), QStringLiteral("Failed password for admin from <HOST:PORT>"), 1 },
        { QString(), QStringLiteral("Failed password for ftp from <HOST:PORT>"), 1 },
        // A phrase is no variable: "src <*> dest <*>" is another message.
        { QString(), QStringLiteral("Received block <ID> of size <NUM> from <HOST:PORT>"), 4 },
        { QString(), QStringLiteral("Received block <ID> src: <HOST:PORT> dest: <HOST:PORT> of size <NUM>"), 2 },
        { QStringLiteral("other bucket"), QStringLiteral("close, <NUM> bytes sent, lifetime <NUM>"), 2 },
    };
    const QVector<MinedGroup> groups = mineTemplates(inputs);
    QMap<QVector<int>, QString> byMembers;
    for (const MinedGroup &g : groups)
        byMembers.insert(g.members, g.templ);
    CHECK(byMembers.size() == 5);
    CHECK(byMembers.contains({ 0, 1 }));
    CHECK(byMembers.value({ 2, 3, 4, 5 }) == QLatin1String("Failed password for <*> from <HOST:PORT>"));
    CHECK(byMembers.contains({ 6 }));
    CHECK(byMembers.contains({ 7 }));
    CHECK(byMembers.contains({ 8 }));
}

TEST_CASE("Suggested gap titles: placeholders read as …, two that read alike are told apart", "[signatures]")
{
    // Without mining, a path and a URL at the same place are two gaps: "…" alone would not tell them apart.
    Report r;
    r.tests = { failing(QStringLiteral("p1"), QStringLiteral("OSError: cannot read /var/a/x.json")),
        failing(QStringLiteral("p2"), QStringLiteral("OSError: cannot read /var/b/y.json")),
        failing(QStringLiteral("u1"), QStringLiteral("OSError: cannot read http://a/x")),
        failing(QStringLiteral("u2"), QStringLiteral("OSError: cannot read http://b/y")),
        failing(QStringLiteral("n1"), QStringLiteral("OSError: cannot write after 3 retries")),
        failing(QStringLiteral("n2"), QStringLiteral("OSError: cannot write after 4 retries")) };
    SuggestOptions exact;
    exact.mine = false;
    REQUIRE(suggestGaps(r, exact) == 3);
    QStringList titles;
    for (const Gap &g : std::as_const(r.gaps))
        titles << g.title;
    titles.sort();
    CHECK(titles
        == QStringList { QString::fromUtf8("OSError: cannot read ‹path›"),
            QString::fromUtf8("OSError: cannot read ‹url›"),
            QString::fromUtf8("OSError: cannot write after … retries") });

    // The same type, message and innermost frame, another caller: the title names a test of each.
    auto traced = [](const QString &name, const QString &caller) {
        TestCase t = failing(name, QStringLiteral("ValueError: bad row"));
        t.details = QStringLiteral("File \"app/%1.py\", line 3, in run\nFile \"app/rows.py\", line 9, in parse\n"
                                   "ValueError: bad row")
                        .arg(caller);
        return t;
    };
    Report alike;
    alike.tests = { traced(QStringLiteral("b_import"), QStringLiteral("importer")),
        traced(QStringLiteral("a_import"), QStringLiteral("importer")),
        traced(QStringLiteral("c_sync"), QStringLiteral("sync")),
        traced(QStringLiteral("d_sync"), QStringLiteral("sync")) };
    REQUIRE(suggestGaps(alike) == 2);
    QStringList told;
    for (const Gap &g : std::as_const(alike.gaps))
        told << g.title;
    told.sort();
    CHECK(told
        == QStringList { QString::fromUtf8("ValueError: bad row (in app.rows:parse) · like a_import"),
            QString::fromUtf8("ValueError: bad row (in app.rows:parse) · like c_sync") });
}
