#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Fails when a tracked C++ file is not as clang-format (the repository's .clang-format) would write it, or
# when a source file lacks its SPDX licence line. Seconds; CI runs it before building.
#   tests/static/check-format.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
status=0
mapfile -t sources < <(git ls-files '*.cpp' '*.h')
unformatted=$(printf '%s\n' "${sources[@]}" | xargs -P 2 -n 20 clang-format --dry-run -Werror 2>&1 | grep -oE '^[^:]+\.(cpp|h)' | sort -u || true)
if [ -n "$unformatted" ]; then
    echo "Not formatted by clang-format (run: clang-format -i FILE):"
    printf '  %s\n' $unformatted
    status=1
fi
mapfile -t licensed < <(git ls-files '*.cpp' '*.h' '*.sh' 'CMakeLists.txt' '*/CMakeLists.txt' '*.cmake' '.ci/run' 'build.sh')
missing=()
for f in "${licensed[@]}"; do
    head -3 "$f" | grep -q 'SPDX-License-Identifier: GPL-3.0-or-later' || missing+=("$f")
done
if [ ${#missing[@]} -gt 0 ]; then
    echo "Without an SPDX-License-Identifier: GPL-3.0-or-later line in the first three lines:"
    printf '  %s\n' "${missing[@]}"
    status=1
fi
[ $status -eq 0 ] && echo "format and licence lines: ${#sources[@]} C++ files formatted, ${#licensed[@]} files licensed"
exit $status
