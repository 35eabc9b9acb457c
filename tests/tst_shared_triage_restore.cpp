// SPDX-License-Identifier: GPL-3.0-or-later
// Restoring a crash's work in a shared window (QA): only the restorer's own edits are written, another engineer's
// rename is not reverted, nothing asks "save changes?", and declining the restore never loses the recovered work.
// Edits the crashed window had shared, and conflicts it had answered, are not asked about again: only edits the
// store did not have yet are the restorer's.
#include "autosaver.h"
#include "gapeditor.h"
#include "historystore.h"
#include "messagebanner.h"
#include "sessioncontroller.h"
#include "sharedwindow.h"
#include "storebackends.h"
#include "testsupport.h"

#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>

#include <limits>
#include <memory>

using namespace Gapwise;
using SharedTriageSetup::waitFor;

namespace {

struct Crashed
{
    QString recoveryPath;
    QByteArray bytes;
    QString testId;
};

// Bob's shared window moves a test into gap-3, autosaves and goes away without closing (a crash: kill -9).
Crashed crashAfterMove(const QString &store, const QString &report)
{
    Crashed crash;
    SharedWindow bob(store, report);
    Autosaver *autosaver = bob.window.sessionController()->autosaver();
    autosaver->setDelay(20);
    QSignalSpy saved(autosaver, &Autosaver::saved);
    crash.testId = TestSupport::testIdNamed(bob.window, QStringLiteral("test_refund_partial_amount_rounding"));
    REQUIRE_FALSE(crash.testId.isEmpty());
    bob.window.session()->moveTests({ crash.testId }, QStringLiteral("gap-3"));
    REQUIRE(saved.wait(5000));
    REQUIRE(waitFor([&] { return bob.shared->link()->unsharedCount() == 0; }));
    crash.recoveryPath = saved.last().at(0).toString();
    crash.bytes = TestSupport::fileContents(crash.recoveryPath);
    REQUIRE_FALSE(crash.bytes.isEmpty());
    return crash; // no close event: the recovery file stays, as a crash leaves it
}

// The teammate's window in this process writes no recovery file while a test runs: two windows of one report
// opened at once would write the same one, and the crashed window's is the one restored.
constexpr int quietAutosaver = std::numeric_limits<int>::max();

// Every edit the store logged for the run, oldest first: "<item> <field>=<value>".
QStringList storeLog(const QString &storePath, qint64 runId)
{
    HistoryStore store;
    QString error;
    REQUIRE(store.open(storePath, false, &error));
    const auto edits = store.triageEditsSince(runId, 0, &error);
    REQUIRE(edits);
    QStringList log;
    for (const SharedTriageEdit &e : *edits)
        log << e.item.key + QLatin1Char(' ') + e.item.field + QLatin1Char('=') + e.newValue;
    return log;
}

// The engineer starts Gapwise again after a crash, on the same report, and restores the crash's recovery file at
// once; the window is shared and has compared the restored edits with the store. `*recoveryPath` becomes the
// file the restored window wrote again (what a second crash leaves).
std::unique_ptr<SharedWindow> restoreAfterCrash(const QString &storePath, const QString &report, QString *recoveryPath)
{
    auto window = std::make_unique<SharedWindow>(storePath, report);
    Autosaver *autosaver = window->window.sessionController()->autosaver();
    autosaver->setDelay(20);
    QSignalSpy loaded(&window->window, &MainWindow::reportLoaded);
    REQUIRE(window->window.restoreRecovery(*recoveryPath));
    REQUIRE(loaded.wait(20000));
    REQUIRE(waitFor([&] { return window->shared->link() && window->shared->link()->isReady(); }));
    REQUIRE(waitFor([&] { return window->shared->link()->unsharedCount() == 0; }));
    *recoveryPath = autosaver->recoveryPath();
    REQUIRE(QFile::exists(*recoveryPath)); // written again at once: a second crash loses nothing
    return window;
}

// Gapwise started again as `gapwise --shared --store STORE REPORT` while the store cannot be reached (sharing has
// not started), and the crash's recovery file restored at once.
struct RestoredOffline
{
    MainWindow window;
    HistoryPanel *history;
    SharedTriageController *shared;
    RestoredOffline(const QString &store, const QString &report, const QString &recoveryPath)
        : history(attachHistoryPanel(&window, store, false))
        , shared(attachSharedTriage(&window, history, store, true))
    {
        REQUIRE(TestSupport::openAndWait(window, report));
        QSignalSpy loaded(&window, &MainWindow::reportLoaded);
        REQUIRE(window.restoreRecovery(recoveryPath));
        REQUIRE(loaded.wait(20000));
    }
    QString title(const QString &gapId) const
    {
        return window.session()->report().gaps[window.session()->gapIndex(gapId)].title;
    }
};

} // namespace

