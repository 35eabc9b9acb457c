// SPDX-License-Identifier: GPL-3.0-or-later
// Helper for the shared triage tests: one engineer's process writing one triage value to a store.
//   gapwise_triage_writer_child LOCATION RUN_ID KIND KEY FIELD VALUE BASE_VERSION
// Prints "written VERSION EDITOR", or "conflict VERSION EDITOR VALUE" (the other writer's), or "error …".
#include "historystore.h"

#include <QCoreApplication>
#include <QTextStream>

using namespace Gapwise;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    if (args.size() != 8)
        return 2;
    QTextStream out(stdout);
    HistoryStore store;
    QString error;
    if (!store.open(args[1], false, &error)) {
        out << "error " << error << Qt::endl;
        return 3;
    }
    const auto result
        = store.writeTriage(args[2].toLongLong(), { args[3], args[4], args[5] }, args[6], args[7].toInt(), &error);
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
