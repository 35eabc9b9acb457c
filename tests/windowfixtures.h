// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QVector>

class MainWindow;
class QSize;
class QTemporaryDir;

namespace TestSupport {

// Copies the bundled sample report into `dir` (tests edit and rewrite their copy) and returns its path.
QString copySampleReport(const QTemporaryDir &dir, const QString &name = QStringLiteral("report.md"));
// Opens `path` in the window and waits until its import and any replay are done; false on failure or timeout.
bool openAndWait(MainWindow &window, const QString &path);
// The id of the test named `name` in the window's session; empty when there is none.
QString testIdNamed(const MainWindow &window, const QString &name);
// Selects these tests (Report::tests indices) in the view, through the proxy, as a user's clicks would;
// the first one becomes the current row.
void selectTests(MainWindow &window, const QVector<int> &tests);
// Makes the row of this gap current and selected (its first row in the current grouping).
void selectGap(MainWindow &window, const QString &gapId);
// Shows the window at `size`, active, and waits until it is.
void showActive(MainWindow &window, const QSize &size);
// The window on syntheticReport(90, 3) (gap-2 and gap-3 hold tests; gap-1 none), shown at 1200×800.
void showSyntheticRun(MainWindow &window);
// The first `most` tests of a gap (Report::tests indices), in report order.
QVector<int> testsOfGap(const MainWindow &window, const QString &gapId, int most);
// The first `count` tests of a gap; fails the test case when the gap has fewer.
QVector<int> requireTestsOfGap(const MainWindow &window, const QString &gapId, int count);
// Tests the tree shows under this gap, summed over its rows.
int treeCount(MainWindow &window, const QString &gapId);
// The gap the tree shows a test under (the GapIdRole of its row), as the user sees it.
QString treeGapOfTest(MainWindow &window, int testIndex);

} // namespace TestSupport
