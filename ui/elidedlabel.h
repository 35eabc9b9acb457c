// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLabel>

// A one-line plain-text label that gives up width: narrower than its text, it shows the text cut at its end with
// "…" and its tooltip has the whole. text() stays the whole text. For a line that shares a bar with something more
// important (the status bar's report summary beside the triage's change counts): a QLabel's minimum width is its
// whole text, and the bar cut it off at whatever letter its room ended.
class ElidedLabel : public QLabel
{
    Q_OBJECT
public:
    explicit ElidedLabel(const QString &text = QString(), QWidget *parent = nullptr);

    QString shownText() const; // the text as drawn at the label's width
    bool isElided() const { return shownText() != text(); }
    QSize minimumSizeHint() const override;

protected:
    bool event(QEvent *event) override;
    void paintEvent(QPaintEvent *event) override;
};
