// SPDX-License-Identifier: GPL-3.0-or-later
#include "diagnosticspanel.h"

#include <QHeaderView>
#include <QStyle>

using namespace Gapwise;

DiagnosticsPanel::DiagnosticsPanel(QWidget *parent)
    : QTreeWidget(parent)
{
    setObjectName(QStringLiteral("diagnosticsPanel"));
    setHeaderLabels({ tr("Severity"), tr("Line"), tr("Message") });
    setRootIsDecorated(false);
    setUniformRowHeights(true);
    setWordWrap(true);
    header()->setStretchLastSection(true);
    header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
}

void DiagnosticsPanel::setDiagnostics(const QVector<Diagnostic> &diagnostics)
{
    clear();
    QList<QTreeWidgetItem *> items;
    for (const Diagnostic &d : diagnostics) {
        auto *item = new QTreeWidgetItem(
            { severityName(d.severity), d.line > 0 ? QString::number(d.line) : QString(), d.message });
        const auto icon = d.severity == Severity::Error ? QStyle::SP_MessageBoxCritical
            : d.severity == Severity::Warning           ? QStyle::SP_MessageBoxWarning
                                                        : QStyle::SP_MessageBoxInformation;
        item->setIcon(0, style()->standardIcon(icon));
        item->setToolTip(2, d.message);
        items << item;
    }
    addTopLevelItems(items);
}
