// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "placeholdertext.h"

// One scanner per placeholder kind of messageTemplate(): the end of the kind's match starting at i, or NoMatch.
// Each keeps the exact meaning of the regular expression it replaced, quoted above it in placeholderkinds.cpp
// (backtracking included): placeholderscanner.cpp applies them in the old order.
namespace Gapwise::Placeholders {

int url(const Text &t, int i); // <URL>
int uuid(const Text &t, int i); // <UUID>
int isoTimestamp(const Text &t, int i); // <TIMESTAMP>: 2024-05-01T10:00:00.123+02:00
int syslogTimestamp(const Text &t, int i); // <TIMESTAMP>: Fri Jun 17 07:07:00 2005
int dateOrTime(const Text &t, int i); // <TIMESTAMP>: 2024-05-01, 10:00:01
int path(const Text &t, int i); // <PATH>
int sourceLocation(const Text &t, int i); // <PATH>: main.cpp:58
int hostAndPort(const Text &t, int i); // <HOST:PORT>
int bareIpv4(const Text &t, int i); // <HOST:PORT>: 10.0.0.7
int address(const Text &t, int i); // <ADDR>: 0x7f3a2c1d9e50
int hexId(const Text &t, int i); // <HEX>
int number(const Text &t, int i); // <NUM>
int gluedNumber(const Text &t, int i); // <NUM>: user-42

} // namespace Gapwise::Placeholders
