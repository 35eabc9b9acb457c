// SPDX-License-Identifier: GPL-3.0-or-later
#include "messagebanner.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QStyle>
#include <QToolButton>

MessageBanner::MessageBanner(QWidget *parent)
    : BannerFrame(parent)
{
    setObjectName(QStringLiteral("messageBanner"));
    auto *icon = new QLabel(this);
    const int size = style()->pixelMetric(QStyle::PM_SmallIconSize);
    icon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxWarning).pixmap(size, size));
    m_label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *close = new QToolButton(this);
    close->setAutoRaise(true);
    close->setIcon(style()->standardIcon(QStyle::SP_TitleBarCloseButton));
    close->setToolTip(tr("Dismiss"));
    connect(close, &QToolButton::clicked, this, &QWidget::hide);
    m_row->addWidget(icon, 0, Qt::AlignTop);
    m_row->addWidget(m_label, 1);
    m_row->addWidget(close, 0, Qt::AlignTop);
}

void MessageBanner::showError(const QString &text)
{
    tint(QColor(0xd6, 0x45, 0x41), 0.25);
    clearChoices();
    m_label->setText(text);
    show();
}

void MessageBanner::showChoice(const QString &text, const QVector<QPair<QString, std::function<void()>>> &choices)
{
    showError(text);
    for (const auto &choice : choices) {
        auto *button = new QPushButton(choice.first, this);
        const auto act = choice.second;
        connect(button, &QPushButton::clicked, this, [this, act] {
            hide();
            clearChoices();
            act();
        });
        m_row->insertWidget(m_row->count() - 1, button, 0, Qt::AlignTop);
        m_buttons << button;
    }
}

void MessageBanner::clearChoices()
{
    for (QPushButton *b : std::as_const(m_buttons))
        b->deleteLater();
    m_buttons.clear();
}
