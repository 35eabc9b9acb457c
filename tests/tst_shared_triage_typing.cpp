// SPDX-License-Identifier: GPL-3.0-or-later
// What an engineer types in the Gap pane while another engineer edits the same gap (QA: a note, a title, an owner
// silently replaced or overwritten; typing moved to another gap when its gap was deleted): the typing stays, and
// its commit is a conflict when the field changed meanwhile, shown in the banner; on SQLite and PostgreSQL.
#include "gapeditor.h"
#include "historystore.h"
#include "messagebanner.h"
#include "sharedwindow.h"
#include "storebackends.h"
#include "triagesession.h"

#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QLineEdit>
#include <QMap>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

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

TEST_CASE("a gap deleted by a teammate while you type in its title: your next keystrokes edit no other gap",
    "[history][window][shared][typing]")
{
    TWO_WINDOWS_ON_EACH_BACKEND(ann, bob);
    const QString gapId = QStringLiteral("gap-1");
    ann.window.resize(1200, 800);
    ann.window.show();
    ann.window.activateWindow();
    REQUIRE(QTest::qWaitForWindowActive(&ann.window));
    QMap<QString, QString> titles; // every other gap's title before
    for (const Gap &g : ann.window.session()->report().gaps) {
        if (g.id != gapId)
            titles.insert(g.id, g.title);
    }
    const QString title = ann.gap(gapId).title;

    // Ann clicks into the Title field and types, no Enter; Bob deletes the gap meanwhile.
    GapEditor *editor = ann.editGap(gapId);
    QLineEdit *titleField = editor->titleField();
    titleField->setFocus();
    titleField->setCursorPosition(int(titleField->text().size()));
    REQUIRE(QApplication::focusWidget() == titleField);
    QTest::keyClicks(titleField, QStringLiteral(" (ann editing)"));
    bob.window.session()->deleteGap(gapId);
    REQUIRE(waitFor([&] { return !ann.shared->link()->conflicts().isEmpty(); }));
    CHECK(ann.shared->link()->conflicts().first().item.key == gapId);
    QCoreApplication::processEvents(); // what was typed, committed to its gap if the form moved away
    ann.window.saveScreenshot(QDir::temp().filePath(
        QStringLiteral("gw-editor-deleted-under-keyboard-%1.png").arg(QLatin1String(StoreBackends::name(backend)))));

    // She types on, wherever the keyboard is now, and presses Enter.
    QWidget *keyboard = QApplication::focusWidget();
    INFO("keyboard in " << (keyboard ? keyboard->metaObject()->className() : "nothing"));
    QTest::keyClicks(keyboard ? keyboard : &ann.window, QStringLiteral("XYZ"));
    QTest::keyClick(keyboard ? keyboard : &ann.window, Qt::Key_Return);
    QCoreApplication::processEvents();
    REQUIRE(waitFor([&] { return ann.shared->link()->unsharedCount() == 0; }));
    for (auto it = titles.cbegin(); it != titles.cend(); ++it) {
        INFO(it.key().toStdString());
        CHECK(ann.gap(it.key()).title == it.value());
        CHECK(stored(storePath, runId, it.key(), QStringLiteral("title")).isEmpty());
    }
    // Her typing stays with her gap, the gap stays in her window until she chooses.
    CHECK(ann.gap(gapId).title.startsWith(title + QStringLiteral(" (ann editing)")));
    if (editor->gapId() != gapId) {
        // The form shows another gap: the keyboard left it, and a line says why.
        CHECK_FALSE(editor->isAncestorOf(QApplication::focusWidget()));
        CHECK(editor->leftNote().contains(title));
        // A click into a field is the user's choice of that gap: the line goes.
        editor->titleField()->setFocus();
        CHECK(editor->leftNote().isEmpty());
    }
}

TEST_CASE("after the undo of Move to New Gap the Gap pane shows no title of the gap that is gone",
    "[history][window][shared][typing]")
{
    TWO_WINDOWS_ON_EACH_BACKEND(ann, bob);
    const QVector<TestCase> &tests = ann.window.session()->report().tests;
    const auto inGap
        = std::find_if(tests.begin(), tests.end(), [](const TestCase &t) { return t.gapId == QLatin1String("gap-2"); });
    REQUIRE(inGap != tests.end());
    const QString created = ann.window.session()->moveTestsToNewGap({ inGap->id }, QStringLiteral("Ann new gap"));
    REQUIRE_FALSE(created.isEmpty());
    GapEditor *editor = ann.editGap(created);
    CHECK(editor->titleField()->text() == QStringLiteral("Ann new gap"));
    // A pane left on the removed gap (whichever row the tree makes current): the same form, kept on that gap.
    GapEditor kept(ann.window.session());
    kept.setGap(created);
    REQUIRE(kept.titleField()->text() == QStringLiteral("Ann new gap"));
    ann.window.session()->undoStack()->undo();
    CHECK(kept.titleField()->text().isEmpty());
    CHECK(kept.ownerField()->text().isEmpty());
    CHECK(kept.priorityBox()->currentIndex() == -1);
    REQUIRE(ann.window.session()->gapIndex(created) < 0);
    const int shown = ann.window.session()->gapIndex(editor->gapId());
    INFO(editor->gapId().toStdString());
    if (shown < 0) {
        CHECK(editor->titleField()->text().isEmpty());
        CHECK(editor->ownerField()->text().isEmpty());
        CHECK(editor->notesField()->toPlainText().isEmpty());
        CHECK(editor->priorityBox()->currentIndex() == -1);
    } else {
        CHECK(editor->titleField()->text() == ann.window.session()->report().gaps[shown].title);
    }
    CHECK(editor->titleField()->text() != QStringLiteral("Ann new gap"));
}

TEST_CASE("a conflict banner names the gap by the title everyone knows, and yours beside it",
    "[history][window][shared][typing]")
{
    TWO_WINDOWS_ON_EACH_BACKEND(ann, bob);
    const QString gapId = QStringLiteral("gap-1");
    GapEditor *editor = ann.editGap(gapId);
    editor->titleField()->selectAll();
    QTest::keyClicks(editor->titleField(), QStringLiteral("Ann title"));
    QTest::keyClicks(editor->ownerField(), QStringLiteral("ann"));
    bob.window.session()->renameGap(gapId, QStringLiteral("Bob title"));
    bob.window.session()->setGapOwner(gapId, QStringLiteral("bob"));
    REQUIRE(waitFor([&] { return ann.owner(gapId) == QLatin1String("bob"); }));
    QTest::keyClick(editor->titleField(), Qt::Key_Return);
    editor->commitPending();
    REQUIRE(waitFor([&] { return ann.shared->link()->conflicts().size() == 2; }));
    // Ann's window calls the gap "Ann title": only she knows it by that name.
    REQUIRE(ann.gap(gapId).title == QStringLiteral("Ann title"));
    QStringList described;
    for (const SharedTriageLink::Conflict &c : ann.shared->link()->conflicts())
        described << ann.shared->link()->describe(c.item);
    described.sort();
    CHECK(described
        == QStringList { QStringLiteral("Owner of gap \u201cBob title\u201d (yours: \u201cAnn title\u201d)"),
            QStringLiteral("Title of gap \u201cBob title\u201d") });
    const QString text = ann.shared->conflictBanner()->text();
    INFO(text.toStdString());
    CHECK(text.contains(QStringLiteral("of gap \u201cBob title\u201d")));
}
