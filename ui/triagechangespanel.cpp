// SPDX-License-Identifier: GPL-3.0-or-later
#include "triagechangespanel.h"

#include "triagechanges.h"
#include "triagesession.h"

#include <QLabel>
#include <QListWidget>
#include <QTimer>
#include <QUndoView>
#include <QVBoxLayout>

using namespace Gapwise;

TriageChangesPanel::TriageChangesPanel(TriageSession *session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_heading(new QLabel)
    , m_lines(new QListWidget)
    , m_refresh(new QTimer(this))
{
    m_heading->setObjectName(QStringLiteral("triageChangesHeading"));
    m_heading->setWordWrap(true);
    m_lines->setObjectName(QStringLiteral("triageChangesList"));
    m_lines->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_lines->setToolTip(tr("The net effect of your edits, as the exported plan states it"));

    auto *edits = new QUndoView(session->undoStack());
    edits->setObjectName(QStringLiteral("triageEditList"));
    edits->setEmptyLabel(tr("<imported report>"));
    edits->setToolTip(tr("Every edit, oldest first: click one to go back to it"));

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_heading);
    layout->addWidget(m_lines, 1);
    layout->addWidget(new QLabel(tr("Edits (click one to undo back to it):")));
    layout->addWidget(edits, 2);

    // A burst of edits (a drag of many tests, undo pressed repeatedly) is summarised once.
    m_refresh->setSingleShot(true);
    m_refresh->setInterval(100);
    connect(m_refresh, &QTimer::timeout, this, &TriageChangesPanel::refresh);
    connect(session, &TriageSession::changed, m_refresh, qOverload<>(&QTimer::start));
    connect(session, &TriageSession::modelReset, m_refresh, qOverload<>(&QTimer::start));
    refresh();
}

QStringList TriageChangesPanel::lines() const
{
    QStringList out;
    for (int i = 0; i < m_lines->count(); ++i)
        out << m_lines->item(i)->text();
    return out;
}

void TriageChangesPanel::refresh()
{
    const TriageChanges changes = summarizeEdits(*m_session).changes;
    m_lines->clear();
    m_lines->addItems(changeLines(changes));
    m_heading->setText(changes.any() ? tr("<b>What the triage changed</b> (as the exported plan states it)")
                                     : tr("<b>What the triage changed</b>: nothing yet, the plan is the report as "
                                          "imported."));
    m_lines->setVisible(changes.any());
    const QString counts = changeCountsText(changes);
    if (counts != m_counts) {
        m_counts = counts;
        Q_EMIT summaryChanged(m_counts);
    }
}
