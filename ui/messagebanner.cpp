// SPDX-License-Identifier: GPL-3.0-or-later
#include "messagebanner.h"

#include "colorblend.h"

#include <QAction>
#include <QApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QStyle>
#include <QTextDocument>
#include <QToolButton>
#include <QVBoxLayout>

namespace {
QString plainText(const QString &html)
{
    QTextDocument doc;
    doc.setHtml(html);
    return doc.toPlainText();
}
} // namespace

MessageBanner::MessageBanner(QWidget *parent)
    : QFrame(parent)
    , m_icon(new QLabel(this))
    , m_label(new QLabel(this))
    , m_second(new QLabel(this))
    , m_busy(new QProgressBar(this))
    , m_close(new QToolButton(this))
    , m_row(new QHBoxLayout(this))
{
    setObjectName(QStringLiteral("messageBanner"));
    m_label->setObjectName(QStringLiteral("bannerText")); // a caller may give it a tooltip
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    const int size = style()->pixelMetric(QStyle::PM_SmallIconSize);
    m_icon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxWarning).pixmap(size, size));
    for (QLabel *label : { m_label, m_second }) {
        label->setWordWrap(true);
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    }
    m_second->setTextFormat(Qt::RichText);
    m_busy->setRange(0, 0);
    m_busy->setMaximumWidth(160);
    m_busy->setTextVisible(false);
    m_close->setAutoRaise(true);
    m_close->setIcon(style()->standardIcon(QStyle::SP_TitleBarCloseButton));
    m_close->setToolTip(tr("Dismiss"));
    connect(m_close, &QToolButton::clicked, this, [this] {
        hide();
        Q_EMIT dismissed();
    });

    auto *text = new QVBoxLayout;
    text->setSpacing(2);
    text->addWidget(m_label);
    text->addWidget(m_second);
    m_row->setContentsMargins(8, 4, 4, 4);
    m_row->addWidget(m_icon, 0, Qt::AlignTop);
    m_row->addLayout(text, 1);
    m_row->addWidget(m_busy, 0, Qt::AlignTop);
    m_row->addWidget(m_close, 0, Qt::AlignTop);
    hide();
}

void MessageBanner::showMessage(
    Kind kind, const QString &html, const QList<QAction *> &actions, const QString &secondHtml)
{
    present(kind, html, Qt::RichText, actions, secondHtml);
}

void MessageBanner::showError(const QString &text)
{
    present(Kind::Error, text, Qt::AutoText, {}, QString());
}

void MessageBanner::showChoice(
    const QString &text, const QVector<QPair<QString, std::function<void()>>> &choices, const QString &textToolTip)
{
    QList<QAction *> actions;
    for (const auto &[label, act] : choices) {
        auto *action = new QAction(label, this);
        connect(action, &QAction::triggered, this, [this, act = act] {
            hide();
            clearButtons();
            act();
        });
        actions << action;
    }
    present(Kind::Error, text, Qt::AutoText, actions, QString());
    m_label->setToolTip(textToolTip);
    m_choices = actions;
}

void MessageBanner::present(
    Kind kind, const QString &text, Qt::TextFormat format, const QList<QAction *> &actions, const QString &secondHtml)
{
    switch (kind) {
    case Kind::Error:
        tint(QColor(0xd6, 0x45, 0x41), 0.25);
        break;
    case Kind::Busy:
        tint(QColor(0x90, 0xa4, 0xae), 0.2);
        break;
    case Kind::Result:
        tint(QColor(0x42, 0x85, 0xf4), 0.2);
        break;
    }
    m_icon->setVisible(kind == Kind::Error);
    m_close->setVisible(kind == Kind::Error);
    m_busy->setVisible(kind == Kind::Busy);
    m_label->setTextFormat(format);
    m_label->setText(text);
    m_label->setToolTip(QString()); // the last message's (showChoice's textToolTip)
    m_second->setText(secondHtml);
    m_second->setVisible(!secondHtml.isEmpty());
    clearButtons();
    for (QAction *action : actions)
        addButton(action);
    show();
}

void MessageBanner::addButton(QAction *action)
{
    auto *button = new QPushButton(action->text(), this);
    // QAction's tooltip falls back to its text: the button says that already.
    if (action->toolTip() != action->iconText())
        button->setToolTip(action->toolTip());
    button->setEnabled(action->isEnabled());
    connect(button, &QPushButton::clicked, action, &QAction::trigger);
    connect(action, &QAction::changed, button, [button, action] { button->setEnabled(action->isEnabled()); });
    m_row->insertWidget(m_row->indexOf(m_close), button, 0, Qt::AlignTop);
    m_buttons << button;
    m_buttonActions << action;
}

// Buttons and actions go later: one of them may be the sender that is being handled.
void MessageBanner::clearButtons()
{
    for (QPushButton *b : std::as_const(m_buttons))
        b->deleteLater();
    for (QAction *a : std::as_const(m_choices))
        a->deleteLater();
    m_buttons.clear();
    m_buttonActions.clear();
    m_choices.clear();
}

QPushButton *MessageBanner::buttonFor(const QAction *action) const
{
    const qsizetype at = m_buttonActions.indexOf(action);
    return at < 0 ? nullptr : m_buttons[at];
}

QString MessageBanner::text() const
{
    return m_label->textFormat() == Qt::RichText ? plainText(m_label->text()) : m_label->text();
}

QString MessageBanner::secondText() const
{
    return m_second->isVisibleTo(this) ? plainText(m_second->text()) : QString();
}

// From the window's colour, not the banner's own: that one holds the last tint, and a second message would
// deepen it.
void MessageBanner::tint(const QColor &color, double share)
{
    const QPalette window = parentWidget() ? parentWidget()->palette() : QApplication::palette(this);
    QPalette pal = palette();
    pal.setColor(QPalette::Window, blend(window.color(QPalette::Window), color, share));
    setPalette(pal);
}
