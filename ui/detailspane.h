#pragma once

#include "sourcelines.h"

#include <QTextBrowser>

namespace Gapwise {
class ReportTreeModel;
}

// Shows the selected row: a test's status, message, phase, gap and the report line it came from; a gap's
// evidence and priority; a phase's command, counts and import errors.
class DetailsPane : public QTextBrowser
{
    Q_OBJECT
public:
    explicit DetailsPane(QWidget *parent = nullptr);

    void setSourceLines(const Gapwise::SourceLines &lines) { m_lines = lines; }
    void showIndex(const Gapwise::ReportTreeModel *model, const QModelIndex &sourceIndex);
    void showSummary(const Gapwise::ReportTreeModel *model);

private:
    QString testHtml(const Gapwise::ReportTreeModel *model, int testIndex) const;
    QString gapHtml(const Gapwise::ReportTreeModel *model, const QModelIndex &index) const;
    QString phaseHtml(const Gapwise::ReportTreeModel *model, const QModelIndex &index) const;
    QString quotedLine(int line) const;

    Gapwise::SourceLines m_lines;
};
