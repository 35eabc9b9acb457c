// SPDX-License-Identifier: GPL-3.0-or-later
// The shared-edit log as the History pane shows it: every kind of shared edit reads as a sentence that says
// who did what, never "(none) → accepted".
#include "sharededitlog.h"

#include <catch2/catch.hpp>

#include <QHash>

using namespace Gapwise;

namespace {

// A report as imported: gap-1 "Login fails" (owner carol, P2, open), suggested-1 "Timeouts in payment";
// tests t1..t3 named "Login test 1".. in gap-1.
struct Names
{
    QHash<QString, QString> titles { { QStringLiteral("gap-1"), QStringLiteral("Login fails") },
        { QStringLiteral("suggested-1"), QStringLiteral("Timeouts in payment") },
        { QStringLiteral("ana-1a2b3c4d-1"), QStringLiteral("Flaky cart") } };
    SharedEditNames names() const
    {
        SharedEditNames n;
        n.gapTitle = [this](const QString &id) { return titles.value(id, id); };
        n.testName = [](const QString &id) -> QString { return QStringLiteral("Login test ") + id.mid(1); };
        n.importedValue = [](const SharedTriageItem &item) {
            if (item.kind == QLatin1String("test")) // every test in gap-1 but t9, in none
                return item.key == QLatin1String("t9") ? QString() : QStringLiteral("gap-1");
            if (item.key != QLatin1String("gap-1") && item.key != QLatin1String("suggested-1"))
                return QString();
            if (item.field == QLatin1String("title"))
                return item.key == QLatin1String("gap-1") ? QStringLiteral("Login fails")
                                                          : QStringLiteral("Timeouts in payment");
            if (item.field == QLatin1String("owner"))
                return QStringLiteral("carol");
            if (item.field == QLatin1String("priority"))
                return QStringLiteral("P2");
            if (item.field == QLatin1String("status"))
                return QStringLiteral("open");
            if (item.field == QLatin1String("suggested"))
                return item.key == QLatin1String("suggested-1") ? QStringLiteral("yes") : QString();
            return QString();
        };
        n.importedGap
            = [](const QString &id) { return id == QLatin1String("gap-1") || id == QLatin1String("suggested-1"); };
        return n;
    }
};

// One edit: by `who`, at second `at` of the day (edits of one second and one person are one step).
SharedTriageEdit edit(const QString &kind, const QString &key, const QString &field, const QString &oldValue,
    const QString &newValue, int version, const QString &who = QStringLiteral("ana"), int at = 0)
{
    SharedTriageEdit e;
    e.item = { kind, key, field };
    e.oldValue = oldValue;
    e.newValue = newValue;
    e.version = version;
    e.editor = who;
    e.editedAt = QDateTime(QDate(2026, 12, 3), QTime(12, 0).addSecs(at), Qt::UTC);
    return e;
}

SharedTriageEdit gapEdit(const QString &key, const QString &field, const QString &oldValue, const QString &newValue,
    int version, const QString &who = QStringLiteral("ana"), int at = 0)
{
    return edit(QStringLiteral("gap"), key, field, oldValue, newValue, version, who, at);
}

// Ana moving the test `id` from the gap `from` to `to` ("" is Unassigned) at second `at`.
SharedTriageEdit testMove(const QString &id, const QString &from, const QString &to, int version, int at)
{
    return edit(QStringLiteral("test"), id, QStringLiteral("gap"), from, to, version, QStringLiteral("ana"), at);
}

QStringList sentences(const QVector<SharedTriageEdit> &edits)
{
    QStringList out;
    for (const SharedEditLine &line : sharedEditLines(edits, Names().names()))
        out << line.sentence;
    return out;
}

const QString gap1 = QStringLiteral("gap-1");

} // namespace

