#pragma once

#include <QMainWindow>

class QLabel;

// Placeholder main window: shows what was imported until the tree and chart views land.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
    bool openReport(const QString &path);
    static QString sampleReportPath();

private:
    QLabel *m_summary;
};
