// SPDX-License-Identifier: GPL-3.0-or-later
// How a comparison names things (QA findings): restored gaps and edits that did not carry over by the title
// the engineer gave, the earlier side as the session and the run it triages, repeated tests apart, numbers
// grouped only where the window asks for it; and a session keeps its undo steps.
#include "testsupport.h"

#include "comparewithrun.h"
#include "comparisondigest.h"
#include "comparisonwriters.h"
#include "sessionfile.h"
#include "triagecommands.h"
#include "triagedrun.h"
#include "triagesession.h"

#include <catch2/catch.hpp>

#include <QFile>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QUndoStack>

using namespace Gapwise;
using namespace TestSupport;

namespace {

const QString AuthTitle = QStringLiteral("Auth token missing after SSO");
const QString DbTitle = QStringLiteral("DB outage");

// token-run1.xml triaged as in the QA session: Gapwise's two suggested gaps renamed (which accepts them, and
// moves their tests, in the same undo step), saved beside a copy of the report.
QString triagedRun1(const QTemporaryDir &dir)
{
    const QString report = dir.filePath(QStringLiteral("run1.xml"));
    REQUIRE(QFile::copy(dataPath(QStringLiteral("compare/token-run1.xml")), report));
    TriageSession session;
    session.load(importOrFail(report));
    const Gap *token = gapTitled(session.report(), QStringLiteral("KeyError"));
    const Gap *db = gapTitled(session.report(), QStringLiteral("ConnectionError"));
    REQUIRE(token);
    REQUIRE(db);
    REQUIRE(token->suggested);
    const QString tokenId = token->id;
    const QString dbId = db->id;
    session.renameGap(tokenId, AuthTitle);
    session.renameGap(dbId, DbTitle);
    const QString path = dir.filePath(QStringLiteral("run1.gapwise"));
    QString error;
    REQUIRE(writeFileAtomically(path, SessionFile::fromSession(session, report, QString()).toJson(path), &error));
    return path;
}

ComparisonDigest compareWith(const QString &oldPath, const QString &newReport)
{
    QString error;
    const auto old = loadTriagedRun(oldPath, &error);
    INFO(error.toStdString());
    REQUIRE(old);
    return compareAndCarry(*old, importOrFail(dataPath(newReport))).digest;
}

} // namespace

TEST_CASE("A gap kept from the earlier session is named by its triaged title", "[compare][carryover]")
{
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString session = triagedRun1(dir);
    // Run 2: test_login still fails alone; Gapwise suggests no gap for one test, so the session's is kept.
    const ComparisonDigest d = compareWith(session, QStringLiteral("compare/token-run2.xml"));
    CHECK(d.restoredGaps == QStringList { AuthTitle });
    CHECK(comparisonToJson(d).value(QStringLiteral("restoredGaps")).toArray() == QJsonArray { QJsonValue(AuthTitle) });
}

TEST_CASE("The earlier side of a comparison is the session and the run it triages, everywhere", "[compare][export]")
{
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString session = triagedRun1(dir);
    const QString report = dir.filePath(QStringLiteral("run1.xml"));
    const ComparisonDigest d = compareWith(session, QStringLiteral("compare/token-run2.xml"));
    CHECK(d.oldSource == report);
    CHECK(d.oldSession == session);
    CHECK(oldSideText(d) == QStringLiteral("%1 (triage of %2)").arg(session, report));
    CHECK(oldSideText(d, true) == QStringLiteral("run1.gapwise (triage of run1.xml)"));
    CHECK(QString::fromUtf8(comparisonToMarkdown(d))
              .contains(QStringLiteral("Compared with `%1` (triage of `%2`).").arg(session, report)));
    const QJsonObject json = comparisonToJson(d);
    CHECK(json.value(QStringLiteral("old")).toString() == report); // as scripts read it before
    CHECK(json.value(QStringLiteral("oldSession")).toString() == session);

    // A plain report on the earlier side is just that report.
    const ComparisonDigest plain
        = compareWith(dataPath(QStringLiteral("compare/token-run1.xml")), QStringLiteral("compare/token-run2.xml"));
    CHECK(plain.oldSession.isEmpty());
    CHECK(oldSideText(plain, true) == QStringLiteral("token-run1.xml"));
    CHECK_FALSE(comparisonToJson(plain).contains(QStringLiteral("oldSession")));
}

TEST_CASE("Edits that do not carry over name their gaps by title and their real target", "[compare][carryover]")
{
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString session = triagedRun1(dir);
    // Run 3 fails nowhere: neither gap exists, nor is kept.
    const ComparisonDigest d = compareWith(session, QStringLiteral("compare/token-run3.xml"));
    INFO(d.notCarried.join(QLatin1Char('\n')).toStdString());
    CHECK(d.notCarried.contains(QStringLiteral("edit 2 (Move 2 tests to “%1”): gap “%1” is gone").arg(AuthTitle)));
    CHECK(d.notCarried.contains(QStringLiteral("edit 3 (Rename gap to “%1”): gap “%1” is gone").arg(AuthTitle)));
    CHECK(d.notCarried.contains(QStringLiteral("edit 5 (Move 3 tests to “%1”): gap “%1” is gone").arg(DbTitle)));
    for (const QString &line : d.notCarried) {
        CHECK_FALSE(line.contains(QLatin1String("sig-")));
        CHECK_FALSE(line.contains(QLatin1String("Unassigned")));
    }
}

