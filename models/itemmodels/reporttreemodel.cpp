// SPDX-License-Identifier: GPL-3.0-or-later
#include "reporttreemodel.h"
#include "counttext.h"
#include "displaytext.h"
#include "grouplabels.h"
#include "phasecounts.h"
#include "statuspalette.h"
#include "triagesession.h"

#include <QLocale>

#include <algorithm>

namespace Gapwise {

namespace {

    // Priorities sort P0 first, "none" last; synthetic groups after every real one.
    constexpr int SyntheticSortKey = 1 << 20;

    int prioritySortKey(Priority p)
    {
        return static_cast<int>(p);
    }

} // namespace

ReportTreeModel::ReportTreeModel(QObject *parent)
    : QAbstractItemModel(parent)
{
}

ReportTreeModel::~ReportTreeModel() = default;

const Report &ReportTreeModel::report() const
{
    static const Report empty;
    return m_session ? m_session->report() : empty;
}

QString ReportTreeModel::unassignedTitle()
{
    return unassignedGroupTitle();
}
QString ReportTreeModel::noPhaseTitle()
{
    return noPhaseGroupTitle();
}
QString ReportTreeModel::emptyGapsTitle()
{
    return tr("Gaps without tests");
}

void ReportTreeModel::setGrouping(Grouping grouping)
{
    if (grouping == m_grouping)
        return;
    beginResetModel();
    m_grouping = grouping;
    rebuild();
    endResetModel();
}

void ReportTreeModel::rebuild()
{
    m_tree = buildReportTree(report(), m_grouping);
}

GroupNode *ReportTreeModel::groupAt(const QModelIndex &index) const
{
    if (!index.isValid())
        return nullptr;
    auto *parentNode = static_cast<GroupNode *>(index.internalPointer());
    if (!parentNode)
        return m_tree.roots[size_t(index.row())].get();
    if (parentNode->isTopLevel())
        return parentNode->children[size_t(index.row())].get();
    return nullptr; // a test row
}

QModelIndex ReportTreeModel::indexOfGroup(const GroupNode *node, int column) const
{
    return createIndex(node->row, column, node->parent);
}

NodeKind ReportTreeModel::kindOf(const QModelIndex &index) const
{
    const GroupNode *g = groupAt(index);
    return g ? g->kind : NodeKind::Test;
}

int ReportTreeModel::testIndexAt(const QModelIndex &index) const
{
    if (!index.isValid() || !index.internalPointer())
        return -1;
    const auto *group = static_cast<const GroupNode *>(index.internalPointer());
    return group->isTopLevel() ? -1 : group->tests[size_t(index.row())];
}

int ReportTreeModel::gapIndexOfTest(int testIndex) const
{
    const GroupNode *group = m_tree.testLocations[size_t(testIndex)].group;
    return group->kind == NodeKind::Gap ? group->ref : group->parent->ref;
}

const TestCase *ReportTreeModel::testAt(const QModelIndex &index) const
{
    const int i = testIndexAt(index);
    return i < 0 ? nullptr : &report().tests[i];
}

const Phase *ReportTreeModel::phaseOfGroup(const GroupNode *node) const
{
    return node && node->kind == NodeKind::Phase && node->ref >= 0 ? &report().phases[node->ref] : nullptr;
}

const Gap *ReportTreeModel::gapOfGroup(const GroupNode *node) const
{
    return node && node->kind == NodeKind::Gap && node->ref >= 0 ? &report().gaps[node->ref] : nullptr;
}

const Phase *ReportTreeModel::phaseAt(const QModelIndex &index) const
{
    return phaseOfGroup(groupAt(index));
}
const Gap *ReportTreeModel::gapAt(const QModelIndex &index) const
{
    return gapOfGroup(groupAt(index));
}

QModelIndex ReportTreeModel::topLevelIndex(NodeKind kind, const QString &id) const
{
    if (m_tree.roots.empty() || m_tree.roots.front()->kind != kind)
        return {};
    const int ref = id.isEmpty() ? -1 : (kind == NodeKind::Phase ? m_phaseIndex : m_gapIndex).value(id, -2);
    if (ref == -2)
        return {};
    if (ref >= 0)
        return index(ref, 0); // real groups are the first rows, in report order
    for (auto it = m_tree.roots.rbegin(); it != m_tree.roots.rend() && (*it)->ref < 0; ++it) {
        if ((*it)->ref == -1) // "No phase" / "Unassigned", not "Gaps without tests"
            return indexOfGroup(it->get());
    }
    return {};
}

QModelIndexList ReportTreeModel::groupIndexes(NodeKind kind, const QString &id) const
{
    QModelIndexList result;
    const int ref = id.isEmpty() ? -1 : (kind == NodeKind::Phase ? m_phaseIndex : m_gapIndex).value(id, -2);
    if (ref == -2)
        return result;
    for (const auto &top : m_tree.roots) {
        if (top->kind == kind && top->ref == ref) {
            result << indexOfGroup(top.get());
            continue;
        }
        for (const auto &mid : top->children) {
            if (mid->kind == kind && mid->ref == ref)
                result << indexOfGroup(mid.get());
        }
    }
    return result;
}

QModelIndex ReportTreeModel::indexForTest(int testIndex, int column) const
{
    if (testIndex < 0 || size_t(testIndex) >= m_tree.testLocations.size())
        return {};
    const TestLocation &loc = m_tree.testLocations[size_t(testIndex)];
    return createIndex(loc.row, column, loc.group);
}

QModelIndex ReportTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    if (row < 0 || column < 0 || column >= ColumnCount || row >= rowCount(parent))
        return {};
    if (!parent.isValid())
        return createIndex(row, column, nullptr);
    // The child's internal pointer is its parent group, which `parent` names by its own (row, pointer).
    return createIndex(row, column, groupAt(parent));
}

