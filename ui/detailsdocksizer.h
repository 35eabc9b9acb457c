// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>

class QDockWidget;
class QMainWindow;
class QTextEdit;

// Gives the Details dock the height its content needs (a trace, captured output), from seven lines up to two
// fifths of the window (less in one shorter than 768 px), so a failure is read without scrolling and the tree keeps the
// rest. It only grows: shrinking for each short failure made the tree's rows jump under the cursor as the user walked
// through tests with the arrow keys. Once the user drags the dock's edge, the user's height holds: fitting stops, and
// sizedByHand() says so, for the settings to keep across runs. Behind another tab of the bottom area the pane is
// not fitted: the area is the other pane's then.
class DetailsDockSizer : public QObject
{
    Q_OBJECT
public:
    DetailsDockSizer(QMainWindow *window, QDockWidget *dock, QTextEdit *details);

    void fit(); // after the details changed, or the window took a new size
    // fit() when the details show another row than the last one fitted (`row` names it): the same row shown again
    // after an edit (a drop of tests onto a gap, an undo) keeps the height. forgetRow(): a new report's first row
    // is another row, whatever its name.
    void fitForRow(const QString &row);
    void forgetRow() { m_row = QStringLiteral("-"); }
    bool sizedByHand() const { return m_sizedByHand; }
    void setSizedByHand(bool byHand) { m_sizedByHand = byHand; }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    int tallest() const; // the most the pane grows to in this window

    QMainWindow *m_window;
    QDockWidget *m_dock;
    QTextEdit *m_details;
    bool m_sizedByHand = false;
    bool m_buttonDown = false; // a mouse button held on the window's own area: its separators
    bool m_fitting = false;
    bool m_inFront = false; // shown, and not behind another dock's tab
    QString m_row = QStringLiteral("-"); // the row last fitted
};