TEST_CASE("each kind of shared edit reads as a sentence with who did it", "[history][shared][editlog]")
{
    // One edit per step (a second apart): each is one line.
    const QVector<SharedTriageEdit> edits {
        gapEdit(QStringLiteral("suggested-1"), QStringLiteral("suggested"), QString(), QString(), 1,
            QStringLiteral("ana"), 1),
        gapEdit(gap1, QStringLiteral("title"), QString(), QStringLiteral("Login fails on Safari"), 1,
            QStringLiteral("bob"), 2),
        gapEdit(gap1, QStringLiteral("title"), QStringLiteral("Login fails on Safari"), QStringLiteral("Safari login"),
            2, QStringLiteral("ana"), 3),
        gapEdit(gap1, QStringLiteral("owner"), QString(), QStringLiteral("dave"), 1, QStringLiteral("bob"), 4),
        gapEdit(gap1, QStringLiteral("owner"), QStringLiteral("dave"), QString(), 2, QStringLiteral("bob"), 5),
        gapEdit(gap1, QStringLiteral("priority"), QString(), QStringLiteral("P0"), 1, QStringLiteral("ana"), 6),
        gapEdit(gap1, QStringLiteral("status"), QString(), QStringLiteral("in progress"), 1, QStringLiteral("ana"), 7),
        gapEdit(gap1, QStringLiteral("notes"), QString(), QStringLiteral("Only on Safari 17.\nSee the proxy logs."), 1,
            QStringLiteral("ana"), 8),
        gapEdit(gap1, QStringLiteral("notes"), QStringLiteral("x"), QString(), 2, QStringLiteral("ana"), 9),
        edit(QStringLiteral("test"), QStringLiteral("t2"), QStringLiteral("gap"), QString(), QString(), 1,
            QStringLiteral("bob"), 10),
        gapEdit(QStringLiteral("suggested-1"), QStringLiteral("suggested"), QString(), QStringLiteral("yes"), 2,
            QStringLiteral("ana"), 11),
    };
    const QStringList expected {
        QStringLiteral("ana accepted the suggested gap \u201cTimeouts in payment\u201d"),
        QStringLiteral("bob renamed the gap \u201cLogin fails\u201d to \u201cLogin fails on Safari\u201d"),
        QStringLiteral("ana renamed the gap \u201cLogin fails on Safari\u201d to \u201cSafari login\u201d"),
        QStringLiteral("bob made dave the owner of the gap \u201cSafari login\u201d instead of carol"),
        QStringLiteral("bob removed dave as owner of the gap \u201cSafari login\u201d"),
        QStringLiteral("ana set the priority of the gap \u201cSafari login\u201d to P0 (was P2)"),
        QStringLiteral("ana set the status of the gap \u201cSafari login\u201d to in progress (was open)"),
        QStringLiteral(
            "ana wrote in the notes of the gap \u201cSafari login\u201d: \u201cOnly on Safari 17.\u2026\u201d"),
        QStringLiteral("ana cleared the notes of the gap \u201cSafari login\u201d"),
        QStringLiteral("bob moved the test Login test 2 to Unassigned"),
        QStringLiteral("ana made the gap \u201cTimeouts in payment\u201d a suggestion again"),
    };
    INFO(sentences(edits).join(QLatin1Char('\n')).toStdString());
    CHECK(sentences(edits) == expected);
    const QVector<SharedEditLine> lines = sharedEditLines(edits, Names().names());
    REQUIRE(lines.size() == edits.size());
    for (int i = 0; i < lines.size(); ++i) {
        CHECK(lines[i].editor == edits[i].editor); // who and when, for the list's columns
        CHECK(lines[i].editedAt == edits[i].editedAt);
        CHECK_FALSE(lines[i].sentence.contains(QLatin1String("(none)")));
    }
}

