// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <optional>

namespace Gapwise {

// Where a history store lives: an SQLite file (any path), or a PostgreSQL database named by a URL
// `postgresql://[user@][host][:port]/database[?host=/socket/dir&port=N&user=U&connect_timeout=S]`
// (`postgres://` too). A password is never part of a location: locations end up in settings and in messages,
// so libpq reads it from ~/.pgpass or PGPASSFILE, or the window asks for it and keeps it in memory.
struct StoreLocation
{
    enum class Kind
    {
        Sqlite,
        Postgres
    };
    Kind kind = Kind::Sqlite;
    QString path; // SQLite: the file
    QString user, host, database; // PostgreSQL: host is a name, an address or a socket folder ("/run/…")
    int port = -1; // -1: libpq's default (PGPORT, else 5432)
    int connectTimeoutSeconds = 10; // a server that does not answer is an error, not a hang
    QString text; // as given

    bool isServer() const { return kind == Kind::Postgres; }
    // For titles and messages: the file name, or "database on host".
    QString displayName() const;
};

// Whether `text` names a PostgreSQL store (by its scheme), so callers can tell before parsing.
bool isServerStoreLocation(const QString &text);

// The display name of the store at `text` (its file name, or "database on host"); the text itself when malformed.
QString storeDisplayName(const QString &text);

// Parses `text`; nullopt with `error` for a malformed URL or one that holds a password.
std::optional<StoreLocation> parseStoreLocation(const QString &text, QString *error);

} // namespace Gapwise
