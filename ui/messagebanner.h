// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "bannerframe.h"

#include <functional>

class QPushButton;

// A non-modal message strip above the views (import errors): it never blocks the window and the report
// that was open stays open behind it.
class MessageBanner : public BannerFrame
{
    Q_OBJECT
public:
    explicit MessageBanner(QWidget *parent = nullptr);
    void showError(const QString &text);
    // A question that does not block: the text and one button per choice; a choice hides the banner.
    void showChoice(const QString &text, const QVector<QPair<QString, std::function<void()>>> &choices);
    QList<QPushButton *> choiceButtons() const { return m_buttons; }

private:
    void clearChoices();

    QList<QPushButton *> m_buttons;
};
