// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "enums.h"
#include "testhistorymarks.h"

#include <QRegularExpression>
#include <QSortFilterProxyModel>

#include <vector>

namespace Gapwise {

class ComparisonColumnProxy;
class ReportTreeModel;

// Filters tests by text (or a regular expression) over test name, message and gap title, by status, and by
// change class or run history when there are any. Its source is the report tree with the Change column that
// its own ComparisonColumnProxy adds (tree → Change column → filter); mapToTree and mapFromTree go between
// its rows and the tree's.
// Groups are shown when a test below them matches (recursive filtering), so parents of matches stay visible.
class ReportFilterProxy : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit ReportFilterProxy(QObject *parent = nullptr);

    void setReportModel(ReportTreeModel *model);
    ReportTreeModel *reportModel() const { return m_model; }
    // Where a comparison is set or ended (setComparison): the Change column between the tree and this filter.
    ComparisonColumnProxy *comparisonModel() const { return m_columns; }
    QModelIndex mapToTree(const QModelIndex &proxyIndex) const;
    QModelIndex mapFromTree(const QModelIndex &treeIndex) const;

    // An invalid regular expression matches nothing and leaves patternError() set, so the bar can say why.
    void setFilter(const QString &text, bool regularExpression);
    void setStatusVisible(TestStatus status, bool visible);
    bool isStatusVisible(TestStatus status) const;
    // Bit per TestStatus (1 << status); one refilter for any number of statuses.
    static constexpr unsigned AllStatuses = 0x1f;
    static constexpr unsigned statusBit(TestStatus s) { return 1u << static_cast<unsigned>(s); }
    // What a triager came for: everything but passed and skipped tests (the window's default).
    static constexpr unsigned FailuresFirst
        = AllStatuses & ~((1u << unsigned(TestStatus::Passed)) | (1u << unsigned(TestStatus::Skipped)));
    void setStatusMask(unsigned mask);
    unsigned statusMask() const { return m_statusMask; }
    // While runs are compared: only tests whose change class has its bit set (1 << ChangeClass). Ignored
    // when the source has no comparison.
    static constexpr unsigned AllChanges = 0x1ff;
    void setChangeFilter(unsigned changeMask);
    unsigned changeFilter() const { return m_changeMask; }
    // With a run history: only new failures, flaky tests or regressions (TestHistoryMarks). Ignored when the
    // model has no history.
    void setHistoryFilter(HistoryFilter filter);
    HistoryFilter historyFilter() const { return m_historyFilter; }
    QString patternError() const { return m_patternError; }
    bool isFiltering() const;

    int matchCount() const { return m_matchCount; } // tests that pass the filter, whatever the grouping

signals:
    void matchCountChanged(int count);
    void filterChanged(); // after every change of text, pattern or status toggles

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    enum class OwnMatch : char
    {
        None,
        StatusOnly,
        Text
    }; // StatusOnly: passes if its gap's title matches
    OwnMatch ownMatch(int testIndex) const;
    void followTriage();
    void followMove(const QModelIndex &parent, int first, int last, const QModelIndex &destination, int row);
    void computeOwnMatches();
    bool textMatches(const QString &text) const;
    bool filtersChanges() const;
    bool filtersHistory() const;
    void refilter();
    void prepareGapMatches();
    void updateMatchCount();
    void ensureNameRanks() const;

    ReportTreeModel *m_model = nullptr;
    ComparisonColumnProxy *m_columns; // the source: m_model with its Change column
    QString m_text;
    QRegularExpression m_regex;
    bool m_useRegex = false;
    QString m_patternError;
    unsigned m_statusMask = AllStatuses;
    unsigned m_changeMask = AllChanges; // bit per ChangeClass
    HistoryFilter m_historyFilter = HistoryFilter::All;
    int m_matchCount = 0;
    std::vector<char> m_testMatches; // OwnMatch per Report::tests index: what no triage edit changes
    std::vector<char> m_gapTitleMatches; // per Report::gaps index, after every filter change and triage edit
    mutable std::vector<int> m_nameRanks; // per Report::tests index; empty until the first sort by name
};

} // namespace Gapwise
