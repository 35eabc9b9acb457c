// SPDX-License-Identifier: GPL-3.0-or-later
// ReportTreeModel following a TriageSession: each edit becomes row moves, inserts, removes or dataChanged
// on the built tree (see the note in reporttreenodes.h), never a reset.
#include "reporttreemodel.h"

#include "triagesession.h"

#include <QHash>
#include <QSet>

#include <algorithm>
#include <climits>

namespace Gapwise {

namespace {

    // Above this many contiguous runs one layout change is cheaper than a move signal each: every move is a
    // layout change inside QSortFilterProxyModel anyway, and each one makes the selection model re-map every
    // selected row (undoing a move of 1,000 selected tests took 0.55 s of GUI time at 64 runs, 0.05 s as one
    // layout change). A test or two dragged onto a gap still moves as rows.
    constexpr int MaxMoveSignals = 4;

    int slotOf(int ref)
    {
        return ref < 0 ? INT_MAX : ref;
    } // synthetic groups come last

    // A group lists its tests in report order (until the user sorts the view), wherever they came from: a
    // moved test takes its place among the target's tests, so undoing the move puts it back on its old row.
    int reportOrderRow(const GroupNode *group, int test)
    {
        return int(std::lower_bound(group->tests.begin(), group->tests.end(), test) - group->tests.begin());
    }

} // namespace

void ReportTreeModel::setSession(TriageSession *session)
{
    if (m_session)
        disconnect(m_session, nullptr, this, nullptr);
    if (m_ownSession && session != m_ownSession) {
        delete m_ownSession;
        m_ownSession = nullptr;
    }
    m_session = session;
    if (session) {
        connect(session, &TriageSession::modelReset, this, &ReportTreeModel::resetFromSession);
        connect(session, &TriageSession::testsReassigned, this, &ReportTreeModel::followTestsReassigned);
        connect(session, &TriageSession::gapInserted, this, &ReportTreeModel::followGapInserted);
        connect(session, &TriageSession::gapRemoved, this, [this](int index) { followGapRemoved(index); });
        connect(session, &TriageSession::gapChanged, this, &ReportTreeModel::followGapChanged);
    }
    resetFromSession();
}

void ReportTreeModel::setReport(const Report &report)
{
    if (m_ownSession && m_session == m_ownSession) {
        m_ownSession->load(report); // its modelReset resets the tree
        return;
    }
    auto *own = new TriageSession(this);
    own->load(report);
    setSession(own); // one reset
    m_ownSession = own;
}

void ReportTreeModel::resetFromSession()
{
    // Another report: the history of the previous one names other tests (the history panel reads the new one's).
    const bool hadHistory = m_history != nullptr;
    beginResetModel();
    m_history.reset();
    reindex();
    rebuild();
    endResetModel();
    if (hadHistory)
        Q_EMIT historyChanged();
}

void ReportTreeModel::reindex()
{
    const Report &r = report();
    m_phaseIndex.clear();
    for (int i = 0; i < r.phases.size(); ++i)
        m_phaseIndex.insert(r.phases[i].id, i);
    m_gapIndex.clear();
    for (int i = 0; i < r.gaps.size(); ++i)
        m_gapIndex.insert(r.gaps[i].id, i);
}

void ReportTreeModel::shiftGapRefs(int from, int delta)
{
    for (auto &top : m_tree.roots) {
        if (top->kind == NodeKind::Gap && top->ref >= from)
            top->ref += delta;
        for (auto &mid : top->children) {
            if (mid->kind == NodeKind::Gap && mid->ref >= from)
                mid->ref += delta;
        }
    }
}

// The session's report has the new gap at `index` already. Refs are shifted before any row signal, so every
// row reads the right gap of that report while views and proxies look at it during the signals.
void ReportTreeModel::followGapInserted(int index)
{
    reindex();
    shiftGapRefs(index, 1);
    if (m_grouping == Grouping::ByGap) {
        // Real gaps are the first top-level rows in report order, so the new one goes to row `index`.
        beginInsertRows({}, index, index);
        auto node = std::make_unique<GroupNode>();
        node->kind = NodeKind::Gap;
        node->ref = index;
        m_tree.roots.insert(m_tree.roots.begin() + index, std::move(node));
        for (size_t r = size_t(index); r < m_tree.roots.size(); ++r)
            m_tree.roots[r]->row = int(r);
        Q_EMIT triageChanged();
        endInsertRows();
        return;
    }
    // By phase a gap is a second-level row where it has tests; a new gap has none yet, so it shows under
    // "Gaps without tests" until tests are moved into it.
    syncEmptyGap(index);
    Q_EMIT triageChanged();
}

void ReportTreeModel::syncEmptyGap(int gapRef)
{
    if (m_grouping != Grouping::ByPhase || gapRef < 0)
        return;
    GroupNode *empty
        = !m_tree.roots.empty() && m_tree.roots.back()->ref == EmptyGapsRef ? m_tree.roots.back().get() : nullptr;
    bool hasTests = false;
    for (const auto &top : m_tree.roots) {
        for (const auto &mid : top->children)
            hasTests = hasTests || (top->ref != EmptyGapsRef && mid->ref == gapRef && !mid->tests.empty());
    }
    GroupNode *listed = nullptr;
    if (empty) {
        for (const auto &child : empty->children)
            listed = child->ref == gapRef ? child.get() : listed;
    }
    if (!hasTests && !listed) {
        if (!empty) {
            const int row = int(m_tree.roots.size());
            beginInsertRows({}, row, row);
            auto node = std::make_unique<GroupNode>();
            node->kind = NodeKind::Phase;
            node->ref = EmptyGapsRef;
            node->row = row;
            empty = node.get();
            m_tree.roots.push_back(std::move(node));
            endInsertRows();
        }
        ensureChild(empty, NodeKind::Gap, gapRef);
    } else if (hasTests && listed) {
        const int row = listed->row;
        beginRemoveRows(indexOfGroup(empty), row, row);
        empty->children.erase(empty->children.begin() + row);
        for (size_t r = size_t(row); r < empty->children.size(); ++r)
            empty->children[r]->row = int(r);
        endRemoveRows();
        removeIfEmpty(empty);
    }
}

// The session's report no longer has the gap at `index`. The commands empty a gap before removing it, so its
// row holds no tests: by gap it is a top-level row, by phase one under "Gaps without tests". As on insert,
// refs are fixed first; the leaving row names no gap while it goes.
void ReportTreeModel::followGapRemoved(int index)
{
    GroupNode *leaving = nullptr;
    if (m_grouping == Grouping::ByGap) {
        leaving = m_tree.roots[size_t(index)].get();
    } else if (!m_tree.roots.empty() && m_tree.roots.back()->ref == EmptyGapsRef) {
        for (const auto &child : m_tree.roots.back()->children)
            leaving = child->ref == index ? child.get() : leaving;
    }
    if (leaving) {
        Q_ASSERT(leaving->children.empty() && leaving->tests.empty());
        leaving->ref = -1;
    }
    reindex();
    shiftGapRefs(index + 1, -1);
    if (!leaving) {
        Q_EMIT triageChanged();
        return;
    }
    GroupNode *parent = leaving->parent;
    auto &siblings = parent ? parent->children : m_tree.roots;
    const int row = leaving->row;
    beginRemoveRows(parent ? indexOfGroup(parent) : QModelIndex(), row, row);
    siblings.erase(siblings.begin() + row);
    for (size_t r = size_t(row); r < siblings.size(); ++r)
        siblings[r]->row = int(r);
    Q_EMIT triageChanged();
    endRemoveRows();
    if (parent)
        removeIfEmpty(parent);
}

// Any field of the gap may have changed (the session's report has it already): its rows repaint, and the
// proxy hears of it, since a new title can change which tests a text filter lets through.
void ReportTreeModel::followGapChanged(int gapRef)
{
    Q_EMIT triageChanged();
    // The gap's rows (all columns) and the gap-derived columns of the tests below them.
    auto touch = [this](GroupNode *node) {
        emitGroupChanged(node);
        auto tests = [this](GroupNode *g) {
            if (!g->tests.empty()) {
                const QModelIndex p = indexOfGroup(g);
                Q_EMIT dataChanged(
                    this->index(0, PriorityColumn, p), this->index(int(g->tests.size()) - 1, PriorityColumn, p));
            }
        };
        tests(node);
        for (auto &mid : node->children) {
            emitGroupChanged(mid.get());
            tests(mid.get());
        }
    };
    for (auto &top : m_tree.roots) {
        if (top->kind == NodeKind::Gap && top->ref == gapRef)
            touch(top.get());
        for (auto &mid : top->children) {
            if (mid->kind == NodeKind::Gap && mid->ref == gapRef)
                touch(mid.get());
        }
    }
}

void ReportTreeModel::emitGroupChanged(GroupNode *group)
{
    Q_EMIT dataChanged(indexOfGroup(group, 0), indexOfGroup(group, ColumnCount - 1));
}

// The child of `top` for (kind, ref), inserted at its place in report order when it is missing.
GroupNode *ReportTreeModel::ensureChild(GroupNode *top, NodeKind kind, int ref)
{
    size_t pos = 0;
    for (; pos < top->children.size(); ++pos) {
        GroupNode *child = top->children[pos].get();
        if (child->ref == ref)
            return child;
        if (slotOf(child->ref) > slotOf(ref))
            break;
    }
    beginInsertRows(indexOfGroup(top), int(pos), int(pos));
    auto node = std::make_unique<GroupNode>();
    node->kind = kind;
    node->ref = ref;
    node->parent = top;
    GroupNode *raw = node.get();
    top->children.insert(top->children.begin() + long(pos), std::move(node));
    for (size_t r = pos; r < top->children.size(); ++r)
        top->children[r]->row = int(r);
    endInsertRows();
    return raw;
}

// Where a test belongs now that its gap changed; creates missing groups (row inserts) on the way.
GroupNode *ReportTreeModel::targetGroupFor(int testIndex)
{
    const TestCase &t = report().tests[testIndex];
    const int gapRef = t.gapId.isEmpty() ? -1 : m_gapIndex.value(t.gapId, -1);
    GroupNode *current = m_tree.testLocations[size_t(testIndex)].group;
    if (m_grouping == Grouping::ByPhase)
        return ensureChild(current->parent, NodeKind::Gap, gapRef);
    GroupNode *top = nullptr;
    if (gapRef >= 0) {
        top = m_tree.roots[size_t(gapRef)].get();
    } else if (!m_tree.roots.empty() && m_tree.roots.back()->ref < 0) {
        top = m_tree.roots.back().get();
    } else {
        const int row = int(m_tree.roots.size());
        beginInsertRows({}, row, row);
        auto node = std::make_unique<GroupNode>();
        node->kind = NodeKind::Gap;
        node->row = row;
        top = node.get();
        m_tree.roots.push_back(std::move(node));
        endInsertRows();
    }
    return ensureChild(top, NodeKind::Phase, current->ref);
}

void ReportTreeModel::followTestsReassigned(const QVector<int> &tests)
{
    Q_EMIT gapAssignmentsAboutToChange();
    followTestsReassignedRows(tests);
    Q_EMIT gapAssignmentsChanged(tests);
}

void ReportTreeModel::followTestsReassignedRows(const QVector<int> &tests)
{
    const QVector<TestCase> &now = report().tests;
    const auto gapRefNow = [&](int i) { return now[i].gapId.isEmpty() ? -1 : m_gapIndex.value(now[i].gapId, -1); };
    // Tests that stay in their gap may have been accepted in place (no longer a suggestion): their font and
    // tooltip change. Tests that move are repainted by their move.
    QVector<int> flagged;
    for (int i : tests) {
        if (gapRefNow(i) == gapIndexOfTest(i))
            flagged.append(i);
    }
    Q_EMIT triageChanged();
    // One signal per group, over the rows from its first to its last flagged test: accepting a suggested
    // gap of thousands of tests is a handful of signals, not thousands.
    QHash<GroupNode *, std::pair<int, int>> flaggedRows;
    for (int i : std::as_const(flagged)) {
        const TestLocation &at = m_tree.testLocations[size_t(i)];
        const auto it = flaggedRows.find(at.group);
        if (it == flaggedRows.end())
            flaggedRows.insert(at.group, { at.row, at.row });
        else
            *it = { qMin(it->first, at.row), qMax(it->second, at.row) };
    }
    for (auto it = flaggedRows.cbegin(); it != flaggedRows.cend(); ++it) {
        const QModelIndex parent = indexOfGroup(it.key());
        Q_EMIT dataChanged(index(it->first, 0, parent), index(it->second, columnCount() - 1, parent),
            { Qt::FontRole, Qt::ToolTipRole });
    }
    // 1. Target groups exist (inserts); 2. tests move; 3. emptied groups go (removes); 4. counts change;
    // 5. by phase, gaps that lost their last test or got their first one change "Gaps without tests".
    QSet<int> gapsTouched;
    if (m_grouping == Grouping::ByPhase) {
        for (int i : tests) {
            gapsTouched.insert(m_tree.testLocations[size_t(i)].group->ref);
            gapsTouched.insert(gapRefNow(i));
        }
    }
    std::vector<std::pair<int, GroupNode *>> moves;
    moves.reserve(size_t(tests.size()));
    QSet<int> seen; // a command may name a test twice; it moves once
    for (int i : tests) {
        if (seen.contains(i))
            continue;
        seen.insert(i);
        GroupNode *target = targetGroupFor(i);
        if (target != m_tree.testLocations[size_t(i)].group)
            moves.emplace_back(i, target);
    }
    if (moves.empty())
        return;
    // Count contiguous runs (same source, adjacent rows, same target) to choose the signal.
    std::sort(moves.begin(), moves.end(), [this](const auto &a, const auto &b) {
        const TestLocation &la = m_tree.testLocations[size_t(a.first)];
        const TestLocation &lb = m_tree.testLocations[size_t(b.first)];
        return la.group != lb.group ? la.group < lb.group : la.row > lb.row;
    });
    int runs = 0;
    for (size_t k = 0; k < moves.size(); ++k) {
        const TestLocation &l = m_tree.testLocations[size_t(moves[k].first)];
        const bool continues = k > 0 && m_tree.testLocations[size_t(moves[k - 1].first)].group == l.group
            && m_tree.testLocations[size_t(moves[k - 1].first)].row == l.row + 1
            && moves[k - 1].second == moves[k].second
            && reportOrderRow(moves[k].second, moves[k].first) == reportOrderRow(moves[k].second, moves[k - 1].first);
        runs += continues ? 0 : 1;
    }
    QSet<GroupNode *> touched;
    for (const auto &m : moves) {
        touched.insert(m_tree.testLocations[size_t(m.first)].group);
        touched.insert(m.second);
    }
    if (runs <= MaxMoveSignals)
        moveRuns(moves);
    else
        moveAsLayoutChange(moves);
    QSet<GroupNode *> parents;
    for (GroupNode *g : std::as_const(touched)) {
        if (g->parent)
            parents.insert(g->parent);
    }
    for (GroupNode *g : std::as_const(touched)) {
        if (g->tests.empty())
            removeIfEmpty(g);
        else
            emitGroupChanged(g);
    }
    for (GroupNode *p : std::as_const(parents)) {
        if (p->children.empty() && p->ref < 0 && m_grouping == Grouping::ByGap)
            removeIfEmpty(p);
        else
            emitGroupChanged(p);
    }
    for (int gapRef : std::as_const(gapsTouched))
        syncEmptyGap(gapRef);
}

// `moves` is sorted by source group, then row descending: moving a run leaves the rows still to move in place.
void ReportTreeModel::moveRuns(const std::vector<std::pair<int, GroupNode *>> &moves)
{
    size_t k = 0;
    while (k < moves.size()) {
        GroupNode *src = m_tree.testLocations[size_t(moves[k].first)].group;
        GroupNode *dst = moves[k].second;
        const int last = m_tree.testLocations[size_t(moves[k].first)].row;
        size_t end = k + 1;
        // A run: adjacent source rows that land side by side in the target, with none of its tests between.
        const int at = reportOrderRow(dst, moves[k].first);
        while (end < moves.size() && moves[end].second == dst
            && m_tree.testLocations[size_t(moves[end].first)].group == src
            && m_tree.testLocations[size_t(moves[end].first)].row == last - int(end - k)
            && reportOrderRow(dst, moves[end].first) == at)
            ++end;
        const int first = last - int(end - k) + 1;
        beginMoveRows(indexOfGroup(src), first, last, indexOfGroup(dst), at);
        dst->tests.insert(dst->tests.begin() + at, src->tests.begin() + first, src->tests.begin() + last + 1);
        src->tests.erase(src->tests.begin() + first, src->tests.begin() + last + 1);
        for (int r = at; r < at + (last - first + 1); ++r) {
            const TestStatus s = report().tests[dst->tests[size_t(r)]].status;
            src->tally.add(s, -1);
            src->parent->tally.add(s, -1);
            dst->tally.add(s);
            dst->parent->tally.add(s);
        }
        for (int r = at; r < int(dst->tests.size()); ++r)
            m_tree.testLocations[size_t(dst->tests[size_t(r)])] = { dst, r };
        for (int r = first; r < int(src->tests.size()); ++r)
            m_tree.testLocations[size_t(src->tests[size_t(r)])].row = r;
        endMoveRows();
        k = end;
    }
}

void ReportTreeModel::moveAsLayoutChange(const std::vector<std::pair<int, GroupNode *>> &moves)
{
    QSet<GroupNode *> groups;
    for (const auto &m : moves) {
        groups.insert(m_tree.testLocations[size_t(m.first)].group);
        groups.insert(m.second);
    }
    QList<QPersistentModelIndex> parents;
    for (GroupNode *g : std::as_const(groups))
        parents.append(indexOfGroup(g));
    Q_EMIT layoutAboutToBeChanged(parents);
    // Persistent indexes below the touched groups follow their test, found by report index.
    const QModelIndexList before = persistentIndexList();
    std::vector<int> testOf(size_t(before.size()), -1);
    for (int p = 0; p < before.size(); ++p) {
        auto *g = static_cast<GroupNode *>(before[p].internalPointer());
        if (g && groups.contains(g) && !g->isTopLevel())
            testOf[size_t(p)] = g->tests[size_t(before[p].row())];
    }
    std::vector<char> moving(size_t(report().tests.size()), 0);
    for (const auto &m : moves)
        moving[size_t(m.first)] = 1;
    for (GroupNode *g : std::as_const(groups)) {
        auto &v = g->tests;
        v.erase(std::remove_if(v.begin(), v.end(), [&](int t) { return moving[size_t(t)] != 0; }), v.end());
    }
    QHash<GroupNode *, size_t> kept; // how many of a target's tests stayed; the rest arrive after them
    for (GroupNode *g : std::as_const(groups))
        kept.insert(g, g->tests.size());
    for (const auto &[t, dst] : moves) {
        GroupNode *src = m_tree.testLocations[size_t(t)].group;
        const TestStatus s = report().tests[t].status;
        src->tally.add(s, -1);
        src->parent->tally.add(s, -1);
        dst->tests.push_back(t);
        dst->tally.add(s);
        dst->parent->tally.add(s);
    }
    // Back to report order: the arrivals sorted, then merged with the tests that stayed (both sorted).
    for (GroupNode *g : std::as_const(groups)) {
        const auto middle = g->tests.begin() + long(kept.value(g));
        std::sort(middle, g->tests.end());
        std::inplace_merge(g->tests.begin(), middle, g->tests.end());
    }
    for (GroupNode *g : std::as_const(groups)) {
        for (size_t r = 0; r < g->tests.size(); ++r)
            m_tree.testLocations[size_t(g->tests[r])] = { g, int(r) };
    }
    QModelIndexList after = before;
    for (int p = 0; p < before.size(); ++p) {
        if (testOf[size_t(p)] >= 0) {
            const TestLocation &l = m_tree.testLocations[size_t(testOf[size_t(p)])];
            after[p] = createIndex(l.row, before[p].column(), l.group);
        }
    }
    changePersistentIndexList(before, after);
    Q_EMIT layoutChanged(parents);
}

void ReportTreeModel::removeIfEmpty(GroupNode *group)
{
    if (!group->tests.empty() || !group->children.empty())
        return;
    GroupNode *parent = group->parent;
    if (!parent && group->ref >= 0)
        return; // real top-level phases and gaps stay, even empty
    auto &siblings = parent ? parent->children : m_tree.roots;
    const int row = group->row;
    beginRemoveRows(parent ? indexOfGroup(parent) : QModelIndex(), row, row);
    siblings.erase(siblings.begin() + row);
    for (size_t r = size_t(row); r < siblings.size(); ++r)
        siblings[r]->row = int(r);
    endRemoveRows();
}

} // namespace Gapwise
