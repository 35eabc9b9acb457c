// SPDX-License-Identifier: GPL-3.0-or-later
// Triage edits, undo/redo, sessions saved and reopened, reports that changed in between.
#include "testsupport.h"
#include "triagefixtures.h"

#include "autosaver.h"
#include "reportjson.h"
#include "sessionfile.h"
#include "triagecommands.h"
#include "triagesession.h"

#include <catch2/catch.hpp>

#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QThread>
#include <QUndoStack>

using namespace Gapwise;
using namespace TestSupport;

TEST_CASE("1,000 random edits undo to the imported state and redo to the final one", "[triage]")
{
    TriageSession session;
    session.load(syntheticReport(300, 8));
    const QJsonObject imported = stateOf(session);
    QRandomGenerator rng(20261125);
    for (int i = 0; i < 1000; ++i)
        randomEdit(session, rng);
    const QJsonObject final = stateOf(session);
    QUndoStack *stack = session.undoStack();
    REQUIRE(stack->count() > 500);
    CHECK(final != imported);

    while (stack->canUndo())
        stack->undo();
    CHECK(stateOf(session) == imported);
    while (stack->canRedo())
        stack->redo();
    CHECK(stateOf(session) == final);
}

TEST_CASE("a bulk move is one command and one signal", "[triage]")
{
    TriageSession session;
    session.load(syntheticReport(1000, 4));
    QSignalSpy moved(&session, &TriageSession::testsReassigned);
    QSignalSpy reset(&session, &TriageSession::modelReset);
    QStringList ids;
    int alreadyThere = 0;
    for (int i = 0; i < 500; ++i) {
        ids.append(session.report().tests[i].id);
        alreadyThere += session.report().tests[i].gapId == QStringLiteral("gap-4");
    }
    REQUIRE(alreadyThere > 0);
    session.moveTests(ids, session.report().gaps[3].id);
    CHECK(session.undoStack()->count() == 1);
    REQUIRE(moved.count() == 1);
    CHECK(moved.first().first().value<QVector<int>>().size() == 500 - alreadyThere); // those in place stay
    CHECK(reset.isEmpty());
    for (int i = 0; i < 500; ++i)
        CHECK(session.report().tests[i].gapId == QStringLiteral("gap-4"));
    session.undoStack()->undo();
    CHECK(session.report().tests[1].gapId == session.imported().tests[1].gapId);
}

TEST_CASE("a report prepared on another thread loads as the report itself does", "[triage]")
{
    const Report report = syntheticReport(2000, 6);
    PreparedReport prepared;
    QThread *worker = QThread::create([&] { prepared = prepareForTriage(report); });
    worker->start();
    REQUIRE(worker->wait(60000));
    delete worker;
    // The working tests are the session's own copy already: the first edit writes into them, not into a copy.
    CHECK(prepared.working.tests.constData() != prepared.imported.tests.constData());
    REQUIRE(prepared.testIndex.size() == report.tests.size());
    CHECK(prepared.testIndex.value(report.tests[1234].id) == 1234);

    TriageSession fromReport;
    fromReport.load(report);
    TriageSession fromPrepared;
    const TestCase *working = prepared.working.tests.constData();
    fromPrepared.load(std::move(prepared));
    CHECK(fromPrepared.report().tests.constData() == working); // taken over, not copied
    CHECK(stateOf(fromPrepared) == stateOf(fromReport));
    CHECK(fromPrepared.testIndex(report.tests[42].id) == 42);
    CHECK(fromPrepared.testIndex(QStringLiteral("no such test")) == -1);

    fromPrepared.moveTests({ report.tests[7].id }, fromPrepared.report().gaps[2].id);
    CHECK(fromPrepared.report().tests[7].gapId == fromPrepared.report().gaps[2].id);
    CHECK(fromPrepared.imported().tests[7].gapId == report.tests[7].gapId);
    CHECK(fromPrepared.report().tests.constData() == working); // the move wrote in place
}

