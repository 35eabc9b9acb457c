#pragma once

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

// Search field (text or regular expression), status toggles, grouping switch, the change filter while
// comparing runs, and the match count.
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
    QString matchText() const;
    void applyNow(); // skip the debounce (Enter, tests)

signals:
    void groupingChanged(int grouping); // Gapwise::Grouping as int

private:
    void updateCount();

    Gapwise::ReportFilterProxy *m_proxy;
    QLineEdit *m_search;
    QCheckBox *m_regex;
    QComboBox *m_grouping;
    QComboBox *m_change;
    QLabel *m_count;
    QTimer *m_debounce;
};
