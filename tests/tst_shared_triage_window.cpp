// SPDX-License-Identifier: GPL-3.0-or-later
// Two windows on one stored run, shared (Edit > Share This Run's Triage Through the Store): one's edit shows
// in the other's tree and in its "Shared triage" dock with who and when; a conflicting edit shows a banner
// with both values and a choice; on SQLite and PostgreSQL.
#include "detailspane.h"
#include "gapeditor.h"
#include "historypanel.h"
#include "historystore.h"
#include "mainwindow.h"
#include "messagebanner.h"
#include "reportfilterproxy.h"
#include "reporttreemodel.h"
#include "runrecord.h"
#include "sessioncontroller.h"
#include "sharedtriagecontroller.h"
#include "sharedtriagelink.h"
#include "sharedtriagesetup.h"
#include "sharedwindow.h"
#include "storebackends.h"
#include "triagesession.h"
#include "windowfixtures.h"

#include <catch2/catch.hpp>

#include <algorithm>

#include <QAction>
#include <QApplication>
#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTimer>
#include <QToolButton>
#include <QTreeView>
#include <QTreeWidget>
#include <QUuid>

using namespace Gapwise;
using SharedTriageSetup::waitFor;

TEST_CASE(
    "two windows share a stored run's triage: edits, who and when, a conflict banner", "[history][window][shared]")
{
    TWO_WINDOWS_ON_EACH_BACKEND(ann, bob);
    CHECK(ann.shared->shareAction()->isChecked());
    QMenu *edit = nullptr; // the action is in Edit, where the triage edits are
    for (QAction *menu : ann.window.menuBar()->actions()) {
        if (menu->text() == QLatin1String("&Edit"))
            edit = menu->menu();
    }
    REQUIRE(edit);
    CHECK(edit->actions().contains(ann.shared->shareAction()));
    CHECK(ann.shared->statusLabel()->text().startsWith(QStringLiteral("Shared as ")));
    const QString gapId = ann.window.session()->report().gaps.first().id;

    ann.window.session()->setGapOwner(gapId, QStringLiteral("ann"));
    REQUIRE(waitFor([&] { return bob.owner(gapId) == QLatin1String("ann"); }, 2500));
    CHECK(bob.window.session()->undoStack()->count() == 0);
    REQUIRE(waitFor([&] { return bob.shared->editsList()->topLevelItemCount() > 0; }));
    const QTreeWidgetItem *row = bob.shared->editsList()->topLevelItem(0);
    // A sentence that says who did what; the time in the first column.
    const QString title = ann.window.session()->report().gaps.first().title;
    CHECK(row->text(1)
        == QStringLiteral("%1 made ann the owner of the gap \u201c%2\u201d")
               .arg(ann.shared->link()->editorName(), title));
    CHECK(row->text(0) == row->toolTip(0).mid(11, 8)); // today: HH:mm:ss of the ISO time
    // The store times an edit when it reaches it (an edit made offline, when the server is back): said so.
    CHECK(bob.shared->editsList()->headerItem()->text(0) == QStringLiteral("Shared at"));
    CHECK(bob.shared->editsList()->headerItem()->toolTip(0).startsWith(
        QStringLiteral("When the edit reached the store")));
    CHECK(row->toolTip(1).endsWith(QStringLiteral(" (shared at %1)").arg(row->text(0))));

    // Both change the gap's status before hearing of the other.
    ann.window.session()->setGapStatus(gapId, GapStatus::InProgress);
    bob.window.session()->setGapStatus(gapId, GapStatus::WontFix);
    REQUIRE(waitFor([&] {
        return ann.shared->conflictBanner()->isHidden() == false || bob.shared->conflictBanner()->isHidden() == false;
    }));
    SharedWindow &loser = ann.shared->conflictBanner()->isHidden() == false ? ann : bob;
    SharedWindow &winner = &loser == &ann ? bob : ann;
    const QString text = loser.shared->conflictBanner()->text();
    INFO(text.toStdString());
    CHECK(text.contains(QStringLiteral("Status of gap")));
    CHECK(text.contains(QStringLiteral("in progress")));
    CHECK(text.contains(QStringLiteral("won't fix").toHtmlEscaped()));
    CHECK(text.contains(QStringLiteral("(%1, shared at ").arg(winner.shared->link()->editorName())));
    loser.window.saveScreenshot(QDir::temp().filePath(
        QStringLiteral("i21-s4-conflict-%1.png").arg(QLatin1String(StoreBackends::name(backend)))));
    const auto buttons = loser.shared->conflictBanner()->buttons();
    REQUIRE(buttons.size() == 2);
    CHECK(buttons[0]->text() == QStringLiteral("Keep Theirs"));
    buttons[0]->click();
    CHECK(loser.shared->conflictBanner()->isHidden());
    const GapStatus theirs = winner.window.session()->report().gaps[winner.window.session()->gapIndex(gapId)].status;
    CHECK(loser.window.session()->report().gaps[loser.window.session()->gapIndex(gapId)].status == theirs);

    // Ann renames the gap: Bob's list reads it newest first, under the conflict's edits, and Bob's Details
    // (showing one of the gap's tests) names the gap by its new title.
    const QVector<TestCase> &bobTests = bob.window.session()->report().tests;
    const auto inGap
        = std::find_if(bobTests.begin(), bobTests.end(), [&](const TestCase &t) { return t.gapId == gapId; });
    REQUIRE(inGap != bobTests.end());
    bob.window.treeView()->setCurrentIndex(bob.window.filterProxy()->mapFromTree(
        bob.window.treeModel()->indexForTest(int(std::distance(bobTests.begin(), inGap)))));
    REQUIRE(bob.window.detailsPane()->toPlainText().contains(title));
    ann.window.session()->renameGap(gapId, QStringLiteral("Login page times out"));
    REQUIRE(waitFor([&] {
        return bob.shared->editsList()->topLevelItem(0)->text(1)
            == QStringLiteral("%1 renamed the gap \u201c%2\u201d to \u201cLogin page times out\u201d")
                   .arg(ann.shared->link()->editorName(), title);
    }));
    CHECK(bob.window.detailsPane()->toPlainText().contains(QStringLiteral("Login page times out")));
    bob.window.resize(1400, 800);
    bob.window.saveScreenshot(
        QDir::temp().filePath(QStringLiteral("i21-s6-edits-%1.png").arg(QLatin1String(StoreBackends::name(backend)))));
    // Every sentence is whole: its row is as tall as the sentence wrapped at the column's width.
    QTreeWidget *edits = bob.shared->editsList();
    QCoreApplication::processEvents(); // the rows, laid out again for the column's width after the grab
    for (int i = 0; i < edits->topLevelItemCount(); ++i) {
        QTreeWidgetItem *item = edits->topLevelItem(i);
        const QRect wrapped = edits->fontMetrics().boundingRect(
            QRect(0, 0, edits->columnWidth(1) - 4, 1 << 20), Qt::TextWordWrap, item->text(1));
        INFO(item->text(1).toStdString());
        CHECK(edits->visualItemRect(item).height() >= wrapped.height());
    }

    // Sharing off: the other's edits no longer arrive.
    bob.shared->shareAction()->setChecked(false);
    CHECK(bob.shared->link() == nullptr);
    CHECK(bob.shared->statusLabel()->isHidden());
}

