// SPDX-License-Identifier: GPL-3.0-or-later
// Triage by direct manipulation: drag tests onto a gap, rename a gap in place. The model only translates
// to session edits; the session's signals then move the rows.
#include "reporttreemodel.h"

#include "triagesession.h"

#include <QMimeData>

namespace Gapwise {

namespace {
    const QString TestIdsMime = QStringLiteral("application/x-gapwise-test-ids");
}

bool ReportTreeModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    const Gap *gap = gapAt(index);
    if (!m_session || role != Qt::EditRole || index.column() != NameColumn || !gap)
        return false;
    const QString title = value.toString().trimmed();
    if (title.isEmpty() || title == gap->title)
        return false;
    m_session->renameGap(gap->id, title); // dataChanged follows from the session
    return true;
}

QStringList ReportTreeModel::mimeTypes() const
{
    return { TestIdsMime };
}

QMimeData *ReportTreeModel::mimeData(const QModelIndexList &indexes) const
{
    QStringList ids;
    for (const QModelIndex &i : indexes) {
        const int test = i.column() == 0 ? testIndexAt(i) : -1;
        if (test >= 0)
            ids << report().tests[test].id;
    }
    if (ids.isEmpty())
        return nullptr;
    auto *data = new QMimeData;
    data->setData(TestIdsMime, ids.join(QLatin1Char('\n')).toUtf8());
    data->setText(ids.join(QLatin1Char('\n')));
    return data;
}

bool ReportTreeModel::dropTargetGap(const QModelIndex &index, QString *gapId) const
{
    if (!index.isValid())
        return false;
    const QModelIndex row = index.siblingAtColumn(0);
    const NodeKind kind = kindOf(row);
    if (kind == NodeKind::Phase && !row.parent().isValid())
        return false; // a top-level phase names no gap
    *gapId = row.data(GapIdRole).toString(); // "" below the Unassigned group
    return true;
}

bool ReportTreeModel::canDropMimeData(const QMimeData *data, Qt::DropAction, int, int, const QModelIndex &parent) const
{
    QString gapId;
    return m_session && data && data->hasFormat(TestIdsMime) && dropTargetGap(parent, &gapId);
}

bool ReportTreeModel::dropMimeData(
    const QMimeData *data, Qt::DropAction action, int row, int column, const QModelIndex &parent)
{
    QString gapId;
    if (!canDropMimeData(data, action, row, column, parent) || !dropTargetGap(parent, &gapId))
        return false;
    const QStringList ids = QString::fromUtf8(data->data(TestIdsMime)).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    m_session->moveTests(ids, gapId);
    // false: after an accepted MoveAction the view would remove the dragged rows itself; the session's
    // signals have moved them already.
    return false;
}

Qt::DropActions ReportTreeModel::supportedDropActions() const
{
    return Qt::MoveAction | Qt::CopyAction;
}

Qt::DropActions ReportTreeModel::supportedDragActions() const
{
    return Qt::MoveAction;
}

} // namespace Gapwise
