// SPDX-License-Identifier: GPL-3.0-or-later
// The window's one banner widget: actions become buttons, a choice hides the banner, an error can be dismissed,
// and its tint comes from the window's colour each time.

#include "messagebanner.h"

#include <catch2/catch.hpp>

#include <QAction>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QToolButton>

namespace {
QToolButton *closeButton(MessageBanner &banner)
{
    return banner.findChild<QToolButton *>();
}
} // namespace

TEST_CASE("A banner's buttons are its caller's actions", "[banner][gui]")
{
    QWidget window;
    auto *banner = new MessageBanner(&window);
    window.show();
    QAction first(QStringLiteral("Show details"));
    QAction second(QStringLiteral("End comparison"));
    second.setToolTip(QStringLiteral("Leave comparison mode"));
    QSignalSpy triggered(&second, &QAction::triggered);

    banner->showMessage(MessageBanner::Kind::Result, QStringLiteral("Compared with <b>run1</b>"), { &first, &second },
        QStringLiteral("Not carried over: edit 5"));
    CHECK(banner->isVisible());
    CHECK(banner->text() == QStringLiteral("Compared with run1"));
    CHECK(banner->secondText() == QStringLiteral("Not carried over: edit 5"));
    REQUIRE(banner->buttons().size() == 2);
    CHECK(banner->buttons()[0]->text() == QStringLiteral("Show details"));
    CHECK(banner->buttons()[0]->toolTip().isEmpty()); // not the label again
    CHECK(banner->buttons()[1]->toolTip() == QStringLiteral("Leave comparison mode"));
    CHECK_FALSE(closeButton(*banner)->isVisible()); // a result is ended through its actions
    banner->buttonFor(&second)->click();
    CHECK(triggered.size() == 1);
    second.setEnabled(false);
    CHECK_FALSE(banner->buttonFor(&second)->isEnabled());

    // The next message replaces the buttons; a busy one shows its bar and no second line.
    QAction cancel(QStringLiteral("Cancel"));
    banner->showMessage(MessageBanner::Kind::Busy, QStringLiteral("Comparing…"), { &cancel });
    CHECK(banner->buttons().size() == 1);
    CHECK_FALSE(banner->buttonFor(&first));
    CHECK(banner->buttonFor(&cancel));
    CHECK(banner->findChild<QProgressBar *>()->isVisible());
    CHECK(banner->secondText().isEmpty());
}

TEST_CASE("A banner's choice runs once and hides it, an error is dismissed with its close button", "[banner][gui]")
{
    QWidget window;
    auto *banner = new MessageBanner(&window);
    window.show();
    int restored = 0;
    int discarded = 0;
    banner->showChoice(QStringLiteral("Unsaved triage of a.md was found."),
        { { QStringLiteral("Restore"), [&restored] { ++restored; } },
            { QStringLiteral("Discard"), [&discarded] { ++discarded; } } });
    REQUIRE(banner->buttons().size() == 2);
    CHECK(closeButton(*banner)->isVisible());
    banner->buttons().first()->click();
    CHECK(restored == 1);
    CHECK(discarded == 0);
    CHECK_FALSE(banner->isVisible());
    CHECK(banner->buttons().isEmpty());

    QSignalSpy dismissed(banner, &MessageBanner::dismissed);
    banner->showError(QStringLiteral("Could not open b.xml — line 3: not XML"));
    CHECK(banner->text() == QStringLiteral("Could not open b.xml — line 3: not XML"));
    CHECK(banner->buttons().isEmpty());
    closeButton(*banner)->click();
    CHECK_FALSE(banner->isVisible());
    CHECK(dismissed.size() == 1);
}

TEST_CASE("A second message tints the banner as much as the first, not more", "[banner][gui]")
{
    QWidget window;
    auto *banner = new MessageBanner(&window);
    banner->showError(QStringLiteral("first"));
    const QColor once = banner->palette().color(QPalette::Window);
    CHECK(once != window.palette().color(QPalette::Window));
    banner->showError(QStringLiteral("second"));
    CHECK(banner->palette().color(QPalette::Window) == once);
    banner->showMessage(MessageBanner::Kind::Busy, QStringLiteral("working"));
    banner->showError(QStringLiteral("third"));
    CHECK(banner->palette().color(QPalette::Window) == once);
}
