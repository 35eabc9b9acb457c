// SPDX-License-Identifier: GPL-3.0-or-later
// A team's server that asks for a password (README "A team's store"): Gapwise finds it where libpq looks,
// PGPASSFILE, and a wrong or missing one is a clear message naming the store, from the store and from the
// command line, never a hang, a crash or a prompt on a terminal. The throwaway cluster asks members of the
// role "gapwise_password" for a scram-sha-256 password on its Unix socket (postgres/pg-cluster.sh).
#include "historycli.h"
#include "historyseries.h"
#include "historystore.h"
#include "runrecord.h"
#include "storebackends.h"
#include "storelocation.h"

#include <catch2/catch.hpp>

#include <QFile>
#include <QTemporaryDir>
#include <QUuid>

using namespace Gapwise;

namespace {

// Sets an environment variable for the scope of a test, restoring what it was.
class ScopedEnv
{
public:
    ScopedEnv(const char *name, const QByteArray &value)
        : m_name(name)
        , m_had(qEnvironmentVariableIsSet(name))
        , m_old(qgetenv(name))
    {
        if (value.isNull())
            qunsetenv(name);
        else
            qputenv(name, value);
    }
    ~ScopedEnv()
    {
        if (m_had)
            qputenv(m_name, m_old);
        else
            qunsetenv(m_name);
    }
    ScopedEnv(const ScopedEnv &) = delete;
    ScopedEnv &operator=(const ScopedEnv &) = delete;

private:
    const char *m_name;
    bool m_had;
    QByteArray m_old;
};

// A password file as libpq reads it: any host, port and database, for `role`; private to its owner, as libpq
// requires.
QString writePassFile(const QString &folder, const QString &role, const QString &password)
{
    QString path = folder + QStringLiteral("/pgpass");
    QFile file(path);
    REQUIRE(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(QStringLiteral("*:*:*:%1:%2\n").arg(role, password).toUtf8());
    file.close();
    REQUIRE(file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner));
    return path;
}

} // namespace

TEST_CASE("a server that asks for a password: Gapwise finds it in PGPASSFILE, and says so when it is wrong or missing",
    "[history][store][password]")
{
    QTemporaryDir dir;
    STORE_OR_SKIP(location, StoreBackends::Backend::Postgres, dir.path());
    QString error;
    const auto parsed = parseStoreLocation(location, &error);
    REQUIRE(parsed);
    const QString role = QStringLiteral("pw_") + parsed->database.mid(3);
    const QString password = QUuid::createUuid().toString(QUuid::Id128);
    INFO(error.toStdString());
    REQUIRE(StoreBackends::execOnServer(location,
        QStringLiteral("DO $$ BEGIN CREATE ROLE gapwise_password NOLOGIN; EXCEPTION WHEN duplicate_object OR "
                       "unique_violation THEN NULL; END $$; CREATE ROLE %1 LOGIN PASSWORD '%2' IN ROLE "
                       "gapwise_password; ALTER DATABASE %3 OWNER TO %1")
            .arg(role, password, parsed->database),
        &error));
    const QString asRole = QString(location).replace(QStringLiteral("//gapwise@"), QStringLiteral("//%1@").arg(role));
    REQUIRE(asRole != location);
    const ScopedEnv noPassword("PGPASSWORD", QByteArray());

    SECTION("the password in PGPASSFILE: the store opens, a run is added, the CLI lists it")
    {
        const ScopedEnv passFile("PGPASSFILE", writePassFile(dir.path(), role, password).toLocal8Bit());
        {
            HistoryStore store;
            REQUIRE(store.open(asRole, true, &error));
            CHECK(store.editorName() == role);
            REQUIRE(store.addRun(
                makeRunRecord(HistorySeries::report({}, 0), QStringLiteral("r0"), QStringLiteral("h0"), {}), &error));
        }
        const HistoryCli::Run list = HistoryCli::gapwise({ QStringLiteral("history"), QStringLiteral("list"),
            QStringLiteral("--store"), asRole, QStringLiteral("--json") });
        INFO(list.errText().toStdString());
        CHECK(list.exitCode == 0);
        CHECK(list.outText().contains(QLatin1String("\"r0\"")));
    }
    SECTION("a wrong password in PGPASSFILE, or none: a message that names the store and where the password goes")
    {
        const bool wrong = GENERATE(true, false);
        INFO((wrong ? "wrong password" : "no password"));
        const ScopedEnv passFile("PGPASSFILE",
            wrong ? writePassFile(dir.path(), role, QStringLiteral("not-") + password).toLocal8Bit()
                  : (dir.path() + QStringLiteral("/no-such-pgpass")).toLocal8Bit());
        HistoryStore store;
        CHECK_FALSE(store.open(asRole, true, &error));
        INFO(error.toStdString());
        CHECK(store.passwordRequired());
        CHECK(error.startsWith(asRole + QStringLiteral(": cannot connect to the history store")));
        CHECK(error.contains(
            wrong ? QStringLiteral("password authentication failed") : QStringLiteral("no password supplied")));
        CHECK(error.endsWith(QStringLiteral("(put the password in ~/.pgpass or PGPASSFILE)")));
        CHECK_FALSE(error.contains(password)); // the right one is never shown; nor is the wrong one stored

        // The command line: the same message on stderr, a failure exit, no crash and no prompt.
        const HistoryCli::Run list = HistoryCli::gapwise(
            { QStringLiteral("history"), QStringLiteral("list"), QStringLiteral("--store"), asRole });
        CHECK(list.exitStatus == QProcess::NormalExit);
        CHECK(list.exitCode != 0);
        INFO(list.errText().toStdString());
        CHECK(list.errText().contains(asRole + QStringLiteral(": cannot connect to the history store")));
        CHECK(list.errText().contains(QStringLiteral("PGPASSFILE")));
    }
}
