// SPDX-License-Identifier: GPL-3.0-or-later
// The window on a run of several files: the Details pane names the file a test was read from and opens it at
// its line; a session saved for files named one by one reopens exactly those files.
#include "detailspane.h"
#include "mainwindow.h"
#include "reporttreemodel.h"
#include "sessioncontroller.h"
#include "triagesession.h"

#include <catch2/catch.hpp>

#include <QDir>
#include <QFile>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

using namespace Gapwise;

namespace {

QString writeJUnit(const QTemporaryDir &dir, const QString &name, const QByteArray &cls)
{
    const QString path = dir.filePath(name);
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    REQUIRE(f.open(QIODevice::WriteOnly));
    f.write("<?xml version=\"1.0\"?>\n<testsuite name=\"" + cls
        + "\" tests=\"2\" failures=\"1\">\n  <testcase classname=\"" + cls
        + "\" name=\"passes\"/>\n  <testcase classname=\"" + cls + "\" name=\"fails_in_"
        + cls.mid(cls.lastIndexOf('.') + 1)
        + "\">\n    <failure message=\"boom\">boom</failure>\n  </testcase>\n</testsuite>\n");
    return QFileInfo(path).absoluteFilePath();
}

bool openAndWait(MainWindow &w, const QStringList &paths)
{
    QSignalSpy loaded(&w, &MainWindow::reportLoaded);
    return w.openReports(paths) && loaded.wait(20000);
}

int testEndingWith(const Report &r, const QString &own)
{
    for (int i = 0; i < r.tests.size(); ++i) {
        if (r.tests[i].name.endsWith(own))
            return i;
    }
    return -1;
}

} // namespace

TEST_CASE("Details name a run's report file and line, and the link opens that file there", "[window][multifile]")
{
    QSettings().remove(QStringLiteral("recentFiles"));
    QTemporaryDir dir;
    const QString a = writeJUnit(dir, QStringLiteral("TEST-com.acme.unit.CartTest.xml"), "com.acme.unit.CartTest");
    writeJUnit(dir, QStringLiteral("TEST-com.acme.unit.PriceTest.xml"), "com.acme.unit.PriceTest");
    const QString c = writeJUnit(dir, QStringLiteral("more/TEST-com.acme.unit.ShopTest.xml"), "com.acme.unit.ShopTest");
    MainWindow w;
    w.sessionController()->setAsker([] { return SessionController::Answer::Discard; });
    REQUIRE(openAndWait(w, { a, c }));
    const Report &r = w.session()->report();
    REQUIRE(r.files == QStringList({ a, c }));
    REQUIRE(r.tests.size() == 4);
    const int shop = testEndingWith(r, QStringLiteral("fails_in_ShopTest"));
    REQUIRE(shop >= 0);
    REQUIRE(r.tests[shop].file == 1);
    const int line = r.tests[shop].line;
    REQUIRE(line > 0);

    DetailsPane *details = w.detailsPane();
    details->showIndex(w.treeModel(), w.treeModel()->indexForTest(shop));
    const QString text = details->toPlainText();
    INFO(text.toStdString());
    CHECK(text.contains(QStringLiteral("Report file")));
    CHECK(text.contains(QStringLiteral("more/TEST-com.acme.unit.ShopTest.xml, line %1").arg(line)));
    CHECK(text.contains(QStringLiteral("name=\"fails_in_ShopTest\""))); // the line itself, from the right file
    CHECK(details->toHtml().contains(QStringLiteral("report:1:%1").arg(line)));
    CHECK(details->currentReportFile() == c);

    QSignalSpy open(details, &DetailsPane::openSourceRequested);
    emit details->anchorClicked(QUrl(QStringLiteral("report:1:%1").arg(line)));
    REQUIRE(open.size() == 1);
    CHECK(open.first().at(0).toString() == c);
    CHECK(open.first().at(1).toInt() == line);
    emit details->anchorClicked(QUrl(QStringLiteral("report:9:1"))); // no such file: nothing
    CHECK(open.size() == 1);

    // Saved and reopened: the two files, not the third one beside them.
    CHECK(w.sessionController()->reportPaths() == QStringList({ a, c }));
    w.session()->renameGap(r.gaps.value(0).id, QStringLiteral("Shop, triaged"));
    const QString session = dir.filePath(QStringLiteral("run.gapwise"));
    QString error;
    REQUIRE(w.sessionController()->saveTo(session, &error));
    MainWindow again;
    REQUIRE(openAndWait(again, { session }));
    CHECK(again.sessionController()->sessionPath() == session);
    CHECK(again.sessionController()->reportPaths() == QStringList({ a, c }));
    CHECK(again.session()->report().tests.size() == 4);
    CHECK(again.session()->report().gaps.value(0).title == QStringLiteral("Shop, triaged"));
    CHECK_FALSE(again.isWindowModified());
    QSettings().remove(QStringLiteral("recentFiles"));
}
