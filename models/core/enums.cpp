// SPDX-License-Identifier: GPL-3.0-or-later
#include "enums.h"
#include "diagnostic.h"

#include <QRegularExpression>

namespace Gapwise {

QString statusName(TestStatus status)
{
    switch (status) {
    case TestStatus::Passed:
        return QStringLiteral("passed");
    case TestStatus::Failed:
        return QStringLiteral("failed");
    case TestStatus::Error:
        return QStringLiteral("error");
    case TestStatus::Skipped:
        return QStringLiteral("skipped");
    case TestStatus::Unknown:
        break;
    }
    return QStringLiteral("unknown");
}

TestStatus statusFromName(const QString &name)
{
    for (auto s : { TestStatus::Passed, TestStatus::Failed, TestStatus::Error, TestStatus::Skipped }) {
        if (name.compare(statusName(s), Qt::CaseInsensitive) == 0)
            return s;
    }
    return TestStatus::Unknown;
}

bool isFailing(TestStatus status)
{
    return status == TestStatus::Failed || status == TestStatus::Error;
}

QString priorityName(Priority priority)
{
    switch (priority) {
    case Priority::P0:
        return QStringLiteral("P0");
    case Priority::P1:
        return QStringLiteral("P1");
    case Priority::P2:
        return QStringLiteral("P2");
    case Priority::P3:
        return QStringLiteral("P3");
    case Priority::None:
        break;
    }
    return QString();
}

Priority priorityFromText(const QString &text)
{
    static const QRegularExpression code(QStringLiteral("\\bP([0-3])\\b"));
    const auto m = code.match(text);
    if (m.hasMatch())
        return static_cast<Priority>(m.captured(1).toInt());
    static const QRegularExpression word(QStringLiteral("\\b(critical|blocker|urgent|high|medium|moderate|low)\\b"),
        QRegularExpression::CaseInsensitiveOption);
    const auto w = word.match(text);
    if (!w.hasMatch())
        return Priority::None;
    const QString v = w.captured(1).toLower();
    if (v == QLatin1String("critical") || v == QLatin1String("blocker") || v == QLatin1String("urgent"))
        return Priority::P0;
    if (v == QLatin1String("high"))
        return Priority::P1;
    if (v == QLatin1String("medium") || v == QLatin1String("moderate"))
        return Priority::P2;
    return Priority::P3;
}

QString gapStatusName(GapStatus status)
{
    switch (status) {
    case GapStatus::Open:
        break;
    case GapStatus::InProgress:
        return QStringLiteral("in progress");
    case GapStatus::Resolved:
        return QStringLiteral("resolved");
    case GapStatus::WontFix:
        return QStringLiteral("won't fix");
    }
    return QStringLiteral("open");
}

GapStatus gapStatusFromName(const QString &name)
{
    for (auto s : { GapStatus::InProgress, GapStatus::Resolved, GapStatus::WontFix }) {
        if (name.compare(gapStatusName(s), Qt::CaseInsensitive) == 0)
            return s;
    }
    return GapStatus::Open;
}

QString severityName(Severity severity)
{
    switch (severity) {
    case Severity::Info:
        break;
    case Severity::Warning:
        return QStringLiteral("warning");
    case Severity::Error:
        return QStringLiteral("error");
    }
    return QStringLiteral("info");
}

} // namespace Gapwise
