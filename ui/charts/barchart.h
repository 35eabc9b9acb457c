// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QSet>
#include <QStringList>
#include <QWidget>

class QCustomPlot;
class QCPBars;
class QCPItemRect;
class QCPAxis;
class QLabel;
class QScrollArea;

namespace Gapwise {
class ChartDataAdapter;
}

// What the phase, gap and comparison charts share: a QCustomPlot whose bars are keyed 0..n-1, one id per key. Clicking
// a bar (the plot's own selection) highlights its whole stack and emits barActivated(id); highlight(ids)
// does the reverse for a selection made elsewhere. Numbers come from the chart adapter; this only draws.
class BarChart : public QWidget
{
    Q_OBJECT
public:
    // `adapter` holds the numbers; each change of them rebuilds the chart. A chart given its numbers some other
    // way (the comparison chart) has none and calls refresh() itself.
    // `bars`: Qt::Vertical bars stand on the x axis, Qt::Horizontal ones on the y axis (their keys' axis).
    // `emptyText` is said in the middle of the plot when no bar has a value (a report without results): empty
    // axes alone look like a chart that failed to draw.
    BarChart(
        Gapwise::ChartDataAdapter *adapter, Qt::Orientation bars, const QString &emptyText, QWidget *parent = nullptr);

    QCustomPlot *plot() const { return m_plot; }
    int barCount() const { return m_ids.size(); }
    QString idAt(int key) const { return m_ids.value(key); }
    int keyOf(const QString &id) const { return m_ids.indexOf(id); }
    QSet<QString> highlightedIds() const;
    QString toolTipAt(const QPoint &pos) const; // what the chart shows on hover; empty between bars
    QPoint barCenter(const QString &id) const; // in plot widget coordinates, for tests and keyboard users
    int heightForAllBars() const; // the height at which every bar shows without scrolling, at this width

public slots:
    void highlight(const QStringList &ids);

signals:
    void barActivated(const QString &id);

protected:
    QCPAxis *keyAxis() const;

    void clearBars();
    void addBars(QCPBars *bars, const QColor &color);
    void setIds(const QStringList &ids) { m_ids = ids; }
    void setCaption(const QString &html);
    void refresh(); // rebuild + restyle + re-apply highlight + queued replot
    void applyPalette();
    bool eventFilter(QObject *watched, QEvent *event) override;
    void changeEvent(QEvent *event) override;

    Gapwise::ChartDataAdapter *m_adapter;
    QCustomPlot *m_plot;

private:
    // What a subclass draws, called by this class alone (refresh(), hovering): a subclass creates its bars
    // here (after clearBars()) and calls setIds() and addBars() for each.
    virtual void rebuild() = 0;
    virtual QString toolTipFor(int key) const = 0;
    void onPlotSelectionChanged();
    void applyHighlight();

    Qt::Orientation m_orientation;
    QString m_emptyText;
    QLabel *m_caption;
    QScrollArea *m_scroll;
    QStringList m_ids;
    QList<QCPBars *> m_bars;
    QList<QCPItemRect *> m_bands; // highlight backgrounds, rebuilt with the highlight
    QSet<int> m_highlighted; // keys
    bool m_built = false; // no virtual rebuild before the subclass is constructed
};
