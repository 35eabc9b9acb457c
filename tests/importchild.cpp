// SPDX-License-Identifier: GPL-3.0-or-later
// Helper for the hostile-input tests: imports one file in a process of its own and prints the outcome and
// the process's peak memory, so a test can bound what an absurd file costs without sharing its heap.
//   gapwise_import_child FILE  →  "ok tests=N gaps=M phases=P" or "error FILE:LINE:COL: message",
//                                  then "maxrss_kb=K"
#include "importer.h"

#include <QCoreApplication>
#include <QTextStream>

#include <sys/resource.h>

using namespace Gapwise;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    if (args.size() != 2)
        return 2;
    QTextStream out(stdout);
    {
        const ImportResult r = importFile(args[1]);
        if (r.ok())
            out << "ok tests=" << r.report->tests.size() << " gaps=" << r.report->gaps.size()
                << " phases=" << r.report->phases.size() << '\n';
        else
            out << "error " << r.error.toString() << '\n';
    }
    rusage usage {};
    getrusage(RUSAGE_SELF, &usage);
    out << "maxrss_kb=" << usage.ru_maxrss << Qt::endl;
    return 0;
}
