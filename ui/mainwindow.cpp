#include "mainwindow.h"

#include "importer.h"

#include <QLabel>
#include <QStatusBar>

using namespace Gapwise;

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_summary(new QLabel(this))
{
    m_summary->setAlignment(Qt::AlignCenter);
    m_summary->setWordWrap(true);
    setCentralWidget(m_summary);
    resize(1000, 700);
}

QString MainWindow::sampleReportPath()
{
    return QStringLiteral(":/gapwise/sample-report.md");
}

bool MainWindow::openReport(const QString &path)
{
    const ImportResult result = importFile(path);
    if (!result.ok()) {
        statusBar()->showMessage(result.error.toString());
        return false;
    }
    const Report &r = *result.report;
    m_summary->setText(tr("<h2>%1</h2><p>%2 phases, %3 gaps, %4 tests</p>")
                           .arg(r.title.toHtmlEscaped())
                           .arg(r.phases.size())
                           .arg(r.gaps.size())
                           .arg(r.tests.size()));
    setWindowTitle(r.title);
    return true;
}