TEST_CASE("restoring in a shared window writes only the restorer's edits and asks nothing",
    "[history][window][shared][recovery]")
{
    QDir(Autosaver::recoveryDirectory()).removeRecursively(); // this test process's own data folder
    STORE_ON_EACH_BACKEND(storePath, backend, dir);
    const QString report = TestSupport::copySampleReport(dir);
    SharedWindow ann(storePath, report);
    const Crashed crash = crashAfterMove(storePath, report);

    // Ann renames gap-1 while Bob is away.
    ann.window.session()->renameGap(QStringLiteral("gap-1"), QStringLiteral("RA title"));
    REQUIRE(waitFor([&] { return ann.shared->link()->unsharedCount() == 0; }));

    SharedWindow bob(storePath, report); // started again; the Gap pane shows the first failure's gap, gap-1
    REQUIRE(bob.window.gapEditor()->gapId() == QStringLiteral("gap-1"));
    CHECK(bob.gap(QStringLiteral("gap-1")).title == QStringLiteral("RA title"));
    CHECK(bob.window.gapEditor()->titleField()->text() == QStringLiteral("RA title"));
    int asked = 0;
    bob.window.sessionController()->setAsker([&asked] {
        ++asked;
        return SessionController::Answer::Cancel;
    });
    QSignalSpy loaded(&bob.window, &MainWindow::reportLoaded);
    REQUIRE(bob.window.restoreRecovery(crash.recoveryPath)); // Restore, straight away
    REQUIRE(loaded.wait(20000));
    CHECK(asked == 0);
    REQUIRE(waitFor([&] { return bob.shared->link() && bob.shared->link()->isReady(); }));
    REQUIRE(waitFor([&] { return bob.shared->link()->unsharedCount() == 0; }));
    CHECK(bob.gap(QStringLiteral("gap-1")).title == QStringLiteral("RA title"));
    CHECK(bob.window.session()->report().tests[bob.window.session()->testIndex(crash.testId)].gapId
        == QStringLiteral("gap-3"));
    CHECK(bob.shared->link()->conflicts().isEmpty());

    // The store holds Ann's rename and Bob's move, and nothing else.
    CHECK(storeLog(storePath, bob.runId())
        == QStringList { QStringLiteral("%1 gap=gap-3").arg(crash.testId), QStringLiteral("gap-1 title=RA title") });
    bob.window.sessionController()->closeCleanly();
}

TEST_CASE("declining to restore (Cancel) keeps the recovered work, offered again and never overwritten",
    "[history][window][shared][recovery]")
{
    QDir(Autosaver::recoveryDirectory()).removeRecursively();
    QTemporaryDir dir;
    STORE_OR_SKIP(storePath, StoreBackends::Backend::Sqlite, dir.path());
    const QString report = TestSupport::copySampleReport(dir);
    const Crashed crash = crashAfterMove(storePath, report);

    SharedWindow bob(storePath, report);
    bob.shared->shareAction()->setChecked(false); // not shared: the edit below is in this window only
    Autosaver *autosaver = bob.window.sessionController()->autosaver();
    autosaver->setDelay(20);
    QSignalSpy saved(autosaver, &Autosaver::saved);
    bob.window.session()->setGapOwner(QStringLiteral("gap-2"), QStringLiteral("bob")); // an edit of this window's
    REQUIRE(saved.wait(5000));
    CHECK(autosaver->recoveryPath() != crash.recoveryPath); // beside the crash's file, not over it
    CHECK(TestSupport::fileContents(crash.recoveryPath) == crash.bytes);

    int asked = 0;
    bob.window.sessionController()->setAsker([&asked] {
        ++asked;
        return SessionController::Answer::Cancel;
    });
    QSignalSpy declined(&bob.window, &MainWindow::openDeclined);
    REQUIRE(bob.window.restoreRecovery(crash.recoveryPath));
    REQUIRE(declined.wait(20000));
    CHECK(asked == 1);
    bob.window.session()->setGapOwner(QStringLiteral("gap-2"), QStringLiteral("bob again"));
    REQUIRE(saved.wait(5000));
    CHECK(TestSupport::fileContents(crash.recoveryPath) == crash.bytes); // the recovered work is still there, untouched
    CHECK_FALSE(bob.window.offerBanner()->isHidden()); // and offered again
    bool restoreOffered = false;
    for (QPushButton *b : bob.window.offerBanner()->buttons())
        restoreOffered = restoreOffered || b->text() == QStringLiteral("Restore");
    CHECK(restoreOffered);
    bob.window.sessionController()->closeCleanly();
    QFile::remove(crash.recoveryPath);
}

