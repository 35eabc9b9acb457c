// SPDX-License-Identifier: GPL-3.0-or-later
#include "sharedtriageengineers.h"

#include "historystore.h"
#include "sharedtriagefixture.h"

#include <catch2/catch.hpp>

#include <QDeadlineTimer>

using namespace Gapwise;

namespace SharedTriageEngineers {
namespace {

    void startChild(QProcess &child, const QString &location, qint64 runId)
    {
        child.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        child.start(QStringLiteral(GAPWISE_SHARED_TRIAGE_CHILD), { location, QString::number(runId) });
        REQUIRE(child.waitForStarted(10000));
    }

} // namespace

QString ownerIn(const TriageSession &session)
{
    return session.report().gaps[session.gapIndex(QStringLiteral("gap-1"))].owner;
}

QString storedOwner(const QString &location, qint64 runId)
{
    HistoryStore store;
    QString error;
    if (!store.open(location, false, &error))
        return QStringLiteral("<%1>").arg(error);
    const auto values = store.triageValues(runId, &error);
    for (const auto &[item, value] : *values) {
        if (item.kind == QLatin1String("gap") && item.key == QLatin1String("gap-1")
            && item.field == QLatin1String("owner"))
            return value.value;
    }
    return {};
}

Engineer::Engineer(const QString &location, qint64 runId, int tests)
{
    session.load(sharedTriageReport(tests));
    link = std::make_unique<SharedTriageLink>(&session, location, runId);
}

bool TwoEngineers::start(StoreBackends::Backend backend, int tests)
{
    QString skipped;
    location = StoreBackends::newStore(backend, dir.path(), &skipped);
    if (location.isEmpty()) {
        WARN("PostgreSQL half skipped: " << skipped.toStdString());
        return false;
    }
    runId = SharedTriageSetup::storeRun(location, tests);
    ann = std::make_unique<Engineer>(location, runId, tests);
    bob = std::make_unique<Engineer>(location, runId, tests);
    REQUIRE(SharedTriageSetup::waitFor([this] { return ann->link->isReady() && bob->link->isReady(); }));
    return true;
}

QString nextLine(QProcess &child, int ms)
{
    const QDeadlineTimer deadline(ms);
    while (!child.canReadLine()) {
        if (deadline.hasExpired() || !child.waitForReadyRead(int(qMax<qint64>(1, deadline.remainingTime()))))
            return {};
    }
    return QString::fromUtf8(child.readLine()).trimmed();
}

TwoEngineerProcesses::TwoEngineerProcesses(const QString &location, qint64 runId)
{
    startChild(ann, location, runId);
    startChild(bob, location, runId);
    const QString annReady = nextLine(ann), bobReady = nextLine(bob);
    REQUIRE(annReady.startsWith(QStringLiteral("ready ")));
    REQUIRE(bobReady.startsWith(QStringLiteral("ready ")));
    annName = annReady.mid(6);
    bobName = bobReady.mid(6);
}

void TwoEngineerProcesses::finish()
{
    ann.closeWriteChannel();
    bob.closeWriteChannel();
    CHECK(ann.waitForFinished(10000));
    CHECK(bob.waitForFinished(10000));
}

} // namespace SharedTriageEngineers
