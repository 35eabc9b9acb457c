// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLocale>
#include <QString>
#include <QStringList>

namespace Gapwise {

// Qt lays out a line without a break opportunity in time that grows with the square of its length (a test name
// of 400,000 characters took 9 s in the details pane; one of 3,000,000 froze the window), and a report may hold
// such a line. What the window shows of one text stops at these lengths; Copy and the exports keep the whole.
constexpr int DisplayedNameChars = 500; // a name, a title, a quoted report line
constexpr int DisplayedTipChars = 1000; // a message in a tooltip
constexpr int DisplayedBlockChars = 20000; // a message, a stack trace or captured output in the details pane

// `text` cut after `limit` characters (never inside a surrogate pair), saying how many more there were.
QString cutForDisplay(const QString &text, int limit);

// The lines of `text`, split at any line break (CR LF, LF, CR, U+2028, U+2029).
QStringList textLines(const QString &text);
// `text` on one line, each line break shown as " ↵ ": a name or title with a line break in it (a JUnit name
// attribute may hold one) stays on its row and is not read as two.
QString onOneLine(const QString &text);
// `path` within `limit` characters: cut in its middle with "…", its start and its end (the file name, whole where it
// fits, and the folders just above it) kept, each cut made at a separator where there is one. A wrapping label broke
// a long path at whatever character reached the edge; this one has no break to make. Shorter paths are returned as
// they are.
QString middleElidedPath(const QString &path, int limit);

// A duration as people read it, never in scientific notation: "0.045 ms", "12.5 ms", "704 ms", "28 s",
// "4 min 5 s", "3 h 25 min", "277,677 h 47 min" (digits grouped as `locale` groups them).
QString durationText(double seconds, const QLocale &locale);

} // namespace Gapwise