TEST_CASE("merge moves tests and evidence, delete sends tests to Unassigned", "[triage]")
{
    TriageSession session;
    session.load(syntheticReport(60, 4));
    const Report &r = session.report();
    const int inGap2 = int(std::count_if(
        r.tests.cbegin(), r.tests.cend(), [](const TestCase &t) { return t.gapId == QStringLiteral("gap-2"); }));
    REQUIRE(inGap2 > 0);
    session.mergeGaps(QStringLiteral("gap-2"), QStringLiteral("gap-1"));
    CHECK(session.gapIndex(QStringLiteral("gap-2")) < 0);
    CHECK(r.gaps[session.gapIndex(QStringLiteral("gap-1"))].evidence.contains(QStringLiteral("evidence of gap 2")));
    CHECK(std::none_of(
        r.tests.cbegin(), r.tests.cend(), [](const TestCase &t) { return t.gapId == QStringLiteral("gap-2"); }));
    session.deleteGap(QStringLiteral("gap-1"));
    CHECK(std::none_of(
        r.tests.cbegin(), r.tests.cend(), [](const TestCase &t) { return t.gapId == QStringLiteral("gap-1"); }));
    session.undoStack()->undo();
    session.undoStack()->undo();
    CHECK(stateOf(session) == reportToJson(session.imported()));
}

TEST_CASE("save then open restores the triage exactly, with the edits undoable", "[triage][session]")
{
    QTemporaryDir dir;
    const QString reportPath = dir.filePath(QStringLiteral("report.md"));
    TriageSession session;
    session.load(syntheticReport(120, 5));
    applyScriptedEdits(session);
    const QJsonObject triaged = stateOf(session);

    const SessionFile saved = SessionFile::fromSession(session, reportPath, QStringLiteral("abc123"));
    const QString sessionPath = dir.filePath(QStringLiteral("triage.gapwise"));
    QString error;
    REQUIRE(writeFileAtomically(sessionPath, saved.toJson(), &error));

    const auto loaded = readSessionFile(sessionPath, &error);
    INFO(error.toStdString());
    REQUIRE(loaded);
    CHECK(loaded->reportPath == reportPath);
    CHECK(loaded->reportSha256 == QStringLiteral("abc123"));
    CHECK(loaded->edits.size() == saved.edits.size());

    TriageSession reopened;
    reopened.load(syntheticReport(120, 5));
    const ReplayResult replay = replayEdits(reopened, loaded->edits);
    CHECK(replay.notApplied.isEmpty());
    CHECK(replay.applied == int(saved.edits.size()));
    CHECK(stateOf(reopened) == triaged);
    CHECK(reopened.undoStack()->isClean());
    while (reopened.undoStack()->canUndo())
        reopened.undoStack()->undo();
    CHECK(stateOf(reopened) == reportToJson(reopened.imported()));
}

TEST_CASE("a changed report keeps every edit that still applies and lists the rest", "[triage][session]")
{
    TriageSession session;
    session.load(syntheticReport(120, 5));
    const Report &r = session.report();
    const QString gone = r.tests[10].id;
    const QString kept = r.tests[11].id;
    session.moveTests({ gone, kept }, QStringLiteral("gap-5"));
    session.renameGap(QStringLiteral("gap-4"), QStringLiteral("Renamed"));
    session.setGapOwner(QStringLiteral("gap-3"), QStringLiteral("lee"));
    const SessionFile saved = SessionFile::fromSession(session, QStringLiteral("/r.md"), QString());

    // The new run: test 10 is gone, gap 4 was dropped from the report.
    Report newRun = syntheticReport(120, 5);
    newRun.tests.remove(10);
    newRun.gaps.remove(3);
    for (TestCase &t : newRun.tests) {
        if (t.gapId == QStringLiteral("gap-4"))
            t.gapId.clear();
    }
    TriageSession reopened;
    reopened.load(newRun);
    const ReplayResult replay = replayEdits(reopened, saved.edits);
    CHECK(replay.applied == 2);
    REQUIRE(replay.notApplied.size() == 2);
    CHECK(replay.notApplied[0].contains(QStringLiteral("in part")));
    CHECK(replay.notApplied[0].contains(gone));
    CHECK(replay.notApplied[1].contains(QStringLiteral("gap-4 is gone")));
    CHECK(reopened.report().tests[reopened.testIndex(kept)].gapId == QStringLiteral("gap-5"));
    CHECK(reopened.report().gaps[reopened.gapIndex(QStringLiteral("gap-3"))].owner == QStringLiteral("lee"));
}

