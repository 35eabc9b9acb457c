// SPDX-License-Identifier: GPL-3.0-or-later
#include "gappickerdialog.h"

#include "reporttreemodel.h"

#include <QDialogButtonBox>
#include <QKeyEvent>
#include <QLineEdit>
#include <QListWidget>
#include <QVBoxLayout>

using namespace Gapwise;

GapPickerDialog::GapPickerDialog(const Report &report, QWidget *parent)
    : QDialog(parent)
    , m_filter(new QLineEdit)
    , m_list(new QListWidget)
{
    m_filter->setPlaceholderText(tr("Type to filter gaps"));
    m_filter->setClearButtonEnabled(true);
    for (const Gap &gap : report.gaps) {
        const QString label = gap.priority == Priority::None
            ? gap.title
            : priorityName(gap.priority) + QStringLiteral("  ") + gap.title;
        auto *item = new QListWidgetItem(label, m_list);
        item->setData(Qt::UserRole, gap.id);
    }
    auto *unassigned = new QListWidgetItem(ReportTreeModel::unassignedTitle(), m_list);
    unassigned->setData(Qt::UserRole, QString());
    m_list->setCurrentRow(0);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_filter);
    layout->addWidget(m_list, 1);
    layout->addWidget(buttons);
    connect(m_filter, &QLineEdit::textChanged, this, &GapPickerDialog::applyFilter);
    connect(m_filter, &QLineEdit::returnPressed, this, &GapPickerDialog::choose);
    connect(m_list, &QListWidget::itemActivated, this, &GapPickerDialog::choose);
    connect(buttons, &QDialogButtonBox::accepted, this, &GapPickerDialog::choose);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    resize(fontMetrics().averageCharWidth() * 60, fontMetrics().height() * 20);
}

void GapPickerDialog::applyFilter(const QString &text)
{
    int first = -1;
    for (int i = 0; i < m_list->count(); ++i) {
        QListWidgetItem *item = m_list->item(i);
        const bool shown = item->text().contains(text, Qt::CaseInsensitive);
        item->setHidden(!shown);
        if (shown && first < 0)
            first = i;
    }
    m_list->setCurrentRow(first); // Enter in the field takes the first match
}

void GapPickerDialog::choose()
{
    QListWidgetItem *item = m_list->currentItem();
    if (!item || item->isHidden())
        return;
    Q_EMIT gapChosen(item->data(Qt::UserRole).toString());
    accept();
}
