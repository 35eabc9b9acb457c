// SPDX-License-Identifier: GPL-3.0-or-later
#include "sharedtriagecontroller.h"

#include "autosaver.h"
#include "counttext.h"
#include "gapeditor.h"
#include "historypanel.h"
#include "mainwindow.h"
#include "messagebanner.h"
#include "sessioncontroller.h"
#include "sharedtriagelink.h"
#include "triagesession.h"
#include "wrappingtextdelegate.h"

#include <QAction>
#include <QBoxLayout>
#include <QDockWidget>
#include <QHeaderView>
#include <QLabel>
#include <QMenuBar>
#include <QStatusBar>
#include <QTreeWidget>

using namespace Gapwise;

namespace {

QString when(const QDateTime &time)
{
    const QDateTime local = time.toLocalTime();
    return local.date() == QDate::currentDate() ? local.toString(QStringLiteral("HH:mm:ss"))
                                                : local.toString(QStringLiteral("yyyy-MM-dd HH:mm"));
}

QString shown(const QString &value)
{
    return value.isEmpty() ? QObject::tr("(none)") : QStringLiteral("\u201c%1\u201d").arg(value);
}

QString editCount(int n)
{
    return countText(n, QObject::tr("%1 edit"), QObject::tr("%1 edits"), QLocale::c());
}

QMenu *editMenu(MainWindow *window)
{
    for (QAction *action : window->menuBar()->actions()) {
        if (action->menu() && action->text().remove(QLatin1Char('&')) == QLatin1String("Edit"))
            return action->menu();
    }
    return window->menuBar()->addMenu(QObject::tr("&Shared"));
}

} // namespace

SharedTriageController::SharedTriageController(
    MainWindow *window, HistoryPanel *history, const QString &storePath, bool shareOnLoad)
    : QObject(window)
    , m_window(window)
    , m_history(history)
    , m_storePath(storePath)
    , m_shareOnLoad(shareOnLoad)
    , m_action(new QAction(tr("S&hare This Run's Triage Through the Store"), this))
    , m_banner(new MessageBanner)
    , m_status(new QLabel)
    , m_dock(new QDockWidget(tr("Shared triage"), window))
    , m_edits(new QTreeWidget)
{
    m_action->setObjectName(QStringLiteral("shareTriageAction"));
    m_action->setCheckable(true);
    m_action->setEnabled(false);
    m_action->setStatusTip(tr("The open report is a run of the history store: write your triage there and see your "
                              "team's as they make it"));
    QMenu *menu = editMenu(window);
    menu->addSeparator();
    menu->addAction(m_action);
    connect(m_action, &QAction::toggled, this, &SharedTriageController::setShared);
    connect(m_action, &QAction::toggled, this, [this](bool on) {
        if (!on) // sharing stopped: what the recovery file knew of it no longer describes the edits made from now on
            m_window->sessionController()->autosaver()->setSharedState(QJsonObject());
    });
    // A triage the store has whole is not asked about ("save changes?") when it is replaced or closed; one with
    // edits the store does not have yet says how many.
    QPointer<SharedTriageController> self = this;
    window->sessionController()->setUnsharedCounter([self] {
        const SharedTriageLink *link = self ? self->m_link : nullptr;
        return link && link->isReady() ? link->unsharedCount() + int(link->conflicts().size()) : -1;
    });

    m_banner->setObjectName(QStringLiteral("sharedConflictBanner"));
    // Below the window's own banners, above the views.
    if (auto *layout
        = window->centralWidget() ? qobject_cast<QBoxLayout *>(window->centralWidget()->layout()) : nullptr)
        layout->insertWidget(qMax(0, layout->count() - 1), m_banner);
    else
        m_banner->setParent(window);

    m_status->setObjectName(QStringLiteral("sharedTriageStatus"));
    m_status->hide();
    window->statusBar()->addPermanentWidget(m_status);

    m_edits->setObjectName(QStringLiteral("sharedEditsList"));
    // The store records when an edit reached it, not when it was made: an edit made offline is shared (and
    // timed) when the server is back. The column says so.
    m_edits->setHeaderLabels({ tr("Shared at"), tr("Edit") }); // the edit is a sentence that starts with who
    m_edits->headerItem()->setToolTip(0,
        tr("When the edit reached the store. An edit made while the store could not be reached is shared, and "
           "timed, when it is back."));
    m_edits->setRootIsDecorated(false);
    // The sentence takes the dock's width and wraps onto as many lines as it needs (whole in its tooltip too).
    // The delegate lays the rows out again when the column's width changes, so a wider dock gives back lines.
    m_edits->setUniformRowHeights(false);
    m_edits->setWordWrap(true);
    m_edits->setItemDelegateForColumn(1, new WrappingTextDelegate(m_edits));
    m_edits->setTextElideMode(Qt::ElideNone);
    m_edits->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_edits->header()->setSectionResizeMode(1, QHeaderView::Stretch);
    m_dock->setObjectName(QStringLiteral("sharedTriageDock"));
    m_dock->setWidget(m_edits);
    window->addDockWidget(Qt::RightDockWidgetArea, m_dock);
    m_dock->hide();

    if (history) {
        connect(history, &HistoryPanel::historyLoaded, this, &SharedTriageController::historyReady);
        connect(history, &HistoryPanel::historyFailed, this, &SharedTriageController::historyFailed);
    }
    connect(window, &MainWindow::reportLoaded, this, [this] {
        // Another report: its run is not known until the history dock found it.
        m_runId = 0;
        m_action->setEnabled(false);
        setShared(false);
    });
}

