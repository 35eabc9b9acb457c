// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QObject>
#include <QVector>

#include <functional>

class MessageBanner;

namespace Gapwise {
class Autosaver;
}

// Work left by a crash, offered in a banner of its own (Restore / Discard), so that the end of an import,
// which clears the window's message banner, never hides it. Offered at every start: for any report when
// none is named, and for a report whenever it is loaded and a recovery file that this window did not write
// exists for it. A recovery file whose report is gone is listed with the report's path and can be discarded.
class RecoveryOffer : public QObject
{
    Q_OBJECT
public:
    struct Entry
    {
        QString recoveryPath;
        QString reportPath; // as the recovery file names it
        bool reportExists = false;
        QString savedAs; // the session file the triage was last saved to or opened from; empty for none
        int changes = 0; // in the recovery file, as the Undo menu counts them
        QVector<QJsonObject> edits; // the recovery file's, to tell which were made after savedAs was written
        QDateTime written; // when the recovery file was last written: the last change
    };

    RecoveryOffer(Gapwise::Autosaver *autosaver, MessageBanner *banner, std::function<void(const QString &)> restore,
        QObject *parent = nullptr);

    // Every pending recovery file (newest first), restorable ones first; true when one is offered.
    bool offerAny();
    // The recovery files of this report (one per window that left work), when there is one; while offerAny's
    // banner is up, that banner is rebuilt with this report's files first instead, so no offer is lost.
    bool offerFor(const QString &reportPath);
    bool isShowing() const;
    // Pending recovery files, except the one this window writes itself.
    QVector<Entry> pending() const;

private:
    void showOffer(const QVector<Entry> &entries);
    static QString changesText(const Entry &e);
    void offerNext(); // after a Discard: what is left of what was offered

    Gapwise::Autosaver *m_autosaver;
    MessageBanner *m_banner;
    std::function<void(const QString &)> m_restore;
    bool m_anyMode = false; // the banner offers every pending file (a start without a file)
    QString m_reportMode; // the banner offers this report's files (offerFor)
};