TEST_CASE("restoring in a shared window whose edits are all in the store asks nothing and keeps them",
    "[history][window][shared][recovery]")
{
    QDir(Autosaver::recoveryDirectory()).removeRecursively();
    STORE_ON_EACH_BACKEND(storePath, backend, dir);
    const QString report = TestSupport::copySampleReport(dir);
    const Crashed crash = crashAfterMove(storePath, report);

    SharedWindow bob(storePath, report);
    SessionController *sessions = bob.window.sessionController();
    bob.window.session()->setGapOwner(QStringLiteral("gap-2"), QStringLiteral("bob"));
    // Until the store has it, the question says what would be lost, and that shared edits are not.
    const QString question = sessions->discardQuestion();
    INFO(question.toStdString());
    CHECK(question.contains(QStringLiteral("1 edit is not in the store yet")));
    CHECK(question.contains(QStringLiteral("the edits already shared stay in the store")));
    REQUIRE(waitFor([&] { return bob.shared->link()->unsharedCount() == 0; }));
    CHECK(sessions->isModified());

    int asked = 0;
    sessions->setAsker([&asked] {
        ++asked;
        return SessionController::Answer::Discard;
    });
    QSignalSpy loaded(&bob.window, &MainWindow::reportLoaded);
    REQUIRE(bob.window.restoreRecovery(crash.recoveryPath));
    REQUIRE(loaded.wait(20000));
    CHECK(asked == 0); // nothing to save to a file: the store has the window's edit
    REQUIRE(waitFor([&] { return bob.shared->link() && bob.shared->link()->isReady(); }));
    REQUIRE(waitFor([&] { return bob.shared->link()->unsharedCount() == 0; }));
    CHECK(bob.owner(QStringLiteral("gap-2")) == QStringLiteral("bob")); // the shared edit is still there
    CHECK(bob.window.session()->report().tests[bob.window.session()->testIndex(crash.testId)].gapId
        == QStringLiteral("gap-3"));
    CHECK(bob.shared->link()->conflicts().isEmpty());
    CHECK(storeLog(storePath, bob.runId())
        == QStringList { QStringLiteral("%1 gap=gap-3").arg(crash.testId), QStringLiteral("gap-2 owner=bob") });
    sessions->closeCleanly();
}

TEST_CASE("a conflict answered before a crash stays answered after each restore, and an edit on top of yours is "
          "none",
    "[history][window][shared][recovery]")
{
    QDir(Autosaver::recoveryDirectory()).removeRecursively();
    STORE_ON_EACH_BACKEND(storePath, backend, dir);
    const QString report = TestSupport::copySampleReport(dir);
    const QString gap = QStringLiteral("gap-1");
    SharedWindow bob(storePath, report);
    bob.window.sessionController()->autosaver()->setDelay(quietAutosaver);
    QString recoveryPath;
    {
        SharedWindow ann(storePath, report);
        Autosaver *autosaver = ann.window.sessionController()->autosaver();
        autosaver->setDelay(20);
        QSignalSpy saved(autosaver, &Autosaver::saved);
        // Ann's owner is shared; Bob sets another on top of it.
        ann.window.session()->setGapOwner(gap, QStringLiteral("ann-owner"));
        REQUIRE(waitFor([&] { return bob.owner(gap) == QStringLiteral("ann-owner"); }));
        bob.window.session()->setGapOwner(gap, QStringLiteral("bob owner"));
        REQUIRE(waitFor([&] { return ann.owner(gap) == QStringLiteral("bob owner"); }));
        // Ann began typing a title before Bob's rename arrived: her rename is a conflict, and she keeps theirs.
        ann.shared->link()->beginTyping(gap, QStringLiteral("title"));
        bob.window.session()->renameGap(gap, QStringLiteral("Bob title"));
        REQUIRE(waitFor([&] { return ann.gap(gap).title == QStringLiteral("Bob title"); }));
        ann.window.session()->renameGap(gap, QStringLiteral("Ann title"));
        ann.shared->link()->endTyping(gap, QStringLiteral("title"));
        REQUIRE(waitFor([&] { return ann.shared->link()->conflicts().size() == 1; }));
        REQUIRE(ann.shared->conflictBanner()->buttons().first()->text() == QStringLiteral("Keep Theirs"));
        saved.clear();
        ann.shared->conflictBanner()->buttons().first()->click();
        REQUIRE(ann.gap(gap).title == QStringLiteral("Bob title"));
        saved.wait(5000); // the answer is autosaved (none before the fix: the test then fails below)
        recoveryPath = autosaver->recoveryPath();
        REQUIRE(QFile::exists(recoveryPath));
    } // Ann's Gapwise is killed: no close, the recovery file stays
    const QStringList log = storeLog(storePath, bob.runId());

    for (const int restore : { 1, 2 }) { // restored, killed again, restored again
        INFO("restore " << restore);
        const auto ann = restoreAfterCrash(storePath, report, &recoveryPath);
        CHECK(ann->shared->link()->conflicts().isEmpty());
        CHECK(ann->shared->conflictBanner()->isHidden());
        CHECK(ann->gap(gap).title == QStringLiteral("Bob title"));
        CHECK(ann->owner(gap) == QStringLiteral("bob owner"));
        CHECK(storeLog(storePath, bob.runId()) == log); // nothing of Ann's written again
        CHECK(bob.gap(gap).title == QStringLiteral("Bob title"));
    }
}

