// SPDX-License-Identifier: GPL-3.0-or-later
#include "planwriters.h"
#include "testdisplayname.h"

#include <QHash>

namespace Gapwise {
namespace {

    QString field(QString value)
    {
        // Spreadsheets run cells that start with = + - @ as formulas: a report must not be able to do that.
        if (!value.isEmpty() && QStringLiteral("=+-@\t\r").contains(value.at(0)))
            value.prepend(QLatin1Char('\''));
        if (value.contains(QLatin1Char(',')) || value.contains(QLatin1Char('"')) || value.contains(QLatin1Char('\n'))
            || value.contains(QLatin1Char('\r'))) {
            value.replace(QLatin1String("\""), QLatin1String("\"\""));
            return QLatin1Char('"') + value + QLatin1Char('"');
        }
        return value;
    }

    void writeRow(QString &out, const QStringList &cells)
    {
        for (int i = 0; i < cells.size(); ++i) {
            if (i > 0)
                out += QLatin1Char(',');
            out += field(cells[i]);
        }
        out += QStringLiteral("\r\n");
    }

    // With a comparison, each failing test's change class by test id (new-failure, still-failing, …).
    using ChangeById = QHash<QString, ChangeClass>;

    // `gap` null for the tests in no gap: their gap's title, owner, status and notes stay empty.
    void writeRows(QString &out, const QVector<PlanTestGroup> &groups, const Gap *gap, Priority priority,
        const ChangeById *changes)
    {
        for (const PlanTestGroup &group : groups) {
            for (const TestCase &t : group.tests) {
                QStringList cells { distinctTestName(t), group.phaseName, gap ? gap->title : QString(),
                    priorityName(priority), statusName(t.status), t.message };
                if (changes) // failing in both runs and not news (an expected failure) is "unchanged"
                    cells << changeClassKey(changes->value(t.id, ChangeClass::Unchanged));
                // Last, so that a reader of the earlier columns finds them where they were.
                cells << (gap ? gap->owner : QString()) << (gap ? gapStatusName(gap->status) : QString())
                      << (gap ? gap->notes : QString());
                writeRow(out, cells);
            }
        }
    }

} // namespace

QByteArray planToCsv(const RemediationPlan &plan)
{
    QString out = QStringLiteral("test,phase,gap,priority,status,message");
    if (plan.comparison)
        out += QStringLiteral(",change");
    out += QStringLiteral(",owner,gap status,notes\r\n"); // of the test's gap
    ChangeById changes;
    if (plan.comparison) {
        for (const ChangedTest &t : plan.comparison->tests) {
            if (t.inNew)
                changes.insert(t.id, t.change);
        }
    }
    const ChangeById *byId = plan.comparison ? &changes : nullptr;
    for (const PlanGap &g : plan.gaps)
        writeRows(out, g.testsByPhase, &g.gap, g.gap.priority, byId);
    writeRows(out, plan.unassigned, nullptr, Priority::None, byId);
    if (plan.comparison) {
        // Fixed tests, and removed ones that failed, fail nowhere in this run, yet a spreadsheet of the plan
        // should show them: after the failing ones, with the gap they had in the last run (a passing test is
        // rarely in a gap now), no priority, and the status of this run (none if removed). A removed test that
        // passed is no part of a remediation plan (a deleted suite would add thousands of rows).
        auto failedBefore = [](const ChangedTest &t) {
            return t.oldStatus == TestStatus::Failed || t.oldStatus == TestStatus::Error;
        };
        for (ChangeClass shown : { ChangeClass::Fixed, ChangeClass::Removed }) {
            for (const ChangedTest &t : plan.comparison->tests) {
                if (t.change == shown && (shown == ChangeClass::Fixed || failedBefore(t)))
                    writeRow(out,
                        { t.name, t.phase, t.oldGap, QString(), t.inNew ? statusName(t.newStatus) : QString(),
                            QString(), changeClassKey(t.change), QString(), QString(), QString() });
            }
        }
    }
    return out.toUtf8();
}

} // namespace Gapwise
