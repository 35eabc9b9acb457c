// SPDX-License-Identifier: GPL-3.0-or-later
#include "sessionfile.h"
#include "multifile.h"

#include "importer.h"
#include "triagechanges.h"
#include "triagecommands.h"
#include "triagesession.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QSaveFile>
#include <QUndoStack>

namespace Gapwise {

SessionFile SessionFile::fromSession(const TriageSession &session, const QString &reportPath,
    const QString &reportSha256, const QStringList &reportFiles)
{
    SessionFile file;
    file.reportPath = reportPath;
    file.reportFiles = reportFiles;
    file.reportSha256 = reportSha256;
    // As appliedEdits() but keeping which edits were one undo step.
    const QUndoStack *stack = session.undoStack();
    for (int i = 0; i < stack->index(); ++i) {
        const QUndoCommand *step = stack->command(i);
        for (const TriageCommand *edit : TriageCommand::editsOf(step)) {
            QJsonObject json = edit->toJson();
            if (edit != step) { // one of a macro's edits
                json.insert(QStringLiteral("step"), i + 1);
                json.insert(QStringLiteral("stepText"), step->text());
            }
            file.edits.append(json);
        }
    }
    return file;
}

QByteArray SessionFile::toJson(const QString &sessionPath) const
{
    QJsonObject report { { QStringLiteral("path"), reportPath }, { QStringLiteral("sha256"), reportSha256 } };
    if (!sessionPath.isEmpty())
        report.insert(
            QStringLiteral("relativePath"), QFileInfo(sessionPath).absoluteDir().relativeFilePath(reportPath));
    if (!reportFiles.isEmpty()) {
        report.insert(QStringLiteral("files"), QJsonArray::fromStringList(reportFiles));
        if (!sessionPath.isEmpty()) {
            QStringList relative;
            for (const QString &f : reportFiles)
                relative << QFileInfo(sessionPath).absoluteDir().relativeFilePath(f);
            report.insert(QStringLiteral("relativeFiles"), QJsonArray::fromStringList(relative));
        }
    }
    QJsonArray editArray;
    for (const QJsonObject &e : edits)
        editArray.append(e);
    QJsonObject root {
        { QStringLiteral("format"), QStringLiteral("gapwise-session") },
        { QStringLiteral("version"), Version },
        { QStringLiteral("savedAt"), QDateTime::currentDateTimeUtc().toString(Qt::ISODate) },
        { QStringLiteral("report"), report },
        { QStringLiteral("edits"), editArray },
    };
    if (!comparedWith.isEmpty())
        root.insert(QStringLiteral("comparedWith"), comparedWith);
    if (!shared.isEmpty())
        root.insert(QStringLiteral("shared"), shared);
    if (!savedAs.isEmpty())
        root.insert(QStringLiteral("savedAs"), savedAs);
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

std::optional<SessionFile> SessionFile::parse(const QByteArray &json, QString *error)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        // Offsets are easier to act on as lines.
        const int line = int(json.left(parseError.offset).count('\n')) + 1;
        *error = QStringLiteral("line %1: not valid JSON (%2)").arg(line).arg(parseError.errorString());
        return std::nullopt;
    }
    const QJsonObject root = doc.object();
    if (!doc.isObject() || root.value(QStringLiteral("format")).toString() != QLatin1String("gapwise-session")) {
        *error = QStringLiteral("not a Gapwise session");
        return std::nullopt;
    }
    const int version = root.value(QStringLiteral("version")).toInt(-1);
    if (version < 1 || version > Version) {
        *error = QStringLiteral("session version %1 is not supported (this Gapwise reads up to %2)")
                     .arg(version)
                     .arg(Version);
        return std::nullopt;
    }
    const QJsonObject report = root.value(QStringLiteral("report")).toObject();
    SessionFile file;
    file.reportPath = report.value(QStringLiteral("path")).toString();
    file.reportSha256 = report.value(QStringLiteral("sha256")).toString();
    file.relativeReportPath = report.value(QStringLiteral("relativePath")).toString();
    for (const QJsonValue v : report.value(QStringLiteral("files")).toArray())
        file.reportFiles << v.toString();
    for (const QJsonValue v : report.value(QStringLiteral("relativeFiles")).toArray())
        file.relativeReportFiles << v.toString();
    if (file.reportFiles.contains(QString()) || file.relativeReportFiles.contains(QString())) {
        *error = QStringLiteral("the session's list of report files has an empty or non-text entry");
        return std::nullopt;
    }
    if (file.reportPath.isEmpty() && file.relativeReportPath.isEmpty()) {
        *error = QStringLiteral("the session names no report");
        return std::nullopt;
    }
    const QJsonValue edits = root.value(QStringLiteral("edits"));
    if (!edits.isArray()) {
        *error = QStringLiteral("the session has no list of edits");
        return std::nullopt;
    }
    file.comparedWith = root.value(QStringLiteral("comparedWith")).toString();
    file.shared = root.value(QStringLiteral("shared")).toObject();
    file.savedAs = root.value(QStringLiteral("savedAs")).toString();
    const QJsonArray array = edits.toArray();
    for (int i = 0; i < array.size(); ++i) {
        if (!array[i].isObject()) {
            *error = QStringLiteral("edit %1 is not an object").arg(i + 1);
            return std::nullopt;
        }
        file.edits.append(array[i].toObject());
    }
    return file;
}

