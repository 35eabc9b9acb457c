// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "report.h"

#include <QDialog>

class QLabel;
class QLineEdit;
class QListWidget;

// Ctrl+M: the gaps (and Unassigned) in a list that narrows as you type, best match first; Enter or a double
// click picks. A filter that leaves nothing to pick says so, and where a new gap is made.
class GapPickerDialog : public QDialog
{
    Q_OBJECT
public:
    GapPickerDialog(const Gapwise::Report &report, QWidget *parent = nullptr);
    QLineEdit *filterField() const { return m_filter; }
    QListWidget *list() const { return m_list; }
    // The line shown when the typed filter leaves no gap to pick ("No gap matches “xyz”"); empty when hidden.
    QString noMatchNote() const;
    // The gap every test to move is in ("" = Unassigned): listed, greyed, not to be picked, as in the context
    // menu's Move to Gap.
    void setOwnGap(const QString &gapId);
    // What the pick does ("Move 3 tests to gap"): the dialog's title and, in bold above the filter, its heading (a
    // window manager may show no title bar; QA saw a list of gaps with nothing to say what it was for).
    void setHeading(const QString &text);
    QString heading() const;
    // How well `text` matches a gap: 0 its whole title, 1 the title's start, 2 the start of a word in it,
    // 3 anywhere in `label` (the title with its priority), -1 not at all. Case is ignored.
    static int matchRank(const QString &title, const QString &label, const QString &text);

Q_SIGNALS:
    void gapChosen(const QString &gapId); // "" = Unassigned

private:
    void applyFilter(const QString &text);
    void choose();
    void selectFirstChoice();

    QLabel *m_heading;
    QLineEdit *m_filter;
    QListWidget *m_list;
    QLabel *m_noMatch;
};
