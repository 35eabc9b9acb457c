// SPDX-License-Identifier: GPL-3.0-or-later
#include "gappickerdialog.h"

#include "reporttreemodel.h"

#include <QDialogButtonBox>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QStyledItemDelegate>
#include <QVBoxLayout>

#include <QVector>

#include <algorithm>
#include <tuple>

using namespace Gapwise;

namespace {

constexpr int PickTitleRole = Qt::UserRole + 1;
constexpr int PickPriorityRole = Qt::UserRole + 2;
constexpr int PickOrderRole = Qt::UserRole + 3; // the place in the unfiltered list

// Rows as wide as the list, never wider: a long title is cut in its middle (the tooltip has it whole) instead
// of widening the list behind a horizontal scroll bar.
class ListWidthDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        return QSize(0, QStyledItemDelegate::sizeHint(option, index).height());
    }
};

bool choosable(const QListWidgetItem *item)
{
    return item && !item->isHidden() && item->flags().testFlag(Qt::ItemIsEnabled);
}

} // namespace

int GapPickerDialog::matchRank(const QString &title, const QString &label, const QString &text)
{
    if (text.isEmpty())
        return 0;
    if (title.compare(text, Qt::CaseInsensitive) == 0)
        return 0;
    if (title.startsWith(text, Qt::CaseInsensitive))
        return 1;
    for (qsizetype at = title.indexOf(text, 0, Qt::CaseInsensitive); at >= 0;
         at = title.indexOf(text, at + 1, Qt::CaseInsensitive)) {
        if (!title.at(at - 1).isLetterOrNumber())
            return 2; // a word of the title starts with it
    }
    return label.contains(text, Qt::CaseInsensitive) ? 3 : -1; // anywhere, the priority ("P0") too
}

GapPickerDialog::GapPickerDialog(const Report &report, QWidget *parent)
    : QDialog(parent)
    , m_heading(new QLabel)
    , m_filter(new QLineEdit)
    , m_list(new QListWidget)
    , m_noMatch(new QLabel)
{
    m_filter->setPlaceholderText(tr("Type to filter gaps"));
    m_filter->setClearButtonEnabled(true);
    for (const Gap &gap : report.gaps) {
        const QString label = gap.priority == Priority::None
            ? gap.title
            : priorityName(gap.priority) + QStringLiteral("  ") + gap.title;
        auto *item = new QListWidgetItem(label, m_list);
        item->setData(Qt::UserRole, gap.id);
        item->setData(PickTitleRole, gap.title);
        item->setData(PickPriorityRole, int(gap.priority));
        item->setToolTip(gap.title); // a long title is cut in the list
    }
    auto *unassigned = new QListWidgetItem(ReportTreeModel::unassignedTitle(), m_list);
    unassigned->setData(Qt::UserRole, QString());
    unassigned->setData(PickTitleRole, unassigned->text());
    unassigned->setData(PickPriorityRole, int(Priority::None) + 1);
    for (int i = 0; i < m_list->count(); ++i)
        m_list->item(i)->setData(PickOrderRole, i);
    m_list->setTextElideMode(Qt::ElideMiddle); // the start and the end of a long title, the tooltip has it all
    m_list->setItemDelegate(new ListWidthDelegate(m_list));
    m_list->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    selectFirstChoice();
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    auto *layout = new QVBoxLayout(this);
    m_heading->setObjectName(QStringLiteral("pickerHeading"));
    m_heading->setTextFormat(Qt::PlainText);
    QFont bold = m_heading->font();
    bold.setBold(true);
    m_heading->setFont(bold);
    m_heading->setBuddy(m_filter);
    m_heading->hide();
    layout->addWidget(m_heading);
    layout->addWidget(m_filter);
    m_noMatch->setObjectName(QStringLiteral("noMatchNote"));
    m_noMatch->setTextFormat(Qt::PlainText);
    m_noMatch->setWordWrap(true);
    m_noMatch->hide();
    layout->addWidget(m_noMatch);
    layout->addWidget(m_list, 1);
    layout->addWidget(buttons);
    connect(m_filter, &QLineEdit::textChanged, this, &GapPickerDialog::applyFilter);
    connect(m_filter, &QLineEdit::returnPressed, this, &GapPickerDialog::choose);
    connect(m_list, &QListWidget::itemActivated, this, &GapPickerDialog::choose);
    connect(buttons, &QDialogButtonBox::accepted, this, &GapPickerDialog::choose);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    // Titles are often whole error messages: 90 characters, within three quarters of the window.
    const int em = fontMetrics().averageCharWidth();
    resize(parent ? qBound(em * 60, parent->window()->width() * 3 / 4, em * 90) : em * 90, fontMetrics().height() * 20);
}