TEST_CASE("a corrupt or truncated session file is a clear error and is left as it was", "[triage][session]")
{
    QTemporaryDir dir;
    TriageSession session;
    session.load(syntheticReport(30, 3));
    applyScriptedEdits(session);
    const QByteArray good = SessionFile::fromSession(session, QStringLiteral("/r.md"), QString()).toJson();
    const QList<QByteArray> bad = { good.left(good.size() / 2), QByteArray("{\"format\": \"something-else\"}"),
        QByteArray("\x00\x01\x02", 3), QByteArray(), QByteArray(good).replace("\"version\": 1", "\"version\": 99") };
    for (const QByteArray &bytes : bad) {
        const QString path = dir.filePath(QStringLiteral("bad.gapwise"));
        {
            QFile f(path);
            REQUIRE(f.open(QIODevice::WriteOnly));
            f.write(bytes);
        }
        QString error;
        CHECK_FALSE(readSessionFile(path, &error));
        CHECK(error.startsWith(path + QStringLiteral(": ")));
        QFile f(path);
        REQUIRE(f.open(QIODevice::ReadOnly));
        CHECK(f.readAll() == bytes);
    }
}

TEST_CASE("after a SIGKILL the recovery file restores every edit", "[triage][recovery]")
{
    QTemporaryDir home;
    QProcess child;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("XDG_DATA_HOME"), home.path()); // keep recovery files out of the user's
    child.setProcessEnvironment(env);
    const QString report = QStringLiteral(GAPWISE_SAMPLE_REPORT);
    child.start(QStringLiteral(GAPWISE_RECOVERY_CHILD), { report });
    REQUIRE(child.waitForStarted(10000));
    REQUIRE(child.waitForReadyRead(20000));
    const QString recoveryPath = QString::fromUtf8(child.readLine()).trimmed();
    child.kill(); // SIGKILL: no destructor, no clean-up runs
    REQUIRE(child.waitForFinished(10000));
    CHECK(child.exitStatus() == QProcess::CrashExit);
    REQUIRE(recoveryPath.startsWith(home.path()));

    QString error;
    const auto recovered = readSessionFile(recoveryPath, &error);
    INFO(error.toStdString());
    REQUIRE(recovered);
    CHECK(recovered->reportPath == report);
    CHECK(recovered->reportSha256 == fileSha256(report, &error).value_or(QString()));

    const Report imported = importOrFail(report);
    TriageSession expected;
    expected.load(imported);
    applyScriptedEdits(expected);
    TriageSession restored;
    restored.load(imported);
    const ReplayResult replay = replayEdits(restored, recovered->edits);
    CHECK(replay.notApplied.isEmpty());
    CHECK(stateOf(restored) == stateOf(expected));
    CHECK(stateOf(restored) != reportToJson(imported));
}

TEST_CASE("the recovery file follows an edit within a second, so a kill right after Enter loses nothing",
    "[triage][recovery]")
{
    // QA: an owner typed, Enter, kill -9 1.5 s later: the owner was gone (the autosave waited 3 s).
    TriageSession session;
    session.load(importOrFail(QStringLiteral(GAPWISE_SAMPLE_REPORT)));
    const Autosaver autosaver(&session);
    CHECK(autosaver.delay() > 0); // a burst of changes is still written once
    CHECK(autosaver.delay() <= 1000);
}

TEST_CASE(
    "a session file opens headlessly: its report found beside it, its edits applied or listed", "[triage][session]")
{
    Report report;
    QString error;
    REQUIRE(loadTriagedReport(dataPath(QStringLiteral("sessions/sample-triage.gapwise")), &report, &error));
    const TestCase *capture
        = testNamed(report, QStringLiteral("tests/integration/test_payments.py::test_card_capture_idempotent"));
    REQUIRE(capture);
    CHECK(capture->gapId == QStringLiteral("gap-4"));
    const int ledger = report.gapIndex(QStringLiteral("user-1"));
    REQUIRE(ledger >= 0);
    CHECK(report.gaps[ledger].title == QStringLiteral("Ledger SDK upgrade"));
    CHECK(report.gaps[ledger].priority == Priority::P1);
    CHECK(report.gaps[report.gapIndex(QStringLiteral("gap-4"))].owner == QStringLiteral("payments-team"));
    const int notCarried = int(std::count_if(report.diagnostics.cbegin(), report.diagnostics.cend(),
        [](const Diagnostic &d) { return d.message.startsWith(QStringLiteral("triage edit not carried over")); }));
    CHECK(notCarried == 2);

    CHECK_FALSE(loadTriagedReport(dataPath(QStringLiteral("sessions/missing.gapwise")), &report, &error));
    CHECK(error.contains(QStringLiteral("missing.gapwise")));
}

