// SPDX-License-Identifier: GPL-3.0-or-later
// The window's answers to two surprises: work left by a crash (a recovery file at start, offered in the
// banner) and a report that changes on disk while it is open (reload, keeping the triage that still applies).
#include "testsupport.h"
#include "triagefixtures.h"
#include "windowfixtures.h"

#include "autosaver.h"
#include "displaytext.h"
#include "mainwindow.h"
#include "messagebanner.h"
#include "reportfilterproxy.h"
#include "reporttreemodel.h"
#include "sessioncontroller.h"
#include "sessionfile.h"
#include "triageactions.h"
#include "triagesession.h"

#include <catch2/catch.hpp>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>
#include <QUndoStack>

using namespace Gapwise;
using namespace TestSupport;

namespace {

QPushButton *bannerButton(MainWindow &w, const QString &text)
{
    // Recovery is offered in the offer banner; "changed on disk" asks in the message banner.
    for (QPushButton *b : w.offerBanner()->buttons() + w.messageBanner()->buttons()) {
        if (b->text() == text)
            return b;
    }
    return nullptr;
}

struct CrashedWork
{
    QString recoveryPath;
    QString movedTestId;
    QString newGapTitle = QStringLiteral("Rounding in the ledger");
    QJsonObject state; // the session as it was when the window went away
};

// A window triages `reportPath`, autosaves, and goes away without closing (as a crash would leave it).
// `savedFirst`: where the triage was saved (empty: nowhere) before the edit that the crash leaves unsaved.
CrashedWork crashAfterTriage(const QString &reportPath, const QString &savedFirst = QString())
{
    CrashedWork work;
    MainWindow w;
    REQUIRE(openAndWait(w, reportPath));
    if (!savedFirst.isEmpty()) {
        QString error;
        REQUIRE(w.sessionController()->saveTo(savedFirst, &error));
    }
    Autosaver *autosaver = w.sessionController()->autosaver();
    autosaver->setDelay(20);
    QSignalSpy autosaved(autosaver, &Autosaver::saved);
    work.movedTestId = testIdNamed(w, QStringLiteral("test_vat_rounding_half_even"));
    REQUIRE(!work.movedTestId.isEmpty());
    selectTests(w, { w.session()->testIndex(work.movedTestId) });
    w.triageActions()->moveSelectionToNewGap(work.newGapTitle);
    REQUIRE(autosaved.wait(5000));
    work.recoveryPath = autosaved.last().at(0).toString();
    work.state = stateOf(*w.session());
    return work; // ~MainWindow without a close event: nothing removes the recovery file
}

// A fresh recovery folder, and a copy of the sample in `dir` triaged by a window that a crash took (crashAfterTriage);
// `sessionName`: the session file in `dir` it was saved to first, none when empty.
CrashedWork crashOnCopy(const QTemporaryDir &dir, const QString &sessionName = QString())
{
    QDir(Autosaver::recoveryDirectory()).removeRecursively(); // this test process's own data folder
    const QString reportPath = copySampleReport(dir);
    CrashedWork work = crashAfterTriage(reportPath, sessionName.isEmpty() ? QString() : dir.filePath(sessionName));
    REQUIRE(QFile::exists(work.recoveryPath));
    return work;
}

// A window started without a file is offered the work a crash left, and restores it from the banner.
// `offered`: what the banner must say of it (QA: it named the report alone, not the session file the work
// belonged to or what was at stake).
void restoreAtStart(MainWindow &w, const QString &offered)
{
    w.show();
    REQUIRE(QTest::qWaitForWindowExposed(&w));
    REQUIRE(w.offerRecovery());
    CHECK(w.offerBanner()->text().contains(offered));
    QSignalSpy loaded(&w, &MainWindow::reportLoaded);
    QPushButton *restore = bannerButton(w, QStringLiteral("Restore"));
    REQUIRE(restore);
    QTest::mouseClick(restore, Qt::LeftButton);
    REQUIRE(loaded.wait(20000));
}

} // namespace

