// SPDX-License-Identifier: GPL-3.0-or-later
#include "gapeditor.h"

#include "elidedlabel.h"
#include "triagesession.h"
#include "wheelguard.h"

#include <QApplication>
#include <QComboBox>
#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalBlocker>

#include <utility>

using namespace Gapwise;

GapEditor::GapEditor(TriageSession *session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_heading(new ElidedLabel)
    , m_left(new QLabel)
    , m_suggestion(new QWidget)
    , m_accept(new QPushButton(tr("&Accept")))
    , m_title(new QLineEdit)
    , m_priority(new QComboBox)
    , m_status(new QComboBox)
    , m_owner(new QLineEdit)
    , m_notes(new QPlainTextEdit)
{
    setObjectName(QStringLiteral("gapEditor"));
    m_heading->setObjectName(QStringLiteral("gapEditorHeading"));
    // None first, then P0 to P3: a new gap has none, and Down from it reached nothing (QA thought P1 was set).
    // Each item's data is the priority it stands for; the order in the list stores nothing.
    for (Priority p : { Priority::None, Priority::P0, Priority::P1, Priority::P2, Priority::P3 })
        m_priority->addItem(p == Priority::None ? tr("None") : priorityName(p), int(p));
    for (GapStatus s : { GapStatus::Open, GapStatus::InProgress, GapStatus::Resolved, GapStatus::WontFix })
        m_status->addItem(gapStatusName(s), int(s));
    m_owner->setPlaceholderText(tr("who fixes it"));
    m_notes->setPlaceholderText(tr("what is known, links, next steps"));
    // The pane scrolls: the wheel over a box the user is not in scrolls it, and sets no priority or status.
    takeWheelOnlyWithFocus(m_priority);
    takeWheelOnlyWithFocus(m_status);
    m_notes->setTabChangesFocus(true); // Tab typed a tab and kept the keyboard in the field
    auto *note = new QLabel(tr("<i>Suggested by Gapwise</i> from the failures' signature."));
    note->setWordWrap(true);
    m_accept->setToolTip(tr("Make this gap yours, with the tests Gapwise placed in it (one undo step)"));
    auto *suggestionRow = new QHBoxLayout(m_suggestion);
    suggestionRow->setContentsMargins(0, 0, 0, 0);
    suggestionRow->addWidget(note, 1);
    suggestionRow->addWidget(m_accept);
    m_left->setObjectName(QStringLiteral("gapEditorLeftNote"));
    m_left->setWordWrap(true);
    m_left->setTextFormat(Qt::PlainText);
    m_left->hide();
    auto *form = new QFormLayout(this);
    form->addRow(m_heading);
    form->addRow(m_left);
    form->addRow(m_suggestion);
    form->addRow(tr("&Title:"), m_title);
    form->addRow(tr("&Priority:"), m_priority);
    form->addRow(tr("&Status:"), m_status);
    form->addRow(tr("&Owner:"), m_owner);
    form->addRow(tr("&Notes:"), m_notes);
    m_notesTimer.setSingleShot(true);
    m_notesTimer.setInterval(800);

    connect(m_accept, &QPushButton::clicked, this, [this] { m_session->acceptSuggestedGap(m_gapId); });
    connect(m_title, &QLineEdit::textEdited, this, [this] { startTyping(QStringLiteral("title")); });
    connect(m_owner, &QLineEdit::textEdited, this, [this] { startTyping(QStringLiteral("owner")); });
    connect(m_title, &QLineEdit::editingFinished, this, &GapEditor::commitTitle);
    connect(m_owner, &QLineEdit::editingFinished, this, &GapEditor::commitOwner);
    connect(m_priority, QOverload<int>::of(&QComboBox::activated), this,
        [this] { m_session->setGapPriority(m_gapId, Priority(m_priority->currentData().toInt())); });
    connect(m_status, QOverload<int>::of(&QComboBox::activated), this,
        [this] { m_session->setGapStatus(m_gapId, GapStatus(m_status->currentData().toInt())); });
    connect(m_notes, &QPlainTextEdit::textChanged, this, [this] {
        startTyping(QStringLiteral("notes")); // refresh() blocks the signal: only the user's typing gets here
        m_notesTimer.start();
    });
    // Leaving the notes saves them at once; entering any field again ends the line that said the keyboard left.
    for (QWidget *w : fields())
        w->installEventFilter(this);
    connect(&m_notesTimer, &QTimer::timeout, this, &GapEditor::commitNotes);
    connect(m_session, &TriageSession::changed, this, &GapEditor::refresh);
    // Changes that are no edit of this window's (another engineer's, in shared triage) show at once too.
    connect(m_session, &TriageSession::gapChanged, this, &GapEditor::refresh);
    connect(m_session, &TriageSession::gapInserted, this, &GapEditor::refresh);
    connect(m_session, &TriageSession::gapRemoved, this, &GapEditor::refresh);
    setGap(QString());
}

void GapEditor::setGap(const QString &gapId)
{
    if (gapId == m_gapId) {
        refresh(); // the same gap: what is typed stays, uncommitted
        return;
    }
    // The keyboard in one of the fields: the user did not pick the new gap (a click or a key in the tree or a chart
    // takes the keyboard there first); theirs left the tree under them (another engineer deleted it, an undo
    // removed it, its tests moved away). Their next keystrokes are for that gap, not this one.
    const bool underKeyboard = !m_gapId.isEmpty() && keyboardInFields();
    QString left;
    if (underKeyboard) {
        const int was = m_session->gapIndex(m_gapId);
        left = was >= 0 ? m_session->report().gaps[was].title : m_title->text();
    }
    deferTyped(); // typed text belongs to the gap it was typed for
    m_gapId = gapId;
    m_left->hide();
    if (underKeyboard) {
        leaveFields(); // after deferTyped: the field's editingFinished finds nothing left to commit
        QString text = tr("You were typing in \u201c%1\u201d, which is no longer selected: the keyboard left the "
                          "form, so that your typing changes no other gap.")
                           .arg(left);
        if (!gapId.isEmpty())
            text += QLatin1Char(' ') + tr("Click a field to edit the gap shown here.");
        m_left->setText(text);
        m_left->show();
    }
    refresh();
}

QVector<QWidget *> GapEditor::fields() const
{
    return { m_title, m_priority, m_status, m_owner, m_notes };
}

QString GapEditor::leftNote() const
{
    return m_left->isHidden() ? QString() : m_left->text();
}

bool GapEditor::keyboardInFields() const
{
    const QWidget *focus = QApplication::focusWidget();
    return focus && isAncestorOf(focus);
}

void GapEditor::leaveFields()
{
    if (QWidget *focus = QApplication::focusWidget(); focus && isAncestorOf(focus))
        focus->clearFocus();
}

void GapEditor::commitPending()
{
    commitDeferred();
    commitTyped();
}

// The form moves to another gap while the user typed in this one: the text is committed to this gap, once the
// change that moved the form is done. The form may move in the middle of another engineer's edit arriving (their
// deletion of this gap moves its tests away first): until the commit, shared triage still counts the gap as being
// typed in, so that deletion meets the typing as a conflict instead of taking the gap and the text with it.
void GapEditor::deferTyped()
{
    m_notesTimer.stop();
    Deferred typed { m_gapId, {} };
    if (m_typing.contains(QStringLiteral("title")))
        typed.values.append({ QStringLiteral("title"), m_title->text() });
    if (m_typing.contains(QStringLiteral("owner")))
        typed.values.append({ QStringLiteral("owner"), m_owner->text() });
    if (m_typing.contains(QStringLiteral("notes")))
        typed.values.append({ QStringLiteral("notes"), m_notes->toPlainText() });
    m_typing.clear(); // no typingEnded yet: sent once committed
    if (typed.values.isEmpty())
        return;
    m_deferred.append(typed);
    QTimer::singleShot(0, this, &GapEditor::commitDeferred);
}

void GapEditor::commitDeferred()
{
    const QVector<Deferred> deferred = std::exchange(m_deferred, {});
    for (const Deferred &typed : deferred) {
        for (const auto &[field, text] : typed.values) {
            // Each ignored when unchanged (and an emptied title), or when the gap is gone.
            if (field == QLatin1String("title"))
                m_session->renameGap(typed.gapId, text);
            else if (field == QLatin1String("owner"))
                m_session->setGapOwner(typed.gapId, text);
            else
                m_session->setGapNotes(typed.gapId, text);
            Q_EMIT typingEnded(typed.gapId, field);
        }
    }
}

void GapEditor::commitTyped()
{
    // Only what the user typed: a field the form merely shows is no edit (it may lag behind the session).
    if (m_typing.contains(QStringLiteral("notes")) || m_notesTimer.isActive())
        commitNotes();
    if (m_typing.contains(QStringLiteral("title")))
        commitTitle();
    if (m_typing.contains(QStringLiteral("owner")))
        commitOwner();
}

void GapEditor::startTyping(const QString &field)
{
    if (m_gapId.isEmpty() || m_typing.contains(field))
        return;
    m_typing.insert(field);
    Q_EMIT typingStarted(m_gapId, field);
}

void GapEditor::endTyping(const QString &field)
{
    if (m_typing.remove(field))
        Q_EMIT typingEnded(m_gapId, field);
}

void GapEditor::commitTitle()
{
    if (!m_typing.contains(QStringLiteral("title")))
        return; // focus left a field the user did not change
    m_session->renameGap(m_gapId, m_title->text()); // ignored when unchanged, or emptied
    endTyping(QStringLiteral("title"));
    refresh(); // an emptied title shows the gap's again
}

void GapEditor::commitOwner()
{
    if (!m_typing.contains(QStringLiteral("owner")))
        return;
    m_session->setGapOwner(m_gapId, m_owner->text());
    endTyping(QStringLiteral("owner"));
    refresh();
}

bool GapEditor::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::FocusIn)
        m_left->hide(); // the user is back in the form, on the gap it shows
    if (watched == m_notes && event->type() == QEvent::FocusOut && m_notesTimer.isActive())
        commitNotes();
    return QWidget::eventFilter(watched, event);
}

