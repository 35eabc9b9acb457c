#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# One entry point for a fresh Debian 12 machine:
#   ./build.sh run [FILE]  install build dependencies, build, and open FILE (default: the bundled sample report)
#   ./build.sh test        install build dependencies, build, and run every test
set -euo pipefail
cd "$(dirname "$0")"

PACKAGES=(cmake g++ ninja-build qt6-base-dev qt6-base-dev-tools qt6-pdf-dev libqcustomplot-dev catch2
          libmd4c-dev libmd4c-html0-dev libxml2-dev libgl1-mesa-dev xvfb xauth poppler-utils libqt6sql6-sqlite
          libqt6sql6-psql postgresql)
BUILD_DIR=${GAPWISE_BUILD_DIR:-build}

install_dependencies() {
    local missing=()
    for p in "${PACKAGES[@]}"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    local sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    echo "Installing: ${missing[*]}"
    $sudo apt-get update
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y --no-install-recommends "${missing[@]}"
}

build() {
    cmake -S . -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE="${GAPWISE_BUILD_TYPE:-RelWithDebInfo}" "$@"
    cmake --build "$BUILD_DIR"
}

case "${1:-}" in
run)
    shift
    install_dependencies
    build
    exec "$BUILD_DIR/app/gapwise" "$@"
    ;;
test)
    install_dependencies
    build -DGAPWISE_WERROR=ON
    cd "$BUILD_DIR"
    QT_QPA_PLATFORM=offscreen ctest --output-on-failure --timeout 600 -j "$(nproc)"
    ;;
*)
    echo "usage: $0 run [FILE] | test" >&2
    exit 2
    ;;
esac
