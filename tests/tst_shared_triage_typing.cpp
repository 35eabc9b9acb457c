// SPDX-License-Identifier: GPL-3.0-or-later
// What an engineer types in the Gap pane while another engineer edits the same gap (QA: a note, a title, an owner
// silently replaced or overwritten; typing moved to another gap when its gap was deleted): the typing stays, and
// its commit is a conflict when the field changed meanwhile, shown in the banner; on SQLite and PostgreSQL.
#include "gapeditor.h"
#include "historystore.h"
#include "messagebanner.h"
#include "sharedwindow.h"
#include "storebackends.h"

#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>

using namespace Gapwise;
using SharedTriageSetup::waitFor;

namespace {

// The store's latest value of a gap's field, "<error>" when it cannot be read.
QString stored(const QString &location, qint64 runId, const QString &gapId, const QString &field)
{
    HistoryStore store;
    QString error;
    if (!store.open(location, false, &error))
        return QStringLiteral("<error>");
    const auto values = store.triageValues(runId, &error);
    if (!values)
        return QStringLiteral("<error>");
    for (const auto &[item, value] : *values) {
        if (item.kind == QLatin1String("gap") && item.key == gapId && item.field == field)
            return value.value;
    }
    return {};
}

QPushButton *bannerButton(const SharedWindow &w, const QString &text)
{
    for (QPushButton *b : w.shared->conflictBanner()->buttons()) {
        if (b->text() == text)
            return b;
    }
    return nullptr;
}

} // namespace

TEST_CASE("notes being typed while another engineer writes the gap's notes: neither is silently lost",
    "[history][window][shared][typing]")
{
    TWO_WINDOWS_ON_EACH_BACKEND(ann, bob);
    const QString gapId = QStringLiteral("gap-2");
    GapEditor *editor = bob.editGap(gapId);

    // Bob types slowly (a key every 200 ms, never the pause that commits notes); Ann's note arrives meanwhile.
    QPlainTextEdit *notes = editor->notesField();
    QTest::keyClicks(notes, QStringLiteral("Bob"));
    ann.window.session()->setGapNotes(gapId, QStringLiteral("Ann quick note"));
    QString typed = QStringLiteral("Bob");
    const QString more = QStringLiteral(" slow typing a long note here");
    int next = 0;
    REQUIRE(waitFor(
        [&] {
            if (next < more.size()) {
                QTest::keyClick(notes, more.at(next).toLatin1());
                typed += more.at(next++);
            }
            QTest::qWait(200);
            return bob.gap(gapId).notes == QLatin1String("Ann quick note");
        },
        20000));
    // Her note is in Bob's session; his typing is still his, not replaced and not written over hers.
    CHECK(notes->toPlainText() == typed);
    CHECK(stored(storePath, runId, gapId, QStringLiteral("notes")) == QStringLiteral("Ann quick note"));

    // Bob leaves the field: his note meets hers, in a banner with both.
    editor->commitPending();
    REQUIRE(waitFor([&] { return !bob.shared->conflictBanner()->isHidden(); }));
    const QString text = bob.shared->conflictBanner()->text();
    INFO(text.toStdString());
    CHECK(text.contains(QStringLiteral("Notes of gap")));
    CHECK(text.contains(QStringLiteral("Ann quick note")));
    CHECK(text.contains(typed));
    CHECK(stored(storePath, runId, gapId, QStringLiteral("notes")) == QStringLiteral("Ann quick note"));
    CHECK(notes->toPlainText() == typed);

    // Write Mine Over: his note is written on top of hers, knowingly.
    QPushButton *mine = bannerButton(bob, QStringLiteral("Write Mine Over"));
    REQUIRE(mine);
    mine->click();
    REQUIRE(waitFor([&] { return stored(storePath, runId, gapId, QStringLiteral("notes")) == typed; }));
    REQUIRE(waitFor([&] { return ann.gap(gapId).notes == typed; }));
}

