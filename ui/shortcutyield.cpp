// SPDX-License-Identifier: GPL-3.0-or-later
#include "shortcutyield.h"

#include <QAction>
#include <QKeyEvent>
#include <QLineEdit>
#include <QPointer>

namespace {

class ShortcutYield : public QObject
{
public:
    ShortcutYield(QLineEdit *field, QAction *undo, QAction *redo, const QList<QAction *> &windowActions)
        : QObject(field)
        , m_field(field)
        , m_undo(undo)
        , m_redo(redo)
    {
        for (QAction *action : windowActions)
            m_windowActions << action;
    }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (watched != m_field || event->type() != QEvent::ShortcutOverride)
            return QObject::eventFilter(watched, event);
        const auto *key = static_cast<QKeyEvent *>(event);
        const QKeySequence pressed(QKeyCombination(key->modifiers() & ~Qt::KeypadModifier, Qt::Key(key->key())));
        const auto bound
            = [&pressed](const QAction *action) { return action && action->shortcuts().contains(pressed); };
        bool yield = (bound(m_undo) && !m_field->isUndoAvailable()) || (bound(m_redo) && !m_field->isRedoAvailable());
        for (const QPointer<QAction> &action : std::as_const(m_windowActions))
            yield = yield || bound(action);
        if (!yield)
            return false; // the line edit decides, as before
        // Not accepted: the shortcut map gives the key to the window's action.
        event->ignore();
        return true;
    }

private:
    QLineEdit *m_field;
    QPointer<QAction> m_undo;
    QPointer<QAction> m_redo;
    QList<QPointer<QAction>> m_windowActions;
};

} // namespace

void yieldShortcutsToWindow(QLineEdit *field, QAction *undo, QAction *redo, const QList<QAction *> &windowActions)
{
    field->installEventFilter(new ShortcutYield(field, undo, redo, windowActions));
}
