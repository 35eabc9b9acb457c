// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFrame>

#include <functional>

class QHBoxLayout;
class QLabel;
class QPushButton;

// A non-modal message strip above the views (import errors): it never blocks the window and the report
// that was open stays open behind it.
class MessageBanner : public QFrame
{
    Q_OBJECT
public:
    explicit MessageBanner(QWidget *parent = nullptr);
    void showError(const QString &text);
    // A question that does not block: the text and one button per choice; a choice hides the banner.
    void showChoice(const QString &text, const QVector<QPair<QString, std::function<void()>>> &choices);
    QString text() const;
    QList<QPushButton *> choiceButtons() const { return m_buttons; }

private:
    void clearChoices();

    QLabel *m_label;
    QHBoxLayout *m_layout = nullptr;
    QList<QPushButton *> m_buttons;
};
