// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "planformats.h"
#include "remediationplan.h"

#include <QObject>
#include <QVector>

#include <functional>

class QAction;
class QMenu;
class QWidget;

// File > Export ▸ PDF… / Markdown… / CSV… / JSON…: asks where, then writes the remediation plan off the GUI
// thread (a 5,000-test plan is hundreds of pages). The window decides what the plan is through `source`,
// called on the GUI thread when an export starts: today its open report, later its triage session.
class ExportActions : public QObject
{
    Q_OBJECT
public:
    using Format = Gapwise::PlanFormat;

    struct Request
    {
        Gapwise::RemediationPlan plan;
        Gapwise::Report triaged; // what the PDF's charts show
    };
    using Source = std::function<Request()>;

    ExportActions(QWidget *window, Source source);

    void addTo(QMenu *fileMenu);
    QAction *action(Format format) const;
    // Starts writing `path`; exported() or failed() follows. False when an export is still running.
    bool exportTo(Format format, const QString &path);
    bool isBusy() const { return m_busy; }

    static QString suggestedFileName(const QString &reportTitle, Format format);

signals:
    void exported(const QString &path);
    void failed(const QString &message);
    void statusMessage(const QString &text);

private:
    void chooseFileAndExport(Format format);

    QWidget *m_window;
    Source m_source;
    QVector<QAction *> m_actions; // in the order of planFormats()
    bool m_busy = false;
};
