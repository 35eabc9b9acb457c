// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QProcess>
#include <QStringList>

// The gapwise binary run as users run it, for the history command line's tests: with a clean environment (no
// GAPWISE_STORE of the machine's), waited for, its output kept.
namespace HistoryCli {

struct Run
{
    int exitCode = -1;
    QProcess::ExitStatus exitStatus = QProcess::CrashExit;
    QByteArray out, err;
    QString outText() const { return QString::fromLocal8Bit(out); }
    QString errText() const { return QString::fromLocal8Bit(err); }
};

// The system environment without GAPWISE_STORE: a store is named by --store, or set by the test itself.
QProcessEnvironment cleanEnvironment();
// `program` with `arguments`, waited for (a test failure when it does not end within four minutes).
Run run(const QString &program, const QStringList &arguments);
// The gapwise binary this build made.
Run gapwise(const QStringList &arguments);

} // namespace HistoryCli
