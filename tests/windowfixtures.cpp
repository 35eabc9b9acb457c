// SPDX-License-Identifier: GPL-3.0-or-later
#include "windowfixtures.h"

#include "mainwindow.h"
#include "reportfilterproxy.h"
#include "reporttreemodel.h"
#include "triagefixtures.h"
#include "triagesession.h"

#include <catch2/catch.hpp>

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

using namespace Gapwise;

namespace TestSupport {

QString copySampleReport(const QTemporaryDir &dir, const QString &name)
{
    const QString path = dir.filePath(name);
    QFile::remove(path);
    REQUIRE(QFile::copy(QStringLiteral(GAPWISE_SAMPLE_REPORT), path));
    QFile::setPermissions(
        path, QFile::ReadOwner | QFile::WriteOwner); // the copy of a read-only checkout stays writable
    return path;
}

bool openAndWait(MainWindow &window, const QString &path)
{
    QSignalSpy loaded(&window, &MainWindow::reportLoaded);
    if (!window.openReport(path))
        return false;
    return loaded.wait(20000);
}

QString testIdNamed(const MainWindow &window, const QString &name)
{
    for (const TestCase &t : window.session()->report().tests) {
        if (t.name == name)
            return t.id;
    }
    return QString();
}

void selectTests(MainWindow &window, const QVector<int> &tests)
{
    QItemSelection selection;
    for (int t : tests) {
        const QModelIndex proxyIndex = window.filterProxy()->mapFromTree(window.treeModel()->indexForTest(t));
        REQUIRE(proxyIndex.isValid());
        selection.select(proxyIndex, proxyIndex);
    }
    REQUIRE(!tests.isEmpty());
    QItemSelectionModel *selectionModel = window.treeView()->selectionModel();
    selectionModel->setCurrentIndex(window.filterProxy()->mapFromTree(window.treeModel()->indexForTest(tests.first())),
        QItemSelectionModel::NoUpdate);
    selectionModel->select(selection, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
}

void selectGap(MainWindow &window, const QString &gapId)
{
    const QModelIndex source = window.treeModel()->groupIndexes(NodeKind::Gap, gapId).value(0);
    REQUIRE(source.isValid());
    const QModelIndex row = window.filterProxy()->mapFromTree(source);
    REQUIRE(row.isValid());
    window.treeView()->setCurrentIndex(row);
}

int treeCount(MainWindow &window, const QString &gapId)
{
    int n = 0;
    for (const QModelIndex &r : window.treeModel()->groupIndexes(NodeKind::Gap, gapId))
        n += r.data(TestCountRole).toInt();
    return n;
}

QString treeGapOfTest(MainWindow &window, int testIndex)
{
    const QModelIndex row = window.filterProxy()->mapFromTree(window.treeModel()->indexForTest(testIndex));
    return row.isValid() ? row.data(GapIdRole).toString() : QStringLiteral("<not in the tree>");
}

void showActive(MainWindow &window, const QSize &size)
{
    window.resize(size);
    window.show();
    window.activateWindow();
    REQUIRE(QTest::qWaitForWindowActive(&window));
}

void showSyntheticRun(MainWindow &window)
{
    window.setReport(syntheticReport(90, 3));
    window.resize(1200, 800);
    window.show();
    REQUIRE(QTest::qWaitForWindowExposed(&window));
}

QVector<int> testsOfGap(const MainWindow &window, const QString &gapId, int most)
{
    QVector<int> tests;
    const auto &all = window.session()->report().tests;
    for (int i = 0; i < all.size() && tests.size() < most; ++i) {
        if (all[i].gapId == gapId)
            tests << i;
    }
    return tests;
}

QVector<int> requireTestsOfGap(const MainWindow &window, const QString &gapId, int count)
{
    QVector<int> tests = testsOfGap(window, gapId, count);
    REQUIRE(tests.size() == count);
    return tests;
}

} // namespace TestSupport