void GapPickerDialog::setOwnGap(const QString &gapId)
{
    for (int i = 0; i < m_list->count(); ++i) {
        QListWidgetItem *item = m_list->item(i);
        const bool own = item->data(Qt::UserRole).toString() == gapId;
        item->setFlags(own ? item->flags() & ~(Qt::ItemIsEnabled | Qt::ItemIsSelectable)
                           : item->flags() | Qt::ItemIsEnabled | Qt::ItemIsSelectable);
        item->setToolTip(own ? tr("%1 (the tests are in this gap)").arg(item->data(PickTitleRole).toString())
                             : item->data(PickTitleRole).toString());
    }
    if (!choosable(m_list->currentItem()))
        selectFirstChoice();
}

void GapPickerDialog::setHeading(const QString &text)
{
    setWindowTitle(text);
    m_heading->setText(text);
    m_heading->setVisible(!text.isEmpty());
}

QString GapPickerDialog::heading() const
{
    return m_heading->isHidden() ? QString() : m_heading->text();
}

void GapPickerDialog::selectFirstChoice()
{
    for (int i = 0; i < m_list->count(); ++i) {
        if (choosable(m_list->item(i))) {
            m_list->setCurrentRow(i);
            return;
        }
    }
    m_list->setCurrentRow(-1);
}

void GapPickerDialog::applyFilter(const QString &text)
{
    // Best match first, so Enter in the field takes it: "Logout" picks "Logout regression" over a P0 gap that
    // mentions logout in its title. Within a rank the gaps keep their order (priority, then the report's).
    struct Entry
    {
        QListWidgetItem *item;
        int rank;
    };
    QVector<Entry> entries;
    const QString needle = text.trimmed();
    while (m_list->count() > 0) {
        QListWidgetItem *item = m_list->takeItem(0);
        entries.append({ item, matchRank(item->data(PickTitleRole).toString(), item->text(), needle) });
    }
    auto key = [](const Entry &e) {
        return std::make_tuple(
            e.rank < 0, e.rank, e.item->data(PickPriorityRole).toInt(), e.item->data(PickOrderRole).toInt());
    };
    std::sort(entries.begin(), entries.end(), [&key](const Entry &a, const Entry &b) { return key(a) < key(b); });
    for (const Entry &e : std::as_const(entries)) {
        m_list->addItem(e.item);
        e.item->setHidden(e.rank < 0);
    }
    selectFirstChoice();
    // An empty list (or only the tests' own gap, greyed) read as a picker that had stopped working: say why.
    if (!needle.isEmpty() && !choosable(m_list->currentItem())) {
        const bool ownOnly = std::any_of(entries.cbegin(), entries.cend(), [](const Entry &e) { return e.rank >= 0; });
        m_noMatch->setText(
            (ownOnly ? tr("Only the gap the tests are in matches “%1”.") : tr("No gap matches “%1”.")).arg(needle)
            + QLatin1Char(' ') + tr("To put the tests in a new gap, use Edit > Move to New Gap…"));
        m_noMatch->show();
    } else {
        m_noMatch->hide();
    }
}

QString GapPickerDialog::noMatchNote() const
{
    return m_noMatch->isHidden() ? QString() : m_noMatch->text();
}

void GapPickerDialog::choose()
{
    QListWidgetItem *item = m_list->currentItem();
    if (!choosable(item))
        return;
    Q_EMIT gapChosen(item->data(Qt::UserRole).toString());
    accept();
}