TEST_CASE("A gap is named by its title, the id added when another gap has the same title", "[triage]")
{
    TriageSession session;
    session.load(importOrFail(dataPath(QStringLiteral("compare/token-run1.xml"))));
    const QString mine = session.createGap(QStringLiteral("Flaky"));
    const GapNamer name = gapNamer(session,
        { { QStringLiteral("gone-1"), QStringLiteral("Network") },
            { QStringLiteral("gone-2"), QStringLiteral("Flaky") } });
    CHECK(name(QString()) == QStringLiteral("“Unassigned”"));
    CHECK(name(QStringLiteral("gone-1")) == QStringLiteral("“Network”"));
    CHECK(name(QStringLiteral("gone-2")) == QStringLiteral("“Flaky” (gone-2)"));
    CHECK(name(mine) == QStringLiteral("“Flaky” (%1)").arg(mine));
    CHECK(name(QStringLiteral("unknown-7")) == QStringLiteral("unknown-7"));
    // In a list of edits that did not apply, a long title is cut.
    const GapNamer listed = gapNamer(session, { { QStringLiteral("long"), QString(70, QLatin1Char('x')) } }, 60);
    CHECK(listed(QStringLiteral("long")) == QStringLiteral("“%1…”").arg(QString(59, QLatin1Char('x'))));
    // The undo stack's own texts are unchanged for gaps the session has.
    session.moveTests({ session.report().tests[0].id }, mine);
    CHECK(session.undoStack()->text(session.undoStack()->index() - 1) == QStringLiteral("Move test to “Flaky”"));
}

TEST_CASE("Tests of the same name are told apart in a comparison, as their ids are", "[compare]")
{
    const ComparisonDigest d
        = compareWith(dataPath(QStringLiteral("compare/dup-run1.xml")), QStringLiteral("compare/dup-run2.xml"));
    QStringList removed;
    for (const ChangedTest &t : d.tests) {
        if (t.change == ChangeClass::Removed)
            removed << t.name;
    }
    REQUIRE(removed.size() == 2);
    CHECK(removed[0] != removed[1]);
    CHECK(removed[0] == QStringLiteral("tests/test_order.py::TestOrder::test_first"));
    CHECK(removed[1] == QStringLiteral("tests/test_order.py::TestOrder::test_first #2"));
}

TEST_CASE("Comparison numbers are plain for files and grouped in the locale the window passes", "[compare]")
{
    const QLocale english(QLocale::English, QLocale::UnitedStates);
    CHECK(deltaText(3329) == QStringLiteral("+3329"));
    CHECK(deltaText(3329, english) == QStringLiteral("+3,329"));
    CHECK(deltaText(-12000, english) == QStringLiteral("−12,000"));
    CHECK(deltaText(0, english) == QStringLiteral("±0"));
    ComparisonDigest d;
    d.counts[int(ChangeClass::NewFailure)] = 3334;
    d.counts[int(ChangeClass::Added)] = 146666;
    d.gaps.append({ QStringLiteral("g"), QStringLiteral("DB"), 5, 3334 });
    CHECK(sinceLastRunLines(d).mid(0, 3)
        == QStringList {
            QStringLiteral("3334 new failures"), QStringLiteral("0 fixed"), QStringLiteral("146666 added") });
    const QStringList grouped = sinceLastRunLines(d, english);
    CHECK(grouped.first() == QStringLiteral("3,334 new failures"));
    CHECK(grouped.contains(QStringLiteral("146,666 added")));
    CHECK(grouped.contains(QStringLiteral("Gap “DB”: 5 → 3,334 (+3,329)")));
}

TEST_CASE("A session keeps edits made as one undo step together when it is replayed", "[triage][session]")
{
    TriageSession session;
    const Report run = importOrFail(dataPath(QStringLiteral("compare/token-run1.xml")));
    session.load(run);
    QUndoStack *stack = session.undoStack();
    stack->beginMacro(QStringLiteral("Carry over triage from run1.gapwise"));
    const QString a = session.createGap(QStringLiteral("A"));
    session.moveTests({ session.report().tests[0].id, session.report().tests[1].id }, a);
    session.setGapOwner(a, QStringLiteral("Ann"));
    stack->endMacro();
    session.setGapNotes(a, QStringLiteral("later"));
    REQUIRE(stack->count() == 2);

    const SessionFile file = SessionFile::fromSession(session, QStringLiteral("/r.xml"), QString());
    REQUIRE(file.edits.size() == 4);
    CHECK(file.edits[0].value(QStringLiteral("stepText")).toString()
        == QStringLiteral("Carry over triage from run1.gapwise"));
    CHECK(file.edits[2].value(QStringLiteral("step")).toInt() == file.edits[0].value(QStringLiteral("step")).toInt());
    CHECK_FALSE(file.edits[3].contains(QStringLiteral("step")));
    QString error;
    const auto parsed = SessionFile::parse(file.toJson(), &error);
    REQUIRE(parsed);

    TriageSession again;
    again.load(run);
    const ReplayResult replay = replayEdits(again, parsed->edits);
    CHECK(replay.applied == 4);
    CHECK(replay.notApplied.isEmpty());
    REQUIRE(again.undoStack()->count() == 2);
    CHECK(again.undoStack()->text(0) == QStringLiteral("Carry over triage from run1.gapwise"));
    CHECK(again.report().gaps.last().owner == QStringLiteral("Ann"));
    again.undoStack()->undo();
    again.undoStack()->undo();
    CHECK(again.gapIndex(a) < 0); // the whole step at once
    CHECK(again.report().tests[0].gapId == run.tests[0].gapId);

    // A recovery file also says what the window compared with; a saved session does not by default.
    SessionFile noted = file;
    noted.comparedWith = QStringLiteral("/runs/run1.gapwise");
    const auto back = SessionFile::parse(noted.toJson(), &error);
    REQUIRE(back);
    CHECK(back->comparedWith == QStringLiteral("/runs/run1.gapwise"));
    CHECK(parsed->comparedWith.isEmpty());
}
