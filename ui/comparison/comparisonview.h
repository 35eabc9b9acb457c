// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "comparisondigest.h"

#include <QFutureWatcher>
#include <QWidget>

class ComparisonChart;
class ComparisonColumns;
class QComboBox;
class QLabel;
class QSortFilterProxyModel;
class QTableView;
namespace Gapwise {
class ComparisonTableModel;
}

// The details of a comparison (the main window's "Show details", ComparisonMode): the changed tests of this
// run against an earlier one (a report or a .gapwise session, whose triage is carried over), filterable by
// change class, the since-last-run lines with per-gap and per-phase deltas, a chart of failures per gap old
// vs new, and what could not be carried over. compare() runs on its own (reading, matching and carrying
// over on a pool thread); showDigest() shows one computed elsewhere.
class ComparisonView : public QWidget
{
    Q_OBJECT
public:
    explicit ComparisonView(QWidget *parent = nullptr);
    ~ComparisonView() override;

    void compare(const QString &oldPath, const QString &newPath);
    const Gapwise::ComparisonDigest &digest() const;
    // Shows a digest computed elsewhere (the main window's comparison mode), without running anything.
    void showDigest(const Gapwise::ComparisonDigest &digest);
    // The shown comparison after triage edits (tests in other gaps, new deltas): updated in place, the table
    // keeps its selection and scroll position.
    void updateDigest(const Gapwise::ComparisonDigest &digest);

signals:
    void compared();
    void failed(const QString &message);

private:
    struct Outcome
    {
        Gapwise::ComparisonDigest digest;
        QString error;
    };
    static Outcome run(const QString &oldPath, const QString &newPath);
    void present(const Outcome &outcome);
    void showSummaryOf(const Gapwise::ComparisonDigest &digest);
    void filterChanged();

    Gapwise::ComparisonTableModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QLabel *m_summary;
    QComboBox *m_filter;
    QTableView *m_table;
    ComparisonColumns *m_columns;
    ComparisonChart *m_chart;
    QLabel *m_notCarried;
    QFutureWatcher<Outcome> m_watcher;
};