TEST_CASE("the window says when it is offline, how many edits wait, and shares them when the server is back",
    "[history][window][shared][offline]")
{
    STORE_TO_TAKE_AWAY_OR_SKIP(storePath, dir);
    const QString report = TestSupport::copySampleReport(dir);
    SharedWindow ann(storePath, report);
    QString error;
    INFO(error.toStdString());
    REQUIRE(SharedTriageSetup::setServerReachable(storePath, false, &error));
    // Nothing waits yet: just "Offline" (QA: "Offline — 0 edits not yet shared"), the server's message on one line.
    REQUIRE(waitFor([&] { return !ann.shared->link()->isOnline(); }, 30000));
    CHECK(ann.shared->statusLabel()->text() == QStringLiteral("Offline"));
    CHECK_FALSE(ann.shared->statusLabel()->toolTip().contains(QLatin1Char('\t')));

    const QString gapId = ann.window.session()->report().gaps.first().id;
    ann.window.session()->setGapOwner(gapId, QStringLiteral("ann"));
    ann.window.session()->setGapNotes(gapId, QStringLiteral("seen on the nightly only"));
    REQUIRE(waitFor(
        [&] { return ann.shared->statusLabel()->text() == QStringLiteral("Offline \u2014 2 edits not yet shared"); }));
    CHECK_FALSE(ann.shared->statusLabel()->toolTip().isEmpty());
    ann.window.saveScreenshot(QDir::temp().filePath(QStringLiteral("i21-s4-offline.png")));

    REQUIRE(SharedTriageSetup::setServerReachable(storePath, true, &error));
    REQUIRE(waitFor([&] { return ann.shared->link()->unsharedCount() == 0; }));
    CHECK(ann.shared->statusLabel()->text() == QStringLiteral("Shared as %1").arg(ann.shared->link()->editorName()));
    HistoryStore store;
    REQUIRE(store.open(storePath, false, &error));
    const auto values = store.triageValues(ann.shared->link()->runId(), &error);
    REQUIRE(values);
    QStringList stored;
    for (const auto &[item, value] : *values)
        stored << item.field + QLatin1Char('=') + value.value;
    stored.sort();
    CHECK(stored == QStringList { QStringLiteral("notes=seen on the nightly only"), QStringLiteral("owner=ann") });
}

