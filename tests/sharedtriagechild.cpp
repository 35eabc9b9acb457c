// SPDX-License-Identifier: GPL-3.0-or-later
// Helper for the shared triage tests: one engineer's window, as a process of its own, triaging a stored run of
// sharedTriageReport() through a SharedTriageLink.
//   gapwise_shared_triage_child LOCATION RUN_ID
// Prints "ready EDITOR" once linked; "owner VALUE" whenever someone else's edit changes gap-1's owner; "told
// FIELD|YOURS|THEIRS|EDITOR" (values as people read them) when a conflict arrives that no command of its own
// is waiting for. Reads commands on stdin: "owner VALUE", "title VALUE" (a rename) and "delete" edit gap-1 as
// the engineer would, then print "written" or "conflict THEIRS EDITOR" once the store answered. Ends when
// stdin closes.
#include "sharedtriagefixture.h"
#include "sharedtriagelink.h"
#include "triagesession.h"

#include <QCoreApplication>
#include <QSocketNotifier>
#include <QTextStream>

#include <unistd.h>

using namespace Gapwise;

namespace {

QString owner(const TriageSession &session)
{
    const int gap = session.gapIndex(QStringLiteral("gap-1"));
    return gap >= 0 ? session.report().gaps[gap].owner : QStringLiteral("(deleted)");
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    if (args.size() != 3)
        return 2;
    QTextStream out(stdout);
    TriageSession session;
    session.load(sharedTriageReport());
    SharedTriageLink link(&session, args[1], args[2].toLongLong());
    bool waiting = false;
    int told = 0; // conflicts printed so far
    QObject::connect(&link, &SharedTriageLink::ready, &app, [&] { out << "ready " << link.editorName() << Qt::endl; });
    QObject::connect(
        &link, &SharedTriageLink::remoteApplied, &app, [&] { out << "owner " << owner(session) << Qt::endl; });
    const auto answered = [&] {
        if (!waiting || link.unsharedCount() > 0)
            return;
        waiting = false;
        if (link.conflicts().isEmpty())
            out << "written" << Qt::endl;
        else
            out << "conflict " << link.conflicts().first().theirs.value << ' ' << link.conflicts().first().theirs.editor
                << Qt::endl;
        told = int(link.conflicts().size());
    };
    QObject::connect(&link, &SharedTriageLink::stateChanged, &app, answered);
    QObject::connect(&link, &SharedTriageLink::conflictsChanged, &app, answered);
    QObject::connect(&link, &SharedTriageLink::conflictsChanged, &app, [&] {
        if (waiting)
            return;
        for (; told < link.conflicts().size(); ++told) {
            const SharedTriageLink::Conflict &c = link.conflicts()[told];
            out << "told " << c.item.field << '|' << SharedTriageLink::displayValue(c.item, c.mine) << '|'
                << SharedTriageLink::displayValue(c.item, c.theirs.value) << '|' << c.theirs.editor << Qt::endl;
        }
    });

    QSocketNotifier input(STDIN_FILENO, QSocketNotifier::Read);
    QByteArray buffered;
    QObject::connect(&input, &QSocketNotifier::activated, &app, [&] {
        char chunk[256];
        const ssize_t n = ::read(STDIN_FILENO, chunk, sizeof chunk);
        if (n <= 0) {
            QCoreApplication::quit();
            return;
        }
        buffered.append(chunk, int(n));
        int end = 0;
        while ((end = buffered.indexOf('\n')) >= 0) {
            const QString line = QString::fromUtf8(buffered.left(end));
            buffered.remove(0, end + 1);
            if (line.startsWith(QLatin1String("owner "))) {
                waiting = true;
                session.setGapOwner(QStringLiteral("gap-1"), line.mid(6));
            } else if (line.startsWith(QLatin1String("title "))) {
                waiting = true;
                session.renameGap(QStringLiteral("gap-1"), line.mid(6));
            } else if (line == QLatin1String("delete")) {
                waiting = true;
                session.deleteGap(QStringLiteral("gap-1"));
            }
        }
    });
    return app.exec();
}
