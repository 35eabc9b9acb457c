// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace Gapwise {

// The test phase a path names through one of its directory segments: "tests/unit/test_a.py" → "unit",
// "com.acme.integration.FooIT" (dots as separators) → "integration", "e2e_tests/x.py" → "e2e".
// Only directory segments count (never the file or class itself), and only known phase words, so a
// package called "api" or "utils" never becomes a phase. Returns the canonical id or an empty string.
QString phaseWordOfPath(const QString &path, QChar separator = QLatin1Char('/'));

// "Unit", "Integration", "E2E" ... for a canonical id returned above.
QString phaseWordTitle(const QString &id);

// A lowercase id made of [a-z0-9-] from any text ("Jest Tests" → "jest-tests"); "phase" when empty.
QString slugify(const QString &text);

} // namespace Gapwise
