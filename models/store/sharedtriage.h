// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QString>

namespace Gapwise {

// Triage shared through the store (a team's PostgreSQL database, or an SQLite file on one machine): the value
// of one field of one gap or test of one stored run, with a version that grows by one with each edit. A write
// names the version it was based on; when another engineer wrote in between, nothing is overwritten and the
// writer gets the other value back (SharedTriageWrite::theirs) to show both. Every edit is kept with who made
// it and when (HistoryStore::triageEditsSince).
struct SharedTriageItem
{
    QString kind; // "gap" or "test"
    QString key; // the gap id or the test id, as the run names it
    QString field; // "title", "owner", "status", "priority", "notes"; for a test "gap"
};

struct SharedTriageValue
{
    QString value;
    int version = 0; // 0: never edited through the store
    QString editor; // the database role (PostgreSQL) or the login name (SQLite)
    QDateTime editedAt;
};

struct SharedTriageWrite
{
    bool written = false;
    int version = 0; // when written: the item's new version
    SharedTriageValue theirs; // when not: the value another writer stored since `baseVersion`
};

// One write of a batch (HistoryStore::writeTriage): the value and the version it was based on.
struct SharedTriageOutgoing
{
    SharedTriageItem item;
    QString value;
    int baseVersion = 0;
};

struct SharedTriageEdit
{
    qint64 id = 0; // grows with every edit of the store: "since" for a window catching up
    SharedTriageItem item;
    QString oldValue, newValue;
    int version = 0;
    QString editor;
    QDateTime editedAt;
};

// The channel a PostgreSQL store notifies on after each triage edit (payload: the run id), so windows on the
// same run re-read within a moment instead of polling.
inline QString sharedTriageChannel()
{
    return QStringLiteral("gapwise_triage");
}

} // namespace Gapwise
