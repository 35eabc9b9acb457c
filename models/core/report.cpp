// SPDX-License-Identifier: GPL-3.0-or-later
#include "report.h"
#include "testdisplayname.h"

#include <QRegularExpression>

namespace Gapwise {

QString distinctTestName(const TestCase &t)
{
    if (!t.id.contains(QLatin1Char('#')))
        return t.name; // most tests: no regular expression to run
    static const QRegularExpression numbered(QStringLiteral("#\\d+$"));
    const QRegularExpressionMatch m = numbered.match(t.id);
    if (!m.hasMatch() || t.name.endsWith(m.captured(0)))
        return t.name;
    return t.name + QLatin1Char(' ') + m.captured(0);
}

int Report::phaseIndex(const QString &phaseId) const
{
    for (int i = 0; i < phases.size(); ++i) {
        if (phases[i].id == phaseId)
            return i;
    }
    return -1;
}

int Report::gapIndex(const QString &gapId) const
{
    for (int i = 0; i < gaps.size(); ++i) {
        if (gaps[i].id == gapId)
            return i;
    }
    return -1;
}

int Report::countTests(TestStatus status) const
{
    return int(std::count_if(tests.cbegin(), tests.cend(), [status](const TestCase &t) { return t.status == status; }));
}

} // namespace Gapwise
