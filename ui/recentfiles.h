// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QStringList>

class QMenu;

// The Open Recent list, kept in QSettings and written right after each successful open.
class RecentFiles : public QObject
{
    Q_OBJECT
public:
    explicit RecentFiles(QMenu *menu, QObject *parent = nullptr);
    void add(const QString &path);
    QStringList files() const;

signals:
    void openRequested(const QString &path);

private:
    void rebuildMenu();
    QMenu *m_menu;
};
