// SPDX-License-Identifier: GPL-3.0-or-later
#include "sourceopener.h"

#include <QCoreApplication>
#include <QDesktopServices>
#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QSettings>
#include <QUrl>

namespace SourceOpener {

QString resolve(const QString &file, const QString &reportPath)
{
    if (file.isEmpty())
        return QString();
    if (QFileInfo(file).isAbsolute())
        return QFileInfo::exists(file) ? file : QString();
    QDir dir = QFileInfo(reportPath).absoluteDir();
    for (int up = 0; up < 4; ++up) {
        const QString candidate = dir.absoluteFilePath(file);
        if (QFileInfo::exists(candidate))
            return QDir::cleanPath(candidate);
        if (!dir.cdUp())
            break;
    }
    return QString();
}

bool open(const QString &file, int line, const QString &reportPath, QString *error)
{
    const QString path = resolve(file, reportPath);
    if (path.isEmpty()) {
        *error = QCoreApplication::translate("SourceOpener", "%1 is not beside the report (looked from %2)")
                     .arg(file, QFileInfo(reportPath).absolutePath());
        return false;
    }
    const QString command = QSettings().value(QStringLiteral("editorCommand")).toString().trimmed();
    if (command.isEmpty()) {
        if (QDesktopServices::openUrl(QUrl::fromLocalFile(path)))
            return true;
        *error = QCoreApplication::translate("SourceOpener", "no application opens %1").arg(path);
        return false;
    }
    QStringList args = QProcess::splitCommand(command);
    for (QString &a : args)
        a.replace(QLatin1String("%f"), path).replace(QLatin1String("%l"), QString::number(qMax(1, line)));
    const QString program = args.takeFirst();
    if (QProcess::startDetached(program, args))
        return true;
    *error = QCoreApplication::translate("SourceOpener", "the editor command “%1” did not start").arg(command);
    return false;
}

} // namespace SourceOpener
