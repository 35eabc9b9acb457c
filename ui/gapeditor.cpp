// SPDX-License-Identifier: GPL-3.0-or-later
#include "gapeditor.h"

#include "triagesession.h"

#include <QComboBox>
#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalBlocker>

using namespace Gapwise;

GapEditor::GapEditor(TriageSession *session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_heading(new QLabel)
    , m_suggestion(new QWidget)
    , m_accept(new QPushButton(tr("&Accept")))
    , m_title(new QLineEdit)
    , m_priority(new QComboBox)
    , m_status(new QComboBox)
    , m_owner(new QLineEdit)
    , m_notes(new QPlainTextEdit)
{
    setObjectName(QStringLiteral("gapEditor"));
    for (Priority p : { Priority::P0, Priority::P1, Priority::P2, Priority::P3, Priority::None })
        m_priority->addItem(p == Priority::None ? tr("None") : priorityName(p), int(p));
    for (GapStatus s : { GapStatus::Open, GapStatus::InProgress, GapStatus::Resolved, GapStatus::WontFix })
        m_status->addItem(gapStatusName(s), int(s));
    m_owner->setPlaceholderText(tr("who fixes it"));
    m_notes->setPlaceholderText(tr("what is known, links, next steps"));
    m_notes->setTabChangesFocus(true); // Tab typed a tab and kept the keyboard in the field
    auto *note = new QLabel(tr("<i>Suggested by Gapwise</i> from the failures' signature."));
    note->setWordWrap(true);
    m_accept->setToolTip(tr("Make this gap yours, with the tests Gapwise placed in it (one undo step)"));
    auto *suggestionRow = new QHBoxLayout(m_suggestion);
    suggestionRow->setContentsMargins(0, 0, 0, 0);
    suggestionRow->addWidget(note, 1);
    suggestionRow->addWidget(m_accept);
    auto *form = new QFormLayout(this);
    form->addRow(m_heading);
    form->addRow(m_suggestion);
    form->addRow(tr("&Title:"), m_title);
    form->addRow(tr("&Priority:"), m_priority);
    form->addRow(tr("&Status:"), m_status);
    form->addRow(tr("&Owner:"), m_owner);
    form->addRow(tr("&Notes:"), m_notes);
    m_notesTimer.setSingleShot(true);
    m_notesTimer.setInterval(800);

    connect(m_accept, &QPushButton::clicked, this, [this] { m_session->acceptSuggestedGap(m_gapId); });
    connect(m_title, &QLineEdit::editingFinished, this, [this] { m_session->renameGap(m_gapId, m_title->text()); });
    connect(m_owner, &QLineEdit::editingFinished, this, [this] { m_session->setGapOwner(m_gapId, m_owner->text()); });
    connect(m_priority, QOverload<int>::of(&QComboBox::activated), this,
        [this] { m_session->setGapPriority(m_gapId, Priority(m_priority->currentData().toInt())); });
    connect(m_status, QOverload<int>::of(&QComboBox::activated), this,
        [this] { m_session->setGapStatus(m_gapId, GapStatus(m_status->currentData().toInt())); });
    connect(m_notes, &QPlainTextEdit::textChanged, &m_notesTimer, qOverload<>(&QTimer::start));
    m_notes->installEventFilter(this); // leaving the notes saves them at once
    connect(&m_notesTimer, &QTimer::timeout, this, &GapEditor::commitNotes);
    connect(m_session, &TriageSession::changed, this, &GapEditor::refresh);
    setGap(QString());
}

void GapEditor::setGap(const QString &gapId)
{
    if (m_notesTimer.isActive())
        commitNotes(); // typed notes belong to the gap they were typed for
    m_gapId = gapId;
    refresh();
}

void GapEditor::commitPending()
{
    const int i = m_session->gapIndex(m_gapId);
    if (i < 0)
        return;
    if (m_notesTimer.isActive())
        commitNotes();
    // The session ignores values that are already the gap's, and an emptied title.
    m_session->renameGap(m_gapId, m_title->text());
    m_session->setGapOwner(m_gapId, m_owner->text());
}

bool GapEditor::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_notes && event->type() == QEvent::FocusOut && m_notesTimer.isActive())
        commitNotes();
    return QWidget::eventFilter(watched, event);
}

void GapEditor::commitNotes()
{
    m_notesTimer.stop();
    m_session->setGapNotes(m_gapId, m_notes->toPlainText()); // nothing when unchanged
}

void GapEditor::refresh()
{
    const int i = m_gapId.isEmpty() ? -1 : m_session->gapIndex(m_gapId);
    for (QWidget *w : { static_cast<QWidget *>(m_title), static_cast<QWidget *>(m_priority),
             static_cast<QWidget *>(m_status), static_cast<QWidget *>(m_owner), static_cast<QWidget *>(m_notes) })
        w->setEnabled(i >= 0);
    m_suggestion->setVisible(i >= 0 && m_session->report().gaps[i].suggested);
    if (i < 0) {
        m_heading->setText(tr("Select a gap to edit it."));
        return;
    }
    const Gap &gap = m_session->report().gaps[i];
    m_heading->setText(tr("<b>Gap</b> %1").arg(gap.id.toHtmlEscaped()));
    // Only fields that differ are written, so the cursor stays where the user is typing.
    const QSignalBlocker b1(m_title), b2(m_priority), b3(m_status), b4(m_owner), b5(m_notes);
    // setText leaves the cursor at the end, which scrolls a long title's start out of the field: show the
    // start, unless the user is in the field (then where they type stays in view).
    auto show = [](QLineEdit *field, const QString &text) {
        if (field->text() == text)
            return;
        field->setText(text);
        if (!field->hasFocus())
            field->setCursorPosition(0);
    };
    show(m_title, gap.title);
    m_priority->setCurrentIndex(m_priority->findData(int(gap.priority)));
    m_status->setCurrentIndex(m_status->findData(int(gap.status)));
    show(m_owner, gap.owner);
    if (m_notes->toPlainText() != gap.notes && !m_notesTimer.isActive())
        m_notes->setPlainText(gap.notes);
}
