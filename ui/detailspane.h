// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "failurehtml.h"
#include "sourcelines.h"

#include <QTextBrowser>

namespace Gapwise {
class ReportTreeModel;
struct Report;
}

// Shows the selected row: a test's own name, status, phase, gap, the report line it came from and its whole
// failure (expected/actual, message, stack trace with the project's frames linked, captured output; see
// failurehtml.h); a gap's evidence, remediation and tests; a phase's command, counts and import errors.
// Copy links put a section on the clipboard; file:line links ask for the source to be opened.
class DetailsPane : public QTextBrowser
{
    Q_OBJECT
public:
    explicit DetailsPane(QWidget *parent = nullptr);

    void setSourceLines(const Gapwise::SourceLines &lines) { m_lines = lines; }
    void showIndex(const Gapwise::ReportTreeModel *model, const QModelIndex &sourceIndex);
    void showSummary(const Gapwise::ReportTreeModel *model);
    // Where the shown test's source is (its file and line); empty when it names none.
    Gapwise::SourceLocation currentSource() const { return m_source; }
    // The report file the shown row was read from: what a relative source path is looked for beside.
    QString currentReportFile() const { return m_reportFile; }
    // The text a "copy:KEY" link copies ("trace", "stdout", "stderr", "message", "expected", "actual").
    QString copyText(const QString &key) const { return m_view.copyTexts.value(key); }

signals:
    void openSourceRequested(const QString &file, int line);

private:
    QString testHtml(const Gapwise::ReportTreeModel *model, int testIndex) const;
    QString gapHtml(const Gapwise::ReportTreeModel *model, const QModelIndex &index) const;
    QString gapTestsHtml(const Gapwise::ReportTreeModel *model, int gapIndex) const;
    QString phaseHtml(const Gapwise::ReportTreeModel *model, const QModelIndex &index) const;
    QString quotedLine(int line, int file) const;
    // "Report file: name, line N" with a link that opens the file at that line, and the line quoted.
    QString reportLineRows(const Gapwise::Report &report, int file, int line) const;

    void followLink(const QUrl &url);

    Gapwise::SourceLines m_lines;
    FailureView m_view; // of the test shown, for its links
    Gapwise::SourceLocation m_source; // of the test shown
    QString m_reportFile; // the file the shown row was read from
    QStringList m_reportFiles; // of the report shown, for the report-file links
};