TEST_CASE("Each edit's text says what it changed, the new value where it is short", "[triage][undo]")
{
    TriageSession session;
    session.load(syntheticReport(20, 3));
    QUndoStack *stack = session.undoStack();
    const auto lastText = [stack] {
        const QString text = stack->text(stack->index() - 1);
        UNSCOPED_INFO(text.toStdString());
        return text;
    };
    const QString id = QStringLiteral("gap-2");

    session.renameGap(id, QStringLiteral("Auth token missing"));
    CHECK(lastText() == QStringLiteral("Rename gap “Gap 2” to “Auth token missing”"));
    // Typing the title again is the same step: its text names the title it sets now, from the one it had.
    session.renameGap(id, QStringLiteral("Auth token expired"));
    CHECK(stack->count() == 1);
    CHECK(lastText() == QStringLiteral("Rename gap “Gap 2” to “Auth token expired”"));
    CHECK(stack->undoText() == lastText()); // what Edit > Undo says

    session.setGapPriority(id, Priority::P0);
    CHECK(lastText() == QStringLiteral("Set priority of “Auth token expired” to P0"));
    session.setGapPriority(id, Priority::None);
    CHECK(lastText() == QStringLiteral("Clear priority of “Auth token expired”"));
    session.setGapOwner(id, QStringLiteral("Zoë Müller"));
    CHECK(lastText() == QStringLiteral("Set owner of “Auth token expired” to “Zoë Müller”"));
    session.setGapOwner(id, QString());
    CHECK(lastText() == QStringLiteral("Clear owner of “Auth token expired”"));
    session.setGapNotes(id, QStringLiteral("Seen since the proxy change.\nAsk the platform team."));
    CHECK(lastText() == QStringLiteral("Edit notes of “Auth token expired”"));
    session.setGapStatus(id, GapStatus::InProgress);
    CHECK(lastText() == QStringLiteral("Set status of “Auth token expired” to in progress"));
    session.setGapNotes(id, QString());
    CHECK(lastText() == QStringLiteral("Clear notes of “Auth token expired”"));

    session.moveTests({ session.report().tests[0].id }, id);
    CHECK(lastText() == QStringLiteral("Move test to “Auth token expired”"));
    const QString made = session.moveTestsToNewGap(
        { session.report().tests[1].id, session.report().tests[2].id }, QStringLiteral("Cart totals"));
    CHECK(lastText() == QStringLiteral("Move 2 tests to new gap “Cart totals”"));
    session.mergeGaps(made, id);
    CHECK(lastText() == QStringLiteral("Merge “Cart totals” into “Auth token expired”"));
    session.deleteGap(QStringLiteral("gap-1"));
    CHECK(lastText() == QStringLiteral("Delete gap “Gap 1”"));
    session.createGap(QStringLiteral("Flaky"));
    CHECK(lastText() == QStringLiteral("Create gap “Flaky”"));

    // A long title is cut, both the old one and the new one: the Edit menu stays readable.
    const QString longTitle
        = QStringLiteral("Checkout fails when the cart holds a gift card and a coupon that expired yesterday");
    session.renameGap(QStringLiteral("gap-3"), longTitle);
    CHECK(lastText() == QStringLiteral("Rename gap “Gap 3” to “Checkout fails when the cart holds a gi…”"));
    session.renameGap(QStringLiteral("gap-3"), QStringLiteral("Checkout"));
    CHECK(lastText() == QStringLiteral("Rename gap “Gap 3” to “Checkout”")); // one step, typed in twice
    stack->undo();
    CHECK(session.report().gaps[session.gapIndex(QStringLiteral("gap-3"))].title == QStringLiteral("Gap 3"));
    session.renameGap(QStringLiteral("gap-3"), longTitle);
    session.setGapOwner(QStringLiteral("gap-3"), QStringLiteral("Zoë"));
    CHECK(lastText() == QStringLiteral("Set owner of “Checkout fails when the cart holds a gi…” to “Zoë”"));
}
