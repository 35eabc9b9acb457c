// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "gapeditor.h"
#include "historypanel.h"
#include "mainwindow.h"
#include "sharedtriagecontroller.h"
#include "sharedtriagelink.h"
#include "sharedtriagesetup.h"
#include "storebackends.h"
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
    qint64 runId() const { return shared->link()->runId(); }
    // The gap selected in the tree, so the Gap editor shows it, as a click on its row does.
    GapEditor *editGap(const QString &gapId)
    {
        TestSupport::selectGap(window, gapId);
        GapEditor *editor = window.gapEditor();
        REQUIRE(editor->gapId() == gapId);
        return editor;
    }
};

// In a TEST_CASE, on each backend (STORE_ON_EACH_BACKEND: `storePath`, `backend`, `dir`): two engineers' windows
// `first` and `second` on one stored copy of the sample report (`report`), opened in that order and ready; `runId`
// is the stored run they share.
#define TWO_WINDOWS_ON_EACH_BACKEND(first, second)                                                                     \
    STORE_ON_EACH_BACKEND(storePath, backend, dir);                                                                    \
    const QString report = TestSupport::copySampleReport(dir);                                                         \
    SharedWindow first(storePath, report);                                                                             \
    SharedWindow second(storePath, report);                                                                            \
    [[maybe_unused]] const qint64 runId = second.runId()
