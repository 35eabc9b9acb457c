// SPDX-License-Identifier: GPL-3.0-or-later
#include "recoveryoffer.h"

#include "autosaver.h"
#include "counttext.h"
#include "displaytext.h"
#include "messagebanner.h"
#include "sessionfile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLocale>
#include <QPushButton>

#include <algorithm>

using namespace Gapwise;

namespace {
// A path in the banner: 60 characters fit on one line of its text beside the buttons in a 1024 px window.
constexpr int ShownPathChars = 60;

// The changes of `edits` made after the session file `savedAs` was written: its edits are where the recovery
// file's start (the autosave writes every edit in force). -1 where they are not (the file is gone or changed since).
int unsavedSince(const QVector<QJsonObject> &edits, const QString &savedAs)
{
    QString why;
    const auto saved = readSessionFile(savedAs, &why);
    if (!saved || saved->edits.size() > edits.size()
        || !std::equal(saved->edits.begin(), saved->edits.end(), edits.begin()))
        return -1;
    return changeCount(edits) - changeCount(saved->edits);
}
} // namespace

RecoveryOffer::RecoveryOffer(
    Autosaver *autosaver, MessageBanner *banner, std::function<void(const QString &)> restore, QObject *parent)
    : QObject(parent)
    , m_autosaver(autosaver)
    , m_banner(banner)
    , m_restore(std::move(restore))
{
}

QVector<RecoveryOffer::Entry> RecoveryOffer::pending() const
{
    QVector<Entry> restorable, stale;
    for (const QString &path : Autosaver::pendingRecoveryFiles()) {
        if (m_autosaver->hasWritten(path) || Autosaver::isHeldByAWindow(path))
            continue; // this window's own autosave, or another running window's: not work left by a crash
        Entry e;
        e.recoveryPath = path;
        QString why;
        if (const auto file = readSessionFile(path, &why)) {
            e.reportPath = file->resolvedReportPath();
            e.reportExists = QFileInfo::exists(e.reportPath);
            e.savedAs = file->savedAs;
            e.edits = file->edits;
            e.changes = changeCount(file->edits);
        }
        e.written = QFileInfo(path).lastModified();
        (e.reportExists ? restorable : stale).append(e);
    }
    return restorable + stale;
}

bool RecoveryOffer::offerAny()
{
    const QVector<Entry> entries = pending();
    m_anyMode = !entries.isEmpty();
    m_reportMode.clear();
    if (entries.isEmpty())
        return false;
    showOffer(entries);
    return true;
}

bool RecoveryOffer::offerFor(const QString &reportPath)
{
    const QString wanted
        = reportPath.startsWith(QLatin1Char(':')) ? reportPath : QFileInfo(reportPath).absoluteFilePath();
    QVector<Entry> entries = pending();
    // Every file of this report (several windows on it, or several crashes, leave one each), newest first.
    const auto others
        = std::stable_partition(entries.begin(), entries.end(), [&](const Entry &e) { return e.reportPath == wanted; });
    if (others == entries.begin())
        return false;
    if (!(m_anyMode && isShowing()))
        entries.erase(others, entries.end());
    m_reportMode = wanted;
    showOffer(entries);
    return true;
}

void RecoveryOffer::offerNext()
{
    if (m_anyMode)
        offerAny();
    else if (!m_reportMode.isEmpty())
        offerFor(m_reportMode);
}

bool RecoveryOffer::isShowing() const
{
    return !m_banner->buttons().isEmpty() && !m_banner->isHidden();
}

// "3 changes made after r1099-triage.gapwise was saved, the last at 14:32." What is at stake, in the Undo menu's
// count, and where it belongs.
QString RecoveryOffer::changesText(const Entry &e)
{
    // The saved session is read here, for the one entry the banner describes: not for every recovery file pending.
    const int unsaved = e.savedAs.isEmpty() ? e.changes : unsavedSince(e.edits, e.savedAs);
    const QLocale locale;
    const QString when = e.written.date() == QDate::currentDate()
        ? locale.toString(e.written.time(), QLocale::ShortFormat)
        : locale.toString(e.written, QLocale::ShortFormat);
    if (e.savedAs.isEmpty()) {
        return countText(e.changes, tr("%1 change, never saved, made at %2."),
            tr("%1 changes, never saved, the last at %2."), locale)
            .arg(when);
    }
    const QString session = QFileInfo(e.savedAs).fileName().toHtmlEscaped();
    if (unsaved < 0) {
        return countText(e.changes,
            tr("%1 change, made at %3; whether %2 holds it is not known (the file changed or is gone)."),
            tr("%1 changes, the last at %3; how many of them %2 holds is not known (the file changed or is gone)."),
            locale)
            .arg(session, when);
    }
    return countText(unsaved, tr("%1 change made after %2 was saved, at %3."),
        tr("%1 changes made after %2 was saved, the last at %3."), locale)
        .arg(session, when);
}

