// SPDX-License-Identifier: GPL-3.0-or-later
#include "reportfilterproxy.h"

#include "comparisoncolumnproxy.h"
#include "reporttreemodel.h"

#include <algorithm>
#include <numeric>

namespace Gapwise {

ReportFilterProxy::ReportFilterProxy(QObject *parent)
    : QSortFilterProxyModel(parent)
    , m_columns(new ComparisonColumnProxy(this))
{
    setRecursiveFilteringEnabled(true);
    setSortRole(SortRole);
    setSortCaseSensitivity(Qt::CaseInsensitive);
    // A comparison set or ended: the change filter now means something else.
    connect(m_columns, &ComparisonColumnProxy::comparisonChanged, this, [this] {
        if (m_changeMask != AllChanges)
            refilter();
    });
}

void ReportFilterProxy::setReportModel(ReportTreeModel *model)
{
    if (m_model)
        disconnect(m_model, nullptr, this, nullptr);
    m_model = model;
    // Connected before the Change column follows the tree, so the per-gap matches are fresh before this
    // proxy rebuilds its rows (the tree's reset reaches this proxy through the Change column's, after these).
    connect(model, &QAbstractItemModel::modelReset, this, [this] {
        m_nameRanks.clear();
        prepareGapMatches();
        computeOwnMatches();
        updateMatchCount();
    });
    connect(model, &ReportTreeModel::triageChanged, this, &ReportFilterProxy::followTriage);
    // A history set or ended: the history filter now means something else.
    connect(model, &ReportTreeModel::historyChanged, this, [this] {
        if (m_historyFilter != HistoryFilter::All)
            refilter();
    });
    m_columns->setTreeModel(model);
    if (sourceModel() != m_columns) {
        setSourceModel(m_columns);
        // After the proxy's own handler, which has run by then.
        connect(m_columns, &QAbstractItemModel::rowsMoved, this, &ReportFilterProxy::followMove);
    }
    refilter();
}

QModelIndex ReportFilterProxy::mapToTree(const QModelIndex &proxyIndex) const
{
    return m_columns->mapToSource(mapToSource(proxyIndex));
}

QModelIndex ReportFilterProxy::mapFromTree(const QModelIndex &treeIndex) const
{
    return mapFromSource(m_columns->mapFromSource(treeIndex));
}

void ReportFilterProxy::followMove(
    const QModelIndex &parent, int first, int last, const QModelIndex &destination, int row)
{
    // QSortFilterProxyModel skips a move whose source and destination parents are both filtered out, but
    // with recursive filtering a matching test moved into a hidden group (a new gap) must show that group.
    if (!isFiltering() || parent == destination || mapFromSource(destination).isValid())
        return;
    for (int r = row; r <= row + (last - first); ++r) {
        if (filterAcceptsRow(r, destination)) {
            invalidateFilter();
            return;
        }
    }
}

void ReportFilterProxy::setFilter(const QString &text, bool regularExpression)
{
    m_text = text;
    m_useRegex = regularExpression;
    m_patternError.clear();
    if (regularExpression) {
        m_regex = QRegularExpression(text, QRegularExpression::CaseInsensitiveOption);
        if (!m_regex.isValid())
            m_patternError = m_regex.errorString();
        else
            m_regex.optimize();
    }
    refilter();
}

void ReportFilterProxy::setStatusVisible(TestStatus status, bool visible)
{
    const unsigned bit = statusBit(status);
    setStatusMask(visible ? (m_statusMask | bit) : (m_statusMask & ~bit));
}

void ReportFilterProxy::setStatusMask(unsigned mask)
{
    mask &= AllStatuses;
    if (mask == m_statusMask)
        return;
    m_statusMask = mask;
    refilter();
}

void ReportFilterProxy::setChangeFilter(unsigned changeMask)
{
    if (changeMask == m_changeMask)
        return;
    m_changeMask = changeMask;
    refilter();
}

bool ReportFilterProxy::filtersChanges() const
{
    return m_changeMask != AllChanges && m_columns->comparison();
}

void ReportFilterProxy::setHistoryFilter(HistoryFilter filter)
{
    if (filter == m_historyFilter)
        return;
    m_historyFilter = filter;
    refilter();
}

bool ReportFilterProxy::filtersHistory() const
{
    return m_historyFilter != HistoryFilter::All && m_model && m_model->history();
}

bool ReportFilterProxy::isStatusVisible(TestStatus status) const
{
    return m_statusMask & (1u << static_cast<unsigned>(status));
}

bool ReportFilterProxy::isFiltering() const
{
    return !m_text.isEmpty() || m_statusMask != AllStatuses || filtersChanges() || filtersHistory();
}

void ReportFilterProxy::refilter()
{
    prepareGapMatches();
    computeOwnMatches(); // the per-test cache that filterAcceptsRow reads
    updateMatchCount();
    invalidateFilter();
    emit filterChanged();
}

void ReportFilterProxy::prepareGapMatches()
{
    m_gapTitleMatches.clear();
    if (m_model) {
        for (const Gap &gap : m_model->report().gaps)
            m_gapTitleMatches.push_back(!m_text.isEmpty() && textMatches(gap.title));
    }
}

void ReportFilterProxy::followTriage()
{
    // Sent by the model after it changed gap indices or titles, before its row signals end. A renamed gap
    // whose title now matches (or no longer does) changes which of its tests pass, and no row signal says
    // so: re-filter what the proxy has mapped. Moves need nothing here, the proxy re-maps on their signals.
    const std::vector<char> previous = m_gapTitleMatches;
    prepareGapMatches();
    if (!isFiltering())
        return;
    // Same size: no gap came or went, so the indices are the same gaps and a difference is a rename.
    const bool titleMatchFlipped = previous.size() == m_gapTitleMatches.size() && previous != m_gapTitleMatches;
    updateMatchCount();
    if (titleMatchFlipped)
        invalidateFilter();
}

void ReportFilterProxy::computeOwnMatches()
{
    // One pass over the tests decides what no triage edit changes (status, name, message): the proxy then
    // asks per row, often more than once, and gets a lookup instead of a text search. The gap's part is
    // decided when the proxy asks, from the row the test sits in, since a move changes it.
    m_testMatches.clear();
    if (m_model) {
        const int n = int(m_model->report().tests.size());
        m_testMatches.reserve(size_t(n));
        for (int i = 0; i < n; ++i)
            m_testMatches.push_back(char(ownMatch(i)));
    }
}

void ReportFilterProxy::updateMatchCount()
{
    int count = 0;
    if (m_model) {
        const auto &gaps = m_model->report().gaps;
        QHash<QString, bool> gapMatches; // by id: after a move the report names the tests' new gaps already
        for (int g = 0; g < gaps.size() && size_t(g) < m_gapTitleMatches.size(); ++g)
            gapMatches.insert(gaps[g].id, m_gapTitleMatches[size_t(g)]);
        const auto &tests = m_model->report().tests;
        for (int i = 0; i < tests.size() && size_t(i) < m_testMatches.size(); ++i) {
            const auto own = OwnMatch(m_testMatches[size_t(i)]);
            count += own == OwnMatch::Text || (own == OwnMatch::StatusOnly && gapMatches.value(tests[i].gapId)) ? 1 : 0;
        }
    }
    if (count != m_matchCount) {
        m_matchCount = count;
        emit matchCountChanged(count);
    }
}

bool ReportFilterProxy::textMatches(const QString &text) const
{
    if (m_useRegex)
        return m_regex.isValid() && m_regex.match(text).hasMatch();
    return text.contains(m_text, Qt::CaseInsensitive);
}

ReportFilterProxy::OwnMatch ReportFilterProxy::ownMatch(int testIndex) const
{
    const TestCase &t = m_model->report().tests[testIndex];
    if (!(m_statusMask & (1u << static_cast<unsigned>(t.status))))
        return OwnMatch::None;
    if (filtersChanges() && !(m_changeMask & (1u << static_cast<unsigned>(m_columns->changeOf(testIndex)))))
        return OwnMatch::None;
    if (filtersHistory() && !m_model->history()->matches(testIndex, m_historyFilter))
        return OwnMatch::None;
    if (m_text.isEmpty() || textMatches(t.name) || (!t.message.isEmpty() && textMatches(t.message)))
        return OwnMatch::Text;
    return OwnMatch::StatusOnly;
}

bool ReportFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (!m_model || !isFiltering())
        return true; // empty groups (a phase with only unnamed failures) stay visible when nothing filters
    const QModelIndex idx = m_model->index(sourceRow, 0, m_columns->mapToSource(sourceParent));
    const int testIndex = m_model->testIndexAt(idx);
    // Groups match by themselves only for failures the report counts without naming (the seed's E2E
    // phase): while failures are shown and no text, change or history filter narrows, such a group stays in view.
    // Otherwise recursive filtering shows a group when a test below it matches.
    // A gap without tests (just created, or named by the report with no tests) stays in view too while only
    // the status narrows: it is where the engineer drops the tests that belong to it.
    if (testIndex < 0) {
        if (!m_text.isEmpty() || filtersChanges() || filtersHistory())
            return false;
        const bool emptyGap = m_model->rowCount(idx) == 0 && !idx.data(GapIdRole).toString().isEmpty();
        return emptyGap || ((m_statusMask & statusBit(TestStatus::Failed)) && m_model->unnamedFailuresAt(idx) > 0);
    }
    if (size_t(testIndex) >= m_testMatches.size())
        return false;
    const auto own = OwnMatch(m_testMatches[size_t(testIndex)]);
    if (own != OwnMatch::StatusOnly)
        return own == OwnMatch::Text;
    // The gap of the row where the test sits now, so the answer changes exactly when its row moves.
    const int gap = m_model->gapIndexOfTest(testIndex);
    return gap >= 0 && size_t(gap) < m_gapTitleMatches.size() && m_gapTitleMatches[size_t(gap)];
}

} // namespace Gapwise

