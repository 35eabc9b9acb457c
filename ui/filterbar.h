// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "enums.h"

#include <QPair>
#include <QVector>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QTimer;
class QToolButton;

namespace Gapwise {
class ReportFilterProxy;
}

// Search field (text or regular expression) and the match count, and below them, wrapping onto more lines
// in a narrow pane: what statuses show, failures first ("Show passed and skipped (4,140)" off), or only the tests
// of one status chip ("Failed 2": click to show only these, click again to go back), what the run history
// says (new, flaky, regressions) once there is one, the change filter while comparing runs and the grouping.
// Typing is debounced so a 100,000-test tree refilters once per pause, not per keystroke.
class FilterBar : public QWidget
{
    Q_OBJECT
public:
    explicit FilterBar(Gapwise::ReportFilterProxy *proxy, QWidget *parent = nullptr);

    QLineEdit *searchField() const { return m_search; }
    QComboBox *groupingBox() const { return m_grouping; }
    // The change-class filter, shown only while runs are compared; ending a comparison resets it.
    QComboBox *changeBox() const { return m_change; }
    void setComparisonActive(bool active);
    // All tests, or only the new, flaky or regressed ones by the run history; shown once a history was
    // loaded, enabled while the tree has one (a new report resets it to all).
    QComboBox *historyBox() const { return m_history; }
    QString matchText() const;
    void applyNow(); // skip the debounce (Enter, tests)
    // Failures first (off) or every status (on); a new report resets it: off, unless nothing fails.
    QCheckBox *showPassedBox() const { return m_showPassed; }
    void setShowPassed(bool show);
    void resetForReport();
    // The chip that shows only tests of `status` (failed, error, passed, skipped).
    QToolButton *statusChip(Gapwise::TestStatus status) const;

signals:
    void groupingChanged(int grouping); // Gapwise::Grouping as int

private:
    void updateCount();
    void updateStatusCounts();
    void applyStatusMask();
    void followHistory();
    QWidget *labelled(const QString &label, QComboBox *choice); // the label and the choice on one line

    Gapwise::ReportFilterProxy *m_proxy;
    QLineEdit *m_search;
    QCheckBox *m_regex;
    QComboBox *m_grouping;
    QComboBox *m_change;
    QComboBox *m_history;
    QWidget *m_changeChoice = nullptr; // m_change with its label
    QWidget *m_historyChoice = nullptr; // m_history with its label
    QLabel *m_count;
    QTimer *m_debounce;
    QCheckBox *m_showPassed;
    QVector<QPair<Gapwise::TestStatus, QToolButton *>> m_chips;
};
