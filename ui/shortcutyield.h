// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>

class QAction;
class QLineEdit;

// A line edit in front of the window's menu (the filter box, where the focus starts) took Ctrl+Z, Ctrl+Shift+Z,
// Ctrl+Y and Ctrl+E for itself, so Edit > Undo and Edit in Gap Pane did nothing from there. Afterwards:
// - `undo` and `redo` keys stay the field's while it has typing of its own to undo or redo; otherwise they are
//   the window's actions' (the triage's undo);
// - the keys of `windowActions` are always the window's (Ctrl+E: the line edit's end-of-line key; End still
//   goes to the end).
void yieldShortcutsToWindow(QLineEdit *field, QAction *undo, QAction *redo, const QList<QAction *> &windowActions);
