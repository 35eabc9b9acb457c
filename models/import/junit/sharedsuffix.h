// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace Gapwise {

// The end of `text` from `from` on, as a string that shares `text`'s characters instead of copying them: a test's
// name is the tail of its id ("unit:" + name), so 100,000 tests need one string each, not two. The result is an
// ordinary QString: equal to text.mid(from), null-terminated (it ends where `text` ends), and it detaches on the
// first change like any shared copy. Qt 6 strings may start anywhere in their block (QString::remove at the
// front leaves them so); this builds that state directly.
QString sharedSuffix(const QString &text, qsizetype from);

} // namespace Gapwise
