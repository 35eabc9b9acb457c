// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QPair>
#include <QSet>
#include <QTimer>
#include <QVector>
#include <QWidget>

class ElidedLabel;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;

namespace Gapwise {
class TriageSession;
}

// An editable form for one gap: title, priority, status, owner, notes. Each change is one session edit
// (typing in the title or notes folds into one undo step); the form follows undo/redo and other edits.
// A gap Gapwise suggested says so, with an Accept button (any edit accepts it too).
// What the user is typing (a title, owner or notes changed since the form last set them, not yet committed) is
// theirs: a change of that field from elsewhere (another engineer's, in shared triage) does not replace it, and
// it is committed to the gap it was typed for, never to the gap the form shows next. When the form moves to another
// gap while the keyboard is in one of its fields (the user did not pick that gap: theirs was deleted by someone else,
// or undone), the keyboard leaves the form and a line says so: no keystroke meant for one gap edits another.
class GapEditor : public QWidget
{
    Q_OBJECT
public:
    explicit GapEditor(Gapwise::TriageSession *session, QWidget *parent = nullptr);

    void setGap(const QString &gapId); // "" clears the form
    // Commits what is typed but not yet an edit (notes waiting for the pause, a title or owner without
    // Enter), so a save or the "save changes?" question sees it.
    void commitPending();
    QString gapId() const { return m_gapId; }
    QLineEdit *titleField() const { return m_title; }
    QComboBox *priorityBox() const { return m_priority; }
    QComboBox *statusBox() const { return m_status; }
    QLineEdit *ownerField() const { return m_owner; }
    QPlainTextEdit *notesField() const { return m_notes; }
    QPushButton *acceptButton() const { return m_accept; }
    bool isTyping(const QString &field) const { return m_typing.contains(field); } // "title", "owner", "notes"
    // The line that says the keyboard left the form because its gap did; empty when hidden.
    QString leftNote() const;

Q_SIGNALS:
    // The user began typing a new value of the gap's field, and that typing ended (committed, or left): shared
    // triage bases the edit on the value the user saw when they began.
    void typingStarted(const QString &gapId, const QString &field);
    void typingEnded(const QString &gapId, const QString &field);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void refresh();
    QVector<QWidget *> fields() const;
    bool keyboardInFields() const;
    void leaveFields(); // the keyboard leaves the fields: keystrokes edit nothing
    void commitNotes();
    void commitTitle();
    void commitOwner();
    void startTyping(const QString &field);
    void endTyping(const QString &field);
    void commitTyped(); // every field typed in, to the gap it was typed for
    void deferTyped();
    void commitDeferred();

    Gapwise::TriageSession *m_session;
    QString m_gapId;
    ElidedLabel *m_heading; // the gap's title, cut to the pane's width
    QLabel *m_left; // "You were typing in …": shown when the form's gap changed under the keyboard
    QWidget *m_suggestion; // "Suggested by Gapwise" and Accept, shown for a gap Gapwise proposed
    QPushButton *m_accept;
    QLineEdit *m_title;
    QComboBox *m_priority;
    QComboBox *m_status;
    QLineEdit *m_owner;
    QPlainTextEdit *m_notes;
    QTimer m_notesTimer; // notes are saved after a pause in typing, and when the field loses focus
    QSet<QString> m_typing; // fields typed in and not committed yet
    struct Deferred
    {
        QString gapId;
        QVector<QPair<QString, QString>> values; // field, text
    };
    QVector<Deferred> m_deferred; // typed in a gap the form has left, committed at the next turn of the event loop
};
