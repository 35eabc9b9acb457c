// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "historypanel.h"
#include "mainwindow.h"
#include "sharedtriagecontroller.h"
#include "sharedtriagelink.h"
#include "sharedtriagesetup.h"
#include "triagesession.h"
#include "windowfixtures.h"

#include <catch2/catch.hpp>

// One engineer's window on a stored run, shared as `gapwise --shared --store STORE REPORT` starts it, and ready.
struct SharedWindow
{
    MainWindow window;
    HistoryPanel *history;
    SharedTriageController *shared;
    SharedWindow(const QString &store, const QString &report)
    {
        history = attachHistoryPanel(&window, store, true);
        shared = attachSharedTriage(&window, history, store, true);
        REQUIRE(TestSupport::openAndWait(window, report));
        REQUIRE(SharedTriageSetup::waitFor([this] { return shared->link() && shared->link()->isReady(); }));
    }
    const Gapwise::Gap &gap(const QString &gapId) const
    {
        return window.session()->report().gaps[window.session()->gapIndex(gapId)];
    }
    QString owner(const QString &gapId) const { return gap(gapId).owner; }
};
