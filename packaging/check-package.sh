#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Builds the .deb from an already built tree, installs it with apt, runs the installed program from / (away
# from the build tree), checks the desktop integration files, and removes the package again, also on failure.
#   packaging/check-package.sh BUILD_DIR
# Needs root (or sudo) and apt; CI runs it after the tests. Removes any installed gapwise package at the end.
set -euo pipefail

if [ $# -ne 1 ] || [ ! -f "$1/CPackConfig.cmake" ]; then
    echo "usage: $0 BUILD_DIR   (a configured and built Gapwise build directory)" >&2
    exit 2
fi
BUILD_DIR=$(cd "$1" && pwd)
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
# --version and --help go through QApplication; there is no display in CI.
export QT_QPA_PLATFORM=offscreen

step() { printf '\n== %s\n' "$*"; }
fail() { echo "check-package: FAILED: $*" >&2; exit 1; }

step "Building the package"
rm -f "$BUILD_DIR"/gapwise_*.deb
(cd "$BUILD_DIR" && cpack -G DEB)
debs=("$BUILD_DIR"/gapwise_*.deb)
if [ ${#debs[@]} -ne 1 ] || [ ! -f "${debs[0]}" ]; then
    fail "expected one gapwise_*.deb in $BUILD_DIR"
fi
DEB=${debs[0]}
dpkg-deb --info "$DEB"
contents=$(dpkg-deb --contents "$DEB")
echo "$contents"
for path in ./usr/bin/gapwise ./usr/share/gapwise/sample-report.md ./usr/share/man/man1/gapwise.1.gz \
            ./usr/share/mime/packages/gapwise.xml ./usr/share/icons/hicolor/scalable/apps/gapwise.svg \
            ./usr/share/icons/hicolor/16x16/apps/gapwise.png; do
    grep -q " $path\$" <<<"$contents" || fail "$path is not in the package"
done
if grep -q "gapwise_tests\|\.a\$\|/include/" <<<"$contents"; then
    fail "the package holds tests, static libraries or headers"
fi
version=$(dpkg-deb --field "$DEB" Version)

cleanup() {
    step "Removing the package"
    $SUDO apt-get remove -y gapwise || echo "check-package: could not remove gapwise" >&2
}
trap cleanup EXIT

step "Installing $DEB"
$SUDO apt-get install -y --no-install-recommends "$DEB"

# From /, so nothing can come from the build tree or the checkout.
cd /
step "Running the installed program"
[ "$(command -v gapwise)" = /usr/bin/gapwise ] || fail "gapwise on PATH is $(command -v gapwise), not /usr/bin/gapwise"
if command -v readelf >/dev/null && readelf -d /usr/bin/gapwise | grep -q "RPATH\|RUNPATH"; then
    fail "/usr/bin/gapwise carries an RPATH"
fi
out=$(gapwise --version)
echo "$out"
[ "$out" = "gapwise $version" ] || fail "gapwise --version printed '$out', expected 'gapwise $version'"
gapwise inspect /usr/share/gapwise/sample-report.md
gapwise inspect /usr/share/gapwise/sample-report.md --json >/dev/null
status=0
gapwise inspect /nonexistent/report.md 2>/dev/null || status=$?
[ "$status" -eq 3 ] || fail "gapwise inspect on a missing file exited $status, expected 3"
exports=$(mktemp -d)
for format in md csv json; do
    gapwise export --format "$format" /usr/share/gapwise/sample-report.md -o "$exports/plan.$format"
    [ -s "$exports/plan.$format" ] || fail "gapwise export --format $format wrote nothing"
done
grep -q "^# Remediation plan: " "$exports/plan.md" || fail "the exported Markdown plan has no title"
# The PDF draws its charts with a widget: without QT_QPA_PLATFORM or a display it must go offscreen by itself.
env -u QT_QPA_PLATFORM -u DISPLAY -u WAYLAND_DISPLAY \
    gapwise export --format pdf /usr/share/gapwise/sample-report.md -o "$exports/plan.pdf"
[ -s "$exports/plan.pdf" ] || fail "gapwise export --format pdf wrote nothing"
[ "$(head -c 5 "$exports/plan.pdf")" = "%PDF-" ] || fail "gapwise export --format pdf did not write a PDF"
if command -v pdfinfo >/dev/null; then
    pages=$(pdfinfo "$exports/plan.pdf" | awk '/^Pages:/ {print $2}')
    [ "${pages:-0}" -ge 2 ] || fail "the exported PDF plan has ${pages:-no} pages, expected at least 2"
    echo "PDF plan: $pages pages"
fi
rm -rf "$exports"

step "Checking the installed licence"
grep -q "^License: GPL-3.0-or-later" /usr/share/doc/gapwise/copyright || fail "no GPL-3.0-or-later copyright file"
echo "/usr/share/doc/gapwise/copyright: GPL-3.0-or-later"

step "Checking the installed desktop integration"
desktop=$(grep -l "^Exec=gapwise " /usr/share/applications/*.desktop || true)
[ -n "$desktop" ] || fail "no installed desktop entry runs gapwise"
if command -v desktop-file-validate >/dev/null; then
    desktop-file-validate "$desktop" && echo "desktop-file-validate $desktop: ok"
fi
if command -v appstreamcli >/dev/null; then
    appstreamcli validate --no-net /usr/share/metainfo/*gapwise*.metainfo.xml
fi
if command -v update-mime-database >/dev/null; then
    # shared-mime-info's dpkg trigger has rebuilt the database from /usr/share/mime/packages.
    grep -q "application/x-gapwise-session:\*\.gapwise" /usr/share/mime/globs2 ||
        fail "*.gapwise is not registered in /usr/share/mime/globs2"
    echo "MIME type application/x-gapwise-session registered for *.gapwise"
fi

step "Package check passed"
