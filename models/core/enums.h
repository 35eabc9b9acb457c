// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace Gapwise {

enum class TestStatus
{
    Passed,
    Failed,
    Error,
    Skipped,
    Unknown
};
enum class Priority
{
    P0,
    P1,
    P2,
    P3,
    None
};
enum class GapStatus
{
    Open,
    InProgress,
    Resolved,
    WontFix
};

QString statusName(TestStatus status); // "passed", "failed", "error", "skipped", "unknown"
TestStatus statusFromName(const QString &name);
bool isFailing(TestStatus status);

QString priorityName(Priority priority); // "P0".."P3", "" for None
// Accepts "P0".."P3" and the words Critical/Blocker → P0, High → P1, Medium → P2, Low → P3.
Priority priorityFromText(const QString &text);

QString gapStatusName(GapStatus status); // "open", "in progress", "resolved", "won't fix"
GapStatus gapStatusFromName(const QString &name);

} // namespace Gapwise
