#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Builds everything with AddressSanitizer + UndefinedBehaviorSanitizer and runs the whole ctest suite.
# Any sanitizer report fails the run: ASan and UBSan halt on the first error, LeakSanitizer fails the
# process at exit. A leak inside a third-party library (fontconfig, Qt's platform plugins) would go into
# tests/sanitize/lsan.supp with the reason; none is needed today, and ours are never suppressed.
#   tests/sanitize/run-sanitized-tests.sh [ctest arguments...]
set -euo pipefail
cd "$(dirname "$0")/../.."
build=${GAPWISE_ASAN_BUILD_DIR:-build-asan}
tests/sanitize/configure.sh "$build" -DGAPWISE_BUILD_TESTS=ON
# Only what ctest runs (the app, the test binary and its child processes): the benchmarks and screenshot
# tools are not tests, and linking each one with the sanitizers costs CI minutes.
cmake --build "$build" --parallel "${GAPWISE_JOBS:-2}" --target gapwise gapwise_tests

export QT_QPA_PLATFORM=offscreen
export ASAN_OPTIONS="halt_on_error=1:abort_on_error=0:detect_leaks=1:detect_stack_use_after_return=1:strict_string_checks=1:check_initialization_order=1:print_summary=1"
export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1:print_summary=1"
export LSAN_OPTIONS="suppressions=$PWD/tests/sanitize/lsan.supp:print_suppressions=1"
cd "$build"
# Debug + ASan runs several times slower than a release build: a generous per-test timeout.
ctest --output-on-failure --timeout 900 -j "${GAPWISE_JOBS:-2}" "$@"