QModelIndex ReportTreeModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || !child.internalPointer())
        return {};
    return indexOfGroup(static_cast<const GroupNode *>(child.internalPointer()));
}

int ReportTreeModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return int(m_tree.roots.size());
    if (parent.column() != 0)
        return 0;
    const GroupNode *g = groupAt(parent);
    if (!g)
        return 0;
    return g->isTopLevel() ? int(g->children.size()) : int(g->tests.size());
}

int ReportTreeModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

bool ReportTreeModel::hasChildren(const QModelIndex &parent) const
{
    return rowCount(parent) > 0;
}

Qt::ItemFlags ReportTreeModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    Qt::ItemFlags f = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    if (testIndexAt(index) >= 0)
        f |= Qt::ItemNeverHasChildren;
    if (m_session) {
        f |= Qt::ItemIsDropEnabled;
        if (testIndexAt(index) >= 0)
            f |= Qt::ItemIsDragEnabled;
        else if (index.column() == NameColumn && gapAt(index))
            f |= Qt::ItemIsEditable;
    }
    return f;
}

QVariant ReportTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Name");
    case StatusColumn:
        return tr("Status");
    case FailuresColumn:
        return tr("Failures");
    case PhaseColumn:
        return tr("Phase");
    case PriorityColumn:
        return tr("Priority");
    case HistoryColumn:
        return tr("Last runs");
    default:
        return {};
    }
}

QVariant ReportTreeModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    if (role == HistoryStripRole || role == HistoryMarksRole || index.column() == HistoryColumn)
        return historyData(index, role);
    if (const GroupNode *g = groupAt(index))
        return groupData(g, index.column(), role);
    const auto *group = static_cast<const GroupNode *>(index.internalPointer());
    return testData(group->tests[size_t(index.row())], group, index.column(), role);
}

QString ReportTreeModel::groupName(const GroupNode *node) const
{
    if (node->ref == EmptyGapsRef)
        return emptyGapsTitle();
    if (node->ref < 0)
        return node->kind == NodeKind::Gap ? unassignedTitle() : noPhaseTitle();
    return node->kind == NodeKind::Gap ? report().gaps[node->ref].title : report().phases[node->ref].name;
}

// A top-level phase counts its unnamed failures too (the report says "30 failed" but names 23).
int ReportTreeModel::groupFailures(const GroupNode *node) const
{
    const int named = node->tally.failures();
    const Phase *phase = node->isTopLevel() ? phaseOfGroup(node) : nullptr;
    if (!phase || (phase->failed < 0 && phase->errors < 0))
        return named;
    return qMax(named, qMax(0, phase->failed) + qMax(0, phase->errors));
}

int ReportTreeModel::unnamedFailuresAt(const QModelIndex &index) const
{
    const GroupNode *node = groupAt(index);
    return node ? groupFailures(node) - node->tally.failures() : 0;
}

// "20 failing · 37 tests": a top-level phase says the report's own counts where it states them (the seed's
// E2E phase counts failures it does not name), every other group what it holds.
QString ReportTreeModel::groupStatusText(const GroupNode *node) const
{
    return statusCountText(groupFailures(node), groupTotal(node));
}

