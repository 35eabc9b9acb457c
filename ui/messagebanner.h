// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFrame>

#include <functional>

class QAction;
class QHBoxLayout;
class QLabel;
class QProgressBar;
class QPushButton;
class QToolButton;

// The window's strips above the views: news that never blocks the window and leaves the report open behind
// it (an import error, a question, a comparison running and its result). A panel tinted by the kind of news,
// the text, an optional second line and a button per action the caller offers. As in KMessageWidget, the
// caller owns the actions, so that a menu can hold the same ones. Hidden until it has something to say.
class MessageBanner : public QFrame
{
    Q_OBJECT
public:
    enum class Kind
    {
        Error, // a warning icon and a close button (dismissed())
        Busy, // a busy bar: the work has no useful percentage
        Result,
    };

    explicit MessageBanner(QWidget *parent = nullptr);

    // `html` on the first line, `secondHtml` below it unless empty; a button per action, in place of the
    // earlier buttons.
    void showMessage(
        Kind kind, const QString &html, const QList<QAction *> &actions = {}, const QString &secondHtml = {});
    void showError(const QString &text); // plain text or html (Qt::AutoText)
    // A question that does not block: the text and one button per choice; a choice hides the banner.
    // `textToolTip`: what the text cut short (a whole path), until the banner's next message.
    void showChoice(const QString &text, const QVector<QPair<QString, std::function<void()>>> &choices,
        const QString &textToolTip = QString());

    // The text as the user reads it: a rich-text label's markup is dropped, other text is returned as it was set.
    QString text() const;
    QString secondText() const; // the second line as plain text; empty when there is none
    QList<QPushButton *> buttons() const { return m_buttons; }
    QPushButton *buttonFor(const QAction *action) const;

signals:
    void dismissed(); // the close button hid an error

private:
    void present(Kind kind, const QString &text, Qt::TextFormat format, const QList<QAction *> &actions,
        const QString &secondHtml);
    void addButton(QAction *action);
    void clearButtons();
    // Mixes `share` of `color` into the palette's own window colour, so that the strip stays readable in light
    // and dark themes.
    void tint(const QColor &color, double share);

    QLabel *m_icon;
    QLabel *m_label;
    QLabel *m_second;
    QProgressBar *m_busy;
    QToolButton *m_close;
    QHBoxLayout *m_row;
    QList<QPushButton *> m_buttons;
    QList<const QAction *> m_buttonActions; // each button's action, in the same order
    QList<QAction *> m_choices; // showChoice's actions, owned here until the next message
};