TEST_CASE("a step's edits read together: a merge, a deletion, its undo, a new gap, tests moved at once",
    "[history][shared][editlog]")
{
    const QString flaky = QStringLiteral("ana-1a2b3c4d-1");
    const QVector<SharedTriageEdit> edits {
        // A new gap with one test (Move to New Gap): its default status is no news.
        gapEdit(flaky, QStringLiteral("title"), QString(), QStringLiteral("Flaky cart"), 1, QStringLiteral("ana"), 1),
        gapEdit(flaky, QStringLiteral("status"), QString(), QStringLiteral("open"), 1, QStringLiteral("ana"), 1),
        gapEdit(flaky, QStringLiteral("priority"), QString(), QStringLiteral("P1"), 1, QStringLiteral("ana"), 1),
        testMove(QStringLiteral("t1"), QString(), flaky, 1, 1),
        // Two tests moved into gap-1 at once: one line.
        testMove(QStringLiteral("t4"), QString(), gap1, 1, 2),
        testMove(QStringLiteral("t5"), QString(), gap1, 1, 2),
        // The new gap merged into gap-1.
        testMove(QStringLiteral("t1"), flaky, gap1, 2, 3),
        gapEdit(flaky, QStringLiteral("deleted"), QString(), QStringLiteral("yes"), 1, QStringLiteral("ana"), 3),
        // gap-1 deleted, its three tests unassigned; then brought back with them.
        testMove(QStringLiteral("t1"), gap1, QString(), 3, 4),
        testMove(QStringLiteral("t4"), gap1, QString(), 2, 4),
        testMove(QStringLiteral("t5"), gap1, QString(), 2, 4),
        gapEdit(gap1, QStringLiteral("deleted"), QString(), QStringLiteral("yes"), 1, QStringLiteral("ana"), 4),
        gapEdit(gap1, QStringLiteral("deleted"), QStringLiteral("yes"), QString(), 2, QStringLiteral("ana"), 5),
        testMove(QStringLiteral("t1"), QString(), gap1, 4, 5),
        testMove(QStringLiteral("t4"), QString(), gap1, 3, 5),
        testMove(QStringLiteral("t5"), QString(), gap1, 3, 5),
    };
    CHECK(sentences(edits)
        == QStringList {
            QStringLiteral("ana moved the test Login test 1 to the new gap \u201cFlaky cart\u201d"),
            QStringLiteral("ana set the priority of the gap \u201cFlaky cart\u201d to P1"),
            QStringLiteral("ana moved 2 tests to the gap \u201cLogin fails\u201d"),
            // Its test went back where it came from: the undo of Move to New Gap.
            QStringLiteral(
                "ana removed the gap \u201cFlaky cart\u201d and moved its 1 test back to \u201cLogin fails\u201d"),
            QStringLiteral("ana deleted the gap \u201cLogin fails\u201d, leaving 3 tests unassigned"),
            QStringLiteral("ana brought back the gap \u201cLogin fails\u201d with its 3 tests"),
        });
    const QVector<SharedEditLine> lines = sharedEditLines(edits, Names().names());
    REQUIRE(lines.size() == 6);
    CHECK(lines[2].edits == 2);
    CHECK(lines[4].edits == 4);
}

TEST_CASE("Move to New Gap and its undo read as what the engineer did and a real merge still reads as one",
    "[history][shared][editlog]")
{
    const QString fresh = QStringLiteral("ana-1a2b3c4d-2");
    const QVector<SharedTriageEdit> edits {
        // Move to New Gap, as the window writes it: every field of the new gap (its "deleted" as no) and the move.
        gapEdit(fresh, QStringLiteral("deleted"), QString(), QString(), 1, QStringLiteral("ana"), 1),
        gapEdit(fresh, QStringLiteral("title"), QString(), QStringLiteral("Ann new gap"), 1, QStringLiteral("ana"), 1),
        gapEdit(fresh, QStringLiteral("status"), QString(), QStringLiteral("open"), 1, QStringLiteral("ana"), 1),
        testMove(QStringLiteral("t1"), QString(), fresh, 1, 1),
        // Its undo: the gap deleted, its test back in gap-1.
        gapEdit(fresh, QStringLiteral("deleted"), QString(), QStringLiteral("yes"), 2, QStringLiteral("ana"), 2),
        testMove(QStringLiteral("t1"), fresh, gap1, 2, 2),
        // A real merge: suggested-1's test goes to gap-1, where it never was.
        edit(QStringLiteral("test"), QStringLiteral("t3"), QStringLiteral("gap"), QString(),
            QStringLiteral("suggested-1"), 1, QStringLiteral("bob"), 3),
        edit(QStringLiteral("test"), QStringLiteral("t3"), QStringLiteral("gap"), QStringLiteral("suggested-1"), gap1,
            2, QStringLiteral("bob"), 4),
        gapEdit(QStringLiteral("suggested-1"), QStringLiteral("deleted"), QString(), QStringLiteral("yes"), 1,
            QStringLiteral("bob"), 4),
        // Ana's Redo: the gap back, its test in it again.
        gapEdit(fresh, QStringLiteral("deleted"), QStringLiteral("yes"), QString(), 3, QStringLiteral("ana"), 5),
        testMove(QStringLiteral("t1"), gap1, fresh, 3, 5),
    };
    INFO(sentences(edits).join(QLatin1Char('\n')).toStdString());
    CHECK(sentences(edits)
        == QStringList {
            QStringLiteral("ana moved the test Login test 1 to the new gap \u201cAnn new gap\u201d"),
            QStringLiteral(
                "ana removed the gap \u201cAnn new gap\u201d and moved its 1 test back to \u201cLogin fails\u201d"),
            QStringLiteral("bob moved the test Login test 3 to the gap \u201cTimeouts in payment\u201d"),
            QStringLiteral("bob merged the gap \u201cTimeouts in payment\u201d into \u201cLogin fails\u201d (1 test)"),
            QStringLiteral("ana moved the test Login test 1 to the gap \u201cAnn new gap\u201d again"),
        });
}

