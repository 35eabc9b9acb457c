// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "importer.h"

class QIODevice;

namespace Gapwise {

// xUnit.net v2 XML (`-xml`, <assemblies>/<assembly>/<collection>/<test>; v1's <class> is read as a collection).
// A test is named by its type and method; the assembly stands for the outermost suite when phases are
// chosen, as for JUnit; traits go to the details. Assembly-level errors (fixture cleanup) are warnings: xUnit
// does not count them as tests. Rules: README "Formats".
ImportResult importXUnit(QIODevice *xml, const QString &displayName, const ImportControl &control = {});

} // namespace Gapwise