void GapEditor::commitNotes()
{
    m_notesTimer.stop();
    if (m_session->gapIndex(m_gapId) >= 0)
        m_session->setGapNotes(m_gapId, m_notes->toPlainText()); // nothing when unchanged
    endTyping(QStringLiteral("notes"));
}

void GapEditor::refresh()
{
    const int i = m_gapId.isEmpty() ? -1 : m_session->gapIndex(m_gapId);
    if (i < 0) {
        for (const QString &field :
            QStringList { QStringLiteral("title"), QStringLiteral("owner"), QStringLiteral("notes") })
            endTyping(field); // its gap is gone: nothing to commit it to
        m_notesTimer.stop();
        leaveFields(); // a disabled field would hand the keyboard to the next widget, wherever that is
    }
    for (QWidget *w : fields())
        w->setEnabled(i >= 0);
    m_suggestion->setVisible(i >= 0 && m_session->report().gaps[i].suggested);
    if (i < 0) {
        m_heading->setText(tr("Select a gap to edit it."));
        m_heading->setFont(font());
        // No gap: no field shows one (a removed gap's title stayed, greyed, under "Select a gap").
        const QSignalBlocker b1(m_title), b2(m_priority), b3(m_status), b4(m_owner), b5(m_notes);
        m_title->clear();
        m_priority->setCurrentIndex(-1);
        m_status->setCurrentIndex(-1);
        m_owner->clear();
        m_notes->clear();
        return;
    }
    const Gap &gap = m_session->report().gaps[i];
    // The gap's title, cut to the pane's width (the tooltip has the whole): its internal id ("Gap user-1") told
    // the user nothing.
    m_heading->setText(tr("Gap: %1").arg(gap.title));
    QFont bold = font();
    bold.setBold(true);
    m_heading->setFont(bold);
    // Only fields that differ are written, so the cursor stays where the user is typing; a field the user is
    // typing in keeps their text (shared triage makes its commit a conflict when the gap changed meanwhile).
    const QSignalBlocker b1(m_title), b2(m_priority), b3(m_status), b4(m_owner), b5(m_notes);
    // setText leaves the cursor at the end, which scrolls a long title's start out of the field: show the
    // start, unless the user is in the field (then where they type stays in view).
    auto show = [this](QLineEdit *field, const QString &text, const QString &name) {
        if (field->text() == text || m_typing.contains(name))
            return;
        field->setText(text);
        if (!field->hasFocus())
            field->setCursorPosition(0);
    };
    show(m_title, gap.title, QStringLiteral("title"));
    m_priority->setCurrentIndex(m_priority->findData(int(gap.priority)));
    m_status->setCurrentIndex(m_status->findData(int(gap.status)));
    show(m_owner, gap.owner, QStringLiteral("owner"));
    if (m_notes->toPlainText() != gap.notes && !m_notesTimer.isActive() && !m_typing.contains(QStringLiteral("notes")))
        m_notes->setPlainText(gap.notes);
}
