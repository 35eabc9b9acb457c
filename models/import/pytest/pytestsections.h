// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace Gapwise {

// Line kinds of pytest terminal output beyond the ones in pytestlines.h (which the lead owns): the session
// banner, section rules, failure-block headers, "collected N items", the exception lines of a traceback.

// Strips what CI adds in front of pytest's own text: ANSI colours, GitHub Actions timestamps, xdist's
// "[gw0] [ 50%] " worker prefix.
QString cleanPytestLine(const QString &raw);

bool isSessionBanner(const QString &line); // "===== test session starts ====="

// "===== FAILURES =====" → "FAILURES"; empty when the line is not a section rule. Callers test for a
// tally first: "== 1 failed in 2s ==" is a rule too.
QString sectionTitle(const QString &line);

// "_____ TestC.test_y[1] _____" → "TestC.test_y[1]"; empty otherwise ("_ _ _ _" separators included).
QString blockTitle(const QString &line);

int collectedCount(const QString &line); // "collected 12 items / 1 error" → 12; -1 when not such a line

// "E   ModuleNotFoundError: No module named 'x'" → "ModuleNotFoundError: No module named 'x'"; the E-prefix
// lines of a traceback. Empty when the line is not one.
QString exceptionLineText(const QString &line);

// "tests/unit/test_a.py:12: AssertionError" → "AssertionError": pytest's location line after a traceback.
QString locationLineException(const QString &line);

// True for ImportError and ModuleNotFoundError messages: the "import errors" of a collection.
bool isImportErrorMessage(const QString &message);

} // namespace Gapwise
