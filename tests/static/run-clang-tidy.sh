#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# clang-tidy with the repository's .clang-tidy over app/, ui/ and models/, using a configured build's
# compile_commands.json (its moc and resource files must exist: run after building). Any finding fails.
#   tests/static/run-clang-tidy.sh BUILD_DIR
set -euo pipefail
cd "$(dirname "$0")/../.."
build=${1:?usage: run-clang-tidy.sh BUILD_DIR}
tidy=$(command -v run-clang-tidy-14 || command -v run-clang-tidy)
"$tidy" -quiet -p "$build" -j "${GAPWISE_JOBS:-2}" "$PWD/(app|ui|models)/.*\.cpp$" >"$build/clang-tidy.log" 2>&1 || true
if grep -E '(warning|error): ' "$build/clang-tidy.log" | grep -v '^Error while processing' >/dev/null; then
    grep -E -A3 '(warning|error): ' "$build/clang-tidy.log" | head -200
    echo "clang-tidy: findings above (whole log: $build/clang-tidy.log)"
    exit 1
fi
echo "clang-tidy: no findings in app/, ui/, models/"