namespace Gapwise {

bool ReportFilterProxy::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    // Tests compare straight from the Report: sorting 20,000 siblings would otherwise build two QVariants
    // per comparison.
    const int a = m_model ? m_model->testIndexAt(m_columns->mapToSource(left)) : -1;
    const int b = m_model ? m_model->testIndexAt(m_columns->mapToSource(right)) : -1;
    if (a >= 0 && b >= 0 && left.column() == ReportTreeModel::NameColumn) {
        ensureNameRanks();
        return m_nameRanks[size_t(a)] < m_nameRanks[size_t(b)];
    }
    return QSortFilterProxyModel::lessThan(left, right);
}

// Case-insensitive name order, computed once per report on the first sort by name: every later (re)sort,
// such as the proxy re-inserting rows when a filter is cleared, then compares two ints.
void ReportFilterProxy::ensureNameRanks() const
{
    const auto &tests = m_model->report().tests;
    if (m_nameRanks.size() == size_t(tests.size()))
        return;
    std::vector<QString> keys; // folded once, so the sort compares plain UTF-16 (fast) instead of folding
    keys.reserve(size_t(tests.size()));
    for (const TestCase &t : tests)
        keys.push_back(t.name.toCaseFolded());
    std::vector<int> order(keys.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&keys](int x, int y) { return keys[size_t(x)] < keys[size_t(y)]; });
    m_nameRanks.assign(order.size(), 0);
    for (size_t i = 0; i < order.size(); ++i)
        m_nameRanks[size_t(order[i])] = int(i);
}

} // namespace Gapwise
