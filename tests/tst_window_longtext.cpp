// SPDX-License-Identifier: GPL-3.0-or-later
// A report may hold a line of millions of characters (a test named by a generated id, a failure message that is a
// whole dump). The window shows a bounded part of each such text, says how much it left out, and copies the whole.

#include "detailspane.h"
#include "displaytext.h"
#include "mainwindow.h"
#include "reporttreemodel.h"
#include "sessioncontroller.h"
#include "triagefixtures.h"
#include "triagesession.h"
#include "windowfixtures.h"

#include <catch2/catch.hpp>

#include <QFile>
#include <QTemporaryDir>
#include <QTreeView>

using namespace Gapwise;

namespace {

QString writeFile(const QTemporaryDir &dir, const QString &name, const QByteArray &content)
{
    QFile f(dir.filePath(name));
    REQUIRE(f.open(QIODevice::WriteOnly));
    REQUIRE(f.write(content) == content.size());
    return f.fileName();
}

} // namespace

TEST_CASE(
    "Text cut for display keeps its start, says what it left out and never splits a character", "[window][longtext]")
{
    CHECK(cutForDisplay(QStringLiteral("short"), 10) == QStringLiteral("short"));
    CHECK(cutForDisplay(QString(25, QLatin1Char('x')), 10)
        == QString(10, QLatin1Char('x')) + QStringLiteral("… (15 more characters not shown)"));
    // U+1F600 is two UTF-16 units: a cut between them would leave half a character.
    const QString emoji = QStringLiteral("abcdefghi") + QString::fromUcs4(U"\U0001F600") + QStringLiteral("tail");
    const QString cut = cutForDisplay(emoji, 10);
    CHECK(cut.startsWith(QStringLiteral("abcdefghi…")));
    CHECK(cut.contains(QStringLiteral("(6 more characters not shown)")));
}

TEST_CASE("A test named by a 300,000-character line: the details pane, tooltip and tree show a bounded part",
    "[window][longtext]")
{
    QTemporaryDir dir;
    const QByteArray name = "test_" + QByteArray(300000, 'a');
    const QString path = writeFile(
        dir, QStringLiteral("long.md"), "# Report\n\n## Unit Tests\n\n**Failed:** 1\n\n- `" + name + "` FAILED\n");
    MainWindow w;
    w.sessionController()->setAsker([] { return SessionController::Answer::Discard; });
    REQUIRE(TestSupport::openAndWait(w, path));
    const Report &r = w.session()->report();
    REQUIRE(r.tests.size() == 1);
    CHECK(r.tests[0].name == QString::fromLatin1(name)); // the report keeps it whole

    DetailsPane *details = w.detailsPane();
    details->showIndex(w.treeModel(), w.treeModel()->indexForTest(0));
    const QString text = details->toPlainText();
    CHECK(text.size() < 4 * DisplayedNameChars); // the heading and the quoted report line
    CHECK(text.contains(QStringLiteral("more characters not shown")));
    const QString tip = w.treeModel()->indexForTest(0).data(Qt::ToolTipRole).toString();
    CHECK(tip.size() < DisplayedNameChars + 100);
    CHECK(tip.startsWith(QStringLiteral("test_aaaa")));
    CHECK_FALSE(w.treeView()->grab().isNull()); // paints the row through the name delegate
}

TEST_CASE("A failure message of 300,000 characters: the details pane shows part, Copy copies all", "[window][longtext]")
{
    QTemporaryDir dir;
    const QByteArray message = "E" + QByteArray(300000, 'x');
    const QString path = writeFile(dir, QStringLiteral("long.xml"),
        "<?xml version=\"1.0\"?>\n<testsuite name=\"s\" tests=\"1\" failures=\"1\">\n"
        "  <testcase classname=\"s.T\" name=\"fails\">\n    <failure message=\""
            + message + "\">" + message + "\n  at s.T.fails(T.java:3)</failure>\n  </testcase>\n</testsuite>\n");
    MainWindow w;
    w.sessionController()->setAsker([] { return SessionController::Answer::Discard; });
    REQUIRE(TestSupport::openAndWait(w, path));
    REQUIRE(w.session()->report().tests.size() == 1);

    DetailsPane *details = w.detailsPane();
    details->showIndex(w.treeModel(), w.treeModel()->indexForTest(0));
    const QString text = details->toPlainText();
    CHECK(text.size() < 3 * DisplayedBlockChars);
    CHECK(text.contains(QStringLiteral("more characters not shown")));
    CHECK(details->copyText(QStringLiteral("message")) == QString::fromLatin1(message));
    const QString tip = w.treeModel()->indexForTest(0).data(Qt::ToolTipRole).toString();
    CHECK(tip.size() < DisplayedTipChars + 100);
}

TEST_CASE("Details says a gap Gapwise chose is its suggestion, in the Gap pane's words, until the engineer merges it",
    "[window][details][suggestions]")
{
    // QA: Details said "(inferred)" where the Gap pane says "Suggested by Gapwise", and kept saying it after a merge.
    Report report = TestSupport::syntheticReport(20, 2);
    report.gaps[0].suggested = true;
    int shown = -1;
    for (int i = 0; i < report.tests.size(); ++i) {
        if (report.tests[i].gapId == report.gaps[0].id) {
            report.tests[i].gapSuggested = true;
            shown = shown < 0 ? i : shown;
        }
    }
    REQUIRE(shown >= 0);
    TriageSession session;
    session.load(report);
    ReportTreeModel model;
    model.setSession(&session);
    DetailsPane pane;
    pane.showIndex(&model, model.indexForTest(shown));
    CHECK(pane.toPlainText().contains(report.gaps[0].title + QStringLiteral(" (suggested by Gapwise)")));
    CHECK_FALSE(pane.toPlainText().contains(QStringLiteral("inferred")));

    session.mergeGaps(report.gaps[0].id, report.gaps[1].id);
    pane.showIndex(&model, model.indexForTest(shown));
    CHECK(pane.toPlainText().contains(report.gaps[1].title));
    CHECK_FALSE(pane.toPlainText().contains(QStringLiteral("suggested by Gapwise")));
}
