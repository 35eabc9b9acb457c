// SPDX-License-Identifier: GPL-3.0-or-later
// Helper for the shared triage tests: one engineer's process writing one triage value to a store.
//   gapwise_triage_writer_child LOCATION RUN_ID KIND KEY FIELD VALUE BASE_VERSION
// Prints "written VERSION EDITOR", or "conflict VERSION EDITOR VALUE" (the other writer's), or "error …".
#include "historystore.h"

#include <QCoreApplication>
#include <QTextStream>

#include <optional>

using namespace Gapwise;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    if (args.size() != 8)
        return 2;
    HistoryStore store;
    QString error;
    // An open that fails and a write that fails answer alike: the parent reads the message.
    const auto result = store.open(args[1], false, &error)
        ? store.writeTriage(args[2].toLongLong(), { args[3], args[4], args[5] }, args[6], args[7].toInt(), &error)
        : std::nullopt;
    QTextStream out(stdout);
    if (!result) {
        out << "error " << error << Qt::endl;
        return 3;
    }
    if (result->written)
        out << "written " << result->version << ' ' << store.editorName() << Qt::endl;
    else
        out << "conflict " << result->theirs.version << ' ' << result->theirs.editor << ' ' << result->theirs.value
            << Qt::endl;
    return 0;
}
