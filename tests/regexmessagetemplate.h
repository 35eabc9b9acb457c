// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

// messageTemplate() as it was made with regular expressions until the hand-written scanners replaced them
// (models/signatures/placeholderkinds.cpp): the reference tst_placeholder_scanner.cpp compares them with.
namespace Gapwise::Reference {

QString regexMessageTemplate(const QString &message);

} // namespace Gapwise::Reference
