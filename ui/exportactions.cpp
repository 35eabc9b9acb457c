// SPDX-License-Identifier: GPL-3.0-or-later
#include "exportactions.h"

#include "pdfexporter.h"
#include "planformats.h"
#include "sessionfile.h"

#include <QAction>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QMenu>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QtConcurrent/QtConcurrentRun>

using namespace Gapwise;

namespace {

// The menu's mnemonic for each format (the table of formats itself is planformats.h).
QString menuText(Gapwise::PlanFormat format)
{
    switch (format) {
    case PlanFormat::Pdf:
        return ExportActions::tr("&PDF…");
    case PlanFormat::Markdown:
        return ExportActions::tr("&Markdown…");
    case PlanFormat::Csv:
        return ExportActions::tr("&CSV…");
    case PlanFormat::Json:
        return ExportActions::tr("&JSON…");
    case PlanFormat::Ctrf:
        return ExportActions::tr("C&TRF (JSON)…");
    }
    return {};
}

} // namespace

ExportActions::ExportActions(QWidget *window, Source source)
    : QObject(window)
    , m_window(window)
    , m_source(std::move(source))
{
    for (const PlanFormatInfo &info : planFormats()) {
        auto *action = new QAction(menuText(info.format), this);
        action->setStatusTip(tr("Write the remediation plan as %1").arg(info.name));
        connect(action, &QAction::triggered, this, [this, format = info.format] { chooseFileAndExport(format); });
        m_actions.append(action);
    }
}

void ExportActions::addTo(QMenu *fileMenu)
{
    QMenu *menu = fileMenu->addMenu(tr("&Export"));
    for (QAction *action : m_actions)
        menu->addAction(action);
}

QAction *ExportActions::action(Format format) const
{
    for (int i = 0; i < planFormats().size(); ++i) {
        if (planFormats().at(i).format == format)
            return m_actions.at(i);
    }
    return nullptr;
}

QString ExportActions::suggestedFileName(const QString &reportTitle, Format format)
{
    QString base = reportTitle.trimmed();
    base.replace(QRegularExpression(QStringLiteral("[^\\w.-]+")), QStringLiteral("-"));
    base = base.left(80);
    while (base.startsWith(QLatin1Char('-')) || base.startsWith(QLatin1Char('.')))
        base.remove(0, 1);
    while (base.endsWith(QLatin1Char('-')))
        base.chop(1);
    if (base.isEmpty())
        base = QStringLiteral("report");
    return base + (format == Format::Ctrf ? QStringLiteral("-ctrf.") : QStringLiteral("-plan."))
        + planFormatInfo(format).fileSuffix();
}

void ExportActions::chooseFileAndExport(Format format)
{
    if (m_busy) {
        emit statusMessage(tr("An export is still being written"));
        return;
    }
    const Request request = m_source();
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString path = QFileDialog::getSaveFileName(m_window, tr("Export the remediation plan"),
        QDir(dir).filePath(suggestedFileName(request.plan.run.title, format)),
        tr("%1 (*.%2)").arg(planFormatInfo(format).name, planFormatInfo(format).fileSuffix()));
    if (!path.isEmpty())
        exportTo(format, path);
}

bool ExportActions::exportTo(Format format, const QString &path)
{
    if (m_busy)
        return false;
    const Request request = m_source();
    // The charts are widgets, so they are recorded here; the pages and the file are written off the GUI thread.
    const PlanCharts charts
        = format == Format::Pdf ? PdfExporter::chartsFor(request.plan, request.triaged) : PlanCharts();
    const RemediationPlan plan = request.plan;
    m_busy = true;
    emit statusMessage(tr("Exporting the plan to %1…").arg(QFileInfo(path).fileName()));
    auto *watcher = new QFutureWatcher<QString>(this);
    connect(watcher, &QFutureWatcher<QString>::finished, this, [this, watcher, path] {
        const QString error = watcher->result();
        watcher->deleteLater();
        m_busy = false;
        if (error.isEmpty()) {
            emit statusMessage(tr("Exported the plan to %1").arg(QDir::toNativeSeparators(path)));
            emit exported(path);
        } else {
            const QString message
                = tr("Could not export the plan to %1: %2").arg(QDir::toNativeSeparators(path), error);
            emit statusMessage(tr("Export failed"));
            emit failed(message);
        }
    });
    watcher->setFuture(QtConcurrent::run([format, plan, charts, path]() -> QString {
        QString error;
        bool ok = false;
        if (format == Format::Pdf) {
            ok = PdfExporter::write(plan, charts, path, &error);
        } else {
            ok = writeFileAtomically(path, planToText(plan, format), &error);
        }
        return ok ? QString() : (error.isEmpty() ? tr("unknown error") : error);
    }));
    return true;
}
