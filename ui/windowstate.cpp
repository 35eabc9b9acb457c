// SPDX-License-Identifier: GPL-3.0-or-later
#include "windowstate.h"

#include <QHeaderView>
#include <QMainWindow>
#include <QSettings>
#include <QSplitter>

namespace WindowState {

namespace {
    // Bumped when the window's layout changes shape, so an old saved state is ignored instead of misapplied.
    constexpr int StateVersion = 1;
    QString splitterKey(const QSplitter *s)
    {
        return QStringLiteral("window/") + s->objectName();
    }
} // namespace

void save(const QMainWindow *window, const QList<QSplitter *> &splitters, const QHeaderView *header)
{
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), window->saveGeometry());
    settings.setValue(QStringLiteral("window/state"), window->saveState(StateVersion));
    for (const QSplitter *s : splitters)
        settings.setValue(splitterKey(s), s->saveState());
    settings.setValue(QStringLiteral("window/treeHeader"), header->saveState());
}

void restore(QMainWindow *window, const QList<QSplitter *> &splitters, QHeaderView *header)
{
    QSettings settings;
    window->restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray());
    window->restoreState(settings.value(QStringLiteral("window/state")).toByteArray(), StateVersion);
    for (QSplitter *s : splitters)
        s->restoreState(settings.value(splitterKey(s)).toByteArray());
    header->restoreState(settings.value(QStringLiteral("window/treeHeader")).toByteArray());
}

} // namespace WindowState
