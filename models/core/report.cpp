// SPDX-License-Identifier: GPL-3.0-or-later
#include "report.h"

namespace Gapwise {

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
