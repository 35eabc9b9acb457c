// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QProgressBar;
class QToolButton;
class ImportRunner;

// Status-bar progress for the running import, with a Cancel button that is always there while it runs.
// Starts indeterminate until the importer reports its first step.
class ImportProgress : public QWidget
{
    Q_OBJECT
public:
    explicit ImportProgress(ImportRunner *runner, QWidget *parent = nullptr);
    QToolButton *cancelButton() const { return m_cancel; }

private:
    QProgressBar *m_bar;
    QToolButton *m_cancel;
};
