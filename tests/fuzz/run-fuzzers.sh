#!/usr/bin/env bash
# Builds the libFuzzer targets with clang and runs each for SECONDS (default 60), seeded from tests/data.
#   tests/fuzz/run-fuzzers.sh [SECONDS] [TARGET...]
# A crash leaves its input as crash-* in the work folder; copy it to tests/data/fuzz-regressions/<target>/,
# fix the bug, and the regression test replays it forever after.
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-60}
shift || true
build=${GAPWISE_FUZZ_BUILD_DIR:-build-fuzz}
CXX=clang++ cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DGAPWISE_FUZZ=ON \
    -DGAPWISE_BUILD_TESTS=OFF >/dev/null
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(fuzz_markdown fuzz_session)
cmake --build "$build" --target "${targets[@]}"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export QT_QPA_PLATFORM=offscreen
status=0
for target in "${targets[@]}"; do
    corpus="$work/$target"
    mkdir -p "$corpus"
    case "$target" in
        fuzz_session) find tests/data -name '*.gapwise' -exec cp {} "$corpus/" \; ;;
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