TEST_CASE(
    "Work left by a crash is offered at start: Restore brings it back into the window", "[triage][window][recovery]")
{
    QTemporaryDir dir;
    const CrashedWork work = crashOnCopy(dir);
    REQUIRE(Autosaver::pendingRecoveryFiles().contains(work.recoveryPath));

    MainWindow w;
    w.show();
    REQUIRE(QTest::qWaitForWindowExposed(&w));
    REQUIRE(w.offerRecovery());
    CHECK(w.offerBanner()->isVisible());
    CHECK(w.offerBanner()->text().contains(QStringLiteral("report.md")));
    CHECK(w.offerBanner()->text().contains(QStringLiteral("1 change, never saved, made at ")));
    QPushButton *restore = bannerButton(w, QStringLiteral("Restore"));
    REQUIRE(restore);
    REQUIRE(bannerButton(w, QStringLiteral("Discard")));

    QSignalSpy loaded(&w, &MainWindow::reportLoaded);
    QTest::mouseClick(restore, Qt::LeftButton);
    REQUIRE(loaded.wait(20000));
    CHECK(stateOf(*w.session()) == work.state);
    // The tree shows the test in its new gap, and the window says the work is not saved.
    const int moved = w.session()->testIndex(work.movedTestId);
    const int newGap = w.session()->report().gapIndex(treeGapOfTest(w, moved));
    REQUIRE(newGap >= 0);
    CHECK(w.session()->report().gaps[newGap].title == work.newGapTitle);
    CHECK(treeCount(w, w.session()->report().gaps[newGap].id) == 1);
    CHECK(w.isWindowModified());
    CHECK(w.windowTitle().contains(QStringLiteral("[*]")));
    CHECK(w.sessionController()->sessionPath().isEmpty()); // restored work is saved nowhere yet
    CHECK(w.session()->undoStack()->canUndo());
    // Until the next edit the restored work lives only in memory: it is written to a recovery file again
    // at once, so a second crash right after restoring loses nothing.
    REQUIRE(QFile::exists(w.sessionController()->autosaver()->recoveryPath()));
    CHECK(Autosaver::pendingRecoveryFiles().size() == 1);

    // Undo goes back to the report as imported.
    w.session()->undoStack()->undo();
    CHECK(treeGapOfTest(w, moved) == w.session()->imported().tests[moved].gapId);
    w.sessionController()->closeCleanly();
    w.session()->undoStack()->clear();
    CHECK(Autosaver::pendingRecoveryFiles().isEmpty());
}

TEST_CASE("Restored work that had been saved to a session file is that session's again: Save writes it there",
    "[triage][window][recovery]")
{
    // QA: saved as issue1176.gapwise, edited, killed, restored: the title named no session and Ctrl+S asked
    // for a file name in the report's folder.
    QTemporaryDir dir;
    const CrashedWork work = crashOnCopy(dir, QStringLiteral("friday.gapwise"));
    const QString sessionPath = dir.filePath(QStringLiteral("friday.gapwise"));

    MainWindow w;
    restoreAtStart(w, QStringLiteral("1 change made after friday.gapwise was saved, at "));
    CHECK(stateOf(*w.session()) == work.state);
    CHECK(w.sessionController()->sessionPath() == QFileInfo(sessionPath).absoluteFilePath());
    CHECK(w.windowTitle().contains(QStringLiteral("friday.gapwise")));
    CHECK(w.isWindowModified()); // the edit after the save is not in the session file yet

    REQUIRE(w.sessionController()->save()); // no dialog: the session file is known
    CHECK_FALSE(w.isWindowModified());
    QString error;
    const auto saved = readSessionFile(sessionPath, &error);
    REQUIRE(saved);
    TriageSession reopened;
    reopened.load(w.session()->imported());
    CHECK(replayEdits(reopened, saved->edits).notApplied.isEmpty());
    CHECK(stateOf(reopened) == work.state);
    CHECK(Autosaver::pendingRecoveryFiles().isEmpty());
}

