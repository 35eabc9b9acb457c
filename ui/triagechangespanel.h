// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QLabel;
class QListWidget;
class QTimer;

namespace Gapwise {
class TriageSession;
}

// What the triage changed, as the exported plan will state it (the net effect of the edits in force), above
// the undo history of the edits themselves. Both read the session's undo stack, so the window and every
// export say the same thing.
class TriageChangesPanel : public QWidget
{
    Q_OBJECT
public:
    explicit TriageChangesPanel(Gapwise::TriageSession *session, QWidget *parent = nullptr);

    // "2 tests moved · 1 gap merged", or empty when the plan is the report as imported.
    QString countsText() const { return m_counts; }
    QStringList lines() const;

Q_SIGNALS:
    void summaryChanged(const QString &countsText);

private:
    void refresh();

    Gapwise::TriageSession *m_session;
    QLabel *m_heading;
    QListWidget *m_lines;
    QTimer *m_refresh;
    QString m_counts;
};