SharedTriageController::~SharedTriageController()
{
    delete m_link;
}

void SharedTriageController::historyReady()
{
    const TreeHistory *history = m_history ? m_history->history() : nullptr;
    m_runId = history ? history->currentRunId : 0;
    m_action->setEnabled(m_runId > 0);
    if (m_runId > 0 && (m_shareOnLoad || m_action->isChecked())) {
        if (m_action->isChecked())
            setShared(true);
        else
            m_action->setChecked(true);
    }
}

void SharedTriageController::historyFailed(const QString &message, bool retrying)
{
    m_action->setEnabled(false);
    m_action->setToolTip(
        retrying ? tr("The history store cannot be reached") : tr("The open report is not a run of the history store"));
    if (!m_shareOnLoad && !m_action->isChecked())
        return;
    // Asked to share (--shared): never silently not sharing. Unreachable: the history dock tries again, and
    // sharing starts when it finds the run; not in the store: sharing cannot start for this report.
    // One line in the status bar: a server's error (a location, libpq's words) is in the tooltip, in full.
    m_status->setText(retrying ? tr("Offline \u2014 not yet sharing") : tr("Not shared: %1").arg(message.simplified()));
    m_status->setToolTip(retrying ? tr("The store cannot be reached: %1\nShared triage starts once it can; Gapwise "
                                       "tries again every few seconds. Your edits are kept meanwhile (and in the "
                                       "recovery file).")
                                        .arg(message)
                                  : tr("Shared triage did not start: %1\nOnly a run the history store holds can be "
                                       "shared (add it with --history, or `gapwise history add`).")
                                        .arg(message));
    m_status->setStyleSheet(QStringLiteral("QLabel { color: #b3261e; font-weight: bold; }"));
    m_status->show();
}

void SharedTriageController::setShared(bool on)
{
    if (m_link && (!on || m_link->runId() != m_runId)) {
        delete m_link;
        m_link = nullptr;
        m_banner->hide();
        m_status->hide();
        m_edits->clear();
        Q_EMIT linkChanged();
    }
    if (!on) {
        if (m_action->isChecked()) {
            const QSignalBlocker block(m_action);
            m_action->setChecked(false);
        }
        return;
    }
    if (m_link || m_runId <= 0)
        return;
    m_link = new SharedTriageLink(
        m_window->session(), m_storePath, m_runId, m_history ? m_history->storePassword() : QString());
    // The recovery file keeps which edits the store does not have yet: a restore writes or asks about only those.
    Autosaver *autosaver = m_window->sessionController()->autosaver();
    m_link->setRecoveredState(autosaver->sharedState());
    const auto record = [this, autosaver] {
        if (m_link)
            autosaver->setSharedState(m_link->recoveryState());
    };
    record();
    connect(m_link, &SharedTriageLink::stateChanged, this, record);
    connect(m_link, &SharedTriageLink::conflictsChanged, this, record);
    connect(m_link, &SharedTriageLink::stateChanged, this, &SharedTriageController::showState);
    connect(m_link, &SharedTriageLink::conflictsChanged, this, &SharedTriageController::showConflict);
    connect(m_link, &SharedTriageLink::editsArrived, this, &SharedTriageController::addEdits);
    // What is typed in the Gap pane is based on the value shown when the typing began (README "conflict").
    GapEditor *editor = m_window->gapEditor();
    connect(editor, &GapEditor::typingStarted, m_link, &SharedTriageLink::beginTyping);
    connect(editor, &GapEditor::typingEnded, m_link, &SharedTriageLink::endTyping);
    for (const QString &field : { QStringLiteral("title"), QStringLiteral("owner"), QStringLiteral("notes") }) {
        if (editor->isTyping(field)) // typed before sharing started: based on the report's value
            m_link->beginTyping(editor->gapId(), field);
    }
    m_status->show();
    m_dock->show();
    showState();
    Q_EMIT linkChanged();
}

