// SPDX-License-Identifier: GPL-3.0-or-later
// Issue 14: a saved session is found again (Open Recent at once; offered when its report is opened), and
// opening a file while the triage is unsaved reads the file first and asks second.
#include "windowfixtures.h"

#include "mainwindow.h"
#include "messagebanner.h"
#include "sessioncontroller.h"
#include "triagesession.h"

#include <catch2/catch.hpp>

#include <QAction>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

using namespace Gapwise;
using namespace TestSupport;

namespace {

QPushButton *offerButton(MainWindow &w, const QString &text)
{
    for (QPushButton *b : w.offerBanner()->buttons()) {
        if (b->text() == text)
            return b;
    }
    return nullptr;
}

QStringList recentMenuTexts(MainWindow &w)
{
    QStringList texts;
    for (QMenu *menu : w.menuBar()->findChildren<QMenu *>()) {
        if (menu->title() != QStringLiteral("Open &Recent"))
            continue;
        for (QAction *a : menu->actions())
            texts << a->text();
    }
    return texts;
}

// Saves a triage of `reportPath` as `sessionPath` in a window of its own.
void saveTriage(const QString &reportPath, const QString &sessionPath)
{
    MainWindow w;
    REQUIRE(openAndWait(w, reportPath));
    w.session()->renameGap(w.session()->report().gaps[0].id, QStringLiteral("Rounding, triaged"));
    QString error;
    REQUIRE(w.sessionController()->saveTo(sessionPath, &error));
}

} // namespace

TEST_CASE("A saved session is in File › Open Recent as soon as it is saved", "[window][sessions]")
{
    QSettings().remove(QStringLiteral("recentFiles"));
    QTemporaryDir dir;
    const QString report = copySampleReport(dir);
    MainWindow w;
    REQUIRE(openAndWait(w, report));
    w.session()->renameGap(w.session()->report().gaps[0].id, QStringLiteral("Renamed"));
    QString error;
    REQUIRE(w.sessionController()->saveTo(dir.filePath(QStringLiteral("triage.gapwise")), &error));
    const QStringList texts = recentMenuTexts(w);
    REQUIRE(!texts.isEmpty());
    CHECK(texts.first().endsWith(QStringLiteral("triage.gapwise")));
    CHECK(QSettings().value(QStringLiteral("recentFiles")).toStringList().first()
        == dir.filePath(QStringLiteral("triage.gapwise")));
}

TEST_CASE("Opening a report whose triage was saved offers \"Open with your triage from …\"", "[window][sessions]")
{
    QTemporaryDir dir;
    const QString report = copySampleReport(dir);
    REQUIRE(QDir().mkpath(dir.filePath(QStringLiteral("elsewhere"))));
    QString session;
    SECTION("a session in Open Recent, saved in another folder")
    {
        QSettings().remove(QStringLiteral("recentFiles"));
        session = dir.filePath(QStringLiteral("elsewhere/friday.gapwise"));
        saveTriage(report, session);
        REQUIRE(QSettings().value(QStringLiteral("recentFiles")).toStringList().contains(session));
    }
    SECTION("a session beside the report, not in Open Recent")
    {
        session = dir.filePath(QStringLiteral("report.gapwise"));
        saveTriage(report, session);
        QSettings().remove(QStringLiteral("recentFiles"));
    }
    const QString name = QFileInfo(session).fileName();

    MainWindow w;
    REQUIRE(openAndWait(w, report));
    CHECK(w.sessionController()->sessionPath().isEmpty()); // the plain report, untriaged
    CHECK(w.session()->report().gaps[0].title != QStringLiteral("Rounding, triaged"));
    CHECK_FALSE(w.offerBanner()->isHidden());
    CHECK(w.offerBanner()->text().contains(name));
    QPushButton *open = offerButton(w, QStringLiteral("Open with your triage from %1").arg(name));
    REQUIRE(open);
    QSignalSpy loaded(&w, &MainWindow::reportLoaded);
    QTest::mouseClick(open, Qt::LeftButton);
    REQUIRE(loaded.wait(20000));
    CHECK(w.sessionController()->sessionPath() == session);
    CHECK(w.session()->report().gaps[0].title == QStringLiteral("Rounding, triaged"));
    CHECK_FALSE(w.isWindowModified());
    CHECK(w.offerBanner()->isHidden()); // the offer was taken: not made again for the session itself
}

TEST_CASE(
    "Open with unsaved triage: a file that fails to import asks nothing and discards nothing", "[window][sessions]")
{
    QTemporaryDir dir;
    const QString report = copySampleReport(dir);
    MainWindow w;
    REQUIRE(openAndWait(w, report));
    w.session()->renameGap(w.session()->report().gaps[0].id, QStringLiteral("Unsaved work"));
    int asked = 0;
    SessionController::Answer answer = SessionController::Answer::Discard;
    w.sessionController()->setAsker([&] {
        ++asked;
        return answer;
    });

    // A file that cannot be imported: no question, the triage stays, still unsaved.
    QFile bad(dir.filePath(QStringLiteral("bad.xml")));
    REQUIRE(bad.open(QIODevice::WriteOnly));
    bad.write("<html><body>not a report</body></html>");
    bad.close();
    QSignalSpy failed(&w, &MainWindow::importFailed);
    REQUIRE(w.openReport(bad.fileName()));
    REQUIRE(failed.wait(20000));
    CHECK(asked == 0);
    CHECK(w.session()->report().gaps[0].title == QStringLiteral("Unsaved work"));
    CHECK(w.isWindowModified());

    // A readable file and Cancel: asked once, the triage stays.
    answer = SessionController::Answer::Cancel;
    QSignalSpy declined(&w, &MainWindow::openDeclined);
    const QString other = copySampleReport(dir, QStringLiteral("other.md"));
    REQUIRE(w.openReport(other));
    REQUIRE(declined.wait(20000));
    CHECK(asked == 1);
    CHECK(w.session()->report().gaps[0].title == QStringLiteral("Unsaved work"));
    CHECK(QFileInfo(w.session()->report().sourceFile).fileName() == QStringLiteral("report.md"));

    // Discard means discard: the other report opens untriaged.
    answer = SessionController::Answer::Discard;
    REQUIRE(openAndWait(w, other));
    CHECK(asked == 2);
    CHECK(QFileInfo(w.session()->report().sourceFile).fileName() == QStringLiteral("other.md"));
    CHECK(w.session()->report().gaps[0].title != QStringLiteral("Unsaved work"));
    CHECK_FALSE(w.isWindowModified());
}
