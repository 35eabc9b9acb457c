// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "importer.h"

class QIODevice;

namespace Gapwise {

// Visual Studio / `dotnet test --logger trx` results (the TestRun root element). Each top-level UnitTestResult
// is a test named by its TestMethod's class and the result's testName; data-driven inner results stay inside
// their test (its details and history). Phases as for JUnit, the assembly (TestDefinitions' storage) standing
// for the outermost suite. Rules: README "Formats".
ImportResult importTrx(QIODevice *xml, const QString &displayName, const ImportControl &control = {});

} // namespace Gapwise
