// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QObject>
#include <QPointer>

class QWidget;

// A line in the highlight colour around the pane that has the keyboard focus (the tree, the details, a chart):
// F6 moved the focus between them with nothing on screen to say where it went, since a read-only text pane shows
// no caret and a chart no focus at all. The filter field shows its own focus and gets no line. The line is drawn
// inside the pane, over its edge: QFocusFrame draws outside its widget, where a pane that fills its dock or
// splitter cell leaves it no room.
class PaneFocusFrame : public QObject
{
    Q_OBJECT
public:
    explicit PaneFocusFrame(QObject *parent);
    ~PaneFocusFrame() override;
    void setPanes(const QList<QWidget *> &panes);
    QWidget *framed() const; // the pane the line is around, or nullptr

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void follow(QWidget *focused);

    QList<QPointer<QWidget>> m_panes;
    QPointer<QWidget> m_outline; // a child of the framed pane, on top of its other children
};
