// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

class QWidget;

// The window's history store setting: a file or a team's postgresql:// URL, saved in the settings (never a
// password: locations with one are refused). The command line's --store and GAPWISE_STORE come first.

// --store when given, else GAPWISE_STORE, else the window's setting, else the default file.
QString windowHistoryStore(const QString &commandLineStore);
// Whether the window's setting names a store (so the history dock is shown without --history).
bool hasHistoryStoreSetting();

// Asks for a store location, starting from `current`; saves and returns it, or an empty string when cancelled
// or refused (a malformed URL or one with a password: the user is told why).
QString chooseHistoryStore(QWidget *parent, const QString &current);

// Asks for the password of the PostgreSQL store at `store` (libpq found none in ~/.pgpass or PGPASSFILE).
// Kept in `password` for this window only; false when cancelled.
bool askStorePassword(QWidget *parent, const QString &store, QString *password);