QString sha256Hex(const QByteArray &bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

std::optional<QString> fileSha256(const QString &path, QString *error)
{
    if (QFileInfo(path).isDir()) {
        // A folder of reports is one run: its report files' names and bytes, in order.
        QCryptographicHash hash(QCryptographicHash::Sha256);
        for (const QString &f : reportFilesIn(path)) {
            QFile file(f);
            if (!file.open(QIODevice::ReadOnly)) {
                *error = f + QLatin1String(": ") + file.errorString();
                return std::nullopt;
            }
            hash.addData(QDir(path).relativeFilePath(f).toUtf8());
            hash.addData(&file);
        }
        return QString::fromLatin1(hash.result().toHex());
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = file.errorString();
        return std::nullopt;
    }
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(&file);
    return QString::fromLatin1(hash.result().toHex());
}

std::optional<QString> runSha256(const QStringList &paths, QString *error)
{
    if (paths.size() == 1)
        return fileSha256(paths.first(), error);
    QCryptographicHash hash(QCryptographicHash::Sha256);
    for (const QString &path : paths) {
        QString why;
        const auto one = fileSha256(path, &why);
        if (!one) {
            if (error)
                *error = path + QLatin1String(": ") + why;
            return std::nullopt;
        }
        hash.addData(QFileInfo(path).fileName().toUtf8());
        hash.addData(one->toLatin1());
    }
    return QString::fromLatin1(hash.result().toHex());
}

bool writeFileAtomically(const QString &path, const QByteArray &bytes, QString *error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        *error = file.errorString();
        return false;
    }
    return true;
}

std::optional<SessionFile> readSessionFile(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("%1: %2").arg(path, file.errorString());
        return std::nullopt;
    }
    if (file.size() > 256LL * 1024 * 1024) {
        *error = QStringLiteral("%1: the session file is larger than 256 MiB").arg(path);
        return std::nullopt;
    }
    QString why;
    auto session = SessionFile::parse(file.readAll(), &why);
    if (!session)
        *error = QStringLiteral("%1: %2").arg(path, why);
    else
        session->sessionPath = QFileInfo(path).absoluteFilePath();
    return session;
}

int changeCount(const QVector<QJsonObject> &edits)
{
    int changes = 0;
    int lastStep = 0;
    for (const QJsonObject &edit : edits) {
        const int step = edit.value(QStringLiteral("step")).toInt();
        if (step == 0 || step != lastStep)
            ++changes;
        lastStep = step;
    }
    return changes;
}

