// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "bannerframe.h"

class QLabel;
class QProgressBar;
class QPushButton;

// The strip above the tree that says the window compares runs: while the comparison runs, a busy bar and
// Cancel; then what changed with Show details / End comparison; or why it could not compare.
class ComparisonBanner : public BannerFrame
{
    Q_OBJECT
public:
    explicit ComparisonBanner(QWidget *parent = nullptr);

    void showRunning(const QString &text);
    void showResult(const QString &html, const QString &detailsHtml);
    void showFailure(const QString &text);
    QString detailsText() const; // the second line (what was not carried over), as plain text
    QPushButton *cancelButton() const { return m_cancel; }
    QPushButton *detailsButton() const { return m_details; }
    QPushButton *endButton() const { return m_end; }

signals:
    void cancelRequested();
    void detailsRequested();
    void endRequested();
    void dismissRequested(); // the failure was read

private:
    enum class State
    {
        Running,
        Result,
        Failure
    };
    void showState(State state, const QColor &color);

    QLabel *m_second;
    QProgressBar *m_busy;
    QPushButton *m_cancel;
    QPushButton *m_details;
    QPushButton *m_end;
    QPushButton *m_dismiss;
};