int ReportTreeModel::groupTotal(const GroupNode *node) const
{
    const Phase *phase = node->isTopLevel() ? phaseOfGroup(node) : nullptr;
    if (!phase)
        return node->tally.total();
    // The report's total, or what its stated counts add up to where that is more, as the plan's row says it.
    return std::max({ phase->total, statedPartsSum(*phase), node->tally.total() });
}

QString ReportTreeModel::statusCountText(int failing, int total)
{
    if (total == 0 && failing == 0)
        return tr("no named tests");
    const QLocale locale;
    if (failing == 0)
        return total == 1 ? tr("1 test, none failing") : tr("%1 tests, none failing").arg(locale.toString(total));
    return tr("%1 failing \u00b7 %2")
        .arg(locale.toString(failing), total == 1 ? tr("1 test") : tr("%1 tests").arg(locale.toString(total)));
}

QStringList ReportTreeModel::widestStatusTexts() const
{
    // Edits move tests between groups, so no group ever counts more than all top-level groups together.
    QStringList texts;
    int failing = 0;
    int total = 0;
    int others = 0; // the named tests that do not fail, counted by the top-level groups' tallies
    for (const auto &root : m_tree.roots) {
        texts << groupStatusText(root.get());
        failing += groupFailures(root.get());
        total += groupTotal(root.get());
        others += root->tally.total() - root->tally.failures();
    }
    texts << statusCountText(failing, total) << statusCountText(0, 0);
    // A group without failures holds none of the failing tests, at most the others: the seed has none, and
    // its "61 tests, none failing" took 10 px the Name column needed.
    if (others > 0)
        texts << statusCountText(0, others);
    for (TestStatus status :
        { TestStatus::Passed, TestStatus::Failed, TestStatus::Error, TestStatus::Skipped, TestStatus::Unknown })
        texts << statusName(status);
    return texts;
}

QVariant ReportTreeModel::groupData(const GroupNode *node, int column, int role) const
{
    const GroupNode *phaseNode = node->kind == NodeKind::Phase ? node : (node->parent ? node->parent : nullptr);
    const GroupNode *gapNode = node->kind == NodeKind::Gap ? node : (node->parent ? node->parent : nullptr);
    const Gap *gap = gapOfGroup(gapNode);
    const Phase *phase = phaseOfGroup(phaseNode);
    switch (role) {
    case NodeKindRole:
        return int(node->kind);
    case ItemIdRole:
        if (node->ref < 0)
            return QString();
        return node->kind == NodeKind::Gap ? report().gaps[node->ref].id : report().phases[node->ref].id;
    case PhaseIdRole:
        return phase ? phase->id : QString();
    case GapIdRole:
        return gap ? gap->id : QString();
    case StatusRole:
        return int(node->tally.worst());
    case PriorityRole:
        return int(gap ? gap->priority : Priority::None);
    case FailuresRole:
        return groupFailures(node);
    case TestCountRole:
        return node->tally.total();
    case ReportIndexRole:
        return node->ref;
    default:
        break;
    }
    if (role == Qt::EditRole && column == NameColumn)
        return groupName(node);
    if (role == Qt::DisplayRole || role == SortRole) {
        const bool sort = role == SortRole;
        switch (column) {
        case NameColumn:
            if (sort && node->ref < 0)
                return QString(QChar(0xffff)); // synthetic groups last in ascending order
            return groupName(node);
        case StatusColumn:
            if (sort) // by the failures the text leads with (the window hides the Failures column), then by rate
                return groupFailures(node)
                    + (node->tally.total() ? 0.5 * node->tally.failures() / node->tally.total() : 0.0);
            return groupStatusText(node);
        case FailuresColumn:
            return groupFailures(node);
        case PhaseColumn:
            if (sort)
                return phaseNode && phaseNode->ref >= 0 ? phaseNode->ref : SyntheticSortKey;
            return node->kind == NodeKind::Phase && !node->isTopLevel() ? groupName(node) : QString();
        case PriorityColumn:
            if (sort)
                return gap ? prioritySortKey(gap->priority) : SyntheticSortKey;
            return node->kind == NodeKind::Gap && gap ? priorityName(gap->priority) : QString();
        default:
            return {};
        }
    }
    if (role == Qt::DecorationRole && column == StatusColumn && node->tally.total() > 0)
        return statusIcon(node->tally.worst());
    if (role == Qt::ForegroundRole && column == PriorityColumn && node->kind == NodeKind::Gap && gap)
        return priorityColor(gap->priority);
    const bool suggestedGap = node->kind == NodeKind::Gap && gap && gap->suggested;
    if (role == Qt::FontRole && suggestedGap)
        return suggestionFont();
    if (role == Qt::ToolTipRole) {
        const QLocale locale;
        QString tip = groupName(node) + QLatin1Char('\n')
            + tr("%1 failed, %2, %3 passed, %4 skipped")
                  .arg(locale.toString(node->tally.count(TestStatus::Failed)),
                      countText(node->tally.count(TestStatus::Error), tr("%1 error"), tr("%1 errors")),
                      locale.toString(node->tally.count(TestStatus::Passed)),
                      locale.toString(node->tally.count(TestStatus::Skipped)));
        if (const int unknown = node->tally.count(TestStatus::Unknown); unknown > 0)
            tip += tr(", %1 unknown")
                       .arg(locale.toString(unknown)); // an Inconclusive: the parts add up to the row's tests
        const int unnamed = groupFailures(node) - node->tally.failures();
        if (unnamed > 0) {
            tip += QLatin1Char('\n')
                + countText(unnamed, tr("%1 more failure the report counts but does not name"),
                    tr("%1 more failures the report counts but does not name"));
        }
        if (suggestedGap)
            tip += QLatin1Char('\n')
                + tr("Suggested by Gapwise from the failures' signature: accept it, or edit it to make it yours");
        if (node->kind == NodeKind::Phase && node->ref >= 0 && !report().phases[node->ref].outcome.isEmpty())
            tip += QLatin1Char('\n') + tr("The report says: %1").arg(report().phases[node->ref].outcome);
        return tip;
    }
    if (role == Qt::TextAlignmentRole && column == FailuresColumn)
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}

