// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "enums.h"

#include <QString>

namespace Gapwise {

// One line of pytest terminal output, as pasted into reports or read from a log.
struct PytestLine
{
    enum Kind
    {
        Other,
        Result,
        Tally,
        CollectionError
    };
    Kind kind = Other;
    QString nodeId;
    TestStatus status = TestStatus::Unknown;
    bool expectedFailure = false; // XFAIL
    QString message;
    // Tally ("== 51 passed, 7 failed, 2 errors in 51.07s =="); -1 where not stated.
    int passed = -1, failed = -1, errors = -1, skipped = -1, deselected = -1, xfailed = -1, xpassed = -1;
    double seconds = -1.0;
};

PytestLine parsePytestLine(const QString &line);

// Reads "N passed, M failed, K errors ... in Xs" anywhere in a line into `into` (counts stay -1 where
// absent). Returns how many count terms it found.
int parseTally(const QString &text, PytestLine &into);

// "1.95 seconds", "33.69s", "2m 5s", "0:01:05", "500ms" → seconds; -1 when none. A time of day
// ("2025-09-12 19:37:33 UTC", "03:04:36 PST", "12:07 - 13:00") is no duration.
double parseDuration(const QString &text);

} // namespace Gapwise