TEST_CASE("a gap made by Move to New Gap and renamed by a teammate is not the restorer's title to write back",
    "[history][window][shared][recovery]")
{
    QDir(Autosaver::recoveryDirectory()).removeRecursively();
    STORE_ON_EACH_BACKEND(storePath, backend, dir);
    const QString report = TestSupport::copySampleReport(dir);
    SharedWindow ann(storePath, report);
    ann.window.sessionController()->autosaver()->setDelay(quietAutosaver);
    QString recoveryPath, gapId, testId;
    {
        SharedWindow bob(storePath, report);
        Autosaver *autosaver = bob.window.sessionController()->autosaver();
        autosaver->setDelay(20);
        QSignalSpy saved(autosaver, &Autosaver::saved);
        testId = TestSupport::testIdNamed(bob.window, QStringLiteral("test_refund_partial_amount_rounding"));
        REQUIRE_FALSE(testId.isEmpty());
        gapId = bob.window.session()->moveTestsToNewGap({ testId }, QStringLiteral("Bob new gap"));
        REQUIRE(saved.wait(5000));
        REQUIRE(waitFor([&] { return bob.shared->link()->unsharedCount() == 0; }));
        REQUIRE(waitFor([&] { return ann.window.session()->gapIndex(gapId) >= 0; }));
        ann.window.session()->renameGap(gapId, QStringLiteral("Bob new gap ann typing"));
        REQUIRE(waitFor([&] { return bob.gap(gapId).title == QStringLiteral("Bob new gap ann typing"); }));
        recoveryPath = autosaver->recoveryPath();
        REQUIRE(QFile::exists(recoveryPath));
    } // Bob's Gapwise is killed
    const QStringList log = storeLog(storePath, ann.runId());

    const auto bob = restoreAfterCrash(storePath, report, &recoveryPath);
    CHECK(bob->shared->link()->conflicts().isEmpty());
    CHECK(bob->gap(gapId).title == QStringLiteral("Bob new gap ann typing"));
    CHECK(bob->window.session()->report().tests[bob->window.session()->testIndex(testId)].gapId == gapId);
    CHECK(storeLog(storePath, ann.runId()) == log);
    CHECK(ann.gap(gapId).title == QStringLiteral("Bob new gap ann typing"));
}

