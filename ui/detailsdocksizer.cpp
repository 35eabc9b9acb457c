// SPDX-License-Identifier: GPL-3.0-or-later
#include "detailsdocksizer.h"

#include <QDockWidget>
#include <QEvent>
#include <QMainWindow>
#include <QScopedValueRollback>
#include <QTextEdit>

DetailsDockSizer::DetailsDockSizer(QMainWindow *window, QDockWidget *dock, QTextEdit *details)
    : QObject(window)
    , m_window(window)
    , m_dock(dock)
    , m_details(details)
{
    // QMainWindow moves its dock separators from mouse events on itself (a separator is no widget): a dock
    // resized while a button is held there was resized by the user.
    window->installEventFilter(this);
    dock->installEventFilter(this);
    // Behind another tab (Gap, Changes) the dock stays visible to Qt but keeps the height it had when it was last
    // in front: fitting to that height grew the whole bottom area at each new row, under the Gap pane the user
    // was working in (QA: 60-80 px after drags of tests onto gaps), and it never shrank back.
    connect(dock, &QDockWidget::visibilityChanged, this, [this](bool inFront) { m_inFront = inFront; });
}

void DetailsDockSizer::fit()
{
    if (m_sizedByHand || !m_inFront || !m_dock->isVisible() || m_dock->isFloating())
        return;
    const int line = m_details->fontMetrics().height();
    m_details->document()->setTextWidth(m_details->viewport()->width());
    const int wanted = int(m_details->document()->size().height()) + m_details->frameWidth() * 2
        + (m_dock->height() - m_details->height()) + line * 2;
    const int target = qBound(line * 7, wanted, tallest());
    // Up only, and by more than two lines; down only where the window got too small for the height it has.
    const bool grow = target > m_dock->height() + line * 2;
    const bool tooTall = m_dock->height() > tallest() + line * 2;
    if (grow || tooTall) {
        const QScopedValueRollback<bool> fitting(m_fitting, true);
        m_window->resizeDocks({ m_dock }, { target }, Qt::Vertical);
    }
}

void DetailsDockSizer::fitForRow(const QString &row)
{
    // A drop of tests onto a gap redrew their details with the new gap's title (often a whole error message, on
    // several lines), and the pane grew under the user's hands as if they had gone to a longer failure (QA).
    if (row == m_row)
        return;
    m_row = row;
    fit();
}

int DetailsDockSizer::tallest() const
{
    // Two fifths of a window 768 px tall or more. A shorter one needs its height for the tree, the charts and a
    // banner more (at 1024x600 in comparison mode two fifths left the tree four rows): the pane gives up half
    // of what the window lacks of 768 px, down to seven lines, and scrolls the rest.
    const int height = m_window->height();
    return qMax(m_details->fontMetrics().height() * 7, height * 2 / 5 - qMax(0, 768 - height) / 2);
}

bool DetailsDockSizer::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_window) {
        if (event->type() == QEvent::MouseButtonPress)
            m_buttonDown = true;
        else if (event->type() == QEvent::MouseButtonRelease)
            m_buttonDown = false;
    } else if (watched == m_dock && event->type() == QEvent::Resize && m_buttonDown && !m_fitting) {
        m_sizedByHand = true;
    }
    return QObject::eventFilter(watched, event);
}
