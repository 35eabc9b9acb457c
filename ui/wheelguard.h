// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

class QWidget;

// A combo box or spin box in a pane that scrolls: the mouse wheel changes its value only while it has the
// keyboard focus (a click or Tab put it there); otherwise the wheel scrolls the pane around it. The wheel no
// longer gives it the focus either (Qt::StrongFocus). Without this, scrolling the Gap pane over its Priority
// box set the gap's priority: an edit the user never meant, undoable but unseen.
void takeWheelOnlyWithFocus(QWidget *field);
