// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace Gapwise {

// A test's name as a reader needs it: the test's own name (function, method, or the last node-id part) and
// the context it sits in (file, class, describe blocks). The tree shows the own name in full and the
// context dimmed after it, so two tests of one long file never read the same.
struct TestNameParts
{
    QString own; // "test_login[admin]"
    QString context; // "tests/e2e/test_auth.py::TestLogin", empty for a bare name
};

// Splits at the last "::" (pytest node ids, JUnit classname::name), else the last " › " or " > " (jest
// describe blocks), else the last '/' of a path-like name without spaces. Separators inside a
// parametrisation ("test_x[a::b/c]") never split.
TestNameParts splitTestName(const QString &name);

} // namespace Gapwise
