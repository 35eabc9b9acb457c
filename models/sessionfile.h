#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <QVector>

#include <optional>

namespace Gapwise {

class TriageSession;

// A `.gapwise` session: which report (path and SHA-256 of its bytes) and the triage as edits over the
// imported state, oldest first. JSON, versioned; the schema is in README.md.
struct SessionFile
{
    static constexpr int Version = 1;
    QString reportPath;   // absolute
    QString reportSha256; // hex
    QVector<QJsonObject> edits;

    static SessionFile fromSession(const TriageSession &session, const QString &reportPath, const QString &reportSha256);
    QByteArray toJson() const;
    // nullopt with a message naming what is wrong; the file is never modified.
    static std::optional<SessionFile> parse(const QByteArray &json, QString *error);
};

QString sha256Hex(const QByteArray &bytes);
std::optional<QString> fileSha256(const QString &path, QString *error);

// Writes atomically (QSaveFile): the old file stays whole until the new one is complete.
bool writeFileAtomically(const QString &path, const QByteArray &bytes, QString *error);
std::optional<SessionFile> readSessionFile(const QString &path, QString *error);

struct ReplayResult
{
    int applied = 0;
    QStringList notApplied; // one readable line per edit (or part of one) that no longer applies
};

// Pushes the saved edits onto the session's undo stack (so they can be undone) and marks it clean.
// Edits whose tests or gaps no longer exist are listed, never dropped silently.
ReplayResult replayEdits(TriageSession &session, const QVector<QJsonObject> &edits);

} // namespace Gapwise