ReplayResult replayEdits(TriageSession &session, const QVector<QJsonObject> &edits,
    const QHash<QString, QString> &gapTitles, const QHash<QString, QString> &testNames)
{
    ReplayResult result;
    const GapNamer gapName = gapNamer(session, gapTitles, ListedTitleLength);
    const TestNamer testName = testNamer(session, testNames);
    QUndoStack *stack = session.undoStack();
    int openStep = 0; // the saved step whose macro is open; 0 for none
    QVector<QJsonObject> applied; // counted in changes once replayed (changeCount)
    const auto pushInStep = [&](TriageCommand *command, const QJsonObject &edit) {
        const int step = edit.value(QStringLiteral("step")).toInt();
        if (step != openStep && openStep != 0) {
            stack->endMacro();
            openStep = 0;
        }
        // Opened by the step's first edit that applies: a step of which nothing applies leaves no empty step.
        if (step != 0 && openStep == 0) {
            stack->beginMacro(edit.value(QStringLiteral("stepText")).toString());
            openStep = step;
        }
        session.push(command);
    };
    for (int i = 0; i < edits.size(); ++i) {
        QString error;
        TriageCommand *command = TriageCommand::fromJson(&session, edits[i], &error);
        if (!command) {
            result.notApplied.append(QStringLiteral("edit %1: %2").arg(i + 1).arg(error));
            continue;
        }
        const QStringList missing = command->missingIn(gapName, testName);
        if (!command->applies()) {
            result.notApplied.append(QStringLiteral("edit %1 (%2): %3")
                                         .arg(i + 1)
                                         .arg(command->describe(gapName), missing.join(QLatin1String(", "))));
            delete command;
            continue;
        }
        if (!missing.isEmpty())
            result.notApplied.append(QStringLiteral("edit %1 (%2), in part: %3")
                                         .arg(i + 1)
                                         .arg(command->describe(gapName), missing.join(QLatin1String(", "))));
        pushInStep(command, edits[i]);
        ++result.applied;
        applied.append(edits[i]);
    }
    result.appliedChanges = changeCount(applied);
    if (openStep != 0)
        stack->endMacro();
    stack->setClean();
    return result;
}

} // namespace Gapwise

namespace Gapwise {

QString SessionFile::resolvedReportPath() const
{
    if (!reportPath.isEmpty() && QFileInfo::exists(reportPath))
        return reportPath;
    if (!relativeReportPath.isEmpty() && !sessionPath.isEmpty()) {
        const QString relative = QFileInfo(sessionPath).absoluteDir().absoluteFilePath(relativeReportPath);
        if (QFileInfo::exists(relative))
            return QDir::cleanPath(relative);
    }
    return reportPath.isEmpty() ? relativeReportPath : reportPath;
}

QStringList SessionFile::resolvedReportPaths() const
{
    if (reportFiles.isEmpty())
        return { resolvedReportPath() };
    QStringList paths;
    for (int i = 0; i < reportFiles.size(); ++i) {
        QString path = reportFiles[i];
        if (!QFileInfo::exists(path) && i < relativeReportFiles.size() && !sessionPath.isEmpty()) {
            const QString relative = QFileInfo(sessionPath).absoluteDir().absoluteFilePath(relativeReportFiles[i]);
            if (QFileInfo::exists(relative))
                path = QDir::cleanPath(relative);
        }
        paths << path;
    }
    return paths;
}

QString savedSessionFor(const QString &reportPath, const QStringList &candidates)
{
    const QString wanted = QFileInfo(reportPath).absoluteFilePath();
    for (const QString &candidate : candidates) {
        if (!QFileInfo(candidate).isFile())
            continue;
        QString why;
        const auto file = readSessionFile(candidate, &why);
        if (file && QFileInfo(file->resolvedReportPath()).absoluteFilePath() == wanted)
            return QFileInfo(candidate).absoluteFilePath();
    }
    return {};
}

bool loadTriagedReport(const QString &sessionPath, Report *report, QString *error, QVector<QJsonObject> *applied)
{
    const auto file = readSessionFile(sessionPath, error);
    if (!file)
        return false;
    const QStringList reportPaths = file->resolvedReportPaths();
    const ImportResult imported = importFiles(reportPaths);
    if (!imported.ok()) {
        *error = QStringLiteral("%1: its report %2").arg(sessionPath, imported.error.toString());
        return false;
    }
    TriageSession triage;
    triage.load(*imported.report);
    const ReplayResult replay = replayEdits(triage, file->edits);
    *report = triage.report();
    if (applied)
        *applied = editsInForce(triage);
    QString why;
    const auto sha = runSha256(reportPaths, &why);
    if (!file->reportSha256.isEmpty() && sha && *sha != file->reportSha256)
        report->diagnostics.append(
            { Severity::Info, 0, QStringLiteral("the report changed since the session was saved") });
    for (const QString &line : replay.notApplied)
        report->diagnostics.append({ Severity::Warning, 0, QStringLiteral("triage edit not carried over: ") + line });
    return true;
}

} // namespace Gapwise
