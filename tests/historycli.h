// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QProcess>
#include <QStringList>

#include <memory>

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
// The JSON object a command printed with --json (a test failure, with its stderr, when it did not succeed).
QJsonObject jsonObject(const Run &run);
// The "key" of each test in a --json test list, sorted: which tests a command listed, in a comparison.
QStringList keysOf(const QJsonArray &tests);
// How `gapwise history add` is told its store: by --store, or by GAPWISE_STORE.
enum class StoreNamed
{
    ByOption,
    ByEnvironment
};
// `gapwise history add FILES…` on `store`, started and not waited for: for tests that run two at once.
std::unique_ptr<QProcess> startHistoryAdd(
    const QString &store, const QStringList &files, StoreNamed named = StoreNamed::ByOption);
// The same, waited for: the runs added to a store as an engineer adds them.
Run historyAdd(const QString &store, const QStringList &files);
// The text of an exported PDF plan, whitespace runs made one space, each page followed by "=== page break ===".
QString pdfText(const QString &path);

} // namespace HistoryCli
