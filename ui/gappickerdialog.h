// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "report.h"

#include <QDialog>

class QLineEdit;
class QListWidget;

// Ctrl+M: the gaps (and Unassigned) in a list that narrows as you type; Enter or a double click picks.
class GapPickerDialog : public QDialog
{
    Q_OBJECT
public:
    GapPickerDialog(const Gapwise::Report &report, QWidget *parent = nullptr);
    QLineEdit *filterField() const { return m_filter; }
    QListWidget *list() const { return m_list; }

Q_SIGNALS:
    void gapChosen(const QString &gapId); // "" = Unassigned

private:
    void applyFilter(const QString &text);
    void choose();

    QLineEdit *m_filter;
    QListWidget *m_list;
};
