// SPDX-License-Identifier: GPL-3.0-or-later
#include "statuscolumnsizer.h"

#include "reportroles.h"
#include "reporttreemodel.h"

#include <QEvent>
#include <QHeaderView>
#include <QStyle>
#include <QTreeView>

using namespace Gapwise;

StatusColumnSizer::StatusColumnSizer(QTreeView *tree, ReportTreeModel *model)
    : QObject(tree)
    , m_tree(tree)
    , m_model(model)
{
    connect(model, &QAbstractItemModel::modelReset, this, &StatusColumnSizer::refit);
    // Sent before the History column's dataChanged, with the marks already in the model.
    connect(model, &ReportTreeModel::historyChanged, this, &StatusColumnSizer::refit);
    tree->viewport()->installEventFilter(this);
    refit();
}

int StatusColumnSizer::groupTitleWidth() const
{
    const int margin = (m_tree->style()->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, m_tree) + 1) * 2;
    const int indent = m_tree->indentation();
    const int decorated = m_tree->rootIsDecorated() ? 1 : 0;
    int widest = 0;
    const auto measure = [&](const QModelIndex &index, int depth) {
        const QVariant font = index.data(Qt::FontRole);
        const QFontMetrics metrics(font.isValid() ? font.value<QFont>() : m_tree->font());
        widest
            = qMax(widest, (depth + decorated) * indent + margin + metrics.horizontalAdvance(index.data().toString()));
    };
    // Phases and gaps only: the tree holds groups on its first two levels and tests below them, so the
    // walk never touches a test row (a test's own name is kept whole by its delegate).
    for (int r = 0; r < m_model->rowCount(); ++r) {
        const QModelIndex top = m_model->index(r, ReportTreeModel::NameColumn);
        measure(top, 0);
        for (int c = 0; c < m_model->rowCount(top); ++c) {
            const QModelIndex group = m_model->index(c, ReportTreeModel::NameColumn, top);
            if (group.data(NodeKindRole).toInt() != int(NodeKind::Test))
                measure(group, 1);
        }
    }
    return widest == 0 ? 0 : widest + QFontMetrics(m_tree->font()).averageCharWidth();
}

int StatusColumnSizer::neededWidth() const
{
    const QFontMetrics metrics(m_tree->font());
    int text = 0;
    for (const QString &t : m_model->widestStatusTexts())
        text = qMax(text, metrics.horizontalAdvance(t));
    const int icon = m_tree->iconSize().isValid()
        ? m_tree->iconSize().width()
        : m_tree->style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, m_tree);
    const int margin = (m_tree->style()->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, m_tree) + 1) * 2;
    // The icon, its spacing and the text, with half a character's room either side so nothing touches the grid
    // (a character either side took 7 px of the Name column's room for nothing).
    int width = icon + margin * 2 + text + metrics.averageCharWidth();
    // A test row as the column's delegate draws it (the history strip and marker beside the status).
    if (m_model->report().tests.empty())
        return width;
    const QModelIndex test = m_model->indexForTest(0, ReportTreeModel::StatusColumn);
    QAbstractItemDelegate *delegate = m_tree->itemDelegateForColumn(ReportTreeModel::StatusColumn);
    if (!delegate || !test.isValid())
        return width;
    // The room the other columns and the widest group title leave; a delegate that can draw in less (fewer
    // runs of the strip) says so in its sizeHint for that rect, one that cannot ignores it.
    int others = 0;
    for (int c = 0; c < m_model->columnCount(); ++c) {
        if (c != ReportTreeModel::NameColumn && c != ReportTreeModel::StatusColumn && !m_tree->isColumnHidden(c))
            others += m_tree->columnWidth(c);
    }
    const int room = m_tree->viewport()->width() - others - m_groupTitles;
    QStyleOptionViewItem option;
    option.initFrom(m_tree);
    option.font = m_tree->font();
    option.decorationSize = QSize(icon, icon);
    option.features = QStyleOptionViewItem::HasDisplay | QStyleOptionViewItem::HasDecoration;
    option.rect = QRect(0, 0, qMax(1, room - metrics.averageCharWidth()), m_tree->fontMetrics().height());
    return qMax(width, delegate->sizeHint(option, test).width() + metrics.averageCharWidth());
}

void StatusColumnSizer::refit()
{
    m_groupTitles = groupTitleWidth();
    fit();
}

void StatusColumnSizer::fit()
{
    m_fitted = neededWidth();
    m_tree->setColumnWidth(ReportTreeModel::StatusColumn, m_fitted);
}

bool StatusColumnSizer::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_tree->viewport() && event->type() == QEvent::Resize
        && m_tree->columnWidth(ReportTreeModel::StatusColumn) == m_fitted)
        fit();
    return QObject::eventFilter(watched, event);
}
