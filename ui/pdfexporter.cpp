// SPDX-License-Identifier: GPL-3.0-or-later
#include "pdfexporter.h"

#include "pdfpagelayout.h"
#include "planpdfcontent.h"
#include "remediationplan.h"

#include <QLocale>
#include <QPainter>
#include <QPdfWriter>
#include <QSaveFile>

using namespace Gapwise;

namespace PdfExporter {

QPageSize defaultPageSize()
{
    const QLocale::Territory territory = QLocale().territory();
    return QPageSize(
        territory == QLocale::UnitedStates || territory == QLocale::Canada ? QPageSize::Letter : QPageSize::A4);
}

PlanCharts chartsFor(const RemediationPlan &plan, const Report &triaged)
{
    PlanCharts charts = renderPlanCharts(phaseChartData(triaged), gapChartData(triaged));
    if (plan.comparison)
        charts.comparison = renderComparisonChart(plan.comparison->gaps);
    return charts;
}

bool exportPlan(const RemediationPlan &plan, const Report &triaged, const QString &path, QString *error)
{
    return write(plan, chartsFor(plan, triaged), path, error);
}

bool write(const RemediationPlan &plan, const PlanCharts &charts, const QString &path, QString *error,
    const QPageSize &pageSize)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        if (error)
            *error = file.errorString();
        return false;
    }
    QPdfWriter writer(&file);
    writer.setPageSize(pageSize);
    writer.setPageMargins(QMarginsF(16, 14, 16, 14), QPageLayout::Millimeter);
    writer.setTitle(plan.run.title);
    writer.setCreator(QStringLiteral("Gapwise"));

    const QRectF paint(QPointF(0, 0), QSizeF(writer.pageLayout().paintRectPixels(writer.resolution()).size()));
    const qreal pt = writer.resolution() / 72.0;
    const qreal band = 18 * pt; // header and footer
    PdfPageLayout layout(&writer, paint.adjusted(0, band, 0, -band));
    layOutPlan(layout, plan, charts);

    QFont small(QStringLiteral("DejaVu Sans"));
    small.setPointSizeF(7.5);
    const QString exported = QObject::tr("Exported %1").arg(QLocale().toString(plan.exportedAt, QLocale::ShortFormat));
    const QString title = planTitle(plan);
    QPainter painter;
    if (!painter.begin(&writer)) {
        if (error)
            *error = QObject::tr("cannot start the PDF");
        return false;
    }
    const int pages = layout.pageCount();
    for (int i = 0; i < pages; ++i) {
        if (i > 0)
            writer.newPage();
        painter.setFont(small);
        painter.setPen(QColor(0x66, 0x66, 0x66));
        const QFontMetricsF metrics(small, &writer);
        const QString header = metrics.elidedText(title, Qt::ElideRight, paint.width() * 0.7);
        painter.drawText(QPointF(0, metrics.ascent()), header);
        painter.drawText(QPointF(paint.width() - metrics.horizontalAdvance(exported), metrics.ascent()), exported);
        painter.setPen(QPen(QColor(0xbb, 0xbb, 0xbb), 0.5 * pt));
        painter.drawLine(QPointF(0, band * 0.6), QPointF(paint.width(), band * 0.6));
        painter.drawLine(QPointF(0, paint.height() - band * 0.6), QPointF(paint.width(), paint.height() - band * 0.6));
        painter.setPen(QColor(0x66, 0x66, 0x66));
        const QString footer = QObject::tr("Page %1 of %2").arg(i + 1).arg(pages);
        painter.drawText(
            QPointF((paint.width() - metrics.horizontalAdvance(footer)) / 2, paint.height() - metrics.descent()),
            footer);
        layout.paintPage(painter, i);
    }
    painter.end();
    if (!file.commit()) {
        if (error)
            *error = file.errorString();
        return false;
    }
    return true;
}

} // namespace PdfExporter