TEST_CASE("Restored work whose session file is gone is saved nowhere yet", "[triage][window][recovery]")
{
    QTemporaryDir dir;
    const CrashedWork work = crashOnCopy(dir, QStringLiteral("friday.gapwise"));
    REQUIRE(QFile::remove(dir.filePath(QStringLiteral("friday.gapwise"))));

    MainWindow w;
    // Which changes the session file held is not known any more: the banner says so instead of guessing.
    restoreAtStart(w, QStringLiteral("whether friday.gapwise holds it is not known (the file changed or is gone)"));
    CHECK(stateOf(*w.session()) == work.state);
    CHECK(w.sessionController()->sessionPath().isEmpty());
    w.sessionController()->closeCleanly();
    w.session()->undoStack()->clear();
}

TEST_CASE(
    "Work left by a crash can be discarded from the banner: the recovery file is gone", "[triage][window][recovery]")
{
    QTemporaryDir dir;
    const CrashedWork work = crashOnCopy(dir);
    const QString reportPath = dir.filePath(QStringLiteral("report.md"));

    MainWindow w;
    REQUIRE(openAndWait(w, reportPath)); // the user opened the report: its recovery file is offered at once
    const QJsonObject before = stateOf(*w.session());
    CHECK_FALSE(w.offerBanner()->isHidden());
    QPushButton *discard = bannerButton(w, QStringLiteral("Discard"));
    REQUIRE(discard);
    QTest::mouseClick(discard, Qt::LeftButton);
    CHECK_FALSE(QFile::exists(work.recoveryPath));
    CHECK(Autosaver::pendingRecoveryFiles().isEmpty());
    CHECK(w.offerBanner()->isHidden());
    CHECK(stateOf(*w.session()) == before);
    CHECK_FALSE(w.isWindowModified());
    CHECK_FALSE(w.offerRecovery()); // nothing is offered twice
}