TEST_CASE("a title or owner being typed is kept when another engineer changes it, and its Enter is a conflict",
    "[history][window][shared][typing]")
{
    TWO_WINDOWS_ON_EACH_BACKEND(ann, bob);
    const QString gapId = QStringLiteral("gap-1");
    GapEditor *editor = bob.editGap(gapId);
    const QString title = bob.gap(gapId).title;

    QLineEdit *titleField = editor->titleField();
    titleField->setCursorPosition(int(titleField->text().size()));
    QTest::keyClicks(titleField, QStringLiteral(" BOBEDIT"));
    QTest::keyClicks(editor->ownerField(), QStringLiteral("bob typing"));
    ann.window.session()->renameGap(gapId, QStringLiteral("Rounding v3"));
    ann.window.session()->setGapOwner(gapId, QStringLiteral("carol"));
    REQUIRE(waitFor([&] { return bob.owner(gapId) == QLatin1String("carol"); }));
    CHECK(bob.gap(gapId).title == QStringLiteral("Rounding v3"));
    CHECK(titleField->text() == title + QStringLiteral(" BOBEDIT"));
    CHECK(editor->ownerField()->text() == QStringLiteral("bob typing"));

    // Enter in the title: a conflict, not an overwrite; the owner too when Bob leaves it.
    QTest::keyClick(titleField, Qt::Key_Return);
    editor->commitPending();
    REQUIRE(waitFor([&] { return bob.shared->link()->conflicts().size() == 2; }));
    CHECK_FALSE(bob.shared->conflictBanner()->isHidden());
    CHECK(stored(storePath, runId, gapId, QStringLiteral("title")) == QStringLiteral("Rounding v3"));
    CHECK(stored(storePath, runId, gapId, QStringLiteral("owner")) == QStringLiteral("carol"));
    QStringList mine;
    for (const SharedTriageLink::Conflict &c : bob.shared->link()->conflicts())
        mine << c.item.field + QLatin1Char('=') + c.mine;
    mine.sort();
    CHECK(mine == QStringList { QStringLiteral("owner=bob typing"), QStringLiteral("title=%1 BOBEDIT").arg(title) });
}

TEST_CASE("a gap deleted while an engineer types in it keeps the typing in that gap, as a conflict",
    "[history][window][shared][typing]")
{
    TWO_WINDOWS_ON_EACH_BACKEND(sid, sam);
    const QString gapId = QStringLiteral("gap-1");
    GapEditor *editor = sam.editGap(gapId);

    QTest::keyClicks(editor->ownerField(), QStringLiteral("sam"));
    sid.window.session()->deleteGap(gapId);
    REQUIRE(waitFor([&] { return !sam.shared->link()->conflicts().isEmpty(); }));
    const SharedTriageLink::Conflict conflict = sam.shared->link()->conflicts().first();
    CHECK(conflict.item.key == gapId);
    CHECK(conflict.item.field == QStringLiteral("deleted"));
    // The gap stays in Sam's window with what Sam typed, whichever gap the form shows now (its tests moved away).
    REQUIRE(sam.window.session()->gapIndex(gapId) >= 0);
    REQUIRE(waitFor([&] { return sam.owner(gapId) == QLatin1String("sam") || editor->gapId() == gapId; }));
    if (editor->gapId() == gapId) {
        CHECK(editor->ownerField()->text() == QStringLiteral("sam"));
        TestSupport::selectGap(sam.window, QStringLiteral("gap-2")); // Sam moves on
        REQUIRE(waitFor([&] { return sam.owner(gapId) == QLatin1String("sam"); }));
    }
    CHECK(sam.owner(gapId) == QStringLiteral("sam"));
    CHECK(sam.owner(QStringLiteral("gap-2")).isEmpty());
    REQUIRE(waitFor([&] { return stored(storePath, runId, gapId, QStringLiteral("owner")) == QLatin1String("sam"); }));
    CHECK(stored(storePath, runId, QStringLiteral("gap-2"), QStringLiteral("owner")).isEmpty());
}
