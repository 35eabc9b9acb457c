// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

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

} // namespace SharedTriageSetup