void SharedTriageController::showState()
{
    if (!m_link)
        return;
    const int unshared = m_link->unsharedCount();
    if (!m_link->isOnline()) {
        // Nothing waiting: no "0 edits" to speak of.
        m_status->setText(
            unshared > 0 ? tr("Offline \u2014 %1 not yet shared").arg(editCount(unshared)) : tr("Offline"));
        m_status->setToolTip(tr("The store cannot be reached: %1\nYour edits are kept (and in the recovery file); "
                                "Gapwise tries again every few seconds and shares them when it is back.")
                                 .arg(m_link->lastError()));
        m_status->setStyleSheet(QStringLiteral("QLabel { color: #b3261e; font-weight: bold; }"));
        return;
    }
    m_status->setStyleSheet(QString());
    m_status->setToolTip(tr("Triage of run #%1 shared through %2").arg(m_link->runId()).arg(m_link->location()));
    if (!m_link->isReady())
        m_status->setText(tr("Shared triage: connecting\u2026"));
    else if (unshared > 0)
        m_status->setText(tr("Shared as %1 \u00b7 sharing %2\u2026").arg(m_link->editorName(), editCount(unshared)));
    else
        m_status->setText(tr("Shared as %1").arg(m_link->editorName()));
}

void SharedTriageController::showConflict()
{
    if (!m_link || m_link->conflicts().isEmpty()) {
        m_banner->hide();
        return;
    }
    const SharedTriageLink::Conflict &c = m_link->conflicts().first();
    const QString what = m_link->describe(c.item);
    QString text = tr("<b>%1</b> was changed by someone else. Yours: %2 \u2014 theirs: %3 (%4, shared at %5).")
                       .arg(what.toHtmlEscaped(), shown(m_link->shownValue(c.item, c.mine)).toHtmlEscaped(),
                           shown(m_link->shownValue(c.item, c.theirs.value)).toHtmlEscaped(),
                           c.theirs.editor.toHtmlEscaped(), when(c.theirs.editedAt));
    if (m_link->conflicts().size() > 1)
        text += QLatin1Char(' ') + tr("(%1 more after this one)").arg(m_link->conflicts().size() - 1);
    QPointer<SharedTriageLink> link = m_link;
    m_banner->showChoice(text,
        { { tr("Keep Theirs"),
              [link] {
                  if (link)
                      link->keepTheirs(0);
              } },
            { tr("Write Mine Over"), [link] {
                 if (link)
                     link->writeMineOver(0);
             } } });
}

void SharedTriageController::addEdits(const QVector<SharedTriageEdit> &edits)
{
    if (!m_link)
        return;
    QList<QTreeWidgetItem *> rows;
    for (const SharedEditLine &line : m_link->readable(edits)) {
        auto *item = new QTreeWidgetItem({ when(line.editedAt), line.sentence });
        item->setTextAlignment(0, Qt::AlignLeft | Qt::AlignTop); // the time beside the sentence's first line
        item->setTextAlignment(1, Qt::AlignLeft | Qt::AlignTop);
        item->setToolTip(0, line.editedAt.toLocalTime().toString(Qt::ISODate));
        item->setToolTip(1,
            line.edits > 1 ? tr("%1 (%2, shared at %3)").arg(line.sentence, editCount(line.edits), when(line.editedAt))
                           : tr("%1 (shared at %2)").arg(line.sentence, when(line.editedAt)));
        rows.prepend(item); // newest first
    }
    m_edits->insertTopLevelItems(0, rows);
}

SharedTriageController *attachSharedTriage(
    MainWindow *window, HistoryPanel *history, const QString &storePath, bool shareOnLoad)
{
    return new SharedTriageController(window, history, storePath, shareOnLoad);
}
