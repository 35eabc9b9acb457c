// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace Gapwise {

// Text from a report or an engineer (titles, names, notes) put into the Markdown the plan writers make, so that
// it reads as written: never a heading, emphasis, link, HTML or a table's column break in an issue tracker.

// Running text or a table cell: Markdown's special characters backslash-escaped, white space folded to single
// spaces (a cell or list item stays one line).
QString markdownEscaped(const QString &text);
// A block an engineer wrote (a gap's notes), escaped line by line: its line breaks stay line breaks (a hard
// break, "\\" at the end of the line) and a blank line starts a new paragraph, where markdownEscaped() would
// run it all into one line.
QString markdownEscapedLines(const QString &text);
// A code span that holds `text` whole, whatever backticks it contains. In a table cell its '|' still ends the
// cell (GitHub's tables): escape them there.
QString markdownCode(const QString &text);

} // namespace Gapwise
