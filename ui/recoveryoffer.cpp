// SPDX-License-Identifier: GPL-3.0-or-later
#include "recoveryoffer.h"

#include "autosaver.h"
#include "messagebanner.h"
#include "sessionfile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QPushButton>

#include <algorithm>

using namespace Gapwise;

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
        if (m_autosaver->hasWritten(path))
            continue; // this window's own autosave is not work left by a crash
        Entry e;
        e.recoveryPath = path;
        QString why;
        if (const auto file = readSessionFile(path, &why)) {
            e.reportPath = file->resolvedReportPath();
            e.reportExists = QFileInfo::exists(e.reportPath);
        }
        (e.reportExists ? restorable : stale).append(e);
    }
    return restorable + stale;
}

bool RecoveryOffer::offerAny()
{
    const QVector<Entry> entries = pending();
    m_anyMode = !entries.isEmpty();
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
    const auto it
        = std::find_if(entries.begin(), entries.end(), [&](const Entry &e) { return e.reportPath == wanted; });
    if (it == entries.end())
        return false;
    const Entry mine = *it;
    entries.erase(it);
    if (m_anyMode && isShowing())
        entries.prepend(mine);
    else
        entries = { mine };
    showOffer(entries);
    return true;
}

bool RecoveryOffer::isShowing() const
{
    return !m_banner->buttons().isEmpty() && !m_banner->isHidden();
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
    auto name = [](const Entry &e) {
        return e.reportPath.isEmpty() ? QFileInfo(e.recoveryPath).fileName() : QDir::toNativeSeparators(e.reportPath);
    };
    QString text;
    if (restorable) {
        text = tr("Gapwise found unsaved triage of <b>%1</b> from a session that did not close cleanly (%2).")
                   .arg(QFileInfo(first.reportPath).fileName().toHtmlEscaped(), name(first).toHtmlEscaped());
        const int others = int(entries.size() - stale.size()) - 1;
        if (others > 0)
            text += others == 1
                ? tr(" 1 more report has unsaved triage; it is offered after this one.")
                : tr(" %n more reports have unsaved triage; they are offered after this one.", nullptr, others);
    }
    if (!stale.isEmpty()) {
        QStringList paths;
        for (const Entry &e : std::as_const(stale))
            paths << name(e).toHtmlEscaped();
        text += (text.isEmpty() ? QString() : QStringLiteral("<br>"))
            + tr("Unsaved triage whose report is gone: %1").arg(paths.join(QStringLiteral(", ")));
    }
    QVector<QPair<QString, std::function<void()>>> choices;
    if (restorable) {
        const QString path = first.recoveryPath;
        choices.append({ tr("Restore"), [this, path] {
                            m_anyMode = false;
                            m_restore(path);
                        } });
        choices.append({ tr("Discard"), [this, path] {
                            QFile::remove(path);
                            if (m_anyMode)
                                offerAny(); // the next one, if any
                        } });
    }
    if (!stale.isEmpty()) {
        choices.append({ restorable ? tr("Discard those") : tr("Discard"), [this, stale, restorable] {
                            for (const Entry &e : stale)
                                QFile::remove(e.recoveryPath);
                            if (restorable && m_anyMode)
                                offerAny();
                        } });
    }
    m_banner->showChoice(text, choices);
    if (restorable && !m_banner->buttons().isEmpty()) {
        // Restoring is one key away (and scriptable without knowing where the button is drawn).
        QPushButton *restore = m_banner->buttons().first();
        restore->setShortcut(QKeySequence(Qt::ALT | Qt::Key_R));
        restore->setToolTip(tr("Restore the unsaved triage (Alt+R)"));
    }
}