QVariant ReportTreeModel::testData(int testIndex, const GroupNode *group, int column, int role) const
{
    const TestCase &t = report().tests[testIndex];
    const GroupNode *gapNode = group->kind == NodeKind::Gap ? group : group->parent;
    const GroupNode *phaseNode = group->kind == NodeKind::Phase ? group : group->parent;
    const Gap *gap = gapOfGroup(gapNode);
    const Phase *phase = phaseOfGroup(phaseNode);
    switch (role) {
    case NodeKindRole:
        return int(NodeKind::Test);
    case ItemIdRole:
        return t.id;
    case PhaseIdRole:
        return phase ? phase->id : QString();
    case GapIdRole:
        return gap ? gap->id : QString();
    case StatusRole:
        return int(t.status);
    case PriorityRole:
        return int(gap ? gap->priority : Priority::None);
    case FailuresRole:
        return isFailing(t.status) ? 1 : 0;
    case TestCountRole:
        return 1;
    case ReportIndexRole:
        return testIndex;
    default:
        break;
    }
    if (role == Qt::DisplayRole || role == SortRole) {
        const bool sort = role == SortRole;
        switch (column) {
        case NameColumn:
            return t.name;
        case StatusColumn:
            return sort ? QVariant(statusSeverityRank(t.status)) : QVariant(statusName(t.status));
        case FailuresColumn:
            if (sort)
                return isFailing(t.status) ? 1 : 0;
            return QVariant();
        case PhaseColumn:
            if (sort)
                return phase ? phaseNode->ref : SyntheticSortKey;
            return phase ? phase->name : QString();
        case PriorityColumn:
            if (sort)
                return gap ? prioritySortKey(gap->priority) : SyntheticSortKey;
            return gap ? priorityName(gap->priority) : QString();
        default:
            return {};
        }
    }
    if (role == Qt::DecorationRole && column == StatusColumn)
        return statusIcon(t.status);
    if (role == Qt::ForegroundRole && column == StatusColumn)
        return statusColor(t.status);
    if (role == Qt::FontRole && t.gapSuggested)
        return suggestionFont();
    if (role == Qt::ToolTipRole) {
        QString tip = cutForDisplay(t.name, DisplayedNameChars);
        if (!t.message.isEmpty())
            tip += QLatin1Char('\n') + cutForDisplay(t.message, DisplayedTipChars);
        if (t.gapSuggested)
            tip += QLatin1Char('\n') + tr("Placed in this gap by Gapwise: a suggestion until you accept or move it");
        return tip;
    }
    return {};
}

} // namespace Gapwise
