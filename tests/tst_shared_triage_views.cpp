// SPDX-License-Identifier: GPL-3.0-or-later
// A teammate's edits in a shared window (QA): they never go onto the window's undo stack, and what followed only
// the window's own edits stayed behind them: the triage actions' states, the changes panel, the comparison's
// digest. Everything that shows the triage follows every change of it, whoever made it.
#include "comparisonmode.h"
#include "comparisonview.h"
#include "sharedwindow.h"
#include "triageactions.h"
#include "triagechangespanel.h"

#include <QMenu>
#include <QSet>
#include <QSignalSpy>
#include <QUndoStack>

using namespace Gapwise;
using SharedTriageSetup::waitFor;

namespace {

QSet<QString> gapIdsOf(const TriageSession &session)
{
    QSet<QString> ids;
    for (const Gap &g : session.report().gaps)
        ids.insert(g.id);
    return ids;
}

} // namespace

TEST_CASE("a teammate's edits update the triage actions, the changes panel and the comparison, as the window's own do",
    "[history][window][shared]")
{
    TWO_WINDOWS_ON_EACH_BACKEND(ann, bob);
    TriageSession *mine = bob.window.session();
    const QString testId = TestSupport::testIdNamed(bob.window, QStringLiteral("test_refund_partial_amount_rounding"));
    REQUIRE_FALSE(testId.isEmpty());
    const QString importedGap = mine->imported().tests[mine->testIndex(testId)].gapId;
    const QString other = QStringLiteral("gap-3");
    REQUIRE(importedGap != other);
    const auto gapOf = [&testId](const SharedWindow &w) {
        return w.window.session()->report().tests[w.window.session()->testIndex(testId)].gapId;
    };

    // Bob compares his run with an earlier one (the same failures) and looks at its details.
    QSignalSpy compared(bob.window.comparisonMode(), &ComparisonMode::compared);
    REQUIRE(bob.window.compareWith(TestSupport::copySampleReport(dir, QStringLiteral("earlier.md"))));
    REQUIRE(compared.wait(20000));
    ComparisonView *details = bob.window.comparisonMode()->showDetails();
    REQUIRE(details);
    const auto failingIn = [details](const QString &gapId) { // what the details show, without recounting
        for (const GroupDelta &g : details->digest().gaps) {
            if (g.id == gapId)
                return g.newFailing;
        }
        return 0;
    };
    const int before = failingIn(other);
    const int steps = mine->undoStack()->count(); // the triage carried over, if any
    const QStringList panel = bob.window.changesPanel()->lines();

    // Bob's own move: his views follow it (as they did).
    mine->moveTests({ testId }, other);
    REQUIRE(waitFor([&] { return failingIn(other) == before + 1; }));
    REQUIRE(waitFor([&] { return bob.window.changesPanel()->lines() != panel; }));
    REQUIRE(waitFor([&] { return gapOf(ann) == other; }));

    // Ann moves the test back: Bob's views follow her edit too.
    ann.window.session()->moveTests({ testId }, importedGap);
    REQUIRE(waitFor([&] { return gapOf(bob) == importedGap; }));
    CHECK(waitFor([&] { return failingIn(other) == before; }));
    CHECK(waitFor([&] { return bob.window.changesPanel()->lines() == panel; }));

    // Ann merges every other gap into the test's: Bob, on that gap, has none left to merge it into.
    REQUIRE(waitFor([&] { return bob.shared->link()->unsharedCount() == 0; }));
    REQUIRE(waitFor([&] { return gapIdsOf(*ann.window.session()) == gapIdsOf(*mine); }));
    TestSupport::selectGap(bob.window, importedGap);
    QMenu *merge = bob.window.triageActions()->mergeMenu();
    REQUIRE(merge->isEnabled());
    for (const QString &id : gapIdsOf(*ann.window.session())) {
        if (id != importedGap)
            ann.window.session()->mergeGaps(id, importedGap);
    }
    REQUIRE(waitFor([&] { return gapIdsOf(*mine) == QSet<QString> { importedGap }; }));
    CHECK(waitFor([&] { return !merge->isEnabled(); }));
    CHECK(mine->undoStack()->count() == steps + 1); // Bob's own move only: nothing of Ann's is his to undo
}