// QA: after a crash in a shared window, restoring while the store could not be reached showed the store's old value
// (the title from before the rename) instead of the restored rename, until the store was back.
TEST_CASE("work restored while the store is unreachable shows at once, and is shared when the store is back",
    "[history][window][shared][recovery][offline]")
{
    QDir(Autosaver::recoveryDirectory()).removeRecursively();
    STORE_TO_TAKE_AWAY_OR_SKIP(storePath, dir);
    const QString report = TestSupport::copySampleReport(dir);
    const QString gap = QStringLiteral("gap-1");
    const QString renamed = QStringLiteral("Renamed before the crash");
    QString error;
    INFO(error.toStdString());
    QString recoveryPath;
    QString storeTitle;
    {
        SharedWindow bob(storePath, report);
        storeTitle = bob.gap(gap).title;
        Autosaver *autosaver = bob.window.sessionController()->autosaver();
        autosaver->setDelay(20);
        QSignalSpy saved(autosaver, &Autosaver::saved);
        REQUIRE(SharedTriageSetup::setServerReachable(storePath, false, &error));
        REQUIRE(waitFor([&] { return !bob.shared->link()->isOnline(); }, 30000));
        bob.window.session()->renameGap(gap, renamed);
        REQUIRE(saved.wait(5000));
        REQUIRE(bob.shared->link()->unsharedCount() == 1);
        recoveryPath = saved.last().at(0).toString();
    } // Bob's Gapwise is killed while the store is away

    // Started again while the store is still away (as `gapwise --shared --store … report` does), and restored.
    RestoredOffline restored(storePath, report, recoveryPath);
    const auto title = [&] { return restored.title(gap); };
    CHECK(title() == renamed);
    // Nothing the store had brings the old title back while it is away (the dock retries meanwhile).
    REQUIRE(waitFor([&] { return !restored.shared->statusLabel()->isHidden(); }));
    for (int turn = 0; turn < 3; ++turn) {
        QSignalSpy failed(restored.history, &HistoryPanel::historyFailed);
        REQUIRE(failed.wait(20000));
        CHECK(title() == renamed);
        TestSupport::selectGap(restored.window, gap);
        CHECK(restored.window.gapEditor()->titleField()->text() == renamed);
    }

    REQUIRE(SharedTriageSetup::setServerReachable(storePath, true, &error));
    REQUIRE(waitFor([&] { return restored.shared->link() && restored.shared->link()->isReady(); }));
    REQUIRE(waitFor([&] { return restored.shared->link()->unsharedCount() == 0; }));
    CHECK(restored.shared->link()->conflicts().isEmpty());
    CHECK(title() == renamed);
    CHECK(storeLog(storePath, restored.shared->link()->runId())
        == QStringList { QStringLiteral("gap-1 title=") + renamed });
    CHECK(storeTitle != renamed);
    restored.window.sessionController()->closeCleanly();
}

// The same on an SQLite store that cannot be read (its file moved away, as a share that is not mounted).
TEST_CASE("work restored while an SQLite store is gone shows at once, and is shared when the file is back",
    "[history][window][shared][recovery][offline]")
{
    const QString gap = QStringLiteral("gap-1");
    const QString renamed = QStringLiteral("Renamed before the crash");
    QDir(Autosaver::recoveryDirectory()).removeRecursively();
    QTemporaryDir dir;
    STORE_OR_SKIP(storePath, StoreBackends::Backend::Sqlite, dir.path());
    const QString away = storePath + QStringLiteral(".away"); // where the file goes while the store is gone
    const QString report = TestSupport::copySampleReport(dir);
    QString recoveryPath;
    {
        SharedWindow ann(storePath, report);
        ann.window.sessionController()->autosaver()->setDelay(quietAutosaver);
        ann.window.session()->renameGap(gap, QStringLiteral("Ann title"));
        REQUIRE(waitFor([&] { return ann.shared->link()->unsharedCount() == 0; }));
    }
    {
        SharedWindow bob(storePath, report);
        Autosaver *autosaver = bob.window.sessionController()->autosaver();
        autosaver->setDelay(20);
        QSignalSpy saved(autosaver, &Autosaver::saved);
        REQUIRE(QFile::rename(storePath, away));
        bob.window.session()->renameGap(gap, renamed);
        REQUIRE(saved.wait(5000));
        recoveryPath = saved.last().at(0).toString();
        REQUIRE(bob.shared->link()->unsharedCount() == 1);
    }
    RestoredOffline restored(storePath, report, recoveryPath);
    const auto title = [&] { return restored.title(gap); };
    CHECK(title() == renamed);
    QSignalSpy failed(restored.history, &HistoryPanel::historyFailed);
    REQUIRE((!failed.isEmpty() || failed.wait(20000)));
    CHECK(title() == renamed);
    CHECK(restored.shared->statusLabel()->text() == QStringLiteral("Offline \u2014 not yet sharing"));
    REQUIRE(QFile::rename(away, storePath));
    REQUIRE(waitFor([&] { return restored.shared->link() && restored.shared->link()->isReady(); }));
    REQUIRE(waitFor([&] { return restored.shared->link()->unsharedCount() == 0; }));
    CHECK(restored.shared->link()->conflicts().isEmpty()); // based on the version Bob saw: Ann's title, no one's since
    CHECK(title() == renamed);
    CHECK(storeLog(storePath, restored.shared->link()->runId()).last() == QStringLiteral("gap-1 title=") + renamed);
    restored.window.sessionController()->closeCleanly();
}
