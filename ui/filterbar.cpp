#include "filterbar.h"

#include "reportfilterproxy.h"
#include "reporttreemodel.h"
#include "runcomparison.h"
#include "statuspalette.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Gapwise;

FilterBar::FilterBar(ReportFilterProxy *proxy, QWidget *parent)
    : QWidget(parent)
    , m_proxy(proxy)
    , m_search(new QLineEdit(this))
    , m_regex(new QCheckBox(tr("Regex"), this))
    , m_grouping(new QComboBox(this))
    , m_change(new QComboBox(this))
    , m_count(new QLabel(this))
    , m_debounce(new QTimer(this))
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
    for (ChangeClass c : {ChangeClass::NewFailure, ChangeClass::Fixed, ChangeClass::StillFailing,
                          ChangeClass::NewlyPassing, ChangeClass::NewlySkipped, ChangeClass::Added}) {
        QString label = changeClassName(c);
        label[0] = label[0].toUpper();
        m_change->addItem(label, 1u << unsigned(c));
    }
    m_change->setToolTip(tr("Show only tests that changed this way since the run compared with"));
    m_change->hide();
    m_debounce->setSingleShot(true);
    m_debounce->setInterval(300);

    auto *top = new QHBoxLayout;
    top->setContentsMargins(0, 0, 0, 0);
    top->addWidget(m_search, 1);
    top->addWidget(m_regex);
    top->addWidget(m_change);
    top->addWidget(m_grouping);

    auto *bottom = new QHBoxLayout;
    bottom->setContentsMargins(0, 0, 0, 0);
    const struct { TestStatus status; QString label; } toggles[] = {
        {TestStatus::Failed, tr("Failed")}, {TestStatus::Error, tr("Error")},
        {TestStatus::Passed, tr("Passed")}, {TestStatus::Skipped, tr("Skipped")}};
    for (const auto &t : toggles) {
        auto *button = new QToolButton(this);
        button->setObjectName(QStringLiteral("toggle-") + statusName(t.status));
        button->setText(t.label);
        button->setIcon(statusIcon(t.status));
        button->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
        button->setCheckable(true);
        button->setChecked(proxy->isStatusVisible(t.status));
        button->setAutoRaise(true);
        button->setToolTip(tr("Show %1 tests").arg(t.label.toLower()));
        const TestStatus status = t.status;
        connect(button, &QToolButton::toggled, this, [this, status](bool on) { m_proxy->setStatusVisible(status, on); });
        bottom->addWidget(button);
    }
    bottom->addStretch(1);
    m_count->setObjectName(QStringLiteral("matchCount"));
    bottom->addWidget(m_count);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addLayout(top);
    layout->addLayout(bottom);

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
    connect(proxy, &ReportFilterProxy::matchCountChanged, this, &FilterBar::updateCount);
    connect(proxy, &QAbstractItemModel::modelReset, this, &FilterBar::updateCount);
    updateCount();
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
    m_change->setVisible(active);
    updateCount();
}

QString FilterBar::matchText() const { return m_count->text(); }

void FilterBar::updateCount()
{
    const int total = m_proxy->reportModel() ? m_proxy->reportModel()->report().tests.size() : 0;
    if (!m_proxy->patternError().isEmpty()) {
        m_count->setText(tr("Invalid pattern: %1").arg(m_proxy->patternError()));
        return;
    }
    m_count->setText(m_proxy->isFiltering() ? tr("%1 of %2 tests match").arg(m_proxy->matchCount()).arg(total)
                                            : tr("%1 tests").arg(total));
}
