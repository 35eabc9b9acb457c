// SPDX-License-Identifier: GPL-3.0-or-later
// Restoring a crash's work in a shared window (QA): only the restorer's own edits are written, another engineer's
// rename is not reverted, nothing asks "save changes?", and declining the restore never loses the recovered work.
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
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>

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
    HistoryStore store;
    QString error;
    REQUIRE(store.open(storePath, false, &error));
    const auto edits = store.triageEditsSince(bob.shared->link()->runId(), 0, &error);
    REQUIRE(edits);
    QStringList log;
    for (const SharedTriageEdit &e : *edits)
        log << e.item.key + QLatin1Char(' ') + e.item.field + QLatin1Char('=') + e.newValue;
    CHECK(log
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
