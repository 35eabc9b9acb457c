// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "diagnostic.h"

#include <QTreeWidget>

// What the importer noticed about the input (contradictions, skipped constructs), one row per diagnostic.
class DiagnosticsPanel : public QTreeWidget
{
    Q_OBJECT
public:
    explicit DiagnosticsPanel(QWidget *parent = nullptr);
    void setDiagnostics(const QVector<Gapwise::Diagnostic> &diagnostics);
};
