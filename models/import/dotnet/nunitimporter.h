// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "importer.h"

class QIODevice;

namespace Gapwise {

// NUnit 3 result files (<test-run>) and NUnit 2 ones (<test-results>): test-suite elements nest down to
// test-case elements. A test is named by its class (the classname/fullname attribute) and its name; the
// assembly suite stands for the outermost suite when phases are chosen, as for JUnit. Rules: README "Formats".
ImportResult importNUnit(QIODevice *xml, const QString &displayName, const ImportControl &control = {});

} // namespace Gapwise
