// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>

class QHeaderView;
class QMainWindow;
class QSplitter;

// Window geometry, dock and toolbar layout, splitter positions and tree columns, kept between runs.
namespace WindowState {
void save(const QMainWindow *window, const QList<QSplitter *> &splitters, const QHeaderView *header);
void restore(QMainWindow *window, const QList<QSplitter *> &splitters, QHeaderView *header);
} // namespace WindowState
