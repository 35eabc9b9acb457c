// SPDX-License-Identifier: GPL-3.0-or-later
#include "editedgroupexpander.h"

#include "reportfilterproxy.h"
#include "reporttreemodel.h"
#include "triagesession.h"

#include <QTreeView>

using namespace Gapwise;

EditedGroupExpander::EditedGroupExpander(QTreeView *tree, ReportFilterProxy *proxy, TriageSession *session)
    : QObject(tree)
    , m_tree(tree)
    , m_proxy(proxy)
{
    ReportTreeModel *model = proxy->reportModel();
    connect(
        model, &QAbstractItemModel::rowsInserted, this, [this, model](const QModelIndex &parent, int first, int last) {
            for (int r = first; r <= last; ++r) {
                const QModelIndex row = model->index(r, 0, parent);
                if (model->kindOf(row) != NodeKind::Test)
                    m_arrived.append(row);
            }
        });
    connect(model, &QAbstractItemModel::modelReset, this, [this] { m_arrived.clear(); });
    // After the edit (a macro's last step, an undo, a redo): the moved tests are in their groups now.
    connect(session, &TriageSession::changed, this, &EditedGroupExpander::expandArrived);
}

void EditedGroupExpander::expandArrived()
{
    // Parents first, so a phase under a gap that arrived with it sees the gap's other phases.
    QList<QPersistentModelIndex> waiting;
    for (const QPersistentModelIndex &arrived : std::as_const(m_arrived)) {
        if (!arrived.isValid())
            continue;
        const QModelIndex row = m_proxy->mapFromTree(arrived);
        if (!row.isValid() || !m_proxy->hasChildren(row)) {
            waiting.append(arrived); // an empty gap (Create Gap), or one the filter hides: when it has tests
            continue;
        }
        if (levelShownExpanded(row))
            m_tree->expand(row);
    }
    m_arrived = waiting;
}

// Whether rows at the row's level are shown open: its siblings, or (for the first phase of a new gap) the
// rows at its depth under its parent's siblings.
bool EditedGroupExpander::levelShownExpanded(const QModelIndex &row) const
{
    const QModelIndex parent = row.parent();
    QModelIndexList parents { parent };
    if (parent.isValid()) {
        const QModelIndex grand = parent.parent();
        for (int r = 0; r < m_proxy->rowCount(grand); ++r) {
            const QModelIndex uncle = m_proxy->index(r, 0, grand);
            if (uncle != parent && m_tree->isExpanded(uncle))
                parents.append(uncle);
        }
    }
    for (const QModelIndex &p : std::as_const(parents)) {
        for (int r = 0; r < m_proxy->rowCount(p); ++r) {
            const QModelIndex sibling = m_proxy->index(r, 0, p);
            if (sibling != row && m_tree->isExpanded(sibling))
                return true;
        }
    }
    return false;
}
