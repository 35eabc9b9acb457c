// SPDX-License-Identifier: GPL-3.0-or-later
#include "comparisoncolumns.h"

#include "comparisontablemodel.h"

#include <QEvent>
#include <QHeaderView>
#include <QStyledItemDelegate>
#include <QTableView>

using namespace Gapwise;

namespace {

// A test's name cut in its middle: names of one module share their start and differ at the end (the test
// function, its parameters), which a cut at the end took away.
class MiddleElideDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override
    {
        QStyledItemDelegate::initStyleOption(option, index);
        option->textElideMode = Qt::ElideMiddle;
    }
};

} // namespace

ComparisonColumns::ComparisonColumns(QTableView *table)
    : QObject(table)
    , m_table(table)
{
    QHeaderView *header = table->horizontalHeader();
    header->setStretchLastSection(false);
    header->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter); // a cut header still shows its name
    header->setTextElideMode(Qt::ElideRight);
    table->setTextElideMode(Qt::ElideRight);
    table->setItemDelegateForColumn(ComparisonTableModel::TestColumn, new MiddleElideDelegate(table));
    table->setHorizontalScrollMode(QAbstractItemView::ScrollPerPixel);
    table->viewport()->installEventFilter(this);
}

int ComparisonColumns::contentWidth(int column) const
{
    // The view's measure of the cells in view and of the header (sizeHintForColumn is not public).
    m_table->horizontalHeader()->setSectionResizeMode(column, QHeaderView::Interactive);
    m_table->resizeColumnToContents(column);
    return m_table->columnWidth(column);
}

void ComparisonColumns::fit()
{
    if (!m_table->model())
        return;
    QHeaderView *header = m_table->horizontalHeader();
    const int available = m_table->viewport()->width();
    int fixed = 0;
    for (int c :
        { ComparisonTableModel::ChangeColumn, ComparisonTableModel::BeforeColumn, ComparisonTableModel::NowColumn }) {
        const int width = contentWidth(c);
        header->resizeSection(c, width);
        fixed += width;
    }
    // Phase and Gap as wide as their text, within a share of the room; Test takes what they leave.
    const int room = qMax(0, available - fixed);
    int phase = contentWidth(ComparisonTableModel::PhaseColumn);
    int gap = contentWidth(ComparisonTableModel::GapColumn);
    if (phase + gap + contentWidth(ComparisonTableModel::TestColumn) > room) { // else all fit whole
        phase = qMin(phase, room / 5);
        gap = qMin(gap, room * 3 / 10);
    }
    // Never narrower than the header's name: a long title's column kept its name out of view.
    header->resizeSection(
        ComparisonTableModel::PhaseColumn, qMax(header->sectionSizeHint(ComparisonTableModel::PhaseColumn), phase));
    header->resizeSection(
        ComparisonTableModel::GapColumn, qMax(header->sectionSizeHint(ComparisonTableModel::GapColumn), gap));
    header->setSectionResizeMode(ComparisonTableModel::TestColumn, QHeaderView::Stretch);
}

bool ComparisonColumns::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_table->viewport() && event->type() == QEvent::Resize)
        fit();
    return QObject::eventFilter(watched, event);
}
