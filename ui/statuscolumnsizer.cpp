// SPDX-License-Identifier: GPL-3.0-or-later
#include "statuscolumnsizer.h"

#include "reporttreemodel.h"

#include <QHeaderView>
#include <QStyle>
#include <QTreeView>

using namespace Gapwise;

StatusColumnSizer::StatusColumnSizer(QTreeView *tree, ReportTreeModel *model)
    : QObject(tree)
    , m_tree(tree)
    , m_model(model)
{
    connect(model, &QAbstractItemModel::modelReset, this, &StatusColumnSizer::fit);
    // Sent before the History column's dataChanged, with the marks already in the model.
    connect(model, &ReportTreeModel::historyChanged, this, &StatusColumnSizer::fit);
    fit();
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
    // The icon, its spacing and the text, with a character's room either side so nothing touches the grid.
    int width = icon + margin * 2 + text + metrics.averageCharWidth() * 2;
    // A test row as the column's delegate draws it (the history strip and marker beside the status).
    if (m_model->report().tests.empty())
        return width;
    const QModelIndex test = m_model->indexForTest(0, ReportTreeModel::StatusColumn);
    if (QAbstractItemDelegate *delegate = m_tree->itemDelegateForColumn(ReportTreeModel::StatusColumn);
        delegate && test.isValid()) {
        QStyleOptionViewItem option;
        option.initFrom(m_tree);
        option.font = m_tree->font();
        option.decorationSize = QSize(icon, icon);
        option.features = QStyleOptionViewItem::HasDisplay | QStyleOptionViewItem::HasDecoration;
        width = qMax(width, delegate->sizeHint(option, test).width() + metrics.averageCharWidth());
    }
    return width;
}

void StatusColumnSizer::fit()
{
    m_tree->setColumnWidth(ReportTreeModel::StatusColumn, neededWidth());
}