TEST_CASE("a password typed into the window is used for sharing and never reaches the settings or a file",
    "[history][window][shared][password]")
{
    QTemporaryDir dir;
    STORE_OR_SKIP(storePath, StoreBackends::Backend::Postgres, dir.path());
    const QString report = TestSupport::copySampleReport(dir);
    const QString secret = QStringLiteral("s3cret-%1").arg(QUuid::createUuid().toString(QUuid::Id128).left(12));
    MainWindow window;
    HistoryPanel *history = attachHistoryPanel(&window, storePath, true);
    auto *button = history->findChild<QToolButton *>(QStringLiteral("historyPasswordButton"));
    REQUIRE(button);
    QTimer::singleShot(0, [secret] {
        auto *dialog = qobject_cast<QInputDialog *>(QApplication::activeModalWidget());
        REQUIRE(dialog);
        CHECK(dialog->textEchoMode() == QLineEdit::Password);
        dialog->setTextValue(secret);
        dialog->accept();
    });
    button->click(); // as when the server asked for one that libpq did not find
    CHECK(history->storePassword() == secret);

    SharedTriageController *shared = attachSharedTriage(&window, history, storePath, true);
    REQUIRE(TestSupport::openAndWait(window, report));
    REQUIRE(waitFor([&] { return shared->link() && shared->link()->isReady(); }));
    const QString gapId = window.session()->report().gaps.first().id;
    window.session()->setGapOwner(gapId, QStringLiteral("ann"));
    REQUIRE(waitFor([&] { return shared->link()->unsharedCount() == 0; }));

    // Not in the session file, the settings or any file Gapwise keeps (the recovery file among them).
    QString error;
    const QString session = dir.filePath(QStringLiteral("shared.gapwise"));
    REQUIRE(window.sessionController()->saveTo(session, &error));
    QSettings settings;
    settings.sync();
    QStringList files { session, settings.fileName() };
    QDirIterator kept(
        QStandardPaths::writableLocation(QStandardPaths::AppDataLocation), QDir::Files, QDirIterator::Subdirectories);
    while (kept.hasNext())
        files << kept.next();
    for (const QString &path : std::as_const(files)) {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            continue;
        INFO(path.toStdString());
        CHECK_FALSE(file.readAll().contains(secret.toUtf8()));
    }
    for (const QString &key : settings.allKeys())
        CHECK_FALSE(settings.value(key).toString().contains(secret));
}

