// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "enums.h"

#include <QString>
#include <QStringList>

namespace Gapwise {

// Small text helpers shared by the Markdown recognisers.
namespace MarkdownText {

    // Removes emoji, pictographs and their modifiers, and folds white space.
    QString stripEmoji(const QString &text);

    // A heading as a title: emoji, "Phase N:" stays, trailing ':' and status words ("✅ CONFIRMED") go.
    QString cleanTitle(const QString &text);

    // The test a heading names in words ("#### 1. Cache Eviction Test", "### Test 2: Refund Fallback ✅"): its
    // title without the number, when the heading is numbered or calls itself a test; else empty.
    QString proseTestName(const QString &heading);

    // Lower-case ASCII slug for stable ids ("Unit Tests - X" → "unit-tests-x").
    QString slugify(const QString &text);

    // The status a piece of text states for a test: emoji or status words. `last` picks the latest one when
    // the text states several ("Before: FAILED … After: PASSED"); `history` receives the earlier ones.
    struct StatedStatus
    {
        TestStatus status = TestStatus::Unknown;
        bool expectedFailure = false;
        QString history;
    };
    StatedStatus statusStatedIn(const QString &text);

    // Status that a heading or lead-in line ("Failed Tests:", "PASSED Tests") gives the list below it.
    TestStatus statusOfGroupLabel(const QString &text);

    // Content words for matching titles against each other (lower case, stop words and plurals removed).
    QStringList titleWords(const QString &text);

    // A shell command line ("python -m pytest …", "$ npm test"): it names what ran, not a result.
    bool looksLikeCommand(const QString &text);

    // What follows a test's name on its line, without separators, status words and emoji.
    QString messageAfter(const QString &plain, const QString &identifier);

    // Whether a label ("Root Cause") matches a case-insensitive pattern.
    bool labelIs(const QString &label, const char *pattern);

} // namespace MarkdownText
} // namespace Gapwise