void RecoveryOffer::showOffer(const QVector<Entry> &entries)
{
    QVector<Entry> stale;
    for (const Entry &e : entries) {
        if (!e.reportExists)
            stale.append(e);
    }
    const bool restorable = entries.first().reportExists;
    const Entry &first = entries.first();
    // A report's path is cut in its middle (the banner's tooltip has it whole): wrapped, it broke at whatever
    // character reached the banner's edge.
    QStringList wholePaths;
    auto shownName = [&wholePaths](const Entry &e) {
        const QString whole
            = e.reportPath.isEmpty() ? QFileInfo(e.recoveryPath).fileName() : QDir::toNativeSeparators(e.reportPath);
        const QString shown = middleElidedPath(whole, ShownPathChars);
        if (shown != whole)
            wholePaths << whole;
        return shown.toHtmlEscaped();
    };
    QString text;
    if (restorable) {
        text = tr("Gapwise found unsaved triage of <b>%1</b> from a session that did not close cleanly (%2).")
                   .arg(QFileInfo(first.reportPath).fileName().toHtmlEscaped(), shownName(first))
            + QLatin1Char(' ') + changesText(first);
        // Several windows on one report (or several crashes) leave a file each: every one is offered.
        const auto sameReport = std::count_if(entries.begin() + 1, entries.end(),
            [&](const Entry &e) { return e.reportExists && e.reportPath == first.reportPath; });
        const int others = int(entries.size() - stale.size()) - 1 - int(sameReport);
        if (sameReport > 0)
            text += sameReport == 1
                ? tr(" 1 more recovery file of this report is offered after this one.")
                : tr(" %n more recovery files of this report are offered after this one.", nullptr, int(sameReport));
        if (others > 0)
            text += others == 1
                ? tr(" 1 more report has unsaved triage; it is offered after this one.")
                : tr(" %n more reports have unsaved triage; they are offered after this one.", nullptr, others);
    }
    if (!stale.isEmpty()) {
        QStringList paths;
        for (const Entry &e : std::as_const(stale))
            paths << shownName(e);
        text += (text.isEmpty() ? QString() : QStringLiteral("<br>"))
            + tr("Unsaved triage whose report is gone: %1").arg(paths.join(QStringLiteral(", ")));
    }
    QVector<QPair<QString, std::function<void()>>> choices;
    if (restorable) {
        const QString path = first.recoveryPath;
        choices.append({ tr("Restore"), [this, path] {
                            m_anyMode = false;
                            m_reportMode.clear();
                            m_restore(path); // this report's other files are offered once it is back
                        } });
        choices.append({ tr("Discard"), [this, path] {
                            QFile::remove(path);
                            offerNext(); // the next one, if any
                        } });
    }
    if (!stale.isEmpty()) {
        choices.append({ restorable ? tr("Discard those") : tr("Discard"), [this, stale, restorable] {
                            for (const Entry &e : stale)
                                QFile::remove(e.recoveryPath);
                            if (restorable)
                                offerNext();
                        } });
    }
    wholePaths.removeDuplicates();
    m_banner->showChoice(text, choices, wholePaths.join(QLatin1Char('\n')));
    if (restorable && !m_banner->buttons().isEmpty()) {
        // Restoring is one key away (and scriptable without knowing where the button is drawn).
        QPushButton *restore = m_banner->buttons().first();
        restore->setShortcut(QKeySequence(Qt::ALT | Qt::Key_R));
        restore->setToolTip(tr("Restore the unsaved triage (Alt+R)"));
    }
}
