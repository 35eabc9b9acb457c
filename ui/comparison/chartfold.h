// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QWidget>

class QSplitter;
class QTabBar;

// The chart column of the window (a vertical splitter of charts) in a widget that can fold one chart behind
// another. While folding is allowed (comparison mode) and the column is too short for `back` (the phase chart)
// and `front` (the comparison chart) at their least heights, one of them shows at a time under a tab bar,
// `front` first; a taller column shows both again, at the heights they had. Its minimum height is then the
// folded one: in a 1024x600 window the two charts' minimums stacked, the banner and the Details pane made a
// window taller than the screen, and the splitter drew the comparison chart's caption under the phase chart.
class ChartFold : public QWidget
{
    Q_OBJECT
public:
    // The tabs, when folded, say `frontTitle` and `backTitle`.
    ChartFold(QSplitter *splitter, QWidget *back, const QString &backTitle, QWidget *front, const QString &frontTitle,
        QWidget *parent = nullptr);

    // Comparison mode on or off: off, both charts are shown again and the column is as it always was.
    void setFoldable(bool foldable);
    bool isFolded() const { return m_folded; }
    QTabBar *tabBar() const { return m_tabs; }
    QSize minimumSizeHint() const override;

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    int unfoldedHeight() const; // the least height that shows both charts
    void refold();
    void showTab(int index);

    QSplitter *m_splitter;
    QWidget *m_back;
    QWidget *m_front;
    QTabBar *m_tabs;
    QList<int> m_sizes; // the splitter's before it folded
    bool m_foldable = false;
    bool m_folded = false;
};
