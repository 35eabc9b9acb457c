// SPDX-License-Identifier: GPL-3.0-or-later
#include "filterbar.h"

#include "counttext.h"
#include "flowlayout.h"
#include "reportfilterproxy.h"
#include "reporttreemodel.h"
#include "runcomparison.h"
#include "statuspalette.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

#include <utility>

using namespace Gapwise;

FilterBar::FilterBar(ReportFilterProxy *proxy, QWidget *parent)
    : QWidget(parent)
    , m_proxy(proxy)
    , m_search(new QLineEdit(this))
    , m_regex(new QCheckBox(tr("Regex"), this))
    , m_grouping(new QComboBox(this))
    , m_change(new QComboBox(this))
    , m_history(new QComboBox(this))
    , m_count(new QLabel(this))
    , m_debounce(new QTimer(this))
    , m_showPassed(new QCheckBox(this))
{
    m_search->setObjectName(QStringLiteral("filterSearch"));
    m_search->setPlaceholderText(tr("Filter tests, messages, gaps…"));
    m_search->setClearButtonEnabled(true);
    m_regex->setToolTip(tr("Treat the filter as a regular expression"));
    m_grouping->setObjectName(QStringLiteral("groupingBox"));
    m_grouping->addItem(tr("By phase"), int(Grouping::ByPhase));
    m_grouping->addItem(tr("By gap"), int(Grouping::ByGap));
    m_grouping->setToolTip(tr("Group the tree by phase (Phase → Gap → Test) or by gap (Gap → Phase → Test)"));
    // Removed tests are not in this run's tree: they have no entry (the comparison banner counts them).
    m_change->setObjectName(QStringLiteral("changeFilter"));
    m_change->addItem(tr("All tests"), ReportFilterProxy::AllChanges);
    m_change->addItem(tr("Any change"), ReportFilterProxy::AllChanges & ~(1u << unsigned(ChangeClass::Unchanged)));
    for (ChangeClass c : { ChangeClass::NewFailure, ChangeClass::KnownFailure, ChangeClass::Fixed,
             ChangeClass::StillFailing, ChangeClass::NewlyPassing, ChangeClass::NewlySkipped, ChangeClass::Added }) {
        m_change->addItem(changeClassTitle(c), 1u << unsigned(c));
    }
    m_change->setToolTip(tr("Show only tests that changed this way since the run compared with"));
    m_history->setObjectName(QStringLiteral("historyFilter"));
    m_history->addItem(tr("All tests"), int(HistoryFilter::All));
    m_history->addItem(tr("New failures"), int(HistoryFilter::New));
    m_history->addItem(tr("Flaky"), int(HistoryFilter::Flaky));
    m_history->addItem(tr("Regressions"), int(HistoryFilter::Regression));
    m_history->setToolTip(tr("Show only tests that the run history calls new failures, flaky or regressions"));
    m_history->setEnabled(false);
    m_debounce->setSingleShot(true);
    m_debounce->setInterval(300);

    auto *top = new QHBoxLayout;
    top->setContentsMargins(0, 0, 0, 0);
    top->addWidget(m_search, 1);
    // The count sits by the search field it answers, so the row of status toggles below never clips.
    m_count->setObjectName(QStringLiteral("matchCount"));
    top->addWidget(m_count);
    top->addWidget(m_regex);

    // The toggles and choices below wrap onto another line where the pane is narrow (the history dock open at
    // 1366 px): no label is ever cut.
    auto *bottom = new FlowLayout(nullptr, 8, 2);
    m_showPassed->setObjectName(QStringLiteral("showPassedSkipped"));
    m_showPassed->setToolTip(tr("Failing tests come first; tick to list the passed and skipped tests too"));
    connect(m_showPassed, &QCheckBox::toggled, this, [this] {
        for (const auto &chip : std::as_const(m_chips))
            chip.second->setChecked(false);
        applyStatusMask();
    });
    bottom->addWidget(m_showPassed);
    auto *only = new QLabel(tr("Only:"), this);
    only->setToolTip(tr("Click a status to list only its tests; click it again to go back"));
    bottom->addWidget(only);
    for (TestStatus status : { TestStatus::Failed, TestStatus::Error, TestStatus::Passed, TestStatus::Skipped }) {
        auto *chip = new QToolButton(this);
        chip->setObjectName(QStringLiteral("toggle-") + statusName(status));
        chip->setIcon(statusIcon(status));
        chip->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
        chip->setCheckable(true); // not auto-raised: a pressed chip looks pressed
        chip->setToolTip(tr("List only %1 tests; click again to go back").arg(statusName(status)));
        connect(chip, &QToolButton::clicked, this, [this, chip](bool on) {
            for (const auto &other : std::as_const(m_chips)) {
                if (other.second != chip)
                    other.second->setChecked(false);
            }
            chip->setChecked(on);
            applyStatusMask();
        });
        m_chips.append({ status, chip });
        bottom->addWidget(chip);
    }
    // The two choices that appear with a comparison and a history both start at "All tests": a label each says
    // which is which (QA), kept on one line with its choice. Hidden until there is something to choose by.
    m_changeChoice = labelled(tr("Chan&ge:"), m_change);
    m_changeChoice->hide();
    bottom->addWidget(m_changeChoice);
    m_historyChoice = labelled(tr("Histor&y:"), m_history);
    m_historyChoice->hide();
    bottom->addWidget(m_historyChoice);
    bottom->addWidget(m_grouping);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addLayout(top);
    layout->addLayout(bottom);
    // Tab in reading order, row by row (it followed the order the members were made in: the grouping before
    // Show passed).
    QList<QWidget *> order { m_search, m_regex, m_showPassed };
    for (const auto &chip : std::as_const(m_chips))
        order << chip.second;
    order << m_change << m_history << m_grouping;
    for (int i = 1; i < order.size(); ++i)
        setTabOrder(order[i - 1], order[i]);

    connect(m_search, &QLineEdit::textChanged, m_debounce, qOverload<>(&QTimer::start));
    connect(m_search, &QLineEdit::returnPressed, this, &FilterBar::applyNow);
    connect(m_regex, &QCheckBox::toggled, this, &FilterBar::applyNow);
    connect(m_debounce, &QTimer::timeout, this, &FilterBar::applyNow);
    connect(m_grouping, qOverload<int>(&QComboBox::currentIndexChanged), this,
        [this](int) { emit groupingChanged(m_grouping->currentData().toInt()); });
    connect(m_change, qOverload<int>(&QComboBox::currentIndexChanged), this, [this](int) {
        m_proxy->setChangeFilter(m_change->currentData().toUInt());
        updateCount();
    });
    connect(m_history, qOverload<int>(&QComboBox::currentIndexChanged), this, [this](int) {
        m_proxy->setHistoryFilter(HistoryFilter(m_history->currentData().toInt()));
        updateCount();
    });
    if (const ReportTreeModel *model = proxy->reportModel())
        connect(model, &ReportTreeModel::historyChanged, this, &FilterBar::followHistory);
    connect(proxy, &ReportFilterProxy::matchCountChanged, this, &FilterBar::updateCount);
    connect(proxy, &QAbstractItemModel::modelReset, this, &FilterBar::updateCount);
    connect(proxy, &QAbstractItemModel::modelReset, this, &FilterBar::updateStatusCounts);
    applyStatusMask();
    updateStatusCounts();
    updateCount();
}

