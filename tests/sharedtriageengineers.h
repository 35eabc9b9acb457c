// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sharedtriagelink.h"
#include "sharedtriagesetup.h"
#include "storebackends.h"
#include "triagesession.h"

#include <QProcess>
#include <QTemporaryDir>

#include <memory>

// Ann and Bob triaging one stored run, as the shared triage link's tests (tst_shared_triage_link,
// tst_shared_triage_conflicts) set them up: two sessions in this process, or two child processes.
namespace SharedTriageEngineers {

QString ownerIn(const Gapwise::TriageSession &session); // gap-1's owner in the session
QString storedOwner(const QString &location, qint64 runId); // gap-1's owner in the store, "<error>" when unread

// One engineer's session of sharedTriageReport(tests), linked to (location, runId).
struct Engineer
{
    Gapwise::TriageSession session;
    std::unique_ptr<Gapwise::SharedTriageLink> link;
    Engineer(const QString &location, qint64 runId, int tests = 20);
};

// Two engineers' sessions linked to one new store's run, both ready. start() is false when the backend is
// skipped (PostgreSQL not installed: said with WARN).
struct TwoEngineers
{
    QTemporaryDir dir;
    QString location;
    qint64 runId = 0;
    std::unique_ptr<Engineer> ann, bob;

    bool start(StoreBackends::Backend backend, int tests = 20);
};

// The next line a child printed (trimmed); empty after `ms` without one.
QString nextLine(QProcess &child, int ms = 15000);

// Ann's and Bob's processes (the shared-triage child) on one stored run, each started, ready and named.
struct TwoEngineerProcesses
{
    QProcess ann, bob;
    QString annName, bobName;

    TwoEngineerProcesses(const QString &location, qint64 runId);
    // The end of their input ends both; each must exit by itself.
    void finish();
};

} // namespace SharedTriageEngineers

// In a TEST_CASE: a new store on `backend` with its run of `tests` tests (`location`, `runId`), and Ann and Bob
// (`two.ann`, `two.bob`, also as `ann` and `bob`) linked to it, ready.
#define TWO_ENGINEERS_OR_SKIP(backend, tests)                                                                          \
    INFO(StoreBackends::name(backend));                                                                                \
    SharedTriageEngineers::TwoEngineers two;                                                                           \
    if (!two.start((backend), (tests)))                                                                                \
        return;                                                                                                        \
    [[maybe_unused]] const QString &location = two.location;                                                           \
    [[maybe_unused]] const qint64 runId = two.runId;                                                                   \
    SharedTriageEngineers::Engineer &ann = *two.ann, &bob = *two.bob

// A store on each backend (a section each, skipped with a message where PostgreSQL is absent) holding one run.
#define STORED_RUN_ON_EACH_BACKEND(location, runId)                                                                    \
    QTemporaryDir dir;                                                                                                 \
    const StoreBackends::Backend backend = GENERATE(StoreBackends::Backend::Sqlite, StoreBackends::Backend::Postgres); \
    INFO(StoreBackends::name(backend));                                                                                \
    STORE_OR_SKIP(location, backend, dir.path());                                                                      \
    const qint64 runId = SharedTriageSetup::storeRun(location)
