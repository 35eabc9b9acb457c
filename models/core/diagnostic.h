// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace Gapwise {

enum class Severity
{
    Info,
    Warning,
    Error
};

// Something the importer noticed about the input: a contradiction, a skipped construct, no results at all.
struct Diagnostic
{
    Severity severity = Severity::Info;
    int line = 0; // 1-based; 0 when it concerns the whole file
    QString message;
};

QString severityName(Severity severity);

} // namespace Gapwise
