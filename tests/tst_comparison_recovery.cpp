// SPDX-License-Identifier: GPL-3.0-or-later
// Comparison mode and work left by a crash (QA: the comparison vanished silently and the carried-over
// triage came back as many undo steps), and the window's comparison numbers in the locale's grouping.
#include "testsupport.h"
#include "windowfixtures.h"

#include "autosaver.h"
#include "comparisoncolumnproxy.h"
#include "comparisonmode.h"
#include "filterbar.h"
#include "mainwindow.h"
#include "messagebanner.h"
#include "reportfilterproxy.h"
#include "sessioncontroller.h"
#include "sessionfile.h"
#include "triagesession.h"

#include <catch2/catch.hpp>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLocale>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>
#include <QUndoStack>

using namespace Gapwise;
using namespace TestSupport;

TEST_CASE("Restoring work made in comparison mode keeps the carried triage one step and says the comparison is gone",
    "[compare][comparemode][gui][recovery]")
{
    QDir(Autosaver::recoveryDirectory()).removeRecursively(); // this test process's own data folder
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString report = dir.filePath(QStringLiteral("run2.md"));
    REQUIRE(QFile::copy(dataPath(QStringLiteral("compare/run2.md")), report));
    const QString oldSession = dataPath(QStringLiteral("compare/md-run1.gapwise"));
    QString recoveryPath;
    QString carriedStep;
    int steps = 0;
    {
        MainWindow w; // goes away without closing, as a crash would leave it
        REQUIRE(openAndWait(w, report));
        Autosaver *autosaver = w.sessionController()->autosaver();
        autosaver->setDelay(20);
        QSignalSpy compared(w.comparisonMode(), &ComparisonMode::compared);
        QSignalSpy autosaved(autosaver, &Autosaver::saved);
        REQUIRE(w.compareWith(oldSession));
        REQUIRE(compared.wait(20000));
        REQUIRE(autosaved.wait(5000));
        recoveryPath = autosaved.last().at(0).toString();
        steps = w.session()->undoStack()->count();
        REQUIRE(steps == 1);
        carriedStep = w.session()->undoStack()->text(0);
        REQUIRE(carriedStep == QStringLiteral("Carry over triage from md-run1.gapwise"));
    }
    QString error;
    const auto file = readSessionFile(recoveryPath, &error);
    REQUIRE(file);
    CHECK(file->comparedWith == QFileInfo(oldSession).absoluteFilePath());

    MainWindow w;
    w.show();
    REQUIRE(QTest::qWaitForWindowExposed(&w));
    REQUIRE(w.offerRecovery());
    QPushButton *restore = nullptr;
    for (QPushButton *b : w.offerBanner()->buttons()) {
        if (b->text() == QStringLiteral("Restore"))
            restore = b;
    }
    REQUIRE(restore);
    QSignalSpy loaded(&w, &MainWindow::reportLoaded);
    QTest::mouseClick(restore, Qt::LeftButton);
    REQUIRE(loaded.wait(20000));
    QCoreApplication::processEvents();

    // The carried triage is back as the one step it was, and one undo takes it away.
    QUndoStack *undo = w.session()->undoStack();
    CHECK(undo->count() == steps);
    CHECK(undo->text(0) == carriedStep);
    // The comparison is not back, and the window says so.
    CHECK_FALSE(w.activeComparison());
    CHECK(w.comparisonMode()->banner()->isVisible());
    CHECK(w.comparisonMode()->banner()->text()
        == QStringLiteral("The triage is restored, but the comparison with md-run1.gapwise was not: compare again "
                          "with File › Compare with…"));
    undo->undo();
    CHECK(w.session()->report().gaps.size() == w.session()->imported().gaps.size());
    w.sessionController()->closeCleanly();
    undo->clear();
}

TEST_CASE("The window's comparison numbers are grouped as its tree's counts are", "[compare][comparemode][gui]")
{
    const QLocale before;
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    // 1,200 tests that passed, then failed.
    auto run = [&](const QString &name, bool failing) {
        QString xml = QStringLiteral("<testsuites><testsuite name=\"big\">\n");
        for (int i = 0; i < 1200; ++i)
            xml += QStringLiteral("<testcase classname=\"big.T\" name=\"test_%1\">%2</testcase>\n")
                       .arg(i)
                       .arg(failing ? QStringLiteral("<failure message=\"boom %1\">boom</failure>").arg(i) : QString());
        xml += QStringLiteral("</testsuite></testsuites>\n");
        QFile f(dir.filePath(name));
        REQUIRE(f.open(QIODevice::WriteOnly));
        f.write(xml.toUtf8());
        return f.fileName();
    };
    const QString old = run(QStringLiteral("old.xml"), false);
    const QString now = run(QStringLiteral("new.xml"), true);
    {
        MainWindow w;
        w.sessionController()->setAsker([] { return SessionController::Answer::Discard; });
        REQUIRE(openAndWait(w, now));
        QSignalSpy compared(w.comparisonMode(), &ComparisonMode::compared);
        REQUIRE(w.compareWith(old));
        REQUIRE(compared.wait(20000));
        CHECK(w.comparisonMode()->banner()->text().startsWith(
            QStringLiteral("Compared with old.xml: 1,200 new failures · 0 fixed")));
        // The Change column of the first group row: its failure delta.
        const QAbstractItemModel *tree = w.treeView()->model();
        const QString delta = tree->index(0, ComparisonColumnProxy::ChangeColumn).data().toString();
        CHECK(delta == QStringLiteral("+1,200"));
        w.session()->undoStack()->clear();
    }
    QLocale::setDefault(before);
}