TEST_CASE(
    "a moved test's conflict names the gaps by title and Keep Theirs shows in Details", "[history][window][shared]")
{
    TWO_WINDOWS_ON_EACH_BACKEND(ann, bob);
    const QString testId = TestSupport::testIdNamed(bob.window, QStringLiteral("test_refund_partial_amount_rounding"));
    REQUIRE_FALSE(testId.isEmpty());
    const int test = bob.window.session()->testIndex(testId);
    for (SharedWindow *w : { &ann, &bob })
        TestSupport::selectTests(w->window, { test });

    // Both move the test before hearing of the other.
    ann.window.session()->moveTests({ testId }, QStringLiteral("gap-3"));
    bob.window.session()->moveTests({ testId }, QStringLiteral("gap-2"));
    REQUIRE(waitFor([&] {
        return ann.shared->conflictBanner()->isHidden() == false || bob.shared->conflictBanner()->isHidden() == false;
    }));
    SharedWindow &loser = ann.shared->conflictBanner()->isHidden() == false ? ann : bob;
    SharedWindow &winner = &loser == &ann ? bob : ann;
    const QString mine = loser.window.session()->report().tests[test].gapId;
    const QString theirs = winner.window.session()->report().tests[test].gapId;
    const QString text = loser.shared->conflictBanner()->text();
    INFO(text.toStdString());
    CHECK(text.contains(QStringLiteral("Yours: \u201c%1\u201d").arg(loser.gap(mine).title)));
    CHECK(text.contains(QStringLiteral("theirs: \u201c%1\u201d").arg(loser.gap(theirs).title)));
    CHECK_FALSE(text.contains(QStringLiteral("\u201cgap-")));

    // Keep Theirs: the tree and the Details pane both say the test is in their gap.
    REQUIRE(loser.window.detailsPane()->toPlainText().contains(loser.gap(mine).title));
    loser.shared->conflictBanner()->buttons().first()->click();
    CHECK(loser.window.session()->report().tests[test].gapId == theirs);
    CHECK(loser.window.detailsPane()->toPlainText().contains(loser.gap(theirs).title));
    CHECK_FALSE(loser.window.detailsPane()->toPlainText().contains(loser.gap(mine).title));
}

TEST_CASE("a window opened on a shared run shows the store's values in Details at once", "[history][window][shared]")
{
    QTemporaryDir dir;
    STORE_OR_SKIP(storePath, StoreBackends::Backend::Sqlite, dir.path());
    const QString report = TestSupport::copySampleReport(dir);
    {
        SharedWindow ann(storePath, report);
        ann.window.session()->renameGap(QStringLiteral("gap-1"), QStringLiteral("A-title"));
        REQUIRE(waitFor([&] { return ann.shared->link()->unsharedCount() == 0; }));
    }
    SharedWindow bob(storePath, report); // its first failure, current from the start, is in gap-1
    REQUIRE(bob.window.treeView()->currentIndex().data(GapIdRole).toString() == QStringLiteral("gap-1"));
    CHECK(bob.window.detailsPane()->toPlainText().contains(QStringLiteral("A-title")));
    CHECK(bob.window.gapEditor()->titleField()->text() == QStringLiteral("A-title"));
}

TEST_CASE("the status bar counts the gaps a teammate creates or deletes", "[history][window][shared]")
{
    TWO_WINDOWS_ON_EACH_BACKEND(ann, bob);
    const QLabel *status = ann.window.statusBar()->findChild<QLabel *>(QStringLiteral("statusLabel"));
    REQUIRE(status);
    const int before = int(ann.window.session()->report().gaps.size());
    REQUIRE(status->text().contains(QStringLiteral(", %1 gaps,").arg(before)));

    bob.window.session()->createGap(QStringLiteral("Bob new gap"));
    REQUIRE(waitFor([&] { return ann.window.session()->report().gaps.size() == before + 1; }));
    INFO(status->text().toStdString());
    CHECK(status->text().contains(QStringLiteral(", %1 gaps,").arg(before + 1)));

    bob.window.session()->undoStack()->undo(); // his gap goes again, for Ann too
    REQUIRE(waitFor([&] { return ann.window.session()->report().gaps.size() == before; }));
    CHECK(status->text().contains(QStringLiteral(", %1 gaps,").arg(before)));
}
