// SPDX-License-Identifier: GPL-3.0-or-later
// Helper for the crash test: triages a report, lets the autosave write its recovery file, says where,
// then waits to be killed with SIGKILL.
#include "triagefixtures.h"

#include "autosaver.h"
#include "importer.h"
#include "sessionfile.h"
#include "triagesession.h"

#include <QCoreApplication>
#include <QTextStream>

using namespace Gapwise;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("gapwise-recovery-child"));
    const QStringList args = QCoreApplication::arguments();
    if (args.size() != 2)
        return 2;
    const ImportResult imported = importFile(args[1]);
    if (!imported.ok())
        return 3;
    TriageSession session;
    session.load(*imported.report);
    Autosaver autosaver(&session);
    autosaver.setDelay(50);
    QString error;
    autosaver.setReport(args[1], fileSha256(args[1], &error).value_or(QString()));
    QObject::connect(&autosaver, &Autosaver::saved, [](const QString &path) {
        QTextStream(stdout) << path << Qt::endl; // the parent kills us once it reads this
    });
    TestSupport::applyScriptedEdits(session);
    return app.exec();
}
