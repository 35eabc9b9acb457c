// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace Gapwise {

// The variable parts of a whitespace-simplified message replaced by typed placeholders (messagetemplate.h).
// Hand-written scanners in place of regular expressions: signatures are made for every failure of a report,
// and matching a dozen QRegularExpressions per message was most of the time of grouping 100,000 failures.
// Each kind keeps the exact meaning of the regular expression it replaced (quoted above its scanner in
// placeholderkinds.cpp), applied in the same order, so templates stay what they were.
QString withPlaceholders(const QString &simplified);

} // namespace Gapwise