QWidget *FilterBar::labelled(const QString &label, QComboBox *choice)
{
    auto *box = new QWidget(this);
    auto *row = new QHBoxLayout(box);
    row->setContentsMargins(0, 0, 0, 0);
    row->setSpacing(4);
    auto *name = new QLabel(label, box);
    name->setBuddy(choice);
    row->addWidget(name);
    row->addWidget(choice);
    return box;
}

QToolButton *FilterBar::statusChip(TestStatus status) const
{
    for (const auto &chip : m_chips) {
        if (chip.first == status)
            return chip.second;
    }
    return nullptr;
}

void FilterBar::setShowPassed(bool show)
{
    if (m_showPassed->isChecked() == show) {
        for (const auto &chip : std::as_const(m_chips))
            chip.second->setChecked(false);
        applyStatusMask();
    }
    m_showPassed->setChecked(show);
}

void FilterBar::resetForReport()
{
    // A run where nothing fails has nothing to put first: show it whole.
    bool anyFailing = false;
    if (const ReportTreeModel *model = m_proxy->reportModel()) {
        for (const TestCase &t : model->report().tests) {
            if (t.status != TestStatus::Passed && t.status != TestStatus::Skipped) {
                anyFailing = true;
                break;
            }
        }
        anyFailing = anyFailing || model->report().tests.isEmpty();
    }
    setShowPassed(!anyFailing);
}

void FilterBar::applyStatusMask()
{
    unsigned mask = m_showPassed->isChecked() ? ReportFilterProxy::AllStatuses : ReportFilterProxy::FailuresFirst;
    for (const auto &chip : std::as_const(m_chips)) {
        if (chip.second->isChecked())
            mask = ReportFilterProxy::statusBit(chip.first);
    }
    m_proxy->setStatusMask(mask);
    updateCount();
}

void FilterBar::updateStatusCounts()
{
    int counts[5] = {};
    if (const ReportTreeModel *model = m_proxy->reportModel()) {
        for (const TestCase &t : model->report().tests)
            ++counts[int(t.status)];
    }
    const QLocale locale;
    m_showPassed->setText(
        tr("Show passed and skipped (%1)")
            .arg(locale.toString(counts[int(TestStatus::Passed)] + counts[int(TestStatus::Skipped)])));
    for (const auto &chip : std::as_const(m_chips)) {
        QString label = statusName(chip.first);
        label[0] = label[0].toUpper();
        chip.second->setText(QStringLiteral("%1 %2").arg(label, locale.toString(counts[int(chip.first)])));
    }
}

void FilterBar::applyNow()
{
    m_debounce->stop();
    m_proxy->setFilter(m_search->text(), m_regex->isChecked());
    updateCount();
}

void FilterBar::setComparisonActive(bool active)
{
    if (!active)
        m_change->setCurrentIndex(0);
    m_changeChoice->setVisible(active);
    updateCount();
}

void FilterBar::followHistory()
{
    const bool loaded = m_proxy->reportModel() && m_proxy->reportModel()->history();
    if (!loaded)
        m_history->setCurrentIndex(0);
    else
        m_historyChoice->show(); // from the first history on: a window without a store never shows it
    m_history->setEnabled(loaded);
    updateCount();
}

QString FilterBar::matchText() const
{
    return m_count->text();
}

void FilterBar::updateCount()
{
    const int total = m_proxy->reportModel() ? m_proxy->reportModel()->report().tests.size() : 0;
    if (!m_proxy->patternError().isEmpty()) {
        m_count->setText(tr("Invalid pattern: %1").arg(m_proxy->patternError()));
        return;
    }
    const QLocale locale;
    m_count->setText(m_proxy->isFiltering()
            ? tr("%1 of %2 shown")
                  .arg(locale.toString(m_proxy->matchCount()), countText(total, tr("%1 test"), tr("%1 tests"), locale))
            : countText(total, tr("%1 test"), tr("%1 tests"), locale));
}
