// SPDX-License-Identifier: GPL-3.0-or-later
#include "historycli.h"

#include <catch2/catch.hpp>

namespace HistoryCli {

QProcessEnvironment cleanEnvironment()
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("GAPWISE_STORE"));
    return env;
}

Run run(const QString &program, const QStringList &arguments)
{
    QProcess p;
    p.setProcessEnvironment(cleanEnvironment());
    p.start(program, arguments);
    REQUIRE(p.waitForFinished(240000));
    return { p.exitCode(), p.exitStatus(), p.readAllStandardOutput(), p.readAllStandardError() };
}

Run gapwise(const QStringList &arguments)
{
    return run(QStringLiteral(GAPWISE_BINARY), arguments);
}

} // namespace HistoryCli
