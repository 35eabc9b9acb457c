// SPDX-License-Identifier: GPL-3.0-or-later
// `gapwise --shared` when sharing cannot start at once (QA): a store that cannot be reached is tried again, the
// status bar says "Offline — not yet sharing" (why, on one line, in its tooltip) and sharing starts when the server is
// back, with what was edited meanwhile; a report the store does not hold says that sharing did not start, and why.
#include "historypanel.h"
#include "historystore.h"
#include "mainwindow.h"
#include "sharedtriagecontroller.h"
#include "sharedtriagelink.h"
#include "sharedtriagesetup.h"
#include "storebackends.h"
#include "triagesession.h"
#include "windowfixtures.h"

#include <catch2/catch.hpp>

#include <QLabel>
#include <QSignalSpy>
#include <QTemporaryDir>

using namespace Gapwise;
using SharedTriageSetup::waitFor;

TEST_CASE("gapwise --shared with the store unreachable at start says so, retries, and shares once it is back",
    "[history][window][shared][offline]")
{
    STORE_TO_TAKE_AWAY_OR_SKIP(storePath, dir);
    const QString report = TestSupport::copySampleReport(dir);
    {
        MainWindow adder; // `gapwise history add`
        HistoryPanel *history = attachHistoryPanel(&adder, storePath, true);
        QSignalSpy loaded(history, &HistoryPanel::historyLoaded);
        REQUIRE(TestSupport::openAndWait(adder, report));
        REQUIRE((!loaded.isEmpty() || loaded.wait(15000)));
    }
    QString error;
    INFO(error.toStdString());
    REQUIRE(SharedTriageSetup::setServerReachable(storePath, false, &error));

    MainWindow window;
    HistoryPanel *history = attachHistoryPanel(&window, storePath, false);
    SharedTriageController *shared = attachSharedTriage(&window, history, storePath, true);
    REQUIRE(TestSupport::openAndWait(window, report));
    REQUIRE(waitFor([&] { return shared->statusLabel()->isVisible() || !shared->statusLabel()->isHidden(); }));
    const QString offline = shared->statusLabel()->text();
    INFO(offline.toStdString());
    // One line; the server's message, folded onto one line too, in the tooltip (QA: a two-line message, cut off).
    CHECK(offline == QStringLiteral("Offline \u2014 not yet sharing"));
    const QString why = shared->statusLabel()->toolTip();
    INFO(why.toStdString());
    CHECK(why.contains(QStringLiteral("cannot connect to the history store: ")));
    CHECK_FALSE(why.contains(QLatin1Char('\t')));
    CHECK_FALSE(why.contains(QStringLiteral("  ")));
    // The history dock says it in one line too (QA: libpq's tab-indented "Is the server running…").
    for (const QLabel *label : history->findChildren<QLabel *>()) {
        INFO(label->text().toStdString());
        CHECK_FALSE(label->text().contains(QLatin1Char('\t')));
    }
    HistoryStore unreachable;
    QString openError;
    CHECK_FALSE(unreachable.open(storePath, false, &openError));
    INFO(openError.toStdString());
    CHECK_FALSE(openError.isEmpty());
    CHECK(openError == openError.simplified());
    CHECK(shared->link() == nullptr);
    window.session()->renameGap(QStringLiteral("gap-1"), QStringLiteral("Renamed while offline"));

    REQUIRE(SharedTriageSetup::setServerReachable(storePath, true, &error));
    REQUIRE(waitFor([&] { return shared->link() && shared->link()->isReady(); }));
    REQUIRE(waitFor([&] { return shared->link()->unsharedCount() == 0; }));
    CHECK(shared->shareAction()->isChecked());
    CHECK(shared->statusLabel()->text() == QStringLiteral("Shared as %1").arg(shared->link()->editorName()));
    HistoryStore store;
    REQUIRE(store.open(storePath, false, &error));
    const auto values = store.triageValues(shared->link()->runId(), &error);
    REQUIRE(values);
    QStringList stored;
    for (const auto &[item, value] : *values)
        stored << item.key + QLatin1Char(' ') + item.field + QLatin1Char('=') + value.value;
    CHECK(stored == QStringList { QStringLiteral("gap-1 title=Renamed while offline") });
}

TEST_CASE("gapwise --shared on a report the store does not hold says that sharing did not start and why",
    "[history][window][shared]")
{
    QTemporaryDir dir;
    STORE_OR_SKIP(storePath, StoreBackends::Backend::Sqlite, dir.path());
    SharedTriageSetup::storeRun(storePath); // a store with another run
    const QString report = TestSupport::copySampleReport(dir);
    MainWindow window;
    HistoryPanel *history = attachHistoryPanel(&window, storePath, false);
    SharedTriageController *shared = attachSharedTriage(&window, history, storePath, true);
    QSignalSpy failed(history, &HistoryPanel::historyFailed);
    REQUIRE(TestSupport::openAndWait(window, report));
    REQUIRE((!failed.isEmpty() || failed.wait(15000)));
    CHECK_FALSE(shared->statusLabel()->isHidden());
    const QString text = shared->statusLabel()->text();
    INFO(text.toStdString());
    CHECK(text.startsWith(QStringLiteral("Not shared: ")));
    CHECK(text.contains(QStringLiteral("not in the history store")));
    CHECK_FALSE(shared->shareAction()->isEnabled());
}
