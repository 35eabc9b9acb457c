// SPDX-License-Identifier: GPL-3.0-or-later
// SharedTriageLink's conflicts: a write the store refused, an edit of a gap you deleted, a deletion of a gap you
// still use; kept (yours and theirs, who, when) until the engineer keeps theirs or writes theirs over.
#include "sharedtriagelink.h"

#include "sharedtriagefields.h"
#include "triagesession.h"

#include <algorithm>
#include <utility>

namespace Gapwise {
using namespace SharedTriageFields;

QVector<SharedTriageLink::Conflict>::iterator SharedTriageLink::findConflict(const QString &key)
{
    return std::find_if(
        m_conflicts.begin(), m_conflicts.end(), [&key](const Conflict &c) { return keyOf(c.item) == key; });
}

bool SharedTriageLink::meetsMyDeletion(const SharedTriageEdit &edit)
{
    const QString touched = isGap(edit.item) ? (edit.item.field != deletedField() ? edit.item.key : QString())
                                             : edit.newValue; // a test moved into it touches the gap too
    if (touched.isEmpty() || !m_session || m_session->gapIndex(touched) >= 0)
        return false;
    // An edit of a gap you deleted: the deletion and their edit meet here, never silently.
    const SharedTriageItem deleted { QStringLiteral("gap"), touched, deletedField() };
    const QString deletedKey = keyOf(deleted);
    if (!m_mine.contains(deletedKey) && !m_pending.contains(deletedKey) && !m_inFlight.contains(deletedKey))
        return false;
    addConflict(
        deleted, QStringLiteral("yes"), { QString(), m_known.value(deletedKey).version, edit.editor, edit.editedAt });
    return true;
}

bool SharedTriageLink::theirsChangedInConflict(const QString &key, const SharedTriageEdit &edit)
{
    const auto conflict = findConflict(key);
    if (conflict == m_conflicts.end())
        return false;
    conflict->theirs = { edit.newValue, edit.version, edit.editor, edit.editedAt };
    if (conflict->mine == edit.newValue)
        m_conflicts.erase(conflict); // they came round to yours: nothing left to choose
    return true;
}

bool SharedTriageLink::mineChangedInConflict(const QString &key, const QString &local)
{
    const auto conflict = findConflict(key);
    if (conflict == m_conflicts.end())
        return false;
    conflict->mine = local; // still yours against theirs: the engineer decides in the window
    return true;
}

void SharedTriageLink::conflicted(const SharedTriageItem &item, const QString &mine, const SharedTriageValue &theirs)
{
    const QString key = keyOf(item);
    m_inFlight.remove(key);
    m_pending.remove(key); // later edits of the field are part of "yours" in the conflict
    if (theirs.version > m_known.value(key).version)
        m_known.insert(key, { theirs.value, theirs.version });
    bool present = false;
    const QString local = m_session ? current(item, false, &present) : QString();
    if (!present || local != theirs.value) // both wrote the same value: nothing to choose
        addConflict(item, present ? local : mine, theirs);
}

void SharedTriageLink::addConflict(const SharedTriageItem &item, const QString &mine, const SharedTriageValue &theirs)
{
    const auto conflict = findConflict(keyOf(item));
    if (conflict != m_conflicts.end())
        *conflict = { item, mine, theirs };
    else
        m_conflicts.append({ item, mine, theirs });
    Q_EMIT conflictsChanged();
}

void SharedTriageLink::keepTheirs(int index)
{
    if (index < 0 || index >= m_conflicts.size())
        return;
    const Conflict c = m_conflicts.takeAt(index);
    QVector<QPair<SharedTriageItem, QString>> changes { { c.item, c.theirs.value } };
    if (c.item.field == deletedField() && c.theirs.value.isEmpty()) {
        // The gap comes back with the tests the store has in it.
        for (auto it = m_known.cbegin(); it != m_known.cend(); ++it) {
            const SharedTriageItem test = itemOfKey(it.key());
            if (test.kind == QLatin1String("test") && it->value == c.item.key)
                changes.append({ test, it->value });
        }
    }
    QStringList left; // your tests in a gap they deleted: unassigned with it, and said so to the store
    if (c.item.field == deletedField() && !c.theirs.value.isEmpty() && m_session) {
        for (const TestCase &t : m_session->report().tests) {
            if (t.gapId == c.item.key)
                left.append(t.id);
        }
    }
    applyRemote(changes, true);
    announceRemote();
    const QString key = keyOf(c.item);
    if (c.item.field == deletedField() && m_known.value(key).value != c.theirs.value) {
        // Their edit of a gap you deleted: keeping it brings the gap back for everyone.
        queue(c.item, c.theirs.value, m_known.value(key).version);
    }
    for (const QString &test : std::as_const(left)) {
        const SharedTriageItem item { QStringLiteral("test"), test, QStringLiteral("gap") };
        queue(item, QString(), m_known.value(keyOf(item)).version);
    }
    sendAll();
    Q_EMIT conflictsChanged();
}

void SharedTriageLink::writeMineOver(int index)
{
    if (index < 0 || index >= m_conflicts.size())
        return;
    const Conflict c = m_conflicts.takeAt(index);
    queue(c.item, c.mine, c.theirs.version);
    sendAll();
    Q_EMIT conflictsChanged();
    Q_EMIT stateChanged();
}

bool SharedTriageLink::hasUnshared(const QString &gapId) const
{
    for (const QString &field : gapFields()) {
        const QString key = keyOf({ QStringLiteral("gap"), gapId, field });
        if (m_pending.contains(key) || m_inFlight.contains(key) || m_typing.contains(key))
            return true; // being typed counts: the typing is the engineer's edit of the gap
    }
    return false;
}

bool SharedTriageLink::editedByMe(const QString &gapId) const
{
    for (const QString &field : gapFields()) {
        if (field == deletedField())
            continue;
        const QString key = keyOf({ QStringLiteral("gap"), gapId, field });
        const auto mine = m_mine.constFind(key);
        if (mine != m_mine.constEnd() && *mine == m_known.value(key).version)
            return true; // your value of that field is the store's latest
    }
    return false;
}

} // namespace Gapwise
