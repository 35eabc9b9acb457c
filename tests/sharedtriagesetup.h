// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "storebackends.h"

#include <QString>
#include <QTemporaryDir>

#include <functional>

// What the shared triage tests (tst_shared_triage_link, tst_shared_triage_window) set up alike: waiting for
// another thread's or process's answer, the run they triage in a new store, and a server that goes away.
namespace SharedTriageSetup {

// Spins the event loop until `done` or `ms` passed; whether it got there.
bool waitFor(const std::function<bool()> &done, int ms = 15000);

// Stores sharedTriageReport(tests) in `location` (created): its run id. A failure fails the test.
qint64 storeRun(const QString &location, int tests = 20);

// The PostgreSQL database of `location` refuses new connections and its open ones are ended (false), or takes
// them again (true): the server "goes away" for that database only. False with `error`.
bool setServerReachable(const QString &location, bool reachable, QString *error);

// While it lives, shared links made retry a store they lost every 300 ms instead of every 3 s, so a test sees the
// server come back soon. The setting goes however the test ends, a failed REQUIRE included.
struct QuickRetries
{
    QuickRetries();
    ~QuickRetries();
    QuickRetries(const QuickRetries &) = delete;
    QuickRetries &operator=(const QuickRetries &) = delete;
};

} // namespace SharedTriageSetup

// In a TEST_CASE: a new store on PostgreSQL, `var` in a folder `dir` of its own, whose server the test can take
// away (setServerReachable), with QuickRetries. Skipped with a message where PostgreSQL is not installed.
#define STORE_TO_TAKE_AWAY_OR_SKIP(var, dir)                                                                           \
    const SharedTriageSetup::QuickRetries var##QuickRetries;                                                           \
    QTemporaryDir dir;                                                                                                 \
    STORE_OR_SKIP(var, StoreBackends::Backend::Postgres, dir.path())