TEST_CASE("Move to New Gap from Unassigned, its undo and its redo read as moves, not as a deleted gap",
    "[history][shared][editlog]")
{
    const QString fresh = QStringLiteral("ana-1a2b3c4d-3");
    const QString t = QStringLiteral("t9"); // imported unassigned
    const QVector<SharedTriageEdit> edits {
        gapEdit(fresh, QStringLiteral("deleted"), QString(), QString(), 1, QStringLiteral("ana"), 1),
        gapEdit(fresh, QStringLiteral("title"), QString(), QStringLiteral("Stray"), 1, QStringLiteral("ana"), 1),
        testMove(t, QString(), fresh, 1, 1),
        gapEdit(fresh, QStringLiteral("deleted"), QString(), QStringLiteral("yes"), 2, QStringLiteral("ana"), 2),
        testMove(t, fresh, QString(), 2, 2),
        gapEdit(fresh, QStringLiteral("deleted"), QStringLiteral("yes"), QString(), 3, QStringLiteral("ana"), 3),
        testMove(t, QString(), fresh, 3, 3),
        // Renamed later: the lines before keep the title it had then.
        gapEdit(fresh, QStringLiteral("title"), QStringLiteral("Stray"), QStringLiteral("Stray tests"), 2,
            QStringLiteral("ana"), 4),
    };
    INFO(sentences(edits).join(QLatin1Char('\n')).toStdString());
    CHECK(sentences(edits)
        == QStringList {
            QStringLiteral("ana moved the test Login test 9 to the new gap \u201cStray\u201d"),
            QStringLiteral("ana removed the gap \u201cStray\u201d and moved its 1 test back to Unassigned"),
            QStringLiteral("ana moved the test Login test 9 to the gap \u201cStray\u201d again"),
            QStringLiteral("ana renamed the gap \u201cStray\u201d to \u201cStray tests\u201d"),
        });
}

TEST_CASE(
    "a deleted gap brought back by Undo Delete Gap reads as brought back, with its tests", "[history][shared][editlog]")
{
    const QVector<SharedTriageEdit> edits {
        testMove(QStringLiteral("t1"), gap1, QString(), 2, 1),
        gapEdit(gap1, QStringLiteral("deleted"), QString(), QStringLiteral("yes"), 1, QStringLiteral("ana"), 1),
        gapEdit(gap1, QStringLiteral("deleted"), QStringLiteral("yes"), QString(), 2, QStringLiteral("ana"), 2),
        testMove(QStringLiteral("t1"), QString(), gap1, 3, 2),
    };
    CHECK(sentences(edits)
        == QStringList {
            QStringLiteral("ana deleted the gap \u201cLogin fails\u201d, leaving 1 test unassigned"),
            QStringLiteral("ana brought back the gap \u201cLogin fails\u201d with its 1 test"),
        });
}

TEST_CASE("a log line keeps the title its gap had when the edit was made", "[history][shared][editlog]")
{
    const auto move = [](const QString &id, int version, int at) {
        return edit(
            QStringLiteral("test"), id, QStringLiteral("gap"), QString(), gap1, version, QStringLiteral("ana"), at);
    };
    const QVector<SharedTriageEdit> edits {
        move(QStringLiteral("t2"), 1, 1),
        gapEdit(gap1, QStringLiteral("title"), QString(), QStringLiteral("Offline-start rename"), 1,
            QStringLiteral("bob"), 2),
        move(QStringLiteral("t3"), 1, 3),
    };
    // The window now calls gap-1 something else again (an edit not in the log yet): the log keeps its titles.
    Names names;
    names.titles[gap1] = QStringLiteral("Renamed later");
    QStringList lines;
    for (const SharedEditLine &line : sharedEditLines(edits, names.names()))
        lines << line.sentence;
    CHECK(lines
        == QStringList {
            QStringLiteral("ana moved the test Login test 2 to the gap \u201cLogin fails\u201d"),
            QStringLiteral("bob renamed the gap \u201cLogin fails\u201d to \u201cOffline-start rename\u201d"),
            QStringLiteral("ana moved the test Login test 3 to the gap \u201cOffline-start rename\u201d"),
        });
    // Read from the third edit on (the window's newest batch), the earlier ones still tell the title.
    const QVector<SharedEditLine> newest = sharedEditLines(edits, names.names(), 2);
    REQUIRE(newest.size() == 1);
    CHECK(newest.first().sentence
        == QStringLiteral("ana moved the test Login test 3 to the gap \u201cOffline-start rename\u201d"));
}
