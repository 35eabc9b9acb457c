// SPDX-License-Identifier: GPL-3.0-or-later
#include "messagebanner.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QStyle>
#include <QToolButton>

MessageBanner::MessageBanner(QWidget *parent)
    : QFrame(parent)
    , m_label(new QLabel(this))
{
    setObjectName(QStringLiteral("messageBanner"));
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    auto *icon = new QLabel(this);
    const int size = style()->pixelMetric(QStyle::PM_SmallIconSize);
    icon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxWarning).pixmap(size, size));
    m_label->setWordWrap(true);
    m_label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *close = new QToolButton(this);
    close->setAutoRaise(true);
    close->setIcon(style()->standardIcon(QStyle::SP_TitleBarCloseButton));
    close->setToolTip(tr("Dismiss"));
    connect(close, &QToolButton::clicked, this, &QWidget::hide);
    auto *layout = new QHBoxLayout(this);
    m_layout = layout;
    layout->setContentsMargins(8, 4, 4, 4);
    layout->addWidget(icon, 0, Qt::AlignTop);
    layout->addWidget(m_label, 1);
    layout->addWidget(close, 0, Qt::AlignTop);
    hide();
}

void MessageBanner::showError(const QString &text)
{
    // A tint of the palette's own colours keeps the strip readable in light and dark themes.
    QPalette pal = palette();
    QColor tint(0xd6, 0x45, 0x41);
    tint.setAlpha(60);
    QColor bg = pal.color(QPalette::Window);
    bg = QColor::fromRgbF(bg.redF() * 0.75 + tint.redF() * 0.25, bg.greenF() * 0.75 + tint.greenF() * 0.25,
        bg.blueF() * 0.75 + tint.blueF() * 0.25);
    pal.setColor(QPalette::Window, bg);
    setPalette(pal);
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
        m_layout->insertWidget(m_layout->count() - 1, button, 0, Qt::AlignTop);
        m_buttons << button;
    }
}

void MessageBanner::clearChoices()
{
    for (QPushButton *b : std::as_const(m_buttons))
        b->deleteLater();
    m_buttons.clear();
}

QString MessageBanner::text() const
{
    return m_label->text();
}