TEST_CASE("A report changed on disk: Reload keeps the edits that still apply and lists the others",
    "[triage][window][reload]")
{
    QTemporaryDir dir;
    const QString reportPath = copySampleReport(dir);
    MainWindow w;
    w.show();
    REQUIRE(openAndWait(w, reportPath));
    TriageSession *s = w.session();
    const QString vat = testIdNamed(w, QStringLiteral("test_vat_rounding_half_even"));
    const QString coupon = testIdNamed(w, QStringLiteral("test_expired_coupon_rejected"));
    REQUIRE(!vat.isEmpty());
    REQUIRE(!coupon.isEmpty());
    REQUIRE(s->report().gaps.size() >= 4);
    const QString gap2 = s->report().gaps[1].id;
    const QString gap3 = s->report().gaps[2].id;
    const QString gap4 = s->report().gaps[3].id;

    // Three edits through the window: two moves and a rename.
    selectTests(w, { s->testIndex(vat) });
    w.triageActions()->moveSelectionTo(gap2);
    selectTests(w, { s->testIndex(coupon) });
    w.triageActions()->moveSelectionTo(gap3);
    s->renameGap(gap4, QStringLiteral("Gateway timeouts"));
    REQUIRE(s->undoStack()->count() == 3);

    // The next run of the report: the coupon test is no longer listed.
    QSignalSpy changedOnDisk(w.sessionController(), &SessionController::reportChangedOnDisk);
    QFile file(reportPath);
    REQUIRE(file.open(QIODevice::ReadOnly));
    QByteArray text = file.readAll();
    file.close();
    const QByteArray couponLine = "- `test_expired_coupon_rejected`\n";
    REQUIRE(text.contains(couponLine));
    text.replace(couponLine, QByteArray());
    REQUIRE(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(text);
    file.close();
    REQUIRE(changedOnDisk.wait(10000));

    CHECK(w.messageBanner()->isVisible());
    CHECK(w.messageBanner()->text().contains(QStringLiteral("report.md changed on disk")));
    QPushButton *reload = bannerButton(w, QStringLiteral("Reload and keep my triage"));
    REQUIRE(reload);
    QSignalSpy loaded(&w, &MainWindow::reportLoaded);
    QTest::mouseClick(reload, Qt::LeftButton);
    REQUIRE(loaded.wait(20000));

    CHECK(testIdNamed(w, QStringLiteral("test_expired_coupon_rejected")).isEmpty());
    const int vatIndex = s->testIndex(vat);
    REQUIRE(vatIndex >= 0);
    CHECK(s->report().tests[vatIndex].gapId == gap2);
    CHECK(treeGapOfTest(w, vatIndex) == gap2);
    CHECK(s->report().gaps[s->gapIndex(gap4)].title == QStringLiteral("Gateway timeouts"));
    CHECK(s->undoStack()->count() == 2); // the two edits that still apply, undoable
    // The edit that no longer applies is listed, with the test it names.
    CHECK(w.messageBanner()->isVisible());
    const QString banner = w.messageBanner()->text();
    CHECK(banner.contains(QStringLiteral("1 saved edit no longer applies to this report"))); // not "edit(s)"
    CHECK(banner.contains(coupon.toHtmlEscaped()));
    CHECK_FALSE(banner.contains(vat.toHtmlEscaped()));
    // The triage is still unsaved work.
    CHECK(w.isWindowModified());

    // The watcher follows the file on: a second change offers the reload again.
    changedOnDisk.clear();
    REQUIRE(file.open(QIODevice::Append));
    file.write("\n");
    file.close();
    CHECK(changedOnDisk.wait(10000));
    s->undoStack()->clear();
}

// Issue 14: `gapwise` started with no argument opens the sample and offers recovery while it is loading;
// the end of that load used to hide the offer.
TEST_CASE("The recovery offer made while the sample loads survives the end of the load", "[triage][window][recovery]")
{
    QDir(Autosaver::recoveryDirectory()).removeRecursively();
    QTemporaryDir dir;
    const CrashedWork work = crashAfterTriage(copySampleReport(dir));
    REQUIRE(QFile::exists(work.recoveryPath));

    // As main() does: open the sample (here a copy on disk: the bundled one lives in the app's resources),
    // offer recovery while it loads, show.
    const QString sample = copySampleReport(dir, QStringLiteral("sample.md"));
    MainWindow w;
    QSignalSpy loaded(&w, &MainWindow::reportLoaded);
    REQUIRE(w.openReport(sample));
    REQUIRE(w.offerRecovery());
    w.show();
    REQUIRE(loaded.wait(20000));
    CHECK(w.offerBanner()->isVisible());
    CHECK(w.offerBanner()->text().contains(QStringLiteral("report.md")));
    CHECK(w.offerBanner()->text().contains(QStringLiteral("1 change, never saved, made at ")));
    QPushButton *restore = bannerButton(w, QStringLiteral("Restore"));
    REQUIRE(restore);
    QTest::mouseClick(restore, Qt::LeftButton);
    REQUIRE(loaded.wait(20000));
    CHECK(stateOf(*w.session()) == work.state);
    CHECK(w.isWindowModified());
    w.sessionController()->closeCleanly();
    w.session()->undoStack()->clear();
}

TEST_CASE("A report named at start offers its own recovery file once it is loaded", "[triage][window][recovery]")
{
    QDir(Autosaver::recoveryDirectory()).removeRecursively();
    QTemporaryDir dir;
    const QString reportPath = copySampleReport(dir);
    const CrashedWork work = crashAfterTriage(reportPath);
    const QString other = copySampleReport(dir, QStringLiteral("other.md"));

    MainWindow w;
    REQUIRE(openAndWait(w, other)); // another report: nothing of report.md's is offered for it
    CHECK(w.offerBanner()->isHidden());
    REQUIRE(openAndWait(w, reportPath));
    CHECK_FALSE(w.offerBanner()->isHidden());
    CHECK(w.offerBanner()->text().contains(QStringLiteral("report.md")));
    CHECK(w.offerBanner()->text().contains(QStringLiteral("1 change, never saved, made at ")));
    QPushButton *restore = bannerButton(w, QStringLiteral("Restore"));
    REQUIRE(restore);
    QSignalSpy loaded(&w, &MainWindow::reportLoaded);
    QTest::mouseClick(restore, Qt::LeftButton);
    REQUIRE(loaded.wait(20000));
    CHECK(stateOf(*w.session()) == work.state);
    CHECK(w.offerBanner()->isHidden()); // restored: the file is this window's own now, not offered again
    w.sessionController()->closeCleanly();
    w.session()->undoStack()->clear();
}

TEST_CASE("A recovery file whose report is gone is listed with the report's path and can be discarded",
    "[triage][window][recovery]")
{
    QDir(Autosaver::recoveryDirectory()).removeRecursively();
    QString recoveryPath, reportPath;
    {
        QTemporaryDir dir;
        reportPath = copySampleReport(dir, QStringLiteral("gone.md"));
        recoveryPath = crashAfterTriage(reportPath).recoveryPath;
    } // the report's folder is removed
    REQUIRE(QFile::exists(recoveryPath));
    REQUIRE_FALSE(QFile::exists(reportPath));

    MainWindow w;
    REQUIRE(w.offerRecovery());
    CHECK(w.offerBanner()->text().contains(QDir::toNativeSeparators(reportPath).toHtmlEscaped()));
    CHECK(w.offerBanner()->text().contains(QStringLiteral("report is gone")));
    CHECK_FALSE(bannerButton(w, QStringLiteral("Restore")));
    QPushButton *discard = bannerButton(w, QStringLiteral("Discard"));
    REQUIRE(discard);
    QTest::mouseClick(discard, Qt::LeftButton);
    CHECK_FALSE(QFile::exists(recoveryPath));
    CHECK_FALSE(w.offerRecovery());
}

// QA: the banner wrapped a long report path wherever the line ran out, mid-folder-name.
TEST_CASE("The recovery banner cuts a long report path in its middle, the whole path in its tooltip",
    "[triage][window][recovery]")
{
    QDir(Autosaver::recoveryDirectory()).removeRecursively(); // this test process's own data folder
    QTemporaryDir dir(QDir::tempPath() + QStringLiteral("/nightly-staging-reports-of-the-checkout-service-XXXXXX"));
    REQUIRE(dir.isValid());
    const QString reportPath = copySampleReport(dir, QStringLiteral("0589_STAGING_TEST_REPORT_PYTEST.md"));
    const QString whole = QDir::toNativeSeparators(reportPath);
    REQUIRE(whole.size() > 60);
    const CrashedWork work = crashAfterTriage(reportPath);
    REQUIRE(QFile::exists(work.recoveryPath));

    MainWindow w;
    w.resize(1024, 600);
    w.show();
    REQUIRE(QTest::qWaitForWindowExposed(&w));
    REQUIRE(w.offerRecovery());
    const QString text = w.offerBanner()->text();
    CHECK_FALSE(text.contains(whole));
    const QString shown = middleElidedPath(whole, 60);
    CHECK(shown.contains(QChar(0x2026)));
    CHECK(text.contains(QStringLiteral("(") + shown + QStringLiteral(")")));
    CHECK(shown.endsWith(QStringLiteral("/0589_STAGING_TEST_REPORT_PYTEST.md"))); // the file name whole
    auto *label = w.offerBanner()->findChild<QLabel *>(QStringLiteral("bannerText"));
    REQUIRE(label);
    CHECK(label->toolTip() == whole);
    // On one line of the banner's text beside its buttons: nothing in it to break.
    REQUIRE(label->text().contains(shown.toHtmlEscaped()));
    CHECK(label->fontMetrics().horizontalAdvance(shown) < label->contentsRect().width());

    // The next message has no tooltip of this one.
    QPushButton *discard = bannerButton(w, QStringLiteral("Discard"));
    REQUIRE(discard);
    QTest::mouseClick(discard, Qt::LeftButton);
    w.offerBanner()->showError(QStringLiteral("Something else"));
    CHECK(label->toolTip().isEmpty());
}

// QA: two windows on one report (two `gapwise report.md`, or two windows of one process) both autosaved to the
// report's one recovery file, so each autosave overwrote the other window's unsaved work, and a crash lost one.
TEST_CASE("Two windows on one report keep a recovery file each, and after a crash each is offered and restored",
    "[triage][window][recovery]")
{
    QDir(Autosaver::recoveryDirectory()).removeRecursively(); // this test process's own data folder
    QTemporaryDir dir;
    const QString reportPath = copySampleReport(dir);
    QJsonObject firstState, secondState;
    QString firstFile, secondFile;
    {
        // Both open the report before either has autosaved; then each makes an edit of its own.
        MainWindow first, second;
        REQUIRE(openAndWait(first, reportPath));
        REQUIRE(openAndWait(second, reportPath));
        CHECK(second.offerBanner()->isHidden());
        Autosaver *firstSaver = first.sessionController()->autosaver();
        Autosaver *secondSaver = second.sessionController()->autosaver();
        firstSaver->setDelay(20);
        secondSaver->setDelay(20);
        QSignalSpy firstSaved(firstSaver, &Autosaver::saved), secondSaved(secondSaver, &Autosaver::saved);
        const QString gapId = first.session()->report().gaps.first().id;
        first.session()->renameGap(gapId, QStringLiteral("Renamed in the first window"));
        REQUIRE(firstSaved.wait(5000));
        second.session()->setGapOwner(gapId, QStringLiteral("second window"));
        REQUIRE(secondSaved.wait(5000));
        first.session()->setGapNotes(gapId, QStringLiteral("the first window's notes"));
        REQUIRE(firstSaved.wait(5000));
        firstFile = firstSaver->recoveryPath();
        secondFile = secondSaver->recoveryPath();
        CHECK(firstFile != secondFile);
        firstState = stateOf(*first.session());
        secondState = stateOf(*second.session());
        REQUIRE(firstState != secondState);
        // Each file holds its own window's work, and none of the other's.
        const QByteArray firstBytes = fileContents(firstFile), secondBytes = fileContents(secondFile);
        CHECK(firstBytes.contains("Renamed in the first window"));
        CHECK(firstBytes.contains("the first window's notes"));
        CHECK_FALSE(firstBytes.contains("second window\""));
        CHECK(secondBytes.contains("second window\""));
        CHECK_FALSE(secondBytes.contains("Renamed in the first window"));

        // A third window on the report, while both run: their files are their work, not a crash's.
        MainWindow third;
        REQUIRE(openAndWait(third, reportPath));
        CHECK(third.offerBanner()->isHidden());
        CHECK_FALSE(third.offerRecovery());
    } // all three go without closing, as a crash leaves them: the two files stay

    MainWindow w;
    int asked = 0;
    w.sessionController()->setAsker([&asked] {
        ++asked;
        return SessionController::Answer::Discard;
    });
    REQUIRE(openAndWait(w, reportPath));
    REQUIRE_FALSE(w.offerBanner()->isHidden());
    CHECK(w.offerBanner()->text().contains(QStringLiteral("1 more recovery file of this report is offered after")));
    QList<QJsonObject> restored;
    for (int i = 0; i < 2; ++i) {
        INFO("restore " << i);
        QPushButton *restore = bannerButton(w, QStringLiteral("Restore"));
        REQUIRE(restore);
        QSignalSpy loaded(&w, &MainWindow::reportLoaded);
        QTest::mouseClick(restore, Qt::LeftButton);
        REQUIRE(loaded.wait(20000));
        restored << stateOf(*w.session());
    }
    CHECK(asked == 1); // the second restore replaces the first's work: asked first
    CHECK(w.offerBanner()->isHidden()); // both were offered, nothing is left
    CHECK(restored.contains(firstState));
    CHECK(restored.contains(secondState));
    w.sessionController()->closeCleanly();
    w.session()->undoStack()->clear();
    CHECK(Autosaver::pendingRecoveryFiles().isEmpty());
}
