// SPDX-License-Identifier: GPL-3.0-or-later
#include "panefocusframe.h"

#include <QApplication>
#include <QEvent>
#include <QPainter>
#include <QWidget>

namespace {

class FocusOutline : public QWidget
{
public:
    explicit FocusOutline(QWidget *pane)
        : QWidget(pane)
    {
        setObjectName(QStringLiteral("paneFocusFrame"));
        setAttribute(Qt::WA_TransparentForMouseEvents);
        setFocusPolicy(Qt::NoFocus);
    }

protected:
    void paintEvent(QPaintEvent *) override
    {
        QPainter painter(this);
        // The highlight colour says "focus" on light and dark palettes alike.
        QPen pen(palette().color(QPalette::Active, QPalette::Highlight), 2);
        pen.setJoinStyle(Qt::MiterJoin);
        painter.setPen(pen);
        painter.drawRect(QRectF(rect()).adjusted(1, 1, -1, -1));
    }
};

} // namespace

PaneFocusFrame::PaneFocusFrame(QObject *parent)
    : QObject(parent)
{
    connect(qApp, &QApplication::focusChanged, this, [this](QWidget *, QWidget *now) { follow(now); });
}

PaneFocusFrame::~PaneFocusFrame()
{
    delete m_outline; // its pane may outlive this
}

void PaneFocusFrame::setPanes(const QList<QWidget *> &panes)
{
    m_panes.clear();
    for (QWidget *pane : panes)
        m_panes.append(pane);
    follow(QApplication::focusWidget());
}

QWidget *PaneFocusFrame::framed() const
{
    return m_outline && m_outline->isVisible() ? m_outline->parentWidget() : nullptr;
}

void PaneFocusFrame::follow(QWidget *focused)
{
    QWidget *pane = nullptr;
    for (const QPointer<QWidget> &p : std::as_const(m_panes)) {
        if (p && focused && (p == focused || p->isAncestorOf(focused)))
            pane = p;
    }
    QWidget *previous = m_outline ? m_outline->parentWidget() : nullptr;
    if (previous && previous != pane)
        previous->removeEventFilter(this);
    if (!pane) {
        if (m_outline)
            m_outline->hide();
        return;
    }
    if (!m_outline)
        m_outline = new FocusOutline(pane);
    else if (previous != pane)
        m_outline->setParent(pane);
    pane->installEventFilter(this); // follows the pane's size
    m_outline->setGeometry(pane->rect());
    m_outline->raise();
    m_outline->show();
}

bool PaneFocusFrame::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::Resize && m_outline && watched == m_outline->parentWidget())
        m_outline->setGeometry(m_outline->parentWidget()->rect());
    return QObject::eventFilter(watched, event);
}
