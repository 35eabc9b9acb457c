#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Builds the libFuzzer targets with clang and runs each for SECONDS (default 60), seeded from tests/data.
#   tests/fuzz/run-fuzzers.sh [SECONDS] [TARGET...]
# A crash leaves its input as crash-* in the work folder; copy it to tests/data/fuzz-regressions/<target>/,
# fix the bug, and the regression test replays it forever after.
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-60}
shift || true
build=${GAPWISE_FUZZ_BUILD_DIR:-build-fuzz}
command -v clang++ >/dev/null || { echo "run-fuzzers.sh: libFuzzer needs clang (apt-get install clang libclang-rt-14-dev)" >&2; exit 2; }
# The same configuration as the sanitized test suite: pointing GAPWISE_FUZZ_BUILD_DIR at its build folder
# (CI does) builds only the fuzz targets. Tests stay as that folder has them.
if [ -f "$build/CMakeCache.txt" ]; then tests/sanitize/configure.sh "$build"
else tests/sanitize/configure.sh "$build" -DGAPWISE_BUILD_TESTS=OFF; fi
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(fuzz_markdown fuzz_junit fuzz_pytestlog fuzz_session fuzz_trx fuzz_nunit fuzz_xunit fuzz_ctrf)
cmake --build "$build" --parallel "${GAPWISE_JOBS:-2}" --target "${targets[@]}"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export QT_QPA_PLATFORM=offscreen
status=0
for target in "${targets[@]}"; do
    corpus="$work/$target"
    mkdir -p "$corpus"
    case "$target" in
        fuzz_session) find tests/data -name '*.gapwise' -exec cp {} "$corpus/" \; ;;
        fuzz_junit) find tests/data -type f -name '*.xml' -size -64k -exec cp {} "$corpus/" \; ;;
        fuzz_trx) find tests/data -type f -name '*.trx' -size -64k -exec cp {} "$corpus/" \; ;;
        fuzz_nunit|fuzz_xunit) find tests/data/dotnet -type f -name '*.xml' -size -64k -exec cp {} "$corpus/" \; ;;
        fuzz_ctrf) find tests/data -type f -name '*.json' -size -64k -exec cp {} "$corpus/" \; ;;
        fuzz_pytestlog) find tests/data -type f \( -name '*.log' -o -name '*.txt' \) -size -64k \
               -exec cp {} "$corpus/" \; ;;
        *) find tests/data -type f \( -name '*.md' -o -name '*.xml' -o -name '*.log' -o -name '*.txt' \) \
               -size -64k -exec cp {} "$corpus/" \; ;;
    esac
    if [ -d "tests/data/fuzz-regressions/$target" ]; then cp tests/data/fuzz-regressions/"$target"/* "$corpus/" 2>/dev/null || true; fi
    echo "== $target: $(find "$corpus" -type f | wc -l) seed inputs, ${seconds}s"
    # -rss_limit_mb: a hostile input must not eat memory; -timeout: nor hang.
    if ! (cd "$work" && "$OLDPWD/$build/tests/fuzz/$target" -max_total_time="$seconds" -timeout=10 \
            -rss_limit_mb=1024 -max_len=262144 -print_final_stats=1 "$corpus" 2>&1 | tail -15); then
        status=1
        echo "== $target found a problem; inputs left in $work:" && ls "$work"
        cp "$work"/crash-* "$work"/timeout-* "$work"/oom-* . 2>/dev/null || true
    fi
done
exit $status
