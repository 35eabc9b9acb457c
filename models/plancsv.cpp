#include "planwriters.h"

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

void writeRows(QString &out, const QVector<PlanTestGroup> &groups, const QString &gap, Priority priority)
{
    for (const PlanTestGroup &group : groups) {
        for (const TestCase &t : group.tests) {
            out += field(t.name) + QLatin1Char(',') + field(group.phaseName) + QLatin1Char(',') + field(gap)
                + QLatin1Char(',') + field(priorityName(priority)) + QLatin1Char(',') + field(statusName(t.status))
                + QLatin1Char(',') + field(t.message) + QStringLiteral("\r\n");
        }
    }
}

} // namespace

QByteArray planToCsv(const RemediationPlan &plan)
{
    QString out = QStringLiteral("test,phase,gap,priority,status,message\r\n");
    for (const PlanGap &g : plan.gaps)
        writeRows(out, g.testsByPhase, g.gap.title, g.gap.priority);
    writeRows(out, plan.unassigned, QString(), Priority::None);
    return out.toUtf8();
}

} // namespace Gapwise
