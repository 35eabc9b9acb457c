// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QSqlDatabase>
#include <QString>

namespace Gapwise {

class SqlDialect;

// The store's schema, by version. Version 1 is the first; each later version is a list of statements
// that moves a store from the version before, run in one transaction with the version bump.
constexpr int HistorySchemaVersion = 2;

// The version a store is at: 0 for an empty database, -1 for a database that holds tables but is not a
// Gapwise store. Nothing is written. False with `error` when the database cannot be read.
bool readSchemaVersion(QSqlDatabase &db, const SqlDialect &dialect, int *version, QString *error);

// Brings a store from `from` to HistorySchemaVersion in one transaction.
bool migrateSchema(QSqlDatabase &db, const SqlDialect &dialect, int from, QString *error);

} // namespace Gapwise
