// SPDX-License-Identifier: GPL-3.0-or-later
// SharedTriageLink: others' edits arriving from the store, and their values put into the session without
// touching its undo stack.
#include "sharedtriagelink.h"

#include "sharedtriagefields.h"
#include "triagesession.h"

#include <utility>

namespace Gapwise {
using namespace SharedTriageFields;

void SharedTriageLink::onEdits(const QVector<SharedTriageEdit> &edits)
{
    QVector<QPair<SharedTriageItem, QString>> theirs;
    QHash<QString, int> theirsAt; // key -> index in `theirs`: a field edited twice in one batch goes in once
    QHash<QString, SharedTriageValue> who; // key -> the latest edit's value, who and when
    bool conflictChanged = false;
    for (const SharedTriageEdit &e : edits) {
        m_edits.append(e);
        const QString key = keyOf(e.item);
        if (e.version <= m_known.value(key).version)
            continue; // yours, or already known
        m_known.insert(key, { e.newValue, e.version });
        who.insert(key, { e.newValue, e.version, e.editor, e.editedAt });
        if (meetsMyDeletion(e))
            continue;
        if (theirsChangedInConflict(key, e)) {
            conflictChanged = true;
            continue;
        }
        if (m_pending.contains(key) || m_inFlight.contains(key) || !m_session || !m_ready)
            continue; // your unshared write meets it in the store: a conflict then
        bool present = false;
        const QString local = current(e.item, false, &present);
        if (const auto at = theirsAt.constFind(key); at != theirsAt.constEnd()) {
            theirs[*at].second = e.newValue;
        } else if ((present || isGap(e.item)) && local != e.newValue) {
            theirsAt.insert(key, int(theirs.size()));
            theirs.append({ e.item, e.newValue });
        }
    }
    for (const SharedTriageItem &refused : applyRemote(theirs)) {
        // Deleted there, but your tests are still in it here (or your edits of it are not shared yet).
        addConflict(refused, QString(), who.value(keyOf(refused)));
    }
    announceRemote();
    if (conflictChanged)
        Q_EMIT conflictsChanged();
    Q_EMIT editsArrived(edits);
}

void SharedTriageLink::announceRemote()
{
    if (!m_appliedRemote || !m_session)
        return;
    m_appliedRemote = false;
    // Off the undo stack, so no edit of this window's: but the views that follow the triage (the actions'
    // states, the changes panel, a comparison's digest) follow these too, as after an edit.
    m_session->othersChangesApplied();
}

QVector<SharedTriageItem> SharedTriageLink::applyRemote(const SharedTriageItem &item, const QString &value, bool force)
{
    return applyRemote(QVector<QPair<SharedTriageItem, QString>> { { item, value } }, force);
}

QVector<SharedTriageItem> SharedTriageLink::applyRemote(
    const QVector<QPair<SharedTriageItem, QString>> &changes, bool force)
{
    if (!m_session || changes.isEmpty())
        return {};
    m_applying = true;
    const auto ensureGap = [this](const QString &id) {
        int i = m_session->gapIndex(id);
        if (i < 0 && !id.isEmpty()) {
            // Another engineer's new gap, or one brought back: its fields as the store has them.
            const int imported = m_session->imported().gapIndex(id);
            Gap gap = imported >= 0 ? m_session->imported().gaps[imported] : Gap();
            gap.id = id;
            if (imported < 0)
                gap.title = id;
            for (const QString &field : gapFields()) {
                const auto known = m_known.constFind(keyOf({ QStringLiteral("gap"), id, field }));
                if (field != deletedField() && known != m_known.constEnd())
                    setGapField(gap, field, known->value);
            }
            i = m_session->report().gaps.size();
            m_session->applyInsertGap(i, gap);
        }
        return i;
    };
    const auto deletedThere = [this](const QString &id) {
        return m_known.value(keyOf({ QStringLiteral("gap"), id, deletedField() })).value == QLatin1String("yes");
    };
    // Tests move in one call (one signal for the models), however many another engineer moved.
    QVector<int> tests;
    QStringList gapIds;
    QHash<int, int> listed; // test index -> its place in `tests`
    QVector<SharedTriageItem> removals; // after the moves: a deleted gap's tests moved out first
    QStringList accepted;
    for (const auto &[item, value] : changes) {
        if (isGap(item) && item.field == deletedField()) {
            if (value.isEmpty())
                ensureGap(item.key);
            else
                removals.append(item);
        } else if (isGap(item)) {
            if (m_session->gapIndex(item.key) < 0 && deletedThere(item.key))
                continue; // an edit of a gap deleted since: it stays deleted
            const int i = ensureGap(item.key);
            Gap gap = m_session->report().gaps[i];
            setGapField(gap, item.field, value);
            m_session->applyGap(i, gap);
            if (item.field == QLatin1String("suggested") && value.isEmpty())
                accepted.append(item.key); // its tests' placements become people's too, as on accepting
        } else if (const int t = m_session->testIndex(item.key); t >= 0) {
            if (m_session->gapIndex(value) < 0 && deletedThere(value))
                continue; // moved into a gap deleted since: the conflict is the deleter's
            ensureGap(value);
            if (const auto earlier = listed.constFind(t); earlier != listed.constEnd()) {
                gapIds[*earlier] = value;
            } else {
                listed.insert(t, int(tests.size()));
                tests.append(t);
                gapIds.append(value);
            }
        }
    }
    for (int t = 0; t < m_session->report().tests.size() && !accepted.isEmpty(); ++t) {
        const TestCase &test = m_session->report().tests[t];
        if (test.gapSuggested && accepted.contains(test.gapId) && !listed.contains(t)) {
            listed.insert(t, int(tests.size()));
            tests.append(t);
            gapIds.append(test.gapId);
        }
    }
    if (!tests.isEmpty())
        m_session->applyTestGaps(tests, gapIds, QVector<bool>(tests.size(), false));
    QVector<SharedTriageItem> refused;
    for (const SharedTriageItem &item : std::as_const(removals)) {
        const int i = m_session->gapIndex(item.key);
        if (i < 0)
            continue;
        QVector<int> left; // tests still in it here
        for (int t = 0; t < m_session->report().tests.size(); ++t) {
            if (m_session->report().tests[t].gapId == item.key)
                left.append(t);
        }
        if (!force && (!left.isEmpty() || hasUnshared(item.key) || editedByMe(item.key))) {
            refused.append(item);
            continue;
        }
        if (!left.isEmpty())
            m_session->applyTestGaps(left, QStringList(left.size(), QString()), QVector<bool>(left.size(), false));
        m_session->applyRemoveGap(i);
    }
    m_applying = false;
    m_appliedRemote = true;
    Q_EMIT remoteApplied(int(changes.size())); // on opening, as they arrive, on Keep Theirs: views follow
    return refused;
}

} // namespace Gapwise
