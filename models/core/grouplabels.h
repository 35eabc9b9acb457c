// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>
#include <QString>

namespace Gapwise {

// What the tree, the charts and the exports call the groups a report does not name: tests in no gap, tests
// of no phase. One place, so every view says the same words.
inline QString unassignedGroupTitle()
{
    return QCoreApplication::translate("Gapwise", "Unassigned");
}
inline QString noPhaseGroupTitle()
{
    return QCoreApplication::translate("Gapwise", "No phase");
}

} // namespace Gapwise
