// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace Gapwise {

struct TestCase;

// The name a test is shown by: its name, and where another test of its run has the same name (a JUnit case
// listed twice, not a rerun) the number its id has, "…::test_x #2", so that two rows of one name are told apart.
// Every list of tests a person reads (the window's comparison, every plan format, edits that did not carry
// over) names tests so.
QString distinctTestName(const TestCase &test);

} // namespace Gapwise
