// SPDX-License-Identifier: GPL-3.0-or-later
#include "triagedrun.h"

#include "importer.h"
#include "multifile.h"
#include "sessionfile.h"
#include "triagesession.h"

namespace Gapwise {

bool isSessionPath(const QString &path)
{
    return path.endsWith(QLatin1String(".gapwise"), Qt::CaseInsensitive);
}

std::optional<TriagedRun> loadTriagedRun(const QString &path, QString *error)
{
    TriagedRun run;
    run.path = path;
    QStringList reportPaths { path };
    std::optional<SessionFile> session;
    if (isSessionPath(path)) {
        session = readSessionFile(path, error);
        if (!session)
            return std::nullopt;
        reportPaths = session->resolvedReportPaths();
    }
    const ImportResult imported = importFiles(reportPaths);
    if (!imported.ok()) {
        *error = session ? QStringLiteral("%1: its report %2").arg(path, imported.error.toString())
                         : imported.error.toString();
        return std::nullopt;
    }
    run.imported = *imported.report;
    if (!session) {
        run.triaged = run.imported;
        return run;
    }
    run.edits = session->edits;
    TriageSession triage;
    triage.load(run.imported);
    run.notReplayed = replayEdits(triage, run.edits).notApplied;
    run.triaged = triage.report();
    return run;
}

} // namespace Gapwise
