// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Exit codes of every command, documented in README.md and gapwise.1.
namespace ExitCode {
constexpr int Ok = 0;
constexpr int NewFailures = 1; // gapwise compare: the new run has new failures
constexpr int Usage = 2;
constexpr int BadInput = 3; // a file that cannot be read, imported or written
} // namespace ExitCode
